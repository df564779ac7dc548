package vn.dxgov.shared;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text helpers: diacritics-insensitive folding for search and matching, and
 * Vietnamese collation for sorting ("Đ" after "D", tones ordered as in dictionaries).
 */
public final class VietText {

    public static final Locale VI = Locale.forLanguageTag("vi-VN");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\u200B\\uFEFF]+");

    private VietText() {
    }

    /**
     * Folds text for comparison: lower case, no diacritics, đ as d, whitespace collapsed, trimmed.
     * "Thanh Hóa" and "thanh hoa" fold to the same string.
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.replace('đ', 'd').replace('Đ', 'D');
        s = s.toLowerCase(Locale.ROOT);
        return SPACES.matcher(s).replaceAll(" ").trim();
    }

    /** True when every folded word of {@code query} occurs in the folded {@code text}. */
    public static boolean matches(String text, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String haystack = fold(text);
        for (String word : fold(query).split(" ")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Normalises Unicode to NFC and collapses runs of whitespace; keeps diacritics. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        return SPACES.matcher(s).replaceAll(" ").trim();
    }

    /** A comparator that sorts Vietnamese strings as a Vietnamese reader expects. */
    public static Comparator<String> collator() {
        Collator collator = Collator.getInstance(VI);
        collator.setStrength(Collator.TERTIARY);
        return Comparator.nullsLast((a, b) -> collator.compare(a, b));
    }
}
