package vn.dxgov.plans.importing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.shared.VietText;

/**
 * Removes the light markup that documents converted to text or markdown carry (headings, emphasis, strikethrough,
 * footnote markers, HTML tags inside table cells, escapes) and normalises Unicode and whitespace.
 */
final class MarkupCleaner {

    /** Unicode space separators other than the plain space (NBSP, thin space, ...) and zero-width characters. */
    private static final Pattern ODD_SPACES = Pattern.compile("[\\p{Zs}\\u200B-\\u200D\\u2060\\uFEFF&&[^ ]]");
    /** A markdown escape: backslash before an ASCII punctuation character. */
    private static final Pattern ESCAPE = Pattern.compile("\\\\([!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~])");
    /** Footnote markers: {@code <sup>1</sup>}, {@code [^1]}. */
    private static final Pattern FOOTNOTE_MARK = Pattern.compile("<sup>[^<]{0,20}</sup>|\\[\\^[^\\]]{1,20}\\]",
            Pattern.CASE_INSENSITIVE);
    /** A footnote body line: starts with a footnote marker. */
    private static final Pattern FOOTNOTE_BODY = Pattern.compile("^\\s*(<sup>[^<]{0,20}</sup>|\\[\\^[^\\]]{1,20}\\]:)",
            Pattern.CASE_INSENSITIVE);
    /** An autolink {@code <https://...>}: keep the address. */
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|ftp)://[^>\\s]+|[\\w.+-]+@[\\w.-]+)>");
    /** Line breaks inside cells: {@code <br>}, {@code <br/>}, closing block tags. */
    private static final Pattern BREAK_TAG = Pattern.compile("<br\\s*/?>|</(?:p|div|li|tr)>|<p(?:\\s[^>]*)?>",
            Pattern.CASE_INSENSITIVE);
    /** A list item opening tag: becomes a "- " item on its own line. */
    private static final Pattern LIST_ITEM_TAG = Pattern.compile("<li(?:\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
    /** Any other HTML tag, e.g. {@code <ul style="list-style-type: none">}. */
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?>");
    /** Markdown image or link {@code [text](url)}: keep the text. */
    private static final Pattern MD_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    /** A markdown heading marker or a blockquote marker at the start of the line. */
    private static final Pattern MD_HEADING = Pattern.compile("^\\s{0,3}#{1,6}(?:\\s+|$)");
    private static final Pattern MD_QUOTE = Pattern.compile("^\\s{0,3}>(?!\\s*=?\\s*\\d)\\s?");
    /** {@code ~~struck~~}: the text is kept (OCR marks numbers filled in by hand this way). */
    private static final Pattern STRIKE = Pattern.compile("~~(.*?)~~");
    /** A list bullet written with an asterisk: "* item". */
    private static final Pattern STAR_BULLET = Pattern.compile("^(\\s*)\\*\\s+(?=\\S)");
    /** Emphasis underscores at a word boundary (not snake_case). */
    private static final Pattern UNDERSCORE_EMPHASIS = Pattern.compile("(?<![\\p{L}\\d])_+|_+(?![\\p{L}\\d])");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,6}|#x[0-9a-fA-F]{1,6}|nbsp|amp|lt|gt|quot|apos);");

    private MarkupCleaner() {
    }

    /** Cleans a paragraph line into single-line text. */
    static String cleanLine(String raw) {
        return String.join(" ", cleanLines(raw));
    }

    /** Cleans a table cell; its own lines ({@code <br>}, list items) are kept apart with '\n'. */
    static String cleanCell(String raw) {
        return String.join("\n", cleanLines(raw));
    }

    /** True when the raw line is a markdown heading ({@code ## ...}). */
    static boolean isMarkdownHeading(String raw) {
        return MD_HEADING.matcher(raw).find();
    }

    /** True when the whole line is bold ({@code **...**}), a common way to write headings. */
    static boolean isWhollyBold(String raw) {
        String s = raw.strip();
        s = MD_HEADING.matcher(s).replaceFirst("");
        return s.length() > 4 && (s.startsWith("**") && s.endsWith("**") || s.startsWith("__") && s.endsWith("__"));
    }

    /** True when the raw line is a footnote body ({@code <sup>2</sup> Kết quả xếp hạng ...}). */
    static boolean isFootnoteBody(String raw) {
        return FOOTNOTE_BODY.matcher(raw).find();
    }

    /** Normalises Unicode (NFC) and odd spaces; keeps line breaks. */
    static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        return ODD_SPACES.matcher(n).replaceAll(" ");
    }

    private static List<String> cleanLines(String raw) {
        if (raw == null) {
            return List.of();
        }
        String s = normalise(raw);
        s = protectEscapes(s);
        s = FOOTNOTE_MARK.matcher(s).replaceAll("");
        s = AUTOLINK.matcher(s).replaceAll("$1");
        s = BREAK_TAG.matcher(s).replaceAll("\n");
        s = LIST_ITEM_TAG.matcher(s).replaceAll("\n- ");
        s = HTML_TAG.matcher(s).replaceAll("");
        s = decodeEntities(s);
        s = MD_LINK.matcher(s).replaceAll("$1");
        List<String> out = new ArrayList<>();
        for (String line : s.split("\n")) {
            String l = MD_HEADING.matcher(line).replaceFirst("");
            l = MD_QUOTE.matcher(l).replaceFirst("");
            l = STRIKE.matcher(l).replaceAll("$1").replace("~~", "");
            l = l.replace("**", "").replace("__", "");
            l = STAR_BULLET.matcher(l).replaceFirst("$1- ");
            l = l.replace("*", "");
            l = UNDERSCORE_EMPHASIS.matcher(l).replaceAll("");
            l = restoreEscapes(l);
            l = VietText.clean(l);
            if (!l.isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }

    /** Escaped punctuation is moved to the private-use area so that the markup rules do not touch it. */
    private static String protectEscapes(String s) {
        Matcher m = ESCAPE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) (0xE000 + m.group(1).charAt(0)))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String restoreEscapes(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= 0xE000 && c < 0xE080 ? (char) (c - 0xE000) : c);
        }
        return sb.toString();
    }

    private static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "nbsp" -> " ";
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> {
                    int cp = e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
                    yield Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "";
                }
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
