package vn.dxgov;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.dxgov.support.Chromium;
import vn.dxgov.support.Http;
import vn.dxgov.support.TestData;

/**
 * The main pages in headless Chromium under the Content-Security-Policy: none makes the console report a violation
 * (scripts, styles, images all allowed by the policy, htmx without its inline indicator style), the page scripts run
 * (the target's chart is drawn from its JSON island), and a target whose unit is hostile text fires no dialog. A
 * script added inline is refused, which shows the policy is in force and that violations are seen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CspBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ObjectMapper json;

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
    void theMainPagesWorkUnderThePolicyAndHostileTextFiresNoDialog() throws Exception {
        Http http = new Http(port, json);
        byte[] seed = new ClassPathResource("seed/plans/001_16196319a76d78f9.txt").getContentAsByteArray();
        long plan = http.upload("steering", "/api/v1/imports", "001.txt", seed).body().get("planId").asLong();
        JsonNode target = http.get("steering", "/api/v1/plans/" + plan + "/targets?q=GRDP&year=2025").body().get(0);
        ObjectNode edit = json.createObjectNode();
        for (String f : List.of("code", "text", "kind", "comparison", "value", "deadlineYear", "baseline", "baselineYear",
                "pillar", "splits")) {
            edit.set(f, target.get(f));
        }
        edit.put("unit", XssInjectionIT.HOSTILE);
        edit.set("leadAgencyIds", json.createArrayNode().add(target.get("leadAgencies").get(0).get("id").asLong()));
        edit.set("cooperatingAgencyIds", json.createArrayNode());
        long targetId = target.get("id").asLong();
        assertThat(http.call("steering", "PUT", "/api/v1/targets/" + targetId, edit).status()).isEqualTo(200);
        assertThat(http.call("steering", "POST", "/api/v1/plans/" + plan + "/publish", null).status()).isEqualTo(200);

        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        String base = "http://localhost:" + port;
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys("steering");
        driver.findElement(By.id("password")).sendKeys("dxgov-demo");
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        // the target page: the chart drawn from the island, the unit read back whole, no dialog
        driver.get(base + "/targets/" + targetId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#target-chart svg")));
        assertNoDialog();
        String island = (String) ((JavascriptExecutor) driver).executeScript(
                "return JSON.stringify(JSON.parse(document.getElementById('target-chart-data').textContent));");
        assertThat(json.readTree(island).findValuesAsString("unit")).contains(XssInjectionIT.HOSTILE);
        assertThat(driver.findElements(By.cssSelector("img[src='x']"))).isEmpty();

        for (String page : List.of("/plans", "/plans/" + plan, "/plans/" + plan + "/reporting", "/reports", "/reporting",
                "/assessment", "/rankings", "/units", "/agencies", "/notifications", "/imports", "/indicators",
                "/assignments", "/account/password", "/account/totp", "/plans/999999999", "/swagger-ui/index.html")) {
            driver.get(base + page);
            wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            assertNoDialog();
            assertThat(browser.cspViolations()).as(page).isEmpty();
        }
        // htmx under the policy: the plan page's filter narrows the rows in place (no inline indicator style refused)
        driver.get(base + "/plans/" + plan);
        int before = driver.findElements(By.cssSelector("#results tr")).size();
        driver.findElement(By.cssSelector("input[type=search]")).sendKeys("GRDP");
        wait.until(d -> d.findElements(By.cssSelector("#results tr")).size() < before);
        assertThat(browser.cspViolations()).isEmpty();

        // the policy is in force: an inline script is refused, and the refusal is seen
        Object ran = ((JavascriptExecutor) driver).executeScript(
                "var s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
                        + "document.body.appendChild(s); return window.inlineRan === true;");
        assertThat(ran).isEqualTo(false);
        assertThat(browser.cspViolations()).anySatisfy(v -> assertThat(v).contains("script-src 'self'"));
    }

    private void assertNoDialog() {
        try {
            String text = driver.switchTo().alert().getText();
            throw new AssertionError("a dialog opened: " + text);
        } catch (NoAlertPresentException expected) {
            // no alert, as it should be
        }
    }
}
