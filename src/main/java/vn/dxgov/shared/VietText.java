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

    /**
     * {@link #fold} character by character, keeping positions: each character is replaced by one character, its fold
     * ("Đ" → 'd', "ố" → 'o', "A" → 'a'), so that a regular expression can run on the folded text and its match
     * positions cut the original. Whitespace is kept as it is (not collapsed or trimmed); a character whose fold is not
     * one character (a lone combining mark, a space, a Hangul syllable) becomes the lower case of its first decomposed
     * character. Meant for NFC text; {@code fold(text)} equals {@code foldAligned(text)} with whitespace collapsed.
     */
    public static String foldAligned(String text) {
        if (text == null) {
            return "";
        }
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = foldChar(text.charAt(i));
        }
        return new String(out);
    }

    /** Folded characters by code unit, filled as met (every char value is one slot; a race writes the same value). */
    private static final char[] FOLDED = new char[Character.MAX_VALUE + 1];

    private static char foldChar(char c) {
        if (c < 0x80) {
            return Character.toLowerCase(c);
        }
        char f = FOLDED[c];
        if (f == 0) {
            String folded = fold(String.valueOf(c));
            f = folded.length() == 1 ? folded.charAt(0)
                    : Character.toLowerCase(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0));
            FOLDED[c] = f;
        }
        return f;
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

    /**
     * A readable piece of a web address: the folded text ({@link #fold}: no diacritics, lower case) with every run of
     * other characters than a–z and 0–9 turned into one hyphen, at most {@code 80} characters, cut at a hyphen
     * ("Thanh Hóa" → "thanh-hoa", "Bà Rịa – Vũng Tàu" → "ba-ria-vung-tau"); empty for text without letters or digits.
     */
    public static String slug(String text) {
        String s = fold(text).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 80) {
            s = s.substring(0, 80);
            int cut = s.lastIndexOf('-');
            s = cut > 20 ? s.substring(0, cut) : s;
        }
        return s;
    }
}
