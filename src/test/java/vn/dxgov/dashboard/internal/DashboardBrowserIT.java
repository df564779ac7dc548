package vn.dxgov.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorTypes;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.security.Role;
import vn.dxgov.support.Chromium;
import vn.dxgov.support.Http;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.SeedImports;
import vn.dxgov.support.TestData;
import vn.dxgov.support.TestUsers;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.units.AdminUnits;

/**
 * The leader's first page in a real browser: a leader of Thanh Hóa logs in and lands on the dashboard, on a desktop
 * and on a phone (390 × 844, no horizontal overflow), screenshots in target/screenshots; a target off track is
 * clicked through to its page. Skipped without Debian's chromium and chromium-driver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DashboardBrowserIT {

    static final Path SHOTS = Path.of("target/screenshots");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicatorData;
    @Autowired
    TestUsers users;
    @Autowired
    TargetCatalog targets;
    @Autowired
    IndicatorCatalog indicators;
    @Autowired
    DataValueStore values;
    @Autowired
    AdminUnits units;

    final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    Chromium browser;
    WebDriver driver;
    long offTrack;

    @BeforeEach
    void seed() throws IOException {
        browser = Chromium.start();
        driver = browser.driver();
        data.resetPlans();
        indicatorData.reset();
        data.ensureUnits();
        long plan = SeedImports.importAndPublish(port, SeedImports.SEED_001);
        long thanhHoa = units.find("38", LocalDate.now()).orElseThrow().id();
        // the digital economy's share stayed far below 20% until its deadline (2025): off track
        Target t = targets.forPlan(plan, TargetFilter.ALL).stream()
                .filter(x -> x.text().startsWith("Kinh tế số chiếm 20%")).findFirst().orElseThrow();
        offTrack = t.id();
        Indicator ind = indicators.find(t.indicatorId()).orElseThrow();
        List<DataValueInput> in = new ArrayList<>();
        for (int year = 2022; year <= 2025; year++) {
            BigDecimal v = BigDecimal.valueOf(year - 2014);
            in.add(ind.valueType() == IndicatorTypes.ValueType.RATIO
                    ? new DataValueInput(ind.id(), thanhHoa, String.valueOf(year), null, v, BigDecimal.valueOf(100), null)
                    : new DataValueInput(ind.id(), thanhHoa, String.valueOf(year), v, null, null, null));
        }
        values.write(in, ValueSource.FORM, null, false);
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aLeaderLandsOnTheDashboardOnADesktopAndAPhone() throws IOException {
        String leader = users.ensure("ld", run, Role.LEADER, null, "38");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        String base = "http://localhost:" + port;

        // log in from the home page: the leader's first page is the dashboard
        driver.get(base + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.id("username")).sendKeys(leader);
        driver.findElement(By.id("password")).sendKeys(Http.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlMatches("/dashboard$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Tổng quan · Thanh Hóa");
        assertThat(driver.findElement(By.id("status")).getText()).contains("Kinh tế số").contains("Chậm tiến độ");
        assertThat(driver.findElement(By.id("nav-dashboard")).getDomAttribute("class")).contains("active");
        shot("dashboard-desktop.png");

        // a phone: the cards stack, nothing overflows the screen's width
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attention")));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        @SuppressWarnings("unchecked")
        List<Number> widths = (List<Number>) js.executeScript(
                "return [document.documentElement.scrollWidth, document.body.scrollWidth, "
                        + "document.documentElement.clientWidth];");
        assertThat(widths.get(2).intValue()).isLessThanOrEqualTo(390);
        assertThat(widths.get(0).intValue()).as("page width on a phone").isLessThanOrEqualTo(widths.get(2).intValue());
        assertThat(widths.get(1).intValue()).as("body width on a phone").isLessThanOrEqualTo(widths.get(2).intValue());
        shot("dashboard-phone.png");

        // click the target off track through to its page
        WebElement target = driver.findElement(By.id("attention-" + offTrack));
        assertThat(target.getText()).contains("Kinh tế số chiếm 20%").contains("Chậm tiến độ");
        browser.click(target);
        wait.until(ExpectedConditions.urlMatches("/targets/" + offTrack + "$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Kinh tế số chiếm 20%");
        shot("dashboard-target-phone.png");
    }

    @Test
    void aNationalLeaderComparesTheProvincesAndPicksOne() throws IOException {
        SeedImports.importAndPublish(port, "seed/plans/002_26a007337e16e28d.txt");
        String national = users.ensure("ldbo", run, Role.LEADER, null, null);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        String base = "http://localhost:" + port;
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(national);
        driver.findElement(By.id("password")).sendKeys(Http.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlMatches("/dashboard$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("comparison")));
        WebElement row = driver.findElement(By.cssSelector("#comparison tr[data-kind='DIGITAL_ECONOMY_SHARE']"));
        // Thanh Hóa's judged 2025 target (off track) rather than its 2030 one without figures; Thái Nguyên has no
        // figures: its next target (2030); each says there is one more of the kind
        assertThat(row.getText()).contains("Tỷ trọng kinh tế số trong GRDP").contains("≥ 20% (năm 2025)")
                .contains("Chậm tiến độ").contains("> 30% (năm 2030)").contains("và 1 chỉ tiêu khác cùng loại");
        assertThat(driver.findElement(By.cssSelector("#comparison thead")).getText()).contains("Thanh Hóa")
                .contains("Thái Nguyên");
        shot("dashboard-national-desktop.png");

        // a phone: the table scrolls inside its box, the page does not
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("comparison")));
        @SuppressWarnings("unchecked")
        List<Number> widths = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
        assertThat(widths.get(0).intValue()).as("page width on a phone").isLessThanOrEqualTo(widths.get(1).intValue());
        shot("dashboard-national-phone.png");

        // pick Thanh Hóa: its dashboard
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("province"))).selectByValue("38");
        browser.click(driver.findElement(By.cssSelector("#province-picker button[type=submit]")));
        wait.until(ExpectedConditions.urlContains("province=38"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Tổng quan · Thanh Hóa");
    }

    private void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
