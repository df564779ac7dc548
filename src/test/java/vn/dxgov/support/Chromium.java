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
     * Quits the browser, failing when the page the test ended on (as the scripts left it) shows raw text
     * ({@link RawText}); every page the server rendered on the way was checked by {@link RawTextFilter}.
     */
    @Override
    public void close() {
        java.util.List<String> problems = java.util.List.of();
        String url = "";
        try {
            url = driver.getCurrentUrl();
            problems = RawText.problems(driver.getPageSource());
        } catch (RuntimeException e) {
            // no page to read (the browser is gone): nothing to check
        } finally {
            driver.quit();
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(RawText.describe("the browser at " + url, problems));
        }
    }
}
