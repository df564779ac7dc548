package vn.dxgov.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.webjars.WebJarVersionLocator;

/**
 * axe-core (the npm package, from the test-scoped WebJar {@code org.webjars.npm:axe-core}) run in the page a browser
 * test is on: WCAG 2.0 and 2.1, levels A and AA; a rule violated with impact "serious" or "critical" fails the test.
 *
 * <p>axe is injected with WebDriver's {@code executeScript}, which the page's Content-Security-Policy does not
 * govern (no {@code <script src>}, no inline script: the strict policy stays as it is); axe itself uses no
 * {@code eval}. {@link Chromium} runs it once on every document a test reaches and reports at {@link Chromium#close()};
 * {@link #check(WebDriver)} runs it now, for a state scripts produced (a form htmx swapped in).</p>
 *
 * <p>A newer axe can be tried without a release of the WebJar: {@code -Ddxgov.axe.js=/path/to/axe.min.js} (for
 * example {@code node_modules/axe-core/axe.min.js} after {@code npm i axe-core}).</p>
 */
public final class Axe {

    /** The impacts that fail a test; "moderate" and "minor" are reported by axe but tolerated. */
    public static final List<String> FAILING = List.of("serious", "critical");

    private static volatile String source;

    private Axe() {
    }

    /** One violated rule on one page. */
    public record Violation(String url, String rule, String impact, String help, List<String> targets) {

        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + ") at " + url + "\n      " + String.join("\n      ", targets);
        }
    }

    /** The text of axe.min.js: {@code -Ddxgov.axe.js} when given, else the WebJar's. */
    static String source() {
        String s = source;
        if (s == null) {
            try {
                String override = System.getProperty("dxgov.axe.js", "");
                if (!override.isBlank()) {
                    s = Files.readString(Path.of(override), StandardCharsets.UTF_8);
                } else {
                    String path = new WebJarVersionLocator().path("axe-core", "axe.min.js");
                    if (path == null) {
                        throw new IllegalStateException("axe-core is not on the test class path: the pom's test-scoped "
                                + "org.webjars.npm:axe-core is missing");
                    }
                    try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("META-INF/resources/webjars/" + path)) {
                        if (in == null) {
                            throw new IllegalStateException("axe-core WebJar has no " + path);
                        }
                        s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            source = s;
        }
        return s;
    }

    /**
     * Runs axe on the page the browser shows now and returns its serious and critical WCAG 2.1 A/AA violations
     * (empty when the page is not an HTML document).
     */
    public static List<Violation> run(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Object html = js.executeScript("return document.contentType === 'text/html' && !!document.body");
        if (!Boolean.TRUE.equals(html)) {
            return List.of();
        }
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(source() + "\n;window.axe.configure({branding: {application: 'dxgov'}});");
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.axe.run(document, {
                    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                    resultTypes: ['violations']
                }).then(r => done({url: location.pathname + location.search, violations: r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    targets: v.nodes.filter(n => n.impact === 'serious' || n.impact === 'critical')
                        .map(n => n.target.join(' ') + '  ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 300))
                }))}), e => done({url: location.pathname, error: String(e)}));
                """);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) result;
        String url = String.valueOf(r.get("url"));
        if (r.get("error") != null) {
            throw new AssertionError("axe-core failed on " + url + ": " + r.get("error"));
        }
        List<Violation> out = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) r.get("violations");
        for (Map<String, Object> v : violations) {
            String impact = String.valueOf(v.get("impact"));
            @SuppressWarnings("unchecked")
            List<String> targets = (List<String>) v.get("targets");
            if (FAILING.contains(impact) || !targets.isEmpty()) {
                out.add(new Violation(url, String.valueOf(v.get("id")), impact, String.valueOf(v.get("help")), targets));
            }
        }
        return out;
    }

    /** Runs axe now and fails with every serious or critical violation (rule, impact, the elements' selectors). */
    public static void check(WebDriver driver) {
        List<Violation> found = run(driver);
        if (!found.isEmpty()) {
            throw new AssertionError(describe(found));
        }
    }

    /** A readable list of violations, one rule a paragraph. */
    public static String describe(List<Violation> found) {
        StringBuilder sb = new StringBuilder("axe-core: ").append(found.size())
                .append(" serious or critical WCAG 2.1 AA violation(s):");
        for (Violation v : found) {
            sb.append("\n  - ").append(v);
        }
        return sb.toString();
    }
}
