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
 */
public final class Chromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path profile;

    private Chromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
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
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Chromium(driver, profile);
    }

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
        for (org.openqa.selenium.logging.LogEntry e : driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
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
     * ({@link RawText}); every page the server rendered on the way was checked by {@link RawTextFilter}.
     */
    @Override
    public void close() {
        java.util.List<String> problems = java.util.List.of();
        java.util.List<String> csp = java.util.List.of();
        String url = "";
        try {
            url = driver.getCurrentUrl();
            csp = cspViolations();
            problems = RawText.problems(driver.getPageSource());
        } catch (RuntimeException e) {
            // no page to read (the browser is gone): nothing to check
        } finally {
            driver.quit();
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
        if (!csp.isEmpty()) {
            throw new AssertionError("Content-Security-Policy violations in the browser:\n" + String.join("\n", csp));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(RawText.describe("the browser at " + url, problems));
        }
    }
}
