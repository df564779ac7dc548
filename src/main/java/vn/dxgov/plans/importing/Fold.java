package vn.dxgov.plans.importing;

import java.text.Normalizer;

/**
 * Folding that keeps positions: every character of an NFC string is replaced by its lower-case base letter
 * ("Đ" → 'd', "ố" → 'o'), so a regular expression can run on the folded text and its match positions cut the
 * original text. Same folding as {@link vn.dxgov.shared.VietText#fold}, character by character.
 */
final class Fold {

    private static final char[] CACHE = new char[0x2000];

    private Fold() {
    }

    static String aligned(String s) {
        if (s == null) {
            return "";
        }
        char[] out = new char[s.length()];
        for (int i = 0; i < s.length(); i++) {
            out[i] = fold(s.charAt(i));
        }
        return new String(out);
    }

    static char fold(char c) {
        if (c < 0x80) {
            return Character.toLowerCase(c);
        }
        if (c < CACHE.length && CACHE[c] != 0) {
            return CACHE[c];
        }
        char f;
        if (c == 'đ' || c == 'Đ') {
            f = 'd';
        } else {
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            f = Character.toLowerCase(d.charAt(0));
        }
        if (c < CACHE.length) {
            CACHE[c] = f;
        }
        return f;
    }
}
