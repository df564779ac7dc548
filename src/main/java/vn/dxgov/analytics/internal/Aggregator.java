package vn.dxgov.analytics.internal;

import static vn.dxgov.analytics.internal.AggregationRules.periodCombine;
import static vn.dxgov.analytics.internal.AggregationRules.share;
import static vn.dxgov.analytics.internal.AggregationRules.unitCombine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.dxgov.shared.Period;

/**
 * Combines stored cells over periods and units (docs/METHODS.md, "Tổng hợp"). For an indicator, a unit x and a
 * period P the value is the first of:
 * <ol>
 *   <li><b>x's own values</b>: x's stored value for P, otherwise its values of the periods inside P (the largest
 *       ones that do not overlap each other) combined by the period rule; values recorded against x's predecessors
 *       (FULL links whole, PARTIAL links by their share, e.g. Thanh Hóa until 30/6/2025 for Thanh Hóa since 1/7/2025) count as x's own for the times
 *       x has none, several predecessors being first combined by the unit rule (flag carried);</li>
 *   <li><b>the units below x</b>: each child's value for P (recursively), combined by the unit rule;</li>
 *   <li><b>x's predecessors as a whole</b> (including their own units below), combined by the unit rule.</li>
 * </ol>
 * Taking the first source that has a value means no stored value is ever counted twice. Derived indicators apply
 * their formula to the components' values for (x, P). Stateless apart from what it reads; thread-safe.
 */
final class Aggregator {

    /** Guards against malformed graphs (cycles of links) and formulas referring through many levels. */
    private static final int MAX_DEPTH = 12;

    /** A value in the making. {@code end}: last month of the latest piece; {@code span}: months covered. */
    record Agg(double value, double num, double den, int cells, boolean demo, boolean carried, boolean apportioned,
               int end, int span) {

        Agg(double value, double num, double den, int cells, boolean demo, boolean carried, int end, int span) {
            this(value, num, den, cells, demo, carried, false, end, span);
        }

        boolean hasRatio() {
            return !Double.isNaN(num) && !Double.isNaN(den);
        }

        Agg asCarried() {
            return carried ? this : new Agg(value, num, den, cells, demo, true, apportioned, end, span);
        }

        Agg asApportioned() {
            return apportioned ? this : new Agg(value, num, den, cells, demo, carried, true, end, span);
        }
    }

    private final Map<Long, ? extends Map<Long, Series>> cells;
    private final UnitGraph graph;
    private final Function<String, IndicatorDef> byCode;

    Aggregator(Map<Long, ? extends Map<Long, Series>> cells, UnitGraph graph, Function<String, IndicatorDef> byCode) {
        this.cells = cells;
        this.graph = graph;
        this.byCode = byCode;
    }

    /** The value of an indicator for a unit and a period, or null. */
    Agg value(IndicatorDef d, long unit, Period p) {
        return value(d, unit, PeriodKey.of(p), 0);
    }

    private Agg value(IndicatorDef d, long unit, int period, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (d.derived()) {
            return derived(d, unit, period, depth);
        }
        Map<Long, Series> ofIndicator = cells.get(d.id());
        if (ofIndicator == null || ofIndicator.isEmpty()) {
            return null;
        }
        return combine(d, ofIndicator, unit, period, depth, u -> value(d, u, period, depth + 1));
    }

    /**
     * The value of a (non-derived) indicator for a unit from the unit's own cells and the values of the units it
     * rests on (its children, its predecessors) as {@code below} gives them: the same rule as {@link #value}, one level
     * at a time. The pre-aggregate ({@link Cube}) passes its stored entries, so that a write recomputes the changed
     * unit's ancestors from their children's entries without descending further.
     */
    Agg local(IndicatorDef d, long unit, int period, java.util.function.LongFunction<Agg> below) {
        Map<Long, Series> ofIndicator = cells.get(d.id());
        if (ofIndicator == null || ofIndicator.isEmpty()) {
            return null;
        }
        return combine(d, ofIndicator, unit, period, 0, below);
    }

    private Agg combine(IndicatorDef d, Map<Long, Series> ofIndicator, long unit, int period, int depth,
                        java.util.function.LongFunction<Agg> below) {
        Agg own = self(d, ofIndicator, unit, period, List.of(), depth);
        if (own != null) {
            return own;
        }
        long[] children = graph.children(unit);
        if (children.length > 0) {
            List<Agg> parts = new ArrayList<>(children.length);
            for (long c : children) {
                Agg a = below.apply(c);
                if (a != null) {
                    parts.add(a);
                }
            }
            if (!parts.isEmpty()) {
                return unitCombine(d, parts);
            }
        }
        UnitGraph.Link[] preds = graph.predecessors(unit);
        if (preds.length > 0) {
            List<Agg> parts = new ArrayList<>(preds.length);
            for (UnitGraph.Link l : preds) {
                Agg a = below.apply(l.predecessorId());
                if (a != null) {
                    parts.add(share(d, a, l));
                }
            }
            if (!parts.isEmpty()) {
                return unitCombine(d, parts).asCarried();
            }
        }
        return null;
    }

