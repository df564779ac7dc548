package vn.dxgov.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The templates keep to what the Content-Security-Policy allows and write nothing unescaped: no inline script (a
 * {@code <script>} has a {@code src} or is a JSON island), no event handler attribute ({@code onclick=…},
 * {@code hx-on…}), no {@code style} attribute or {@code th:style}, no {@code <style>} element, and {@code th:utext}
 * only as the content of a JSON island (written by {@link JsonIsland}), no {@code javascript:} URL.
 */
class TemplateSafetyTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern TAG = Pattern.compile("<(\\w+)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>", Pattern.DOTALL);
    static final Pattern ATTR = Pattern.compile("([\\w:.-]+)\\s*=\\s*(\"[^\"]*\"|'[^']*')");

    @Test
    void templatesHoldNoInlineScriptHandlerOrStyleAndNoUnescapedText() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                problems.addAll(problems(TEMPLATES.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckFindsWhatItLooksFor() {
        assertThat(problems("t.html", """
                <script>alert(1)</script>
                <div onclick="x()" style="color: red" th:style="|a|"></div>
                <button hx-on:click="x()"></button>
                <p th:utext="${text}"></p>
                <a href="javascript:alert(3)">x</a>
                <style>p { color: red }</style>
                <script type="application/json" id="ok" th:utext="${island}">{}</script>
                <script th:src="@{/js/a.js}" defer></script>""")).containsExactly(
                "t.html: inline script <script>", "t.html: event handler onclick on <div>",
                "t.html: style attribute on <div>", "t.html: style attribute on <div>",
                "t.html: event handler hx-on:click on <button>", "t.html: th:utext outside a JSON island on <p>",
                "t.html: script URL on <a>", "t.html: <style> element");
    }

    static List<String> problems(String name, String html) {
        List<String> out = new ArrayList<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            String tag = m.group(1).toLowerCase();
            String attrs = m.group(2);
            boolean island = false;
            boolean src = false;
            List<String> found = new ArrayList<>();
            Matcher a = ATTR.matcher(attrs);
            while (a.find()) {
                String key = a.group(1).toLowerCase();
                String value = a.group(2).substring(1, a.group(2).length() - 1).strip().toLowerCase();
                found.add(key);
                island |= key.equals("type") && value.equals("application/json");
                src |= key.equals("src") || key.equals("th:src");
                if (key.matches("(th:)?on[a-z]+") || key.startsWith("hx-on") || key.startsWith("data-hx-on")) {
                    out.add(name + ": event handler " + a.group(1) + " on <" + tag + ">");
                }
                if (key.equals("style") || key.equals("th:style")) {
                    out.add(name + ": style attribute on <" + tag + ">");
                }
                if (value.startsWith("javascript:")) {
                    out.add(name + ": script URL on <" + tag + ">");
                }
            }
            if (tag.equals("script") && !src && !island) {
                out.add(name + ": inline script <script>");
            }
            if (found.contains("th:utext") && !(tag.equals("script") && island)) {
                out.add(name + ": th:utext outside a JSON island on <" + tag + ">");
            }
            if (tag.equals("style")) {
                out.add(name + ": <style> element");
            }
        }
        return out;
    }
}
