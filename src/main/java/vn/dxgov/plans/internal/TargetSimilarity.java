package vn.dxgov.plans.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.dxgov.shared.VietText;
import vn.dxgov.targets.TargetKind;

/**
 * How alike two targets read: the text of each (with its indicator's name, when it has one) folded to syllables
 * without diacritics, words that every target uses ("tỷ lệ", "đạt", "phấn đấu", "năm", numbers) left out; the score is
 * the mean of the Dice coefficients of the syllables and of adjacent syllable pairs (Vietnamese words are mostly two
 * syllables: "kinh tế", "dịch vụ", "trực tuyến", so pairs weigh what is said, syllables what is talked about).
 * Pure: no database, no Spring.
 *
 * <p>{@link #THRESHOLD} is a suggestion, never a link: a person confirms. Measured on the province targets of the
 * seeds 001 and 002 (48 targets) against eight targets written the way Nghị quyết 57-NQ/TW and 71/NQ-CP state them
 * (SimilarityScratch in notes/cascade.md): the pairs a reader matches score 0,46–0,87 ("Quy mô kinh tế số đạt tối
 * thiểu 30% GDP" / "Kinh tế số chiếm 20% trở lên trong GRDP của tỉnh": 0,78); pairs on a neighbouring subject score
 * 0,30–0,41 (satisfaction with administrative procedures against procedures handled online: 0,40); unrelated pairs at
 * most 0,33. 0,40 keeps every real pair and little else; what passes is shown with its score for a person to judge.</p>
 */
final class TargetSimilarity {

    /** The score from which a pair is suggested. */
    static final double THRESHOLD = 0.40;

    /** Syllables every target uses, folded: they say nothing about which target it is. */
    private static final Set<String> COMMON = Set.of("cac", "cua", "va", "tren", "dat", "toi", "thieu", "tro", "len",
            "nam", "den", "duoc", "co", "la", "cho", "tu", "voi", "trong", "nhung", "mot", "muc", "it", "nhat", "khoang",
            "bao", "dam", "phan", "dau", "chiem", "ty", "ti", "le", "tong", "luong", "tinh", "hon", "tang", "giam",
            "binh", "quan", "moi", "nay", "do", "khi", "theo", "ve", "dinh", "huong", "tam", "nhin", "ban", "dia");

    private TargetSimilarity() {
    }

    /** What a text is compared by, computed once per target: its syllables and its adjacent syllable pairs. */
    record Features(Set<String> syllables, Set<String> pairs) {
    }

    static Features features(String text) {
        List<String> s = syllables(text);
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 1 < s.size(); i++) {
            pairs.add(s.get(i) + " " + s.get(i + 1));
        }
        return new Features(new HashSet<>(s), pairs);
    }

    /** A score in [0, 1]: 1 for the same words in the same order, 0 for nothing in common. */
    static double score(String a, String b) {
        return score(features(a), features(b));
    }

    /**
     * The score of two targets' features. Folding is the costly part: 100 seed targets × 50 (5,000 pairs) took
     * 470–750 ms warm when each pair folded both texts again, 13–70 ms with features made once per target (2 shared
     * cores; docs/PERFORMANCE.md via notes/cascade.md).
     */
    static double score(Features a, Features b) {
        if (a.syllables().isEmpty() || b.syllables().isEmpty()) {
            return 0;
        }
        return (dice(a.syllables(), b.syllables()) + dice(a.pairs(), b.pairs())) / 2;
    }

    /**
     * Whether two targets can measure the same thing: the same kind (a done/not-done target goes with any kind: the
     * national one is often qualitative), and units that agree (any percent with any percent; a count's unit
     * "xã" with "xã"; a missing unit agrees with any).
     */
    static boolean compatible(TargetKind a, String unitA, TargetKind b, String unitB) {
        if (a == TargetKind.YES_NO || b == TargetKind.YES_NO || a == null || b == null) {
            return true;
        }
        if (a != b) {
            return false;
        }
        String ua = VietText.fold(unitA);
        String ub = VietText.fold(unitB);
        if (ua.isEmpty() || ub.isEmpty() || ua.startsWith("%") && ub.startsWith("%")) {
            return true;
        }
        return ua.equals(ub) || ua.startsWith(ub) || ub.startsWith(ua);
    }

    /** Folded syllables, without the common ones and numbers, in order. */
    static List<String> syllables(String text) {
        List<String> out = new ArrayList<>();
        for (String w : VietText.fold(text).split("[^a-z0-9]+")) {
            if (!w.isEmpty() && !COMMON.contains(w) && !w.chars().allMatch(Character::isDigit)) {
                out.add(w.equals("grdp") ? "gdp" : w); // a province's GRDP is the nation's GDP
            }
        }
        return out;
    }

    private static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String x : a) {
            if (b.contains(x)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
    }
}
