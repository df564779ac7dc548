package vn.dxgov.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.security.Role;
import vn.dxgov.support.Chromium;

/**
 * Issue 8 in a real browser (Debian's headless Chromium): an agency editor types "1.250.300" and "1.300" the
 * Vietnamese way into the web report form, sees the ratio as 0,1%, submits; the steering department approves; the
 * API gives back 1250300 and 1300, not 1.25 or 1.3. Skipped when Chromium or chromedriver is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ReportingTestConfig.class)
class ReportNumbersBrowserIT extends ReportingSupport {

    static final LocalDate TODAY = LocalDate.of(2025, 11, 20);

    Chromium browser;
    WebDriver driver;
    String editor;
    long submission;
    ReportForm.TargetLine valueLine;
    ReportForm.TargetLine ratioLine;

    @BeforeEach
    void setUp() throws IOException {
        browser = Chromium.start();
        driver = browser.driver();
        ReportingTestConfig.CLOCK.set(TODAY, 9);
        data.resetPlans();
        data.ensureUnits();
        long plan = importSeed(SEED_001, "001.txt", true);
        String steering = user("st", Role.STEERING, null);
        ReportingPeriod p2025 = as(steering, () -> reporting.periods(plan)).stream()
                .filter(p -> p.period().equals("2025")).findFirst().orElseThrow();
        for (long agency : reporting.requiredAgencies(p2025.id())) {
            String e = user("web" + agency, Role.EDITOR, agency);
            Submission s = as(e, () -> reporting.open(p2025.id(), agency));
            ReportForm form = as(e, () -> reporting.form(s.id()));
            var value = form.targets().stream().filter(l -> !l.ratio() && !l.yesNo() && !l.locked()).findFirst();
            var ratio = form.targets().stream().filter(l -> l.ratio() && !l.locked()).findFirst();
            if (value.isPresent() && ratio.isPresent()) {
                editor = e;
                submission = s.id();
                valueLine = value.get();
                ratioLine = ratio.get();
                // every other required line filled in beforehand, so that the report can be submitted
                as(e, () -> reporting.save(s.id(), complete(form)));
                break;
            }
        }
        assertThat(editor).as("an agency of seed 001 with a value line and a ratio line").isNotNull();
    }

    @AfterEach
    void close() {
        SecurityContextHolder.clearContext();
        if (browser != null) {
            browser.close();
        }
    }

    void login(String username, String base, WebDriverWait wait) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void vietnameseThousandsTypedInTheFormAreApprovedAsThousands() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        String base = "http://localhost:" + port;
        String url = base + "/reporting/submissions/" + submission;

        // the agency editor types the figures the Vietnamese way
        login(editor, base, wait);
        driver.get(url);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-form")));
        String v = "t." + valueLine.targetId() + ".value";
        String num = "t." + ratioLine.targetId() + ".num";
        String den = "t." + ratioLine.targetId() + ".den";
        type(v, "1.3");
        browser.click(driver.findElement(By.id("save")));
        // refused in place (htmx), with how to write it, and what was typed still in the field
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-form"), "không phải là số viết kiểu Việt Nam"));
        assertThat(driver.findElement(By.id("report-form")).getText())
                .contains("viết 1.300 (một nghìn ba trăm) hoặc 1,3 (một phẩy ba)");
        assertThat(driver.findElement(By.id(v)).getDomProperty("value")).isEqualTo("1.3");

        type(v, "1.250.300");
        type(num, "1.300");
        type(den, "1.250.300");
        // the live percentage reads the same grammar: 1300 of 1250300 is 0,1%, not 76,92 %
        wait.until(ExpectedConditions.textToBe(By.id("pct-" + ratioLine.targetId()), "0,1%"));
        browser.click(driver.findElement(By.id("submit")));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBe(By.id("report-status"), "Đã gửi"));
        assertThat(driver.findElement(By.id(v)).getDomProperty("value")).isEqualTo("1.250.300");
        assertThat(driver.findElement(By.id(num)).getDomProperty("value")).isEqualTo("1.300");

        // the steering department approves
        login("steering", base, wait);
        driver.get(url);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approve-form")));
        browser.click(driver.findElement(By.id("approve")));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBe(By.id("report-status"), "Đã duyệt"));

        // the approved figures through the API: machine numbers, 1250300 and 1300
        Answer report = call("steering", "GET", "/api/v1/submissions/" + submission, null);
        assertThat(report.status()).as(report.text()).isEqualTo(200);
        JsonNode value = line(report.body(), valueLine.targetId());
        JsonNode ratio = line(report.body(), ratioLine.targetId());
        assertThat(value.get("value").decimalValue()).isEqualByComparingTo("1250300");
        assertThat(ratio.get("numerator").decimalValue()).isEqualByComparingTo("1300");
        assertThat(ratio.get("denominator").decimalValue()).isEqualByComparingTo("1250300");
        assertThat(value.get("locked").asBoolean()).isTrue();
        Answer stored = call("steering", "GET", "/api/v1/data-values?indicator=" + valueLine.indicatorId() + "&period=2025", null);
        assertThat(stored.status()).as(stored.text()).isEqualTo(200);
        java.util.List<java.math.BigDecimal> values = new java.util.ArrayList<>();
        for (JsonNode n : stored.body()) {
            values.add(n.get("value").decimalValue());
        }
        assertThat(values).anySatisfy(n -> assertThat(n).isEqualByComparingTo("1250300"));
    }

    private static JsonNode line(JsonNode form, long targetId) {
        for (JsonNode l : form.get("targets")) {
            if (l.get("targetId").asLong() == targetId) {
                return l;
            }
        }
        throw new AssertionError("no line for target " + targetId + " in " + form);
    }
}
