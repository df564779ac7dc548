package vn.dxgov.shared.web;

import tools.jackson.databind.ObjectMapper;

/**
 * JSON written into a page for its script to read ({@code <script type="application/json" id="…">}, a "JSON island"),
 * safe whatever text the data holds. A JSON island is raw text to the HTML parser: it ends at the first
 * {@code </script}, whatever JSON quoting surrounds it, and {@code <!--} changes how the parser looks for that end. So
 * {@code <}, {@code >}, {@code &} and {@code '} are written as JSON escapes ({@code \u003c} …), as are U+2028 and
 * U+2029 (line breaks to older JavaScript): {@code JSON.parse} reads the same value, and no user text (a target's
 * unit {@code </script><img src=x onerror=alert(1)>}) can leave the island. The characters can only stand inside JSON
 * strings (none is JSON syntax), so escaping them everywhere in the document keeps it valid.
 *
 * <p>Templates write an island with {@code th:utext} (Thymeleaf's HTML escaping would turn {@code "} into
 * {@code &quot;}, which a raw-text element does not decode); nothing else on a page is written unescaped
 * ({@code TemplateSafetyTest} checks the templates).
 */
public final class JsonIsland {

    private JsonIsland() {
    }

    /** The value as JSON for an island. */
    public static String of(ObjectMapper mapper, Object value) {
        return escape(mapper.writeValueAsString(value));
    }

    /** A JSON document made safe for an island (the same value to {@code JSON.parse}). */
    public static String escape(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\'' -> out.append("\\u0027");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
