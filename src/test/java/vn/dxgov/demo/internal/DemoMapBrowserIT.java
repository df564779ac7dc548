package vn.dxgov.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.dxgov.assessment.DemoRounds;
import vn.dxgov.support.Chromium;
import vn.dxgov.support.TestClock;
import vn.dxgov.support.TestData;

/**
 * Done when "on a fresh start the rankings map is coloured": with the demonstration rounds written, the rankings map
 * of the newest round (the provincial DTI of the last full year, a set without classification levels) is drawn by
 * score in Chromium, each province in a colour of its band, with the "Dữ liệu minh họa" badge. The demo rounds are
 * deleted afterwards (one database for all test contexts). Skipped when Chromium or chromedriver is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClock.Config.class)
class DemoMapBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    DemoAssessments demo;
    @Autowired
    DemoRounds rounds;
    @Autowired
    JdbcClient jdbc;

    Chromium browser;
    WebDriver driver;

    @BeforeEach
    void start() throws Exception {
        browser = Chromium.start();
        driver = browser.driver();
        TestClock.CLOCK.set(LocalDate.of(2026, 12, 4), 9);
        data.ensureUnits();
        demo.loadAll();
    }

    @AfterEach
    void close() {
        jdbc.sql("delete from assessment_round where demo").update();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theDtiMapIsColouredByScore() {
        long dti = rounds.find("Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2025 (sau sắp xếp, minh họa)").orElseThrow().id();
        boolean fresh = jdbc.sql("select count(*) from assessment_round where status = 'PUBLISHED' and not demo")
                .query(Integer.class).single() == 0;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        String base = "http://localhost:" + port;
        driver.get(base + "/rankings");
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.id("username")).sendKeys("viewer");
        driver.findElement(By.id("password")).sendKeys("dxgov-demo");
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlContains("/rankings"));
        // on a fresh start (only demo rounds) the page without filters is this round; otherwise ask for it
        driver.get(base + (fresh ? "/rankings" : "/rankings?round=" + dti));

        WebElement map = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rank-map.rank-map-ready")));
        assertThat(map.getDomAttribute("data-error")).isNull();
        assertThat(map.getDomAttribute("data-mode")).isEqualTo("score");
        assertThat(driver.findElement(By.cssSelector("#rank-map-modes .active")).getDomAttribute("data-mode"))
                .isEqualTo("score");
        @SuppressWarnings("unchecked")
        List<String> fills = (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#rank-map path[data-unit]')).map(p => p.getAttribute('fill'));");
        // the 34 provinces drawn as the 62 outlines of the old provinces that went into them (Quảng Ninh has none)
        assertThat(fills).hasSizeGreaterThanOrEqualTo(60).doesNotContainNull().doesNotContain("#d9d9d9");
        assertThat(new HashSet<>(fills)).as("score bands").hasSizeGreaterThanOrEqualTo(3);
        assertThat(driver.findElement(By.id("rank-demo")).getText()).isEqualTo("Dữ liệu minh họa");
    }
}
