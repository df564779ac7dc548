package vn.dxgov.plans.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.dxgov.shared.VietText;

/**
 * The differences between two versions of a plan's targets (or tasks), item by item: added, removed, changed (which
 * fields) and how many are unchanged. Pure: the items come already described as text.
 *
 * <p>Items are paired first by their text (folded: case, diacritics and spacing ignored), in document order; the
 * rest by the best word overlap of their text, numbers left out (a target whose value changed reads "đạt 90%"
 * instead of "đạt 80%"), at least {@link #PAIRING_MINIMUM}, a shared code counting as a tie-breaker. A text that
 * differs only by numbers already shown as changed fields (value, deadline) is not reported as a text change.
 */
final class PlanDiff {

    /** Lowest word overlap (Jaccard of word sets, numbers left out) at which two items are one item changed. */
    static final double PAIRING_MINIMUM = 0.5;

    enum Field { TEXT, VALUE, UNIT, DEADLINE, LEAD, COOPERATING, TIME_FRAME }

    /** One target or task as compared: its id, code, text and the compared fields as displayed (null: none). */
    record Item(long id, String code, String text, Map<Field, String> fields) {
    }

    record Entry(long id, String code, String text) {
    }

    record FieldChange(Field field, String before, String after) {
    }

    /** A changed item: the old one's id, the new one's, what changed. */
    record Change(long oldId, long newId, String code, String text, List<FieldChange> fields) {
    }

    /**
     * @param unchangedPairs old id → new id of the items that did not change, in document order of the new version
     */
    record Section(List<Entry> added, List<Entry> removed, List<Change> changed, int unchanged,
                   Map<Long, Long> unchangedPairs) {

        boolean same() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    private PlanDiff() {
    }

    static Section compare(List<Item> before, List<Item> after) {
        Map<Long, Item> pairs = new LinkedHashMap<>(); // new id -> old item
        Set<Long> usedOld = new HashSet<>();
        Map<String, Deque<Item>> byText = new HashMap<>();
        for (Item o : before) {
            byText.computeIfAbsent(key(o.text()), k -> new ArrayDeque<>()).add(o);
        }
        for (Item n : after) {
            Deque<Item> same = byText.get(key(n.text()));
            if (same != null && !same.isEmpty()) {
                Item o = same.poll();
                pairs.put(n.id(), o);
                usedOld.add(o.id());
            }
        }
        pairBySimilarity(before, after, pairs, usedOld);
        List<Entry> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        Map<Long, Long> unchanged = new LinkedHashMap<>();
        for (Item n : after) {
            Item o = pairs.get(n.id());
            if (o == null) {
                added.add(new Entry(n.id(), n.code(), n.text()));
                continue;
            }
            List<FieldChange> fields = fieldChanges(o, n);
            if (fields.isEmpty()) {
                unchanged.put(o.id(), n.id());
            } else {
                changed.add(new Change(o.id(), n.id(), n.code(), n.text(), fields));
            }
        }
        List<Entry> removed = before.stream().filter(o -> !usedOld.contains(o.id()))
                .map(o -> new Entry(o.id(), o.code(), o.text())).toList();
        return new Section(added, removed, changed, unchanged.size(), unchanged);
    }

    private static void pairBySimilarity(List<Item> before, List<Item> after, Map<Long, Item> pairs, Set<Long> usedOld) {
        record Candidate(Item o, Item n, double score) {
        }
        List<Item> olds = before.stream().filter(o -> !usedOld.contains(o.id())).toList();
        List<Item> news = after.stream().filter(n -> !pairs.containsKey(n.id())).toList();
        if (olds.isEmpty() || news.isEmpty()) {
            return;
        }
        Map<Long, Set<String>> words = new HashMap<>();
        olds.forEach(o -> words.put(o.id(), wordSet(o.text())));
        List<Candidate> candidates = new ArrayList<>();
        for (Item n : news) {
            Set<String> nw = wordSet(n.text());
            for (Item o : olds) {
                double s = overlap(words.get(o.id()), nw);
                if (s >= PAIRING_MINIMUM) {
                    candidates.add(new Candidate(o, n, s + (Objects.equals(o.code(), n.code()) ? 0.01 : 0)));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        for (Candidate c : candidates) {
            if (!usedOld.contains(c.o().id()) && !pairs.containsKey(c.n().id())) {
                pairs.put(c.n().id(), c.o());
                usedOld.add(c.o().id());
            }
        }
    }

    private static List<FieldChange> fieldChanges(Item o, Item n) {
        List<FieldChange> out = new ArrayList<>();
        boolean numbersExplained = false;
        for (Field f : Field.values()) {
            if (f == Field.TEXT) {
                continue;
            }
            String a = o.fields().get(f);
            String b = n.fields().get(f);
            if (!Objects.equals(norm(a), norm(b))) {
                out.add(new FieldChange(f, a, b));
                numbersExplained |= f == Field.VALUE || f == Field.DEADLINE || f == Field.TIME_FRAME;
            }
        }
        if (!key(o.text()).equals(key(n.text()))
                && !(numbersExplained && withoutNumbers(o.text()).equals(withoutNumbers(n.text())))) {
            out.add(0, new FieldChange(Field.TEXT, o.text(), n.text()));
        }
        return out;
    }

    /**
     * The text as compared: folded, spacing collapsed, and no spacing around punctuation, so a layout-only change
     * ("2022 -2025" in the Word file, "2022 - 2025" or "2022- 2025" in a PDF whose cell wrapped there) is no change.
     */
    static String key(String text) {
        return text == null ? "" : VietText.fold(text).replaceAll("\\s+", " ").replaceAll(" ?([-–/,;:.()]) ?", "$1")
                .trim();
    }

    private static String norm(String s) {
        return s == null || s.isBlank() ? null : key(s);
    }

    private static String withoutNumbers(String text) {
        return key(text).replaceAll("\\d+([.,]\\d+)*", "#");
    }

    private static Set<String> wordSet(String text) {
        Set<String> out = new HashSet<>();
        for (String w : PlanSimilarity.words(text)) {
            if (!Character.isDigit(w.charAt(0))) {
                out.add(w);
            }
        }
        return out;
    }

    private static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }
}
