package vn.dxgov.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.dxgov.support.Chromium;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.SeedImports;
import vn.dxgov.support.TestData;

/**
 * A steering official's day on the demo history of seed 001, in a real browser (Debian's headless Chromium): the
 * inbox of the 2025 period, one report returned with a reason, another approved, the targets' statuses and
 * forecasts on the plan page, a target's chart, the league table, and the consolidated report downloaded as .docx,
 * .pdf and .xlsx. Skipped when Chromium or chromedriver is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SteeringDayBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicatorData;
    @Autowired
    DemoHistory history;

    Chromium browser;
    WebDriver driver;
    long planId;

    @BeforeEach
    void setUp() throws Exception {
        browser = Chromium.start();
        driver = browser.driver();
        data.resetPlans();
        data.ensureUnits();
        indicatorData.reset();
        planId = SeedImports.importAndPublish(port, SeedImports.SEED_001);
        history.loadAll();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void inboxReturnApproveStatusesAndTheConsolidatedReport() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        String base = "http://localhost:" + port;
        driver.get(base + "/reporting");
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.id("username")).sendKeys("steering");
        driver.findElement(By.id("password")).sendKeys("dxgov-demo");
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox")));

        // the inbox: reports of 2025 waiting for review, marked as demo data
        List<WebElement> waiting = driver.findElements(By.cssSelector("#inbox .inbox-item"));
        assertThat(waiting).hasSizeGreaterThanOrEqualTo(2);
        assertThat(driver.findElement(By.id("inbox")).getText()).contains("2025").contains("Dữ liệu minh họa");
        int before = Integer.parseInt(driver.findElement(By.id("inbox-count")).getText().trim());
        List<String> links = waiting.stream().map(e -> e.getDomAttribute("href")).toList();

        // return the first with a reason
        driver.get(base + links.get(0));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("return-form")));
        assertThat(driver.findElement(By.id("report-status")).getText()).isEqualTo("Đã gửi");
        driver.findElement(By.id("returnReason")).sendKeys("Đề nghị bổ sung minh chứng cho chỉ tiêu 1.4.");
        browser.click(driver.findElement(By.id("return")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("return-reason")));
        assertThat(driver.findElement(By.id("report-status")).getText()).isEqualTo("Bị trả lại");
        assertThat(driver.findElement(By.id("return-reason")).getText()).contains("bổ sung minh chứng");

        // approve the second (the page asks for confirmation)
        driver.get(base + links.get(1));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approve-form")));
        browser.click(driver.findElement(By.id("approve")));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBe(By.id("report-status"), "Đã duyệt"));
        // its values are now locked
        assertThat(driver.findElements(By.cssSelector("#targets input:not([readonly]):not([disabled])"))).isEmpty();

        driver.get(base + "/reporting");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-count")));
        assertThat(Integer.parseInt(driver.findElement(By.id("inbox-count")).getText().trim())).isEqualTo(before - 2);

        // every target's status and forecast on the plan page, the explanation, the target's chart
        driver.get(base + "/plans/" + planId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("targets")));
        List<String> statuses = driver.findElements(By.cssSelector("#targets .status-badge")).stream()
                .map(e -> e.getDomAttribute("data-status")).toList();
        assertThat(statuses).hasSize(19);
        assertThat(statuses.stream().distinct().count()).isGreaterThanOrEqualTo(3);
        assertThat(driver.findElement(By.id("targets")).getText()).contains("Dữ liệu minh họa");
        String targetPage = driver.findElement(By.cssSelector("#targets .target-page-link")).getDomAttribute("href");
        driver.get(base + targetPage);
        wait.until(d -> ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.querySelector('#target-chart canvas, #target-chart svg') != null"));

        // the league table of 2025
        driver.get(base + "/reports/scorecard?plan=" + planId + "&year=2025");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scorecard-table")));
        assertThat(driver.findElements(By.cssSelector("#scorecard-table tbody tr"))).hasSizeGreaterThan(5);
        assertThat(driver.findElement(By.id("demo-badge")).isDisplayed()).isTrue();

        // the consolidated report, downloaded with the browser's session from the reports page
        driver.get(base + "/reports");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-plan-" + planId)));
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        for (String format : List.of("docx", "pdf", "xlsx")) {
            WebElement link = driver.findElement(By.cssSelector("#report-plan-" + planId
                    + " a[href$='/annual/2025." + format + "']"));
            HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + link.getDomAttribute("href"))).header("Cookie", cookies).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).as(format).isEqualTo(200);
            assertThat(file.body().length).as(format).isGreaterThan(3000);
            String magic = new String(file.body(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(magic).as(format).isEqualTo(format.equals("pdf") ? "%PDF" : "PK\u0003\u0004");
        }
    }
}
