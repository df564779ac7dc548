package vn.dxgov.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.dxgov.indicators.IndicatorTypes.PeriodAggregation;
import vn.dxgov.indicators.IndicatorTypes.UnitAggregation;
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

    private static Agg apportionedIfAny(Agg result, List<Agg> parts) {
        if (result == null || result.apportioned()) {
            return result;
        }
        for (Agg a : parts) {
            if (a.apportioned()) {
                return result.asApportioned();
            }
        }
        return result;
    }

    private final Map<Long, Map<Long, Series>> cells;
    private final UnitGraph graph;
    private final Function<String, IndicatorDef> byCode;

    Aggregator(Map<Long, Map<Long, Series>> cells, UnitGraph graph, Function<String, IndicatorDef> byCode) {
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
        Agg own = self(d, ofIndicator, unit, period, List.of(), depth);
        if (own != null) {
            return own;
        }
        long[] children = graph.children(unit);
        if (children.length > 0) {
            List<Agg> parts = new ArrayList<>(children.length);
            for (long c : children) {
                Agg a = value(d, c, period, depth + 1);
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
                Agg a = value(d, l.predecessorId(), period, depth + 1);
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
        List<int[]> ownRanges = List.of();
        if (s != null && s.size() > 0) {
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
                int k = s.keys[i];
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
            if (inside != null) {
                List<int[]> ranges = new ArrayList<>(inside.size());
                for (int i : inside) {
                    int k = s.keys[i];
                    int st = PeriodKey.startMonth(k);
                    int en = PeriodKey.endMonth(k);
                    if (inside.size() > 1 && containedInAnother(s, inside, i, st, en)) {
                        continue;
                    }
                    pieces.add(new Agg(s.values[i], s.nums[i], s.dens[i], 1, s.demo[i], false, en, en - st + 1));
                    ranges.add(new int[]{st, en});
                }
                ownRanges = ranges;
            }
        }
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

    private static boolean containedInAnother(Series s, List<Integer> inside, int self, int st, int en) {
        for (int j : inside) {
            if (j == self) {
                continue;
            }
            int k = s.keys[j];
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

    // ----- the rules

    /** Several units' values into one, by the indicator's unit rule. */
    static Agg unitCombine(IndicatorDef d, List<Agg> parts) {
        return apportionedIfAny(unitCombine0(d, parts), parts);
    }

    private static Agg unitCombine0(IndicatorDef d, List<Agg> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        UnitAggregation rule = d.indicator().unitAggregation();
        int cells = 0;
        boolean demo = false;
        boolean carried = false;
        int end = Integer.MIN_VALUE;
        int span = 0;
        for (Agg a : parts) {
            cells += a.cells();
            demo |= a.demo();
            carried |= a.carried();
            end = Math.max(end, a.end());
            span = Math.max(span, a.span());
        }
        switch (rule) {
            case SUM, RATIO -> {
                boolean ratio = d.ratio() && parts.stream().allMatch(Agg::hasRatio);
                if (ratio) {
                    double num = 0;
                    double den = 0;
                    for (Agg a : parts) {
                        num += a.num();
                        den += a.den();
                    }
                    return new Agg(den > 0 ? 100 * num / den : Double.NaN, num, den, cells, demo, carried, end, span);
                }
                if (rule == UnitAggregation.RATIO) {
                    // a value without numerator and denominator cannot be weighted: plain mean
                    return new Agg(mean(parts), Double.NaN, Double.NaN, cells, demo, carried, end, span);
                }
                double sum = 0;
                for (Agg a : parts) {
                    sum += a.value();
                }
                return new Agg(sum, Double.NaN, Double.NaN, cells, demo, carried, end, span);
            }
            case MEAN -> {
                return new Agg(mean(parts), Double.NaN, Double.NaN, cells, demo, carried, end, span);
            }
            case MAX, MIN -> {
                Agg best = parts.get(0);
                for (Agg a : parts) {
                    if (rule == UnitAggregation.MAX ? a.value() > best.value() : a.value() < best.value()) {
                        best = a;
                    }
                }
                return new Agg(best.value(), best.num(), best.den(), cells, demo, carried, end, span);
            }
            default -> throw new IllegalStateException(rule.name());
        }
    }

    /** Values of non-overlapping periods into one, by the indicator's period rule. */
    static Agg periodCombine(IndicatorDef d, List<Agg> pieces) {
        return apportionedIfAny(periodCombine0(d, pieces), pieces);
    }

    private static Agg periodCombine0(IndicatorDef d, List<Agg> pieces) {
        if (pieces.size() == 1) {
            return pieces.get(0);
        }
        PeriodAggregation rule = d.indicator().periodAggregation();
        int cells = 0;
        boolean demo = false;
        boolean carried = false;
        int end = Integer.MIN_VALUE;
        int span = 0;
        Agg last = null;
        for (Agg a : pieces) {
            cells += a.cells();
            demo |= a.demo();
            carried |= a.carried();
            end = Math.max(end, a.end());
            span += a.span();
            if (last == null || a.end() > last.end()) {
                last = a;
            }
        }
        boolean ratio = d.ratio() && pieces.stream().allMatch(Agg::hasRatio);
        switch (rule) {
            case LAST -> {
                return new Agg(last.value(), last.num(), last.den(), cells, demo, carried, end, span);
            }
            case SUM -> {
                if (ratio) {
                    double num = 0;
                    double den = 0;
                    for (Agg a : pieces) {
                        num += a.num();
                        den += a.den();
                    }
                    return new Agg(den > 0 ? 100 * num / den : Double.NaN, num, den, cells, demo, carried, end, span);
                }
                double sum = 0;
                for (Agg a : pieces) {
                    sum += a.value();
                }
                return new Agg(d.ratio() ? mean(pieces) : sum, Double.NaN, Double.NaN, cells, demo, carried, end, span);
            }
            case MEAN -> {
                // weighted by the months each piece covers: a quarter counts three times a month
                double weights = 0;
                double value = 0;
                double num = 0;
                double den = 0;
                for (Agg a : pieces) {
                    double w = Math.max(1, a.span());
                    weights += w;
                    value += w * a.value();
                    if (ratio) {
                        num += w * a.num();
                        den += w * a.den();
                    }
                }
                if (ratio) {
                    num /= weights;
                    den /= weights;
                    return new Agg(den > 0 ? 100 * num / den : Double.NaN, num, den, cells, demo, carried, end, span);
                }
                return new Agg(value / weights, Double.NaN, Double.NaN, cells, demo, carried, end, span);
            }
            default -> throw new IllegalStateException(rule.name());
        }
    }

    private static double mean(List<Agg> parts) {
        double sum = 0;
        for (Agg a : parts) {
            sum += a.value();
        }
        return sum / parts.size();
    }

    /**
     * A predecessor's part of its values for a successor (the reform rules, docs/METHODS.md): all of it for a FULL
     * link. For a PARTIAL link (an old unit split among several new ones) a summable value (unit rule SUM: counts,
     * money; the numerator and denominator of a ratio) times the link's fraction (an even split unless an
     * administrator set it, e.g. by population); a ratio keeps its percentage, its parts are scaled; an index-like
     * value (MEAN, MAX, MIN: scores, means) is taken as it is, so a merged unit gets the mean of its predecessors.
     * Either way the result is flagged apportioned: it rests on an estimate of what went where.
     */
    private static Agg share(IndicatorDef d, Agg a, UnitGraph.Link link) {
        if (link.full()) {
            return a;
        }
        double f = link.fraction();
        UnitAggregation rule = d.indicator().unitAggregation();
        if (rule != UnitAggregation.SUM && rule != UnitAggregation.RATIO) {
            return a.asApportioned();
        }
        if (a.hasRatio()) {
            return new Agg(a.value(), a.num() * f, a.den() * f, a.cells(), a.demo(), a.carried(), true, a.end(), a.span());
        }
        if (rule == UnitAggregation.RATIO || d.ratio()) {
            // a percentage without its numerator and denominator cannot be split: as it is
            return a.asApportioned();
        }
        return new Agg(a.value() * f, Double.NaN, Double.NaN, a.cells(), a.demo(), a.carried(), true, a.end(), a.span());
    }
}
