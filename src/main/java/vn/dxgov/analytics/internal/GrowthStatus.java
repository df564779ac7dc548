package vn.dxgov.analytics.internal;

import static vn.dxgov.analytics.internal.StatusMethod.deadlineOver;
import static vn.dxgov.analytics.internal.StatusWords.capital;
import static vn.dxgov.analytics.internal.StatusWords.comparison;
import static vn.dxgov.analytics.internal.StatusWords.goal;
import static vn.dxgov.analytics.internal.StatusWords.meets;
import static vn.dxgov.analytics.internal.StatusWords.rate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.dxgov.analytics.TargetStatus;
import vn.dxgov.analytics.internal.StatusMethod.Input;
import vn.dxgov.analytics.internal.StatusMethod.Point;
import vn.dxgov.analytics.internal.StatusMethod.Result;
import vn.dxgov.targets.Comparison;

/**
 * The judgement of a GROWTH_RATE target (docs/METHODS.md §3.3): the mean yearly growth so far (geometric) against the
 * target rate, then the rate still needed in the remaining years against the best year so far. Pure arithmetic, called
 * by {@link StatusMethod} once the target has values and a rate to reach.
 */
final class GrowthStatus {

    private GrowthStatus() {
    }

    /**
     * The growth so far: the product of the yearly growth factors, the number of years they span, the best and the
     * worst factor and the last year with a growth.
     */
    private record Growth(double product, int years, double best, double worst, int lastYear) {

        /** From factors {1 + g/100, years spanned, year}. */
        static Growth of(List<double[]> factors) {
            double logSum = 0;
            int years = 0;
            double best = Double.NEGATIVE_INFINITY;
            double worst = Double.POSITIVE_INFINITY;
            int lastYear = 0;
            for (double[] f : factors) {
                logSum += Math.log(f[0]) * f[1];
                years += (int) f[1];
                best = Math.max(best, f[0]);
                worst = Math.min(worst, f[0]);
                lastYear = Math.max(lastYear, (int) f[2]);
            }
            return new Growth(Math.exp(logSum), years, best, worst, lastYear);
        }

        /** The mean yearly growth in % (geometric). */
        double mean() {
            return (Math.pow(product, 1.0 / years) - 1) * 100;
        }

        int firstYear() {
            return lastYear - years + 1;
        }
    }

    /** What a growth judgement says of the years so far, and how it writes its result. */
    private record GrowthSoFar(Input in, Comparison comparison, Growth growth, double observed, double latestRate,
                               String text, String goal, boolean meets, boolean demo) {

        Result judged(TargetStatus status, Double low, Double high, Double required, String sentence) {
            return new Result(status, latestRate, growth.lastYear(), in.targetValue(), observed, low, high, demo,
                    "GROWTH", required, sentence);
        }
    }

    /** docs/METHODS.md §3.3: the mean yearly growth so far against the target rate, then the rate still needed. */
    static Result growth(Input in, List<Point> points, boolean demo) {
        Comparison c = comparison(in);
        Point last = points.get(points.size() - 1);
        List<double[]> factors = growthFactors(in, points);
        if (factors.isEmpty()) {
            return new Result(TargetStatus.AT_RISK, last.value(), last.year(), in.targetValue(), null, null, null, demo,
                    "GROWTH", null, "Chưa đủ số liệu để tính tốc độ tăng bình quân (cần ít nhất hai năm liên tiếp), "
                            + "mục tiêu " + goal(in, c) + ".");
        }
        Growth g = Growth.of(factors);
        double observed = g.mean();
        double latestRate = in.growthAsLevels() ? (factors.get(factors.size() - 1)[0] - 1) * 100 : last.value();
        String observedText = "tăng bình quân " + rate(observed) + " giai đoạn " + (g.firstYear() == g.lastYear()
                ? String.valueOf(g.firstYear()) : g.firstYear() + "–" + g.lastYear());
        GrowthSoFar soFar = new GrowthSoFar(in, c, g, observed, latestRate, observedText, goal(in, c),
                meets(c, true, observed, in.targetValue()), demo);
        Integer deadline = in.deadlineYear();
        if (deadline == null) {
            return soFar.judged(soFar.meets() ? TargetStatus.ON_TRACK : TargetStatus.AT_RISK, null, null, null,
                    capital(observedText) + (soFar.meets() ? ", đạt" : ", chưa đạt") + " mục tiêu " + soFar.goal()
                            + "; chỉ tiêu không có năm thời hạn.");
        }
        int remaining = deadline - g.lastYear();
        if (remaining <= 0 && !deadlineOver(in.asOf(), deadline, g.lastYear()) && !soFar.meets()) {
            return soFar.judged(TargetStatus.AT_RISK, null, null, null, "Có nguy cơ không đạt: " + observedText
                    + " (số liệu trong năm, năm " + deadline + " chưa kết thúc), chưa đạt mục tiêu " + soFar.goal()
                    + ".");
        }
        if (remaining <= 0 || in.asOf().getYear() > deadline) {
            return soFar.judged(soFar.meets() ? TargetStatus.ACHIEVED : TargetStatus.OFF_TRACK, null, null, null,
                    (soFar.meets() ? "Đã đạt: " : "Đã hết thời hạn năm " + deadline + ": ") + observedText
                            + (soFar.meets() ? ", mục tiêu " : ", chưa đạt mục tiêu ") + soFar.goal() + ".");
        }
        return growthAhead(soFar, deadline, remaining);
    }

