package vn.dxgov.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.assessment.CriteriaSets;
import vn.dxgov.support.TestClock;
import vn.dxgov.support.Chromium;
import vn.dxgov.support.TestData;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;

/**
 * The rankings map in a real browser (Debian's headless Chromium): a district round of 2024 colours Thanh Hóa's 26
 * pre-2025 districts on a plain background (no tiles), by classification and by score, with a legend and a tooltip,
 * on a desktop and a phone screen; a commune round after the reform shows the fallback message and the table.
 * Skipped when Chromium or chromedriver is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.Config.class)
class RankingsBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Assessments assessments;
    @Autowired
    CriteriaSets criteriaSets;
    @Autowired
    AdminUnits units;
    @Autowired
    UserDetailsService accounts;

    Chromium browser;
    WebDriver driver;

    @BeforeEach
    void browser() throws Exception {
        browser = Chromium.start();
        driver = browser.driver();
        data.ensureUnits();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @SuppressWarnings("unchecked")
    List<String> fills() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#rank-map path[data-unit]')).map(p => p.getAttribute('fill'));");
    }

    @Test
    void theMapColoursThanhHoasDistrictsAndFallsBackForCommunesAfterTheReform() {
        RankingFixture fx = new RankingFixture(assessments, criteriaSets, units, accounts);
        long district = fx.open("Bản đồ cấp huyện 2024", UnitLevel.DISTRICT, 2024, LocalDate.of(2024, 12, 31), "38", null).id();
        List<Long> districts = fx.unitIds(district);
        Map<Long, Integer> totals = new LinkedHashMap<>();
        for (int i = 0; i < districts.size(); i++) {
            totals.put(districts.get(i), 95 - 2 * i);   // 95 .. 45: Tốt, Khá and Trung bình
        }
        fx.publish(district, totals);
        AdminUnit thanhHoa2025 = fx.province("38", LocalDate.of(2025, 12, 31));
        List<Long> communes = fx.ids(units.below(thanhHoa2025.id(), UnitLevel.COMMUNE).subList(0, 2));
        long commune = fx.open("Bản đồ cấp xã 2025", UnitLevel.COMMUNE, 2025, LocalDate.of(2025, 12, 31), "38", communes).id();
        fx.publish(commune, Map.of(communes.get(0), 70, communes.get(1), 82));

        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        String base = "http://localhost:" + port;
        driver.get(base + "/rankings?round=" + district);
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.id("username")).sendKeys("viewer");
        driver.findElement(By.id("password")).sendKeys("dxgov-demo");
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlContains("/rankings"));
        driver.get(base + "/rankings?round=" + district);

        WebElement map = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rank-map.rank-map-ready")));
        assertThat(map.getDomAttribute("data-error")).isNull();
        assertThat(map.getDomAttribute("data-drawn")).isEqualTo("26");
        List<String> byClass = fills();
        assertThat(byClass).hasSize(26).doesNotContainNull().doesNotContain("#d9d9d9");
        assertThat(new HashSet<>(byClass)).as("one colour per classification").hasSize(3);
        assertThat(driver.findElements(By.cssSelector(".leaflet-tile"))).as("no tile server").isEmpty();
        String legend = driver.findElement(By.id("rank-legend")).getText();
        assertThat(legend).contains("Chú giải").contains("Tốt").contains("Khá").contains("Trung bình");
        assertThat(driver.findElements(By.cssSelector("#rank-table .rank-row"))).hasSize(26);

        // by score: five bands
        driver.findElement(By.cssSelector("#rank-map-modes [data-mode=score]")).click();
        wait.until(d -> "score".equals(d.findElement(By.id("rank-map")).getDomAttribute("data-mode")));
        Set<String> byScore = new HashSet<>(fills());
        assertThat(byScore).hasSize(5).doesNotContain("#d9d9d9");
        assertThat(driver.findElement(By.id("rank-legend")).getText()).contains("95").contains("45");

        // a tooltip: name, score, rank and classification of the best district
        WebElement best = driver.findElement(By.cssSelector("#rank-map path[data-unit='" + districts.get(0) + "']"));
        new Actions(driver).moveToElement(best).perform();
        WebElement tip = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-tooltip")));
        assertThat(tip.getText()).contains("Điểm: 95").contains("Hạng: 1/26").contains("Xếp loại: Tốt");

        // the htmx filter: text without diacritics narrows the table in place, the URL can be bookmarked,
        // and the map is drawn again
        driver.findElement(By.id("f-q")).sendKeys("nga son");
        wait.until(d -> d.findElements(By.cssSelector("#rank-table .rank-row")).size() == 1);
        wait.until(ExpectedConditions.urlContains("q=nga"));
        assertThat(driver.findElement(By.cssSelector("#rank-table .rank-unit")).getText()).isEqualTo("Huyện Nga Sơn");
        WebElement again = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rank-map.rank-map-ready")));
        assertThat(again.getDomAttribute("data-drawn")).isEqualTo("26");

        // a phone: the map fits the screen and still draws every district
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(base + "/rankings?round=" + district);
        WebElement phoneMap = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rank-map.rank-map-ready")));
        assertThat(phoneMap.getDomAttribute("data-drawn")).isEqualTo("26");
        assertThat(phoneMap.getSize().getWidth()).isLessThanOrEqualTo(390);
        @SuppressWarnings("unchecked")
        List<Number> widths = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
        assertThat(widths.get(0).intValue()).as("page width on a phone").isLessThanOrEqualTo(widths.get(1).intValue());

        // the commune round after the reform: no boundaries, a clear message and the table
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(base + "/rankings?round=" + commune);
        WebElement fallback = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("map-fallback")));
        assertThat(fallback.getText()).contains("sau ngày 1/7/2025").contains("bảng xếp hạng");
        assertThat(driver.findElements(By.id("rank-map"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#rank-table .rank-row"))).hasSize(2);

        // provinces after the reform: Thái Nguyên drawn as old Thái Nguyên and Bắc Kạn, Thanh Hóa as itself
        LocalDate d25 = LocalDate.of(2025, 12, 31);
        List<Long> provinces = List.of(fx.province("19", d25).id(), fx.province("38", d25).id());
        long province = fx.open("Bản đồ cấp tỉnh 2025", UnitLevel.PROVINCE, 2025, d25, null, provinces).id();
        fx.publish(province, Map.of(provinces.get(0), 70, provinces.get(1), 85));
        driver.get(base + "/rankings?round=" + province);
        WebElement provinceMap = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rank-map.rank-map-ready")));
        assertThat(provinceMap.getDomAttribute("data-drawn")).isEqualTo("3");
        assertThat(driver.findElements(By.cssSelector("#rank-map path[data-unit='" + provinces.get(0) + "']"))).hasSize(2);
        assertThat(driver.findElement(By.id("map-predecessors")).getText()).contains("tỉnh cũ");

        // the profile page of the best district draws its charts
        driver.get(base + "/rankings/units/" + districts.get(0));
        wait.until(d -> d.findElements(By.cssSelector("#groups-chart canvas")).size() > 0);
        assertThat(driver.findElements(By.cssSelector("#trend-chart canvas"))).isNotEmpty();
        assertThat(driver.findElement(By.id("unit-rank")).getText()).isEqualTo("1/26");
        assertThat(driver.findElement(By.id("unit-page")).getDomAttribute("href")).isEqualTo("/units/" + districts.get(0));
    }
}
