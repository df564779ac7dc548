package vn.dxgov.shared.web;

/**
 * A part of a page Thymeleaf has already rendered (every text in it escaped by its template), kept to be written again
 * into later pages as it is: the plan page renders its results once per database state (issue 13). Only
 * {@link FragmentRenderer} makes one, so no other string can pass for rendered HTML; templates write it with
 * {@code dx:rendered} ({@link RenderedHtmlDialect}), which refuses anything else, and {@code th:utext} stays forbidden
 * ({@code TemplateSafetyTest}).
 */
public final class RenderedHtml {

    private final String html;

    RenderedHtml(String html) {
        this.html = html;
    }

    /** The markup, as the template rendered it. */
    public String html() {
        return html;
    }

    /** Characters held (for a cache's bound). */
    public int length() {
        return html.length();
    }

    @Override
    public String toString() {
        return "RenderedHtml[" + html.length() + " chars]";
    }
}
