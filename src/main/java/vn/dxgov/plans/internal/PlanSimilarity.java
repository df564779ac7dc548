package vn.dxgov.plans.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.shared.VietText;

/**
 * Whether two documents are one plan in two versions: the same number and issuer once written the same way, or a
 * near-identical text. Pure functions, no database.
 *
 * <p>Text similarity is the Jaccard index of the sets of word 5-grams (shingles) of the folded text. Measured on the
 * five seed plans (PlanSimilarityTest prints the table): between two different plans it is at most 0.149 (seeds 002
 * and 003, two plans of one province that quote the same resolution), mostly 0.02-0.06; a seed with one line changed
 * keeps at least 0.996. {@link #NEAR_IDENTICAL} 0.80 sits far from both: a revision that rewrites a fifth of the
 * document is still a version, a different plan of the same province is not. A document with the same number and
 * issuer is a version unless its text is clearly different, below {@link #SAME_NUMBER_MINIMUM} 0.30 (twice the
 * highest value between different seeds): then it is another plan that happens to carry the number, and a warning.
 */
final class PlanSimilarity {

    /** Above this, a document is a version of the other whatever its number says. */
    static final double NEAR_IDENTICAL = 0.80;
    /** Below this, a document with the same number and issuer is a different plan (a warning), not a version. */
    static final double SAME_NUMBER_MINIMUM = 0.30;
    static final int SHINGLE = 5;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern NUMBER_PREFIX = Pattern.compile("^(so|so hieu)\\s*:?\\s*");

    private PlanSimilarity() {
    }

    /** The word 5-grams of a text, folded (case and diacritics ignored), as hashes. */
    static Set<Long> shingles(String text) {
        List<String> words = words(text);
        Set<Long> out = new HashSet<>();
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            long h = 1125899906842597L;
            for (int j = i; j < i + SHINGLE; j++) {
                h = 31 * h + words.get(j).hashCode();
            }
            out.add(h);
        }
        if (out.isEmpty() && !words.isEmpty()) {
            out.add((long) String.join(" ", words).hashCode());
        }
        return out;
    }

    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        Matcher m = WORD.matcher(VietText.fold(text));
        List<String> words = new java.util.ArrayList<>();
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** Jaccard index of two shingle sets: 1 for the same text, 0 for nothing in common. */
    static double jaccard(Set<Long> a, Set<Long> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<Long> small = a.size() <= b.size() ? a : b;
        Set<Long> large = small == a ? b : a;
        long common = small.stream().filter(large::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }

    /**
     * A document number written one way: "Số: 13-NQ/TU", "13 - NQ/TU" and "13-nq/tu" are the same; null for none or
     * for a number without its serial ("Số: /QĐ-UBND", a document not yet numbered when it was copied).
     */
    static String number(String number) {
        if (number == null) {
            return null;
        }
        String n = NUMBER_PREFIX.matcher(VietText.fold(number).trim()).replaceFirst("");
        n = n.replaceAll("\\s+", "").replace('–', '-').toUpperCase(java.util.Locale.ROOT);
        return n.isEmpty() || !Character.isDigit(n.charAt(0)) ? null : n;
    }

    /** An issuer written one way: case, diacritics, punctuation and spacing ignored. */
    static String issuer(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return null;
        }
        return String.join(" ", words(issuer));
    }
}
