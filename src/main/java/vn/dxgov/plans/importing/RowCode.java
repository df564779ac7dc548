package vn.dxgov.plans.importing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code of a table row and its title, also when both share one cell ("VII Bảo đảm an toàn, an ninh mạng",
 * "1.2 Xây dựng ...").
 */
record RowCode(String code, String title) {

    /** A code alone: "IV", "2.1.3", "3.", "a)". */
    private static final Pattern CODE_ONLY = Pattern.compile("^([IVX]{1,6}|\\d{1,3}(?:\\.\\d{1,3}){0,5}|[a-zđ])[.)]?$");
    /** A code then a title, separated by any kind of space or punctuation. */
    private static final Pattern CODE_THEN_TITLE = Pattern.compile(
            "^([IVX]{1,6}|\\d{1,3}(?:\\.\\d{1,3}){0,5})(?:[.)]\\s*|\\s+)(?=\\S)(.+)$", Pattern.DOTALL);
    /** In a title cell only unmistakable codes are split off: Roman numerals, dotted paths, "3." or "3)". */
    private static final Pattern CODE_IN_TITLE = Pattern.compile(
            "^([IVX]{1,6}(?=[.)\\s])|\\d{1,3}(?:\\.\\d{1,3}){1,5}(?=[.\\s])|\\d{1,3}(?=[.)]\\s))[.)]?\\s*(\\p{Lu}.*)$", Pattern.DOTALL);

    static RowCode of(String codeCell, String titleCell) {
        String code = codeCell == null ? "" : codeCell.strip();
        String title = titleCell == null ? "" : titleCell.strip();
        if (!code.isEmpty()) {
            Matcher only = CODE_ONLY.matcher(code);
            if (only.matches() && valid(only.group(1))) {
                return new RowCode(only.group(1), title);
            }
            Matcher both = CODE_THEN_TITLE.matcher(code);
            if (both.matches() && valid(both.group(1))) {
                String t = both.group(2).strip();
                return new RowCode(both.group(1), title.isEmpty() ? t : t + " " + title);
            }
            return new RowCode(code.replaceAll("[.)]+$", ""), title);
        }
        Matcher inTitle = CODE_IN_TITLE.matcher(title);
        if (inTitle.matches() && valid(inTitle.group(1))) {
            return new RowCode(inTitle.group(1), inTitle.group(2).strip());
        }
        return new RowCode(null, title);
    }

    private static boolean valid(String code) {
        return !Character.isUpperCase(code.charAt(0)) || RomanNumerals.isRoman(code);
    }

    boolean isRoman() {
        return code != null && RomanNumerals.isRoman(code);
    }

    /** The parts of a dotted code ("2.1.3" → [2, 1, 3]). */
    String[] path() {
        return code == null ? new String[0] : code.split("\\.");
    }
}
