package vn.dxgov.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserDirectory;
import vn.dxgov.support.Chromium;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.SeedImports;
import vn.dxgov.support.TestData;

/**
 * Each role's path from the login page to its main job in a real browser (Debian's headless Chromium), through links
 * only, on seed 001 with its demo history: the menu of each role holds only what it may open (every item clicked, no
 * "forbidden", no "not found"); the viewer goes plans → a plan → a target (and the plan and target pages print without
 * the menu); the leader dashboard → a target; the administrator to the users; the reporting editor, <b>by keyboard
 * only</b> (Tab, Enter, typing), from its to-do to its report, fills it, saves and submits; the steering official,
 * by keyboard only, from the menu's reports to the inbox, returns one report and approves another. Every focus stop
 * of the keyboard paths shows a visible focus ring; axe-core checks every page on the way ({@link Chromium}). One
 * browser and one application context for the class. Skipped when Chromium or chromedriver is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RolePathsBrowserIT {

    static final String PASSWORD = "dxgov-demo";
    static final String FORBIDDEN = "Bạn không có quyền";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicatorData;
    @Autowired
    DemoHistory history;
    @Autowired
    Reporting reporting;
    @Autowired
    UserDirectory users;

    Chromium browser;
    WebDriver driver;
    WebDriverWait wait;
    String base;
    long planId;

    @BeforeAll
    void setUp() throws Exception {
        browser = Chromium.start();
        driver = browser.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        base = "http://localhost:" + port;
        data.resetPlans();
        data.ensureUnits();
        indicatorData.reset();
        planId = SeedImports.importAndPublish(port, SeedImports.SEED_001);
        history.loadAll();
    }

    @AfterAll
    void close() {
        if (browser != null) {
            int checked = browser.axePages().size();
            browser.close(); // fails on a serious or critical axe violation of any page visited
            assertThat(checked).as("distinct pages axe checked on the way").isGreaterThan(15);
        }
    }

    @BeforeEach
    void loggedOut() {
        driver.manage().deleteAllCookies();
    }

    // ----- the paths

    @Test
    @Order(1)
    void viewerPlansToAPlanToATargetAndPrintsThem() {
        login("viewer");
        wait.until(ExpectedConditions.urlMatches("/plans$"));
        menu(Set.of("nav-plans", "nav-indicators", "nav-assignments", "nav-assessment", "nav-agencies", "nav-units"));

        follow(By.id("nav-plans"));
        follow(By.cssSelector("a.plan-link[href='/plans/" + planId + "']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("targets")));
        printsWithoutTheMenu();
        follow(By.cssSelector("#targets a.target-page-link"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("target-header")));
        assertThat(driver.getCurrentUrl()).matches(".*/targets/\\d+$");
        printsWithoutTheMenu();
        // the target's breadcrumb leads back to its plan
        follow(By.cssSelector("nav[aria-label] .breadcrumb a[href^='/plans/" + planId + "']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("targets")));
    }

    @Test
    @Order(2)
    void leaderDashboardToATarget() {
        login("lanhdao.bo");
        wait.until(ExpectedConditions.urlMatches("/dashboard$"));
        menu(Set.of("nav-dashboard", "nav-plans", "nav-indicators", "nav-assignments", "nav-reporting", "nav-reports",
                "nav-assessment", "nav-agencies", "nav-units"));
        follow(By.id("nav-dashboard"));
        follow(By.cssSelector("#main a[href^='/targets/']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("target-header")));
        // QĐ 969's assignment pages are in the menu for everyone
        follow(By.id("nav-assignments"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
    }

    @Test
    @Order(3)
    void adminDashboardToUsers() {
        login("admin");
        wait.until(ExpectedConditions.urlMatches("/dashboard$"));
        menu(Set.of("nav-dashboard", "nav-plans", "nav-indicators", "nav-assignments", "nav-reporting", "nav-reports",
                "nav-assessment", "nav-agencies", "nav-units", "nav-imports", "nav-admin"));
        follow(By.id("nav-admin"));
        wait.until(ExpectedConditions.urlContains("/admin/users"));
        assertThat(driver.findElement(By.id("main")).getText()).contains("bt.");
    }

    @Test
    @Order(4)
    void editorByKeyboardFromToDoToASubmittedReport() {
        Submission draft = openReport(SubmissionStatus.DRAFT);
        String editor = users.ofAgency(draft.agencyId()).stream().map(UserDirectory.UserAccount::username)
                .filter(u -> u.startsWith("bt.")).findFirst().orElseThrow();

        // the login page lists the demo account: its name fills in the form, the password field has the focus
        driver.get(base + "/login");
        follow(By.cssSelector("#demo-accounts a.demo-user[href$='username=" + editor + "']"));
        assertThat(driver.findElement(By.id("username")).getDomProperty("value")).isEqualTo(editor);
        keys(PASSWORD + Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches("/todo$"));
        menu(Set.of("nav-todo", "nav-plans", "nav-indicators", "nav-assignments", "nav-reporting", "nav-assessment",
                "nav-agencies", "nav-units"));
        follow(By.id("nav-todo"));

        // from the to-do to the report, by keyboard
        tabTo("a.open-report[href='/reporting/submissions/" + draft.id() + "']");
        keys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-form")));
        int filled = fillByKeyboard();
        tabTo("#save");
        keys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-notice")));
        vn.dxgov.support.Axe.check(driver); // the form as htmx swapped it in

        tabTo("#submit");
        keys(Keys.ENTER);
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBe(By.id("report-status"), "Đã gửi"));
        assertThat(filled).as("fields typed in").isGreaterThanOrEqualTo(0);
    }

    @Test
    @Order(5)
    void steeringByKeyboardReturnsOneReportAndApprovesAnother() {
        driver.get(base + "/login");
        keys("steering" + Keys.TAB);
        keys(PASSWORD + Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches("/dashboard$"));

        // the menu's reports, the inbox, the first report waiting: return it with a reason
        tabTo("#nav-reporting");
        keys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox")));
        tabTo("#inbox a.inbox-item");
        keys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("return-form")));
        assertThat(driver.findElement(By.id("report-status")).getText()).isEqualTo("Đã gửi");
        tabTo("#returnReason");
        keys("Đề nghị bổ sung minh chứng.");
        tabTo("#return");
        keys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("report-status"), "Bị trả lại"));

        // back through the breadcrumb to the inbox, the next report: approve it
        tabTo("nav[aria-label] .breadcrumb a[href='/reporting']");
        keys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox")));
        tabTo("#inbox a.inbox-item");
        keys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approve-form")));
        tabTo("#approve");
        keys(Keys.ENTER);
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBe(By.id("report-status"), "Đã duyệt"));

        menu(Set.of("nav-dashboard", "nav-plans", "nav-indicators", "nav-assignments", "nav-reporting", "nav-reports",
                "nav-assessment", "nav-agencies", "nav-units", "nav-imports"));
    }

    // ----- helpers

    /** Logs in on the login page (typed, then Enter). */
    void login(String username) {
        driver.get(base + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD + Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /**
     * The menu holds exactly these items, and each opens a page of the application (no "forbidden", no error page):
     * every one is clicked in turn.
     */
    void menu(Set<String> expected) {
        List<String> ids = driver.findElements(By.cssSelector("#mainNav a.nav-link[id^='nav-']")).stream()
                .map(e -> e.getDomAttribute("id")).toList();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
        for (String id : ids) {
            follow(By.id(id));
            assertThat(driver.findElement(By.id(id)).getDomAttribute("class")).as(id + " marked as the page").contains("active");
            assertThat(driver.findElements(By.id("error-status"))).as(id + " opens an error page").isEmpty();
            assertThat(driver.findElement(By.tagName("body")).getText()).as(id).doesNotContain(FORBIDDEN);
        }
    }

    /** Clicks the link and waits for the page it leads to. */
    void follow(By link) {
        WebElement a = wait.until(ExpectedConditions.presenceOfElementLocated(link));
        String href = a.getDomAttribute("href");
        browser.click(a);
        String path = href.replaceAll("#.*$", "").replaceAll("\\?.*$", "");
        wait.until(d -> d.getCurrentUrl().replaceAll("[?#].*$", "").endsWith(path)
                && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    WebElement active() {
        return driver.switchTo().activeElement();
    }

    /**
     * Types on the keyboard into whatever has the focus (key events, as a person types: an element's sendKeys would
     * take a file input's text as a file name).
     */
    void keys(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
    }

    /**
     * Presses Tab until the focus is on an element matching the selector (at most 400 times), and checks the focus
     * ring is visible there.
     */
    void tabTo(String selector) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        for (int i = 0; i < 400; i++) {
            if (Boolean.TRUE.equals(js.executeScript("return document.activeElement && document.activeElement.matches(arguments[0])",
                    selector))) {
                assertFocusVisible(selector);
                return;
            }
            keys(Keys.TAB);
        }
        throw new AssertionError("the keyboard never reaches " + selector + " on " + driver.getCurrentUrl());
    }

    void assertFocusVisible(String what) {
        String outline = (String) ((JavascriptExecutor) driver).executeScript("""
                const e = document.activeElement, s = getComputedStyle(e);
                return e.matches(':focus-visible') + ' ' + s.outlineStyle + ' ' + s.outlineWidth;""");
        assertThat(outline).as("focus ring of " + what).startsWith("true ").doesNotContain(" none ")
                .doesNotEndWith(" 0px");
    }

    /**
     * Walks the report form with Tab and types into every empty field a report needs (a value, a numerator and
     * denominator, a percentage; the first choice of an empty list), as a keyboard user fills it; returns how many.
     */
    int fillByKeyboard() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("document.getElementById('report-form').querySelector('input,select,textarea,button').focus()");
        List<String> seen = new ArrayList<>();
        int filled = 0;
        for (int i = 0; i < 600; i++) {
            @SuppressWarnings("unchecked")
            List<String> f = (List<String>) js.executeScript("""
                    const e = document.activeElement;
                    if (!e || !e.closest('#report-form')) return null;
                    return [e.id || '', e.tagName, e.name || '', e.value || '', String(e.readOnly || e.disabled)];""");
            if (f == null || f.get(0).equals("save")) {
                break;
            }
            String name = f.get(2);
            boolean empty = f.get(3).isEmpty() && f.get(4).equals("false");
            if (empty && f.get(1).equals("INPUT") && name.matches(".*\\.(value|num|den|percent)$")) {
                keys(name.endsWith(".den") ? "10" : name.endsWith(".percent") ? "60" : "5");
                filled++;
            } else if (empty && f.get(1).equals("SELECT")) {
                keys(Keys.ARROW_DOWN);
                filled++;
            }
            seen.add(f.get(0));
            keys(Keys.TAB);
        }
        return filled;
    }

    /** A report of seed 001 in this state (the demo history leaves drafts in the current period). */
    Submission openReport(SubmissionStatus status) {
        for (ReportingPeriod p : reporting.periods(planId)) {
            for (Submission s : reporting.forPeriod(p.id())) {
                if (s.status() == status && !users.ofAgency(s.agencyId()).stream()
                        .filter(u -> u.role() == Role.EDITOR && u.username().startsWith("bt.")).toList().isEmpty()) {
                    return s;
                }
            }
        }
        throw new AssertionError("no " + status + " report in the demo history of plan " + planId);
    }

    /** The page as printed: no menu, no buttons. */
    void printsWithoutTheMenu() {
        browser.emulatePrint(true);
        try {
            JavascriptExecutor js = (JavascriptExecutor) driver;
            assertThat(js.executeScript("return getComputedStyle(document.querySelector('nav.navbar')).display")).isEqualTo("none");
            assertThat(js.executeScript("return [...document.querySelectorAll('#main .btn')]"
                    + ".every(b => getComputedStyle(b).display === 'none')")).isEqualTo(true);
            assertThat(js.executeScript("return getComputedStyle(document.querySelector('h1')).display")).isNotEqualTo("none");
        } finally {
            browser.emulatePrint(false);
        }
    }
}