    /** The unit's own values within the period, with its predecessors' own values for the times it has none. */
    private Agg self(IndicatorDef d, Map<Long, Series> ofIndicator, long unit, int period, List<int[]> exclude, int depth) {
        Series s = ofIndicator.get(unit);
        List<Agg> pieces = new ArrayList<>(4);
        List<int[]> ownRanges = s != null && s.size() > 0 ? ownValues(s, period, exclude, pieces) : List.of();
        UnitGraph.Link[] preds = graph.predecessors(unit);
        if (preds.length > 0 && depth < MAX_DEPTH) {
            List<int[]> notThese = exclude;
            if (!ownRanges.isEmpty()) {
                notThese = new ArrayList<>(exclude);
                notThese.addAll(ownRanges);
            }
            List<Agg> parts = new ArrayList<>(preds.length);
            for (UnitGraph.Link l : preds) {
                Agg a = self(d, ofIndicator, l.predecessorId(), period, notThese, depth + 1);
                if (a != null) {
                    parts.add(share(d, a, l));
                }
            }
            if (!parts.isEmpty()) {
                pieces.add(unitCombine(d, parts).asCarried());
            }
        }
        if (pieces.isEmpty()) {
            return null;
        }
        return periodCombine(d, pieces);
    }

    /**
     * The unit's stored values inside the period and outside {@code exclude}, added to {@code pieces}: the period's own
     * value, else those of the periods inside it that no other one contains; returns their month ranges.
     */
    private static List<int[]> ownValues(Series s, int period, List<int[]> exclude, List<Agg> pieces) {
        int pStart = PeriodKey.startMonth(period);
        int pEnd = PeriodKey.endMonth(period);
        int year = PeriodKey.year(period);
        int from = s.lowerBound(PeriodKey.firstOfYear(year));
        int to = s.lowerBound(PeriodKey.firstOfYear(year + 1));
        List<Integer> inside = null;
        for (int i = from; i < to; i++) {
            if (!s.live(i)) {
                continue;
            }
            int k = s.key(i);
            int st = PeriodKey.startMonth(k);
            int en = PeriodKey.endMonth(k);
            if (st < pStart || en > pEnd || overlaps(exclude, st, en)) {
                continue;
            }
            if (k == period) {
                // the stored value of the period itself
                inside = List.of(i);
                break;
            }
            if (inside == null) {
                inside = new ArrayList<>();
            }
            inside.add(i);
        }
        if (inside == null) {
            return List.of();
        }
        List<int[]> ranges = new ArrayList<>(inside.size());
        for (int i : inside) {
            int k = s.key(i);
            int st = PeriodKey.startMonth(k);
            int en = PeriodKey.endMonth(k);
            if (inside.size() > 1 && containedInAnother(s, inside, i, st, en)) {
                continue;
            }
            pieces.add(new Agg(s.value(i), s.num(i), s.den(i), 1, s.demo(i), false, en, en - st + 1));
            ranges.add(new int[]{st, en});
        }
        return ranges;
    }

    private static boolean containedInAnother(Series s, List<Integer> inside, int self, int st, int en) {
        for (int j : inside) {
            if (j == self) {
                continue;
            }
            int k = s.key(j);
            if (PeriodKey.startMonth(k) <= st && PeriodKey.endMonth(k) >= en) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(List<int[]> ranges, int st, int en) {
        for (int[] r : ranges) {
            if (st <= r[1] && en >= r[0]) {
                return true;
            }
        }
        return false;
    }

    private Agg derived(IndicatorDef d, long unit, int period, int depth) {
        if (d.formula() == null) {
            return null;
        }
        int[] cellsUsed = {0};
        boolean[] flags = {false, false, false};
        int[] time = {Integer.MIN_VALUE, 0};
        Double result = d.formula().evaluate(code -> {
            IndicatorDef component = byCode.apply(code);
            if (component == null || component.id() == d.id()) {
                return null;
            }
            Agg a = value(component, unit, period, depth + 1);
            if (a == null || Double.isNaN(a.value())) {
                return null;
            }
            cellsUsed[0] += a.cells();
            flags[0] |= a.demo();
            flags[1] |= a.carried();
            flags[2] |= a.apportioned();
            time[0] = Math.max(time[0], a.end());
            time[1] = Math.max(time[1], a.span());
            return a.value();
        });
        if (result == null) {
            return null;
        }
        return new Agg(result, Double.NaN, Double.NaN, cellsUsed[0], flags[0], flags[1], flags[2], time[0], time[1]);
    }


}
