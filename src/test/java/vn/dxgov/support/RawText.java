package vn.dxgov.support;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * The one check every rendered page goes through in the tests: what a person reads (the visible text and the
 * attribute values: titles, labels, placeholders, data attributes the scripts show) must not hold
 * <ul>
 *   <li>a raw message pattern, {@code {0}} to {@code {9}} ("{0}: cần nhập mẫu số lớn hơn 0." as a label);</li>
 *   <li>Thymeleaf's marker of an unresolved message, {@code ??key_vi??};</li>
 *   <li>a Thymeleaf expression printed as text ({@code #{...}});</li>
 *   <li>a key of the message bundles printed verbatim ("targetStatus.why" instead of "Vì sao?").</li>
 * </ul>
 * Scripts and styles are left out (they are not read). {@link RawTextFilter} applies it to every HTML response of
 * every Spring test context (MockMvc and the running server, so the browser tests' pages too), {@link Chromium}
 * to the page a browser test ends on.
 */
public final class RawText {

    private static final Pattern MESSAGE_ARGUMENT = Pattern.compile("\\{\\d(?:,[^}]*)?}");
    private static final Pattern UNRESOLVED = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");
    private static final Pattern EXPRESSION = Pattern.compile("#\\{[^}]*}?");
    private static final Pattern KEY_LIKE = Pattern.compile("(?<![\\w.\\-/@])[A-Za-z][\\w\\-]*(?:\\.[\\w\\-]+)+(?![\\w\\-/@]|\\.[\\w\\-])");
    /** Attributes people read (besides data-* and aria-*, which the scripts and screen readers show). */
    private static final Set<String> READ = Set.of("title", "alt", "placeholder", "label", "summary", "content");
    private static volatile Set<String> keys;

    private RawText() {
    }

    /** Every key of the message bundles on the classpath (messages_*.properties, i18n/*.properties). */
    public static Set<String> keys() {
        Set<String> k = keys;
        if (k == null) {
            TreeSet<String> all = new TreeSet<>();
            try {
                PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
                List<Resource> bundles = new ArrayList<>(List.of(resolver.getResources("classpath*:messages*.properties")));
                bundles.addAll(List.of(resolver.getResources("classpath*:i18n/*.properties")));
                for (Resource r : bundles) {
                    Properties p = new Properties();
                    try (Reader in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
                        p.load(in);
                    }
                    p.stringPropertyNames().forEach(all::add);
                }
            } catch (IOException e) {
                throw new IllegalStateException("message bundles not readable", e);
            }
            if (all.isEmpty()) {
                throw new IllegalStateException("no message bundle on the classpath");
            }
            k = Collections.unmodifiableSet(all);
            keys = k;
        }
        return k;
    }

    /** What is wrong in a rendered page or fragment, one line each with the text around it; empty when nothing. */
    public static List<String> problems(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, template").remove();
        List<String> found = new ArrayList<>();
        scan("text", doc.text(), true, found);
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(java.util.Locale.ROOT);
                boolean read = READ.contains(name) || name.startsWith("data-") || name.startsWith("aria-")
                        || (name.equals("value") && (e.is("button") || e.is("option")
                        || e.is("input[type=submit], input[type=button], input[type=reset]")));
                scan("<" + e.tagName() + " " + name + ">", a.getValue(), read, found);
            }
        }
        return found;
    }

    private static void scan(String where, String text, boolean keysToo, List<String> found) {
        if (text == null || text.isEmpty()) {
            return;
        }
        report(where, "raw message pattern", MESSAGE_ARGUMENT.matcher(text), text, found);
        report(where, "unresolved message", UNRESOLVED.matcher(text), text, found);
        report(where, "Thymeleaf expression as text", EXPRESSION.matcher(text), text, found);
        if (keysToo) {
            Matcher m = KEY_LIKE.matcher(text);
            while (m.find()) {
                if (keys().contains(m.group())) {
                    found.add(where + ": message key printed verbatim \"" + m.group() + "\" in \"" + around(text, m) + "\"");
                }
            }
        }
    }

    private static void report(String where, String what, Matcher m, String text, List<String> found) {
        while (m.find()) {
            found.add(where + ": " + what + " \"" + m.group() + "\" in \"" + around(text, m) + "\"");
        }
    }

    private static String around(String text, Matcher m) {
        int from = Math.max(0, m.start() - 60);
        int to = Math.min(text.length(), m.end() + 60);
        return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
    }

    /** Fails with the problems of a page: for a MockMvc built by hand ({@code alwaysExpect(RawText.noRawText())}). */
    public static ResultMatcher noRawText() {
        return result -> {
            String type = result.getResponse().getContentType();
            if (type != null && type.startsWith("text/html")) {
                List<String> problems = problems(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
                if (!problems.isEmpty()) {
                    throw new AssertionError(describe(result.getRequest().getMethod() + " "
                            + result.getRequest().getRequestURI(), problems));
                }
            }
        };
    }

    static String describe(String request, List<String> problems) {
        return "Raw text on the page of " + request + " (RawText):\n  " + String.join("\n  ", problems);
    }
}