    /**
     * Yearly growth factors {1 + g/100, years spanned, year}: from rates, each rate of a year after the baseline year
     * and not after the deadline; from levels, the growth between consecutive levels from the baseline year on.
     */
    private static List<double[]> growthFactors(Input in, List<Point> points) {
        int lastYearAllowed = in.deadlineYear() == null ? Integer.MAX_VALUE : in.deadlineYear();
        List<double[]> factors = new ArrayList<>();
        if (!in.growthAsLevels()) {
            for (Point p : points) {
                if (p.year() <= lastYearAllowed && (in.baselineYear() == null || p.year() > in.baselineYear())) {
                    factors.add(new double[]{1 + p.value() / 100, 1, p.year()});
                }
            }
            return factors;
        }
        List<Point> levels = new ArrayList<>();
        if (in.baseline() != null && in.baselineYear() != null
                && points.stream().noneMatch(p -> p.year() == in.baselineYear())) {
            levels.add(new Point(in.baselineYear(), in.baseline(), false));
        }
        // levels from the baseline year on (older levels say nothing of the plan's period)
        points.stream().filter(p -> p.year() <= lastYearAllowed
                && (in.baselineYear() == null || p.year() >= in.baselineYear())).forEach(levels::add);
        levels.sort(Comparator.comparingInt(Point::year));
        for (int i = 1; i < levels.size(); i++) {
            Point a = levels.get(i - 1);
            Point b = levels.get(i);
            if (a.value() > 0 && b.value() > 0) {
                int years = b.year() - a.year();
                factors.add(new double[]{Math.pow(b.value() / a.value(), 1.0 / years), years, b.year()});
            }
        }
        return factors;
    }

    /**
     * Years remain: the rate needed in them against the best year so far (the slowest for "≤ x%/năm"); the interval
     * is the mean over the whole period if every remaining year grew like the worst or the best year so far.
     */
    private static Result growthAhead(GrowthSoFar soFar, int deadline, int remaining) {
        Growth g = soFar.growth();
        Comparison c = soFar.comparison();
        double r = soFar.in().targetValue();
        int total = g.years() + remaining;
        double needed = (Math.pow(Math.pow(1 + r / 100, total) / g.product(), 1.0 / remaining) - 1) * 100;
        double low = (Math.pow(g.product() * Math.pow(g.worst(), remaining), 1.0 / total) - 1) * 100;
        double high = (Math.pow(g.product() * Math.pow(g.best(), remaining), 1.0 / total) - 1) * 100;
        // for "≤ x%/năm" the favourable end is the slowest year
        boolean lowerIsBetter = c == Comparison.AT_MOST || c == Comparison.LESS_THAN;
        double bestRate = ((lowerIsBetter ? g.worst() : g.best()) - 1) * 100;
        double favourable = lowerIsBetter ? low : high;
        String remainingText = remaining + " năm còn lại (đến " + deadline + ")";
        String apart = (lowerIsBetter ? ", cao hơn mục tiêu " : ", thấp hơn mục tiêu ") + soFar.goal() + "; "
                + remainingText + " cần tăng " + rate(needed);
        TargetStatus status;
        String sentence;
        if (soFar.meets()) {
            status = TargetStatus.ON_TRACK;
            sentence = "Đúng tiến độ: " + soFar.text() + ", đạt mục tiêu " + soFar.goal() + "; " + remainingText
                    + " chỉ cần tăng " + rate(needed) + ".";
        } else if (meets(c, true, favourable, r)) {
            status = TargetStatus.AT_RISK;
            sentence = "Có nguy cơ không đạt: " + soFar.text() + apart
                    + (lowerIsBetter ? ", không thấp hơn" : ", không vượt") + " mức tốt nhất đã đạt " + rate(bestRate) + ".";
        } else {
            status = TargetStatus.OFF_TRACK;
            sentence = "Chậm tiến độ: " + soFar.text() + apart + (lowerIsBetter ? ", thấp hơn" : ", cao hơn")
                    + " mức tốt nhất đã đạt " + rate(bestRate) + ".";
        }
        return soFar.judged(status, low, high, needed, sentence);
    }
}
