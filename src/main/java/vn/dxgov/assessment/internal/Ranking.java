package vn.dxgov.assessment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Standard competition ranking: higher totals first, equal totals share a rank and the next rank is skipped (1, 2, 2, 4). */
final class Ranking {

    private Ranking() {
    }

    record Ranked<T>(int rank, T item) {
    }

    /** Ranks items by total, highest first; ties keep the order of {@code tieOrder}. */
    static <T> List<Ranked<T>> rank(List<T> items, Function<T, BigDecimal> total, Comparator<T> tieOrder) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(total, Comparator.reverseOrder()).thenComparing(tieOrder));
        List<Ranked<T>> out = new ArrayList<>();
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            BigDecimal t = total.apply(sorted.get(i));
            if (previous == null || t.compareTo(previous) != 0) {
                rank = i + 1;
                previous = t;
            }
            out.add(new Ranked<>(rank, sorted.get(i)));
        }
        return out;
    }
}
