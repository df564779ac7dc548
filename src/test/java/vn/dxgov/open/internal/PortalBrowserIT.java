package vn.dxgov.open.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import vn.dxgov.support.Chromium;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.SeedImports;
import vn.dxgov.support.TestClock;
import vn.dxgov.support.TestData;

/**
 * The portal in a real browser (Debian's headless Chromium), without a login, on a phone (390 × 844) and a desktop
 * (1280 × 900): from {@code /open} a click to the province, a plan and a target, each page without horizontal
 * overflow on the phone, the target's chart drawn; screenshots in {@code target/screenshots}. Skipped when Chromium
 * or chromedriver is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicators;
    @Autowired
    vn.dxgov.assessment.Assessments assessments;
    @Autowired
    vn.dxgov.assessment.CriteriaSets sets;
    @Autowired
    vn.dxgov.support.TestUsers users;

    Chromium browser;

    @BeforeAll
    void seed() throws Exception {
        TestClock.CLOCK.set(LocalDate.of(2025, 3, 1), 9);
        data.resetPlans();
        indicators.reset();
        data.ensureUnits();
        SeedImports.importAndPublish(port, SeedImports.SEED_001);
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String steering = users.ensure("st", run, vn.dxgov.security.Role.STEERING, null, "38");
        publishedRound = PublishedRounds.make(assessments, sets, run, work -> users.as(steering, work))[0];
    }

    /** This class's published district round (other classes may have published a newer commune round of the province). */
    long publishedRound;

    @Test
    void assessmentMapOnAPhone() throws Exception {
        Dimension phone = new Dimension(390, 844);
        browser = Chromium.start();
        WebDriver driver = browser.driver();
        driver.manage().window().setSize(phone);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get("http://localhost:" + port + "/open/thanh-hoa");
        browser.click(wait.until(ExpectedConditions.elementToBeClickable(By.id("link-assessment"))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assessment-round")));
        // the district round of this class, with boundaries to draw (the newest round of the shared test database may
        // be another class's commune round, which has none)
        driver.get("http://localhost:" + port + "/open/thanh-hoa/assessment?round=" + publishedRound);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rank-map.rank-map-ready")));
        assertThat(Integer.parseInt(driver.findElement(By.id("rank-map")).getAttribute("data-drawn"))).isPositive();
        assertThat(driver.findElements(By.cssSelector("#assessment-results tbody tr"))).hasSizeGreaterThanOrEqualTo(3);
        check(driver, "phone", "6-assessment", phone);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void phone() throws Exception {
        walk("phone", new Dimension(390, 844));
    }

    @Test
    void desktop() throws Exception {
        walk("desktop", new Dimension(1280, 900));
    }

    void walk(String name, Dimension size) throws Exception {
        browser = Chromium.start();
        WebDriver driver = browser.driver();
        driver.manage().window().setSize(size);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get("http://localhost:" + port + "/open");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("open-provinces")));
        check(driver, name, "1-open", size);
        browser.click(driver.findElement(By.cssSelector(".open-province-link")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("province-name")));
        assertThat(driver.getCurrentUrl()).endsWith("/open/thanh-hoa");
        check(driver, name, "2-province", size);
        browser.click(driver.findElement(By.cssSelector(".open-plan-link")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-title")));
        assertThat(driver.getCurrentUrl()).contains("/open/thanh-hoa/plans/");
        assertThat(driver.findElements(By.cssSelector(".open-target"))).hasSizeGreaterThan(5);
        check(driver, name, "3-plan", size);
        browser.click(driver.findElement(By.cssSelector(".open-target-link")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("target-text")));
        assertThat(driver.getCurrentUrl()).contains("/open/thanh-hoa/targets/");
        assertThat(driver.findElement(By.id("target-status")).getText()).isNotBlank();
        check(driver, name, "4-target", size);
        // the language switch keeps the visitor on the page, in English
        browser.click(driver.findElement(By.id("lang-switch")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("target-method"), "How it is judged"));
        check(driver, name, "5-target-en", size);
    }

    /** No horizontal overflow (the page is no wider than the window), and a screenshot. */
    void check(WebDriver driver, String name, String page, Dimension size) throws Exception {
        @SuppressWarnings("unchecked")
        List<Number> widths = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                "return [document.documentElement.scrollWidth, document.body.scrollWidth, "
                        + "document.documentElement.clientWidth];");
        assertThat(widths.get(2).intValue()).isLessThanOrEqualTo(size.getWidth());
        assertThat(widths.get(0).intValue()).as("%s %s: page width", name, page)
                .isLessThanOrEqualTo(widths.get(2).intValue());
        assertThat(widths.get(1).intValue()).as("%s %s: body width", name, page)
                .isLessThanOrEqualTo(widths.get(2).intValue());
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("portal-" + name + "-" + page + ".png"),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
