package vn.dxgov.plans.importing;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts tone marks of the open syllables "oa", "oe", "uy" on the first vowel ("hoá" → "hóa", "uỷ" → "ủy"), the
 * placement the official names use ("Thanh Hóa", "Khánh Hòa", "Tỉnh ủy"), so that "Tỉnh uỷ" and "Tỉnh ủy" read the
 * same. "quý" keeps its mark ("qu" is a consonant).
 */
final class VietTones {

    /** o/u then a/e/y carrying a tone, ending the word (NFD: tone marks are separate combining characters). */
    private static final Pattern OPEN_SYLLABLE = Pattern.compile(
            "(?<![qQ])([oOuU])([aAeEyY])([\\u0300\\u0301\\u0303\\u0309\\u0323])(?![\\p{L}\\p{M}])");

    private VietTones() {
    }

    static String classic(String s) {
        if (s == null) {
            return null;
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        Matcher m = OPEN_SYLLABLE.matcher(d);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String first = m.group(1);
            String second = m.group(2);
            boolean pair = (first.equalsIgnoreCase("o") && !second.equalsIgnoreCase("y"))
                    || (first.equalsIgnoreCase("u") && second.equalsIgnoreCase("y"));
            String replacement = pair ? first + m.group(3) + second : m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return Normalizer.normalize(sb.toString(), Normalizer.Form.NFC);
    }
}
