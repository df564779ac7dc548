package vn.dxgov.plans.importing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.shared.VietText;

/**
 * A paragraph seen through the outline of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP layout):
 * sections "I.", "II.", items "1.", "2.1.", "a)", "a,", bullets "-", "+", "•".
 *
 * @param kind   the kind of label the line starts with
 * @param label  the label without its punctuation ("II", "2.1", "a", "-")
 * @param body   the text after the label
 * @param marked the source marks the line as a heading (markdown, bold, Word style)
 */
record OutlineLine(Kind kind, String label, String body, boolean marked, String text) {

    enum Kind {
        ROMAN, NUMBERED, LETTER, BULLET, NONE
    }

    /** "II. MỤC TIÊU", "VII Bảo đảm ...": a Roman numeral then punctuation or a space and an upper-case letter. */
    private static final Pattern ROMAN = Pattern.compile("^([IVX]{1,6})(?:\\s*[.):]\\s*|\\s+[-–]\\s+|\\s+)(?=[\\p{Lu}\\d\"“])(.+)$");
    /** "2.1. ...", "2.1 ...", "3) ...", "1. ..."; a bare "2 Xxx" only before an upper-case letter. */
    private static final Pattern NUMBERED = Pattern.compile(
            "^(\\d{1,2}(?:\\.\\d{1,2}){0,4})(?:(?:\\.(?!\\d)|\\))\\s*(?=\\S)|\\s+(?=\\p{Lu}))(.+)$");
    /** A dotted path followed by a space: "2.1 Mục tiêu". */
    private static final Pattern DOTTED = Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2}){1,4})\\s+(.+)$");
    /** "a) ...", "a, ...", "a. ...", "đ) ...": one letter then ")", "," or ".". */
    private static final Pattern LETTER = Pattern.compile("^([a-zđ])\\s?[),.]\\s*(?=\\S)(.+)$");
    /** "- ...", "+ ...", "• ...": a bullet character. */
    private static final Pattern BULLET = Pattern.compile("^([-+•–—·▪●◦○∙➢➤►✓])\\s*(?=\\S)(.+)$");

    static OutlineLine of(String text, boolean marked) {
        String t = text.strip();
        Matcher m = ROMAN.matcher(t);
        if (m.matches() && RomanNumerals.isRoman(m.group(1))) {
            return new OutlineLine(Kind.ROMAN, m.group(1), m.group(2).strip(), marked, t);
        }
        m = NUMBERED.matcher(t);
        if (m.matches() && !looksLikeQuantity(m.group(2))) {
            return new OutlineLine(Kind.NUMBERED, m.group(1), m.group(2).strip(), marked, t);
        }
        m = DOTTED.matcher(t);
        if (m.matches()) {
            return new OutlineLine(Kind.NUMBERED, m.group(1), m.group(2).strip(), marked, t);
        }
        m = LETTER.matcher(t);
        if (m.matches()) {
            return new OutlineLine(Kind.LETTER, m.group(1), m.group(2).strip(), marked, t);
        }
        m = BULLET.matcher(t);
        if (m.matches()) {
            return new OutlineLine(Kind.BULLET, m.group(1), m.group(2).strip(), marked, t);
        }
        return new OutlineLine(Kind.NONE, "", t, marked, t);
    }

    /** "3. %" or "1) triệu" would not be items; a body starting with a unit means the number was a quantity. */
    private static boolean looksLikeQuantity(String body) {
        return body.startsWith("%");
    }

    /** Depth in the outline: sections 0, "1." 1, "2.1." 2, ..., letters 6, bullets 7, unlabelled 1. */
    int depth() {
        return switch (kind) {
            case ROMAN -> 0;
            case NUMBERED -> label.split("\\.").length;
            case LETTER -> 6;
            case BULLET -> 7;
            case NONE -> 1;
        };
    }

    boolean isSection() {
        return kind == Kind.ROMAN || kind == Kind.NUMBERED;
    }

    /** The body folded (lower case, no diacritics), positions aligned with {@link #body()}. */
    String foldedBody() {
        return VietText.foldAligned(body);
    }

    /** True when the body ends like a heading introducing what follows. */
    boolean endsWithColon() {
        return body.endsWith(":");
    }
}
