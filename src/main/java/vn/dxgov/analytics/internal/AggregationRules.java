package vn.dxgov.analytics.internal;

import java.util.List;
import vn.dxgov.analytics.internal.Aggregator.Agg;
import vn.dxgov.indicators.IndicatorTypes.PeriodAggregation;
import vn.dxgov.indicators.IndicatorTypes.UnitAggregation;

/**
 * The rules {@link Aggregator} combines values by (docs/METHODS.md, "Tổng hợp"): several units' values by the
 * indicator's unit rule (SUM, RATIO, MEAN, MAX, MIN), values of non-overlapping periods by its period rule (LAST, SUM,
 * MEAN weighted by months), and a predecessor's share of its values for a successor after a reform. Pure arithmetic;
 * {@code Aggregator} decides which values there are to combine.
 */
final class AggregationRules {

    private AggregationRules() {
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
                    return ratioOfSums(parts, cells, demo, carried, end, span);
                }
                if (rule == UnitAggregation.RATIO) {
                    // a value without numerator and denominator cannot be weighted: plain mean
                    return new Agg(mean(parts), Double.NaN, Double.NaN, cells, demo, carried, end, span);
                }
                return new Agg(sum(parts), Double.NaN, Double.NaN, cells, demo, carried, end, span);
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
        return switch (rule) {
            case LAST -> new Agg(last.value(), last.num(), last.den(), cells, demo, carried, end, span);
            case SUM -> ratio ? ratioOfSums(pieces, cells, demo, carried, end, span)
                    : new Agg(d.ratio() ? mean(pieces) : sum(pieces), Double.NaN, Double.NaN, cells, demo, carried, end,
                            span);
            case MEAN -> weightedMean(pieces, ratio, cells, demo, carried, end, span);
        };
    }

    /** Σ numerators ÷ Σ denominators, as a percentage. */
    private static Agg ratioOfSums(List<Agg> parts, int cells, boolean demo, boolean carried, int end, int span) {
        double num = 0;
        double den = 0;
        for (Agg a : parts) {
            num += a.num();
            den += a.den();
        }
        return new Agg(den > 0 ? 100 * num / den : Double.NaN, num, den, cells, demo, carried, end, span);
    }

    /** The mean over periods weighted by the months each piece covers: a quarter counts three times a month. */
    private static Agg weightedMean(List<Agg> pieces, boolean ratio, int cells, boolean demo, boolean carried, int end,
                                    int span) {
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

    private static double sum(List<Agg> parts) {
        double sum = 0;
        for (Agg a : parts) {
            sum += a.value();
        }
        return sum;
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
    static Agg share(IndicatorDef d, Agg a, UnitGraph.Link link) {
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
