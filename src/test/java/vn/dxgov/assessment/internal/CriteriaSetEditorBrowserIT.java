package vn.dxgov.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.support.Chromium;
import vn.dxgov.support.Http;
import vn.dxgov.support.TestData;

/**
 * The criteria-set editor in headless Chromium (issue 14 part 5): the new-set and edit pages, and the page that comes
 * back after a number that cannot be read, are each checked by axe-core ({@link Chromium} runs it on every page and
 * fails the test on a serious or critical violation: a table input without a label was one). The typed values are
 * still in the fields after the refusal. Skipped when Chromium or chromedriver is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CriteriaSetEditorBrowserIT {

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
        data.ensureUnits();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theEditorPagesPassAxeAndARefusedNumberKeepsWhatWasTyped() {
        long set = 0;
        for (JsonNode s : new Http(port, json).get("viewer", "/api/v1/criteria-sets").body()) {
            set = s.get("id").asLong();
        }
        assertThat(set).isPositive();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        String base = "http://localhost:" + port;
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys("steering");
        driver.findElement(By.id("password")).sendKeys("dxgov-demo");
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        driver.get(base + "/assessment/sets/" + set + "/edit");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save-set")));
        driver.get(base + "/assessment/sets/new");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save-set")));
        driver.findElement(By.id("editor-setCode")).sendKeys("BTHU-TRINH-DUYET");
        driver.findElement(By.id("editor-setName")).sendKeys("Bộ tiêu chí gõ trong trình duyệt");
        WebElement code = driver.findElements(By.name("code")).get(0);
        code.sendKeys("1");
        driver.findElements(By.name("name")).get(0).sendKeys("Hạ tầng số");
        driver.findElements(By.name("maxPoints")).get(0).sendKeys("mười");
        browser.click(driver.findElement(By.id("save-set")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("editor-errors")));
        assertThat(driver.findElement(By.id("editor-setName")).getDomProperty("value"))
                .isEqualTo("Bộ tiêu chí gõ trong trình duyệt");
        assertThat(driver.findElements(By.name("maxPoints")).get(0).getDomProperty("value")).isEqualTo("mười");
        String edit = "/assessment/sets/" + set + "/edit";
        assertThat(browser.axePages()).as("pages axe checked").anySatisfy(u -> assertThat(u).endsWith("/assessment/sets/new"))
                .anySatisfy(u -> assertThat(u).endsWith(edit));
    }
}
