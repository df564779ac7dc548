package vn.dxgov.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much a person or a client may send, in one place ({@code dxgov.limits.*}, e.g. {@code DXGOV_LIMITS_TITLE}):
 * the longest text of each kind of field (in characters), the years a plan, target, task or round may name, and how
 * deeply a JSON body may nest. Each request field carries its kind ({@link MaxChars}, {@link YearRange}); anything not
 * annotated is still held to {@link #ceiling()} by the JSON reader (and a form by Tomcat's 2 MB), so no free text is unbounded.
 * Uploads are bounded by {@code spring.servlet.multipart.*} and {@code dxgov.import.max-bytes}.
 *
 * @param title     titles of plans and tasks, section headings (500)
 * @param name      names and short labels: agencies, rounds, indicators, criteria, issuers, numbers (300)
 * @param text      a sentence or paragraph: target texts, reasons, comments, descriptions, evidence (4,000)
 * @param narrative the narrative of a report (100,000: some 40 pages)
 * @param minYear   the first year a plan, target, task or round may name (1945)
 * @param maxYear   the last (2100)
 * @param jsonDepth how deeply objects and arrays may nest in a JSON body (64; dxgov's deepest, a criteria set, needs ~12)
 */
@ConfigurationProperties(prefix = "dxgov.limits")
public record Limits(@DefaultValue("500") int title, @DefaultValue("300") int name, @DefaultValue("4000") int text,
                     @DefaultValue("100000") int narrative, @DefaultValue("1945") int minYear,
                     @DefaultValue("2100") int maxYear, @DefaultValue("64") int jsonDepth) {

    /** The values above, for code that runs without Spring (a validator built by hand, a unit test). */
    public static final Limits DEFAULTS = new Limits(500, 300, 4000, 100_000, 1945, 2100, 64);

    /** The kinds of free text. */
    public enum Kind { TITLE, NAME, TEXT, NARRATIVE }

    public Limits {
        if (title <= 0 || name <= 0 || text <= 0 || narrative <= 0 || minYear > maxYear || jsonDepth < 8) {
            throw new IllegalArgumentException("dxgov.limits: lengths must be positive, min-year ≤ max-year and "
                    + "json-depth ≥ 8");
        }
    }

    public int of(Kind kind) {
        return switch (kind) {
            case TITLE -> title;
            case NAME -> name;
            case TEXT -> text;
            case NARRATIVE -> narrative;
        };
    }

    /**
     * The longest string a JSON body may carry: ten narratives, at least 2,097,152 characters (so that a 1 MB title is
     * still read and refused by its field's own limit, with the field's name). Above it the body is refused while it
     * is read (a 20 MB narrative), before any field is bound.
     */
    public int ceiling() {
        return Math.max(Math.max(Math.max(narrative, text), Math.max(title, name)) * 10, 2 << 20);
    }
}
