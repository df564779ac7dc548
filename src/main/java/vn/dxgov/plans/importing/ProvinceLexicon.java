package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.dxgov.shared.VietText;

/** Knows the province names and finds the one a text mentions. */
public interface ProvinceLexicon {

    /**
     * The canonical name of the province mentioned in {@code text} ("Thanh Hóa" for "TP.Thanh Hoá, ngày ..."), if any.
     */
    Optional<String> find(String text);

    /**
     * A lexicon over the given canonical names (without "Tỉnh "/"Thành phố "), matched as whole words, ignoring
     * case, diacritics and tone placement ("Khánh Hoà" is "Khánh Hòa"). The earliest mention wins; at the same
     * place the longest name ("Thừa Thiên Huế" before "Huế").
     */
    static ProvinceLexicon of(Collection<String> names) {
        record Entry(String name, String folded) {
        }
        List<Entry> entries = new ArrayList<>();
        for (String n : names) {
            String folded = " " + foldWords(n) + " ";
            if (!folded.isBlank()) {
                entries.add(new Entry(VietText.clean(n), folded));
            }
        }
        entries.sort(Comparator.comparingInt((Entry e) -> e.folded().length()).reversed());
        return text -> {
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            String haystack = " " + foldWords(text) + " ";
            Entry best = null;
            int bestAt = Integer.MAX_VALUE;
            for (Entry e : entries) {
                int at = haystack.indexOf(e.folded());
                if (at >= 0 && at < bestAt) {
                    best = e;
                    bestAt = at;
                }
            }
            return Optional.ofNullable(best).map(Entry::name);
        };
    }

    /** Folds and turns every non-alphanumeric character into a space ("TP.Thanh Hóa" → "tp thanh hoa"). */
    private static String foldWords(String s) {
        return VietText.fold(VietText.clean(s)).replaceAll("[^a-z0-9]+", " ").trim();
    }
}
