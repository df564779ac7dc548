package vn.dxgov;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.dxgov.support.Chromium;
import vn.dxgov.support.TestData;

/**
 * The UI in a real browser (Debian's headless Chromium through chromedriver): log in as the steering department,
 * import a seed plan on the import page, wait for its report, open the plan and see its targets grouped by pillar,
 * and check that the plan page fits a phone screen. Skipped when Chromium or chromedriver is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserIT {

    static final Path SEED = Path.of("src/main/resources/seed/plans/001_16196319a76d78f9.txt");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    Chromium browser;
    WebDriver driver;

    @BeforeEach
    void browser() throws Exception {
        browser = Chromium.start();
        driver = browser.driver();
        data.resetPlans();
        data.ensureUnits();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void steeringImportsASeedPlanAndSeesItsTargets() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        String base = "http://localhost:" + port;

        // log in
        driver.get(base + "/plans");
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.id("username")).sendKeys("steering");
        driver.findElement(By.id("password")).sendKeys("dxgov-demo");
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlContains("/plans"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Kế hoạch");

        // the import page: upload the seed document
        driver.get(base + "/imports");
        File seed = SEED.toAbsolutePath().toFile();
        assertThat(seed).exists();
        driver.findElement(By.id("file")).sendKeys(seed.getPath());
        driver.findElement(By.id("upload")).click();

        // the progress view polls until the report is there
        wait.until(ExpectedConditions.urlMatches("/imports/\\d+$"));
        // (htmx swaps the view while it polls: elements read in between may be replaced, so read them in waits)
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        String finished = wait.until(d -> {
            String s = d.findElement(By.id("import-status")).getDomAttribute("data-status");
            return "RUNNING".equals(s) ? null : s;
        });
        assertThat(finished).isEqualTo("SUCCEEDED");
        wait.until(d -> d.findElement(By.id("import-report")).isDisplayed()
                && d.findElement(By.id("summary-targets")).getText().startsWith("19")
                && d.findElement(By.id("summary-tasks")).getText().startsWith("103"));

        // review the plan: its targets grouped by pillar
        driver.findElement(By.id("review-plan")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("targets")));
        String targets = driver.findElement(By.id("targets")).getText();
        assertThat(targets).contains("Kinh tế số chiếm 20% trở lên trong GRDP").contains("Kinh tế số")
                .contains("Đến năm 2025").contains("Đến năm 2030");
        assertThat(driver.findElements(By.cssSelector("#pillar-DIGITAL_ECONOMY .pillar-heading")))
                .extracting(WebElement::getText).anySatisfy(t -> assertThat(t).contains("Kinh tế số"));
        assertThat(driver.findElement(By.id("target-count")).getText()).isEqualTo("19/19");
        assertThat(driver.findElement(By.id("task-count")).getText()).isEqualTo("103/103");

        // the htmx filter: text without diacritics narrows the targets, and the URL can be bookmarked
        WebElement q = driver.findElement(By.id("f-q"));
        q.sendKeys("grdp");
        wait.until(d -> !d.findElement(By.id("target-count")).getText().equals("19/19"));
        String narrowed = driver.findElement(By.id("target-count")).getText();
        assertThat(narrowed).endsWith("/19").isNotEqualTo("0/19");
        wait.until(ExpectedConditions.urlContains("q=grdp"));

        // a phone: the plan page fits the screen width (tables scroll inside their own box)
        String planUrl = driver.getCurrentUrl().replaceAll("\\?.*$", "");
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(planUrl);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("targets")));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        @SuppressWarnings("unchecked")
        List<Number> widths = (List<Number>) js.executeScript(
                "return [document.documentElement.scrollWidth, document.body.scrollWidth, "
                        + "document.documentElement.clientWidth];");
        assertThat(widths.get(2).intValue()).isLessThanOrEqualTo(390);
        assertThat(widths.get(0).intValue()).as("page width on a phone").isLessThanOrEqualTo(widths.get(2).intValue());
        assertThat(widths.get(1).intValue()).as("body width on a phone").isLessThanOrEqualTo(widths.get(2).intValue());
        assertThat(driver.findElement(By.id("targets")).getText()).contains("Kinh tế số chiếm 20% trở lên trong GRDP");
    }
}
