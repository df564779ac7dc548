package vn.dxgov.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium through chromedriver for browser tests (never a browser Selenium would download):
 * {@link #start()} skips the test with a message when the packages are missing.
 *
 * <p>Every document the test reaches (by {@code get}, a click, a submitted form, a redirect) is checked once with
 * axe-core ({@link Axe}) as soon as it has loaded: the driver is wrapped so that after each WebDriver call a page not
 * yet checked is; {@link #close()} fails the test with the serious and critical WCAG 2.1 AA violations found on any
 * of them. A state scripts produce later (an htmx swap) is checked with {@link Axe#check(WebDriver)}.</p>
 */
public final class Chromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver raw;
    private final WebDriver driver;
    private final Path profile;
    /** The axe violations of every page checked so far (rule and page once each). */
    private final java.util.Map<String, Axe.Violation> axeViolations = new java.util.LinkedHashMap<>();
    private final java.util.Set<String> axePages = new java.util.LinkedHashSet<>();
    private boolean checking;
    private boolean closed;

    private Chromium(WebDriver raw, Path profile) {
        this.raw = raw;
        this.profile = profile;
        this.driver = new org.openqa.selenium.support.events.EventFiringDecorator<>(new AxeOnEveryPage()).decorate(raw);
    }

    /** After every call of the test on the driver, an element or the navigation: check the page if it is new. */
    private final class AxeOnEveryPage implements org.openqa.selenium.support.events.WebDriverListener {
        @Override
        public void afterAnyWebDriverCall(WebDriver d, java.lang.reflect.Method method, Object[] args, Object result) {
            if (!method.getName().equals("quit") && !method.getName().equals("close")) {
                checkNewPage();
            }
        }

        @Override
        public void afterAnyWebElementCall(WebElement element, java.lang.reflect.Method method, Object[] args,
                                           Object result) {
            checkNewPage();
        }

        @Override
        public void afterAnyNavigationCall(WebDriver.Navigation navigation, java.lang.reflect.Method method,
                                           Object[] args, Object result) {
            checkNewPage();
        }
    }

    /**
     * Runs axe on the page the browser shows if it is a loaded HTML page of the application not checked yet (marked
     * in its window). Nothing when a dialog is open or the page is changing: the next call tries again.
     */
    private void checkNewPage() {
        if (checking || closed) {
            return;
        }
        checking = true;
        try {
            Object fresh = ((JavascriptExecutor) raw).executeScript(
                    "if (document.readyState !== 'complete' || document.contentType !== 'text/html' || !document.body"
                            + " || !location.protocol.startsWith('http') || location.pathname.startsWith('/swagger-ui')"
                            + " || window.__dxgovAxe) { return false; }"
                            + " window.__dxgovAxe = true; return true;");
            if (Boolean.TRUE.equals(fresh)) {
                for (Axe.Violation v : Axe.run(raw)) {
                    axeViolations.putIfAbsent(v.rule() + " " + v.url().replaceAll("\\d+", "N"), v);
                }
                axePages.add(raw.getCurrentUrl());
            }
        } catch (org.openqa.selenium.WebDriverException e) {
            // an alert is open, the page is navigating or gone: the next call checks it
        } finally {
            checking = false;
        }
    }

    /** Renders the page as for printing ({@code @media print}) or back on screen, through the DevTools protocol. */
    public void emulatePrint(boolean print) {
        ((ChromeDriver) raw).executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", print ? "print" : ""));
    }

    /** The pages axe checked so far (their URLs). */
    public java.util.Set<String> axePages() {
        return java.util.Collections.unmodifiableSet(axePages);
    }

    /** A fresh browser (own profile, 1280 × 900, Vietnamese); the calling test is skipped without Chromium. */
    public static Chromium start() throws java.io.IOException {
        Assumptions.assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
                "Browser test skipped: install Debian's chromium and chromium-driver "
                        + "(apt-get install -y chromium chromium-driver) to run it");
        Path profile = Files.createTempDirectory("dxgov-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=vi");
        // the console, to read Content-Security-Policy violations (close() fails a test that caused one)
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        // a confirm() stays open for the test to accept (axe's checks between calls would otherwise dismiss it)
        options.setUnhandledPromptBehaviour(org.openqa.selenium.UnexpectedAlertBehaviour.IGNORE);
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Chromium(driver, profile);
    }

    /** The browser, every page it reaches checked by axe ({@link #close()} reports). */
    public WebDriver driver() {
        return driver;
    }

    /** Clicks after scrolling the element to the middle at once (Bootstrap's smooth scrolling would still be moving). */
    public void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
                element);
        element.click();
    }

    /**
     * The Content-Security-Policy violations the console reported since the last call (every page on the way): a
     * script, style or image the policy refused is a page that does not work as written.
     */
    public java.util.List<String> cspViolations() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (org.openqa.selenium.logging.LogEntry e : raw.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
            String m = e.getMessage();
            if (m.contains("Content Security Policy") || m.contains("Content-Security-Policy")) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * Quits the browser, failing when the console reported a Content-Security-Policy violation on any page the test
     * visited ({@link #cspViolations}), or when the page the test ended on (as the scripts left it) shows raw text
     * ({@link RawText}); every page the server rendered on the way was checked by {@link RawTextFilter}; or when axe
     * found a serious or critical WCAG 2.1 AA violation on any page the test reached ({@link Axe}).
     */
    @Override
    public void close() {
        java.util.List<String> problems = java.util.List.of();
        java.util.List<String> csp = java.util.List.of();
        String url = "";
        try {
            checkNewPage();
            closed = true;
            url = raw.getCurrentUrl();
            csp = cspViolations();
            problems = RawText.problems(raw.getPageSource());
        } catch (RuntimeException e) {
            // no page to read (the browser is gone): nothing to check
        } finally {
            closed = true;
            raw.quit();
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
        if (!csp.isEmpty()) {
            throw new AssertionError("Content-Security-Policy violations in the browser:\n" + String.join("\n", csp));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(RawText.describe("the browser at " + url, problems));
        }
        if (!axeViolations.isEmpty()) {
            throw new AssertionError(Axe.describe(java.util.List.copyOf(axeViolations.values()))
                    + "\n  (pages checked: " + axePages.size() + ")");
        }
    }
}
