package vn.dxgov.analytics.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.dxgov.analytics.TargetStatus;
import vn.dxgov.shared.Numbers;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.TargetKind;

/**
 * The judgement of a target from its yearly values: pure arithmetic, no database (docs/METHODS.md states it with a
 * worked example; StatusMethodTest checks it on hand-computed cases).
 *
 * <ul>
 *   <li>Only the values of the deadline year and before are judged; the latest value of a later year is shown
 *       beside the judgement ("sau hạn: năm 2026 đạt 98%") and changes nothing.</li>
 *   <li>NO_DATA without a yearly value (by the deadline).</li>
 *   <li>ACHIEVED when the latest value meets the target (comparison respected: "trên 90%" is &gt; 90, rank
 *       "nhóm 10" is ≤ 10).</li>
 *   <li>OFF_TRACK when the deadline year is over (or its value is in) and the target is not met.</li>
 *   <li>Otherwise a forecast at the deadline from the yearly values plus the baseline point: least squares with an
 *       80% prediction interval (Student's t, n − 2 degrees of freedom) from 3 points; the straight line through 2
 *       points with an interval of ± half the yearly change times the years ahead; with 1 point no forecast
 *       (AT_RISK). ON_TRACK when the forecast meets the target, AT_RISK when only the favourable end of the
 *       interval does, OFF_TRACK when not even that.</li>
 *   <li>GROWTH_RATE: the mean yearly growth so far (geometric) against the target rate, and the rate needed in the
 *       remaining years against the best year so far.</li>
 *   <li>YES_NO: ACHIEVED at 1; before the deadline ON_TRACK while more than a year remains, then AT_RISK; after it
 *       OFF_TRACK.</li>
 * </ul>
 */
final class StatusMethod {

    /** Half-width of the two-point interval per year ahead, as a share of the yearly change. */
    static final double TWO_POINT_SPREAD = 0.5;
    /** One-sided 90% quantiles of Student's t for 1..30 degrees of freedom (two-sided 80% interval). */
    private static final double[] T90 = {3.0777, 1.8856, 1.6377, 1.5332, 1.4759, 1.4398, 1.4149, 1.3968, 1.3830,
            1.3722, 1.3634, 1.3562, 1.3502, 1.3450, 1.3406, 1.3368, 1.3334, 1.3304, 1.3277, 1.3253, 1.3232, 1.3212,
            1.3195, 1.3178, 1.3163, 1.3150, 1.3137, 1.3125, 1.3114, 1.3104};
    private static final double EPS = 1e-9;

    private StatusMethod() {
    }

    /** A yearly value. */
    record Point(int year, double value, boolean demo) {
    }

    /**
     * What is judged. {@code targetValue} is the level (or, for GROWTH_RATE, the yearly rate in %) to reach;
     * {@code growthAsLevels}: for GROWTH_RATE, the values are levels (productivity, GRDP) rather than rates in %.
     */
    record Input(TargetKind kind, Comparison comparison, Double targetValue, Integer deadlineYear, Double baseline,
                 Integer baselineYear, List<Point> points, LocalDate asOf, String unit, boolean growthAsLevels) {
    }

    /**
     * @param method what the forecast rests on: OLS, TWO_POINTS, NONE, GROWTH, YES_NO
     * @param required for GROWTH_RATE the yearly rate needed in the remaining years
     */
    record Result(TargetStatus status, Double latest, Integer latestYear, Double expected, Double forecast,
                  Double low, Double high, boolean demo, String method, Double required, String explanation,
                  Double afterDeadline, Integer afterDeadlineYear) {

        /** A judgement with no value after the deadline. */
        Result(TargetStatus status, Double latest, Integer latestYear, Double expected, Double forecast, Double low,
               Double high, boolean demo, String method, Double required, String explanation) {
            this(status, latest, latestYear, expected, forecast, low, high, demo, method, required, explanation, null,
                    null);
        }

        /** The same judgement with the latest value after the deadline shown beside it (it changes nothing). */
        Result after(Point p, String text) {
            String sentence = explanation.endsWith(".") ? explanation.substring(0, explanation.length() - 1) : explanation;
            return new Result(status, latest, latestYear, expected, forecast, low, high, demo || p.demo(), method,
                    required, sentence + "; sau hạn: " + text + " (không tính vào đánh giá).", p.value(), p.year());
        }
    }

    /**
     * Judges the target on the values of its deadline year and before; the latest value of a later year is kept
     * apart ({@link Result#afterDeadline()}) and written after the sentence: a target missed at the deadline stays
     * missed, one achieved by then stays achieved, whatever came after (docs/METHODS.md, "After the deadline").
     */
    static Result assess(Input in) {
        List<Point> all = in.points().stream()
                .filter(p -> p.year() <= in.asOf().getYear() && !Double.isNaN(p.value()))
                .sorted(Comparator.comparingInt(Point::year)).toList();
        Integer deadline = in.deadlineYear();
        List<Point> judged = deadline == null ? all : all.stream().filter(p -> p.year() <= deadline).toList();
        Point after = deadline == null ? null
                : all.stream().filter(p -> p.year() > deadline).reduce((a, b) -> b).orElse(null);
        Result r = judge(in, new ArrayList<>(judged));
        if (after != null && in.kind() == TargetKind.GROWTH_RATE && in.growthAsLevels()) {
            // levels: the value shown is that year's growth, as the latest value of a growth target is
            Point level = after;
            Point before = all.stream().filter(p -> p.year() < level.year() && p.value() > 0).reduce((a, b) -> b)
                    .orElse(null);
            after = before == null || level.value() <= 0 ? null : new Point(level.year(),
                    (Math.pow(level.value() / before.value(), 1.0 / (level.year() - before.year())) - 1) * 100,
                    level.demo());
        }
        return after == null ? r : r.after(after, "năm " + after.year() + " " + reached(in, after.value()));
    }

    /** "đạt 98%", "đạt hạng 8", "tăng 12%", "đã hoàn thành": a value after the deadline as the sentence names it. */
    private static String reached(Input in, double v) {
        if (in.kind() == TargetKind.YES_NO) {
            return v >= 1 - EPS ? "đã hoàn thành" : v > EPS ? "hoàn thành " + percent(v * 100) + " số đơn vị"
                    : "chưa hoàn thành";
        }
        if (in.kind() == TargetKind.GROWTH_RATE) {
            return "tăng " + percent(v);
        }
        return "đạt " + amount(in, v);
    }

    private static Result judge(Input in, List<Point> points) {
        boolean demo = points.stream().anyMatch(Point::demo);
        if (in.kind() == TargetKind.YES_NO) {
            return yesNo(in, points, demo);
        }
        if (in.targetValue() == null) {
            Point last = points.isEmpty() ? null : points.get(points.size() - 1);
            return new Result(TargetStatus.NO_DATA, last == null ? null : last.value(), last == null ? null : last.year(),
                    null, null, null, null, demo, "NONE", null, "Chỉ tiêu chưa có giá trị mục tiêu để so sánh.");
        }
        if (points.isEmpty()) {
            return new Result(TargetStatus.NO_DATA, null, null, null, null, null, null, false, "NONE", null,
                    noValue(in));
        }
        if (in.kind() == TargetKind.GROWTH_RATE) {
            return growth(in, points, demo);
        }
        return numeric(in, points, demo);
    }

    /**
     * Why there is nothing to judge: no value yet, or, once the deadline year is over, none for the deadline year
     * or before (a value reported later for the deadline year still counts; one of a later year does not).
     */
    private static String noValue(Input in) {
        Integer deadline = in.deadlineYear();
        if (deadline == null) {
            return "Chưa có số liệu năm nào.";
        }
        if (in.asOf().getYear() > deadline) {
            return "Không có số liệu nào đến hết thời hạn năm " + deadline + ".";
        }
        return "Chưa có số liệu năm nào (thời hạn " + deadline + ").";
    }

    // ----- PERCENT, COUNT, MONEY, RANK

    /**
     * What every sentence of a numeric judgement is built from: the latest value (as the sentence writes it), the
     * goal, the straight path's expected value at the latest year.
     */
    private record Latest(Input in, Comparison comparison, boolean higher, Point last, Double expected, String goal,
                          String text, boolean demo) {

        /** A judgement made without a forecast. */
        Result judged(TargetStatus status, String sentence) {
            return new Result(status, last.value(), last.year(), expected, null, null, null, demo, "NONE", null,
                    sentence);
        }

        /** A judgement on a forecast. */
        Result judged(TargetStatus status, Forecast f, String sentence) {
            return new Result(status, last.value(), last.year(), expected, f.value(), f.low(), f.high(), demo,
                    f.method(), null, sentence);
        }
    }

    /** The forecast at the deadline and its 80% interval, kept within the kind's range; method OLS or TWO_POINTS. */
    private record Forecast(double value, double low, double high, String method) {
    }

    /** Rules 2–5 of docs/METHODS.md §3.1 for PERCENT, COUNT, MONEY and RANK targets. */
    private static Result numeric(Input in, List<Point> points, boolean demo) {
        Comparison c = comparison(in);
        Point last = points.get(points.size() - 1);
        Latest latest = new Latest(in, c, higherIsBetter(c, in, points), last, expected(in, points, last.year()),
                goal(in, c), "năm " + last.year() + " " + amount(in, last.value()), demo);
        Result withoutForecast = withoutForecast(latest);
        if (withoutForecast != null) {
            return withoutForecast;
        }
        int deadline = in.deadlineYear();
        Forecast f = forecast(in, points, deadline);
        if (f == null) {
            return latest.judged(TargetStatus.AT_RISK, "Chưa đạt: " + latest.text() + ", mục tiêu " + latest.goal()
                    + " năm " + deadline + "; mới có một số liệu nên chưa dự báo được xu hướng.");
        }
        return c == Comparison.EQUAL ? equal(latest, f, deadline) : onForecast(latest, f, deadline);
    }

    /**
     * Rules 2–4 (§3.1): achieved; the deadline over; a value of the deadline year read before its last month; no
     * deadline. Null when none applies and the forecast decides.
     */
    private static Result withoutForecast(Latest latest) {
        Input in = latest.in();
        Point last = latest.last();
        if (meets(latest.comparison(), latest.higher(), last.value(), in.targetValue())) {
            return latest.judged(TargetStatus.ACHIEVED,
                    "Đã đạt: " + latest.text() + ", mục tiêu " + latest.goal() + ".");
        }
        Integer deadline = in.deadlineYear();
        if (deadline != null && deadlineOver(in.asOf(), deadline, last.year())) {
            return latest.judged(TargetStatus.OFF_TRACK, "Đã hết thời hạn năm " + deadline + ": " + latest.text()
                    + (last.year() < deadline ? " (không có số liệu năm " + deadline + ")" : "")
                    + ", chưa đạt mục tiêu " + latest.goal() + ".");
        }
        if (deadline != null && last.year() >= deadline) {
            // a value of the deadline year before its last month: the year is not over, the figure is provisional
            return latest.judged(TargetStatus.AT_RISK, "Có nguy cơ không đạt: " + latest.text()
                    + " (số liệu trong năm, năm " + deadline + " chưa kết thúc), chưa đạt mục tiêu " + latest.goal() + ".");
        }
        if (deadline == null) {
            return latest.judged(TargetStatus.AT_RISK, "Chưa đạt: " + latest.text() + ", mục tiêu " + latest.goal()
                    + "; chỉ tiêu không có năm thời hạn nên chưa dự báo được.");
        }
        return null;
    }

    /**
     * The forecast at the deadline (§3.2) from the yearly values plus the baseline point (when its year has no
     * value): least squares from 3 points, the straight line through 2; null with 1 point.
     */
    private static Forecast forecast(Input in, List<Point> points, int deadline) {
        List<double[]> xy = new ArrayList<>();
        for (Point p : points) {
            xy.add(new double[]{p.year(), p.value()});
        }
        if (in.baseline() != null && in.baselineYear() != null
                && points.stream().noneMatch(p -> p.year() == in.baselineYear())) {
            xy.add(new double[]{in.baselineYear(), in.baseline()});
            xy.sort(Comparator.comparingDouble(a -> a[0]));
        }
        double[] f;
        String method;
        if (xy.size() >= 3) {
            f = ols(xy, deadline);
            method = "OLS";
        } else if (xy.size() == 2) {
            f = twoPoints(xy.get(0), xy.get(1), deadline);
            method = "TWO_POINTS";
        } else {
            return null;
        }
        double[] clamped = clamp(in.kind(), f[0], f[1], f[2]);
        return new Forecast(clamped[0], clamped[1], clamped[2], method);
    }

    /**
     * The straight line through two points, from the later one; the interval is ± half the yearly change for every
     * year ahead (two points give no measure of scatter). Returns {forecast, lower, upper}.
     */
    private static double[] twoPoints(double[] p1, double[] p2, int deadline) {
        double slope = (p2[1] - p1[1]) / (p2[0] - p1[0]);
        double ahead = deadline - p2[0];
        double forecast = p2[1] + slope * ahead;
        double half = TWO_POINT_SPREAD * Math.abs(slope) * ahead;
        return new double[]{forecast, forecast - half, forecast + half};
    }

    /** "dự báo năm 2025 19,6% (khoảng 80%: 19,1–20,1)". */
    private static String forecastText(Input in, Forecast f, int deadline) {
        return "dự báo năm " + deadline + " " + amount(in, f.value()) + " (khoảng 80%: " + number(f.low(), in) + "–"
                + number(f.high(), in) + ")";
    }

    /**
     * Rule 5 (§3.1) for ≥, &gt;, ≤, &lt;: ON_TRACK when the forecast meets the target, AT_RISK when only the
     * favourable end of its interval does, OFF_TRACK when not even that; the straight path's value of the latest
     * year is added while the deadline is ahead.
     */
    private static Result onForecast(Latest latest, Forecast f, int deadline) {
        Input in = latest.in();
        Comparison c = latest.comparison();
        boolean higher = latest.higher();
        double target = in.targetValue();
        double favourable = higher ? f.high() : f.low();
        String head = latest.text() + ", " + forecastText(in, f, deadline);
        TargetStatus status;
        String sentence;
        if (meets(c, higher, f.value(), target)) {
            status = TargetStatus.ON_TRACK;
            sentence = "Đúng tiến độ: " + head + ", đạt mục tiêu " + latest.goal() + ".";
        } else if (meets(c, higher, favourable, target)) {
            status = TargetStatus.AT_RISK;
            sentence = "Có nguy cơ không đạt: " + head + ", chưa đạt mục tiêu " + latest.goal()
                    + " nhưng mức " + (higher ? "cao" : "thấp") + " của khoảng dự báo vẫn đạt.";
        } else {
            status = TargetStatus.OFF_TRACK;
            sentence = "Chậm tiến độ: " + head + ", cả mức " + (higher ? "cao" : "thấp")
                    + " nhất của khoảng dự báo cũng chưa đạt mục tiêu " + latest.goal() + ".";
        }
        if (latest.expected() != null && latest.last().year() < deadline) {
            sentence = sentence.substring(0, sentence.length() - 1) + "; theo lộ trình năm " + latest.last().year()
                    + " cần " + amount(in, latest.expected()) + ".";
        }
        return latest.judged(status, f, sentence);
    }

    /**
     * The deadline is over for the judgement: the assessment day is after the deadline year, or in the deadline
     * year's last month with that year's value in (the annual reports of early December).
     */
    static boolean deadlineOver(LocalDate asOf, int deadline, int lastYear) {
        return asOf.getYear() > deadline || (asOf.getYear() == deadline && asOf.getMonthValue() == 12 && lastYear >= deadline);
    }

    /** Relative tolerance within which a forecast counts as equal to an "=" target (1%, at least 0.5 of a unit). */
    static final double EQUAL_TOLERANCE = 0.01;

    /**
     * An "=" target (other than done-or-not): ON_TRACK when the forecast is within 1% of the target (at least half a
     * unit), AT_RISK when the target lies inside the forecast's interval, OFF_TRACK otherwise.
     */
    private static Result equal(Latest latest, Forecast f, int deadline) {
        Input in = latest.in();
        double target = in.targetValue();
        double tolerance = Math.max(0.5, Math.abs(target) * EQUAL_TOLERANCE);
        String head = latest.text() + ", " + forecastText(in, f, deadline);
        TargetStatus status;
        String sentence;
        if (Math.abs(f.value() - target) <= tolerance + EPS) {
            status = TargetStatus.ON_TRACK;
            sentence = "Đúng tiến độ: " + head + ", sát mục tiêu " + latest.goal() + ".";
        } else if (f.low() <= target + EPS && target <= f.high() + EPS) {
            status = TargetStatus.AT_RISK;
            sentence = "Có nguy cơ không đạt: " + head + ", lệch mục tiêu " + latest.goal()
                    + " nhưng mục tiêu vẫn nằm trong khoảng dự báo.";
        } else {
            status = TargetStatus.OFF_TRACK;
            sentence = "Chậm tiến độ: " + head + ", mục tiêu " + latest.goal() + " nằm ngoài khoảng dự báo.";
        }
        return latest.judged(status, f, sentence);
    }
    /** Least squares y = a + b·x; returns {ŷ(x0), lower, upper} of the 80% prediction interval. */
    static double[] ols(List<double[]> xy, double x0) {
        int n = xy.size();
        double mx = 0;
        double my = 0;
        for (double[] p : xy) {
            mx += p[0];
            my += p[1];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : xy) {
            sxx += (p[0] - mx) * (p[0] - mx);
            sxy += (p[0] - mx) * (p[1] - my);
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double sse = 0;
        for (double[] p : xy) {
            double r = p[1] - (a + b * p[0]);
            sse += r * r;
        }
        double s = Math.sqrt(sse / (n - 2));
        double se = s * Math.sqrt(1 + 1.0 / n + (x0 - mx) * (x0 - mx) / sxx);
        double y = a + b * x0;
        double half = t90(n - 2) * se;
        return new double[]{y, y - half, y + half};
    }

    /** One-sided 90% quantile of Student's t (table to 30 degrees of freedom, Cornish–Fisher beyond). */
    static double t90(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("df " + df);
        }
        if (df <= T90.length) {
            return T90[df - 1];
        }
        double z = 1.2815516;
        return z + (z * z * z + z) / (4.0 * df) + (5 * Math.pow(z, 5) + 16 * z * z * z + 3 * z) / (96.0 * df * df);
    }

    /** The straight path from the baseline (or the first value) to the target, at a year. */
    static Double expected(Input in, List<Point> points, int year) {
        if (in.deadlineYear() == null || in.targetValue() == null) {
            return null;
        }
        double x0;
        double y0;
        if (in.baseline() != null && in.baselineYear() != null) {
            x0 = in.baselineYear();
            y0 = in.baseline();
        } else if (!points.isEmpty()) {
            x0 = points.get(0).year();
            y0 = points.get(0).value();
        } else {
            return null;
        }
        double d = in.deadlineYear();
        if (d <= x0) {
            return in.targetValue();
        }
        double at = Math.max(x0, Math.min(year, d));
        return y0 + (in.targetValue() - y0) * (at - x0) / (d - x0);
    }

    private static double[] clamp(TargetKind kind, double f, double lo, double hi) {
        double min = kind == TargetKind.RANK ? 1 : kind == TargetKind.PERCENT || kind == TargetKind.COUNT
                || kind == TargetKind.MONEY ? 0 : Double.NEGATIVE_INFINITY;
        double max = kind == TargetKind.PERCENT ? 100 : Double.POSITIVE_INFINITY;
        return new double[]{bound(f, min, max), bound(lo, min, max), bound(hi, min, max)};
    }

    private static double bound(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    // ----- GROWTH_RATE

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
    private static Result growth(Input in, List<Point> points, boolean demo) {
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
    // ----- YES_NO

    private static Result yesNo(Input in, List<Point> points, boolean demo) {
        if (points.isEmpty()) {
            return new Result(TargetStatus.NO_DATA, null, null, null, null, null, null, false, "YES_NO", null,
                    noValue(in));
        }
        Point last = points.get(points.size() - 1);
        Integer deadline = in.deadlineYear();
        if (last.value() >= 1 - EPS) {
            return new Result(TargetStatus.ACHIEVED, last.value(), last.year(), 1.0, null, null, null, demo, "YES_NO", null,
                    "Đã hoàn thành (số liệu năm " + last.year() + ").");
        }
        String done = last.value() > EPS ? "mới hoàn thành " + percent(last.value() * 100) + " số đơn vị"
                : "chưa hoàn thành";
        if (deadline == null) {
            return new Result(TargetStatus.ON_TRACK, last.value(), last.year(), null, null, null, null, demo, "YES_NO", null,
                    "Năm " + last.year() + " " + done + "; chỉ tiêu không có năm thời hạn.");
        }
        if (in.asOf().getYear() > deadline) {
            return new Result(TargetStatus.OFF_TRACK, last.value(), last.year(), 1.0, null, null, null, demo, "YES_NO", null,
                    "Đã hết thời hạn năm " + deadline + " mà " + done + ".");
        }
        long daysLeft = ChronoUnit.DAYS.between(in.asOf(), LocalDate.of(deadline, 12, 31));
        if (daysLeft > 365) {
            return new Result(TargetStatus.ON_TRACK, last.value(), last.year(), null, null, null, null, demo, "YES_NO", null,
                    "Năm " + last.year() + " " + done + "; còn " + daysLeft + " ngày đến hết năm " + deadline + ".");
        }
        return new Result(TargetStatus.AT_RISK, last.value(), last.year(), 1.0, null, null, null, demo, "YES_NO", null,
                "Năm " + last.year() + " " + done + " mà chỉ còn " + daysLeft + " ngày đến hết năm " + deadline + ".");
    }

    // ----- comparisons and words

    static Comparison comparison(Input in) {
        if (in.comparison() != null) {
            return in.comparison();
        }
        return in.kind() == TargetKind.RANK ? Comparison.AT_MOST : Comparison.AT_LEAST;
    }

    /** Which way is better: from the comparison; for EQUAL, towards the target from where the values start. */
    private static boolean higherIsBetter(Comparison c, Input in, List<Point> points) {
        return switch (c) {
            case AT_LEAST, MORE_THAN -> true;
            case AT_MOST, LESS_THAN -> false;
            case EQUAL -> {
                double start = in.baseline() != null ? in.baseline() : points.get(0).value();
                yield start <= in.targetValue();
            }
        };
    }

    /** Does a value meet the target? Values are compared at 6 decimals, so 89.9999999 from a regression is 90. */
    static boolean meets(Comparison c, boolean higher, double value, double target) {
        double v = Math.round(value * 1e6) / 1e6;
        double t = Math.round(target * 1e6) / 1e6;
        return switch (c) {
            case AT_LEAST -> v >= t;
            case MORE_THAN -> v > t;
            case AT_MOST -> v <= t;
            case LESS_THAN -> v < t;
            case EQUAL -> Math.abs(v - t) < EPS;
        };
    }

    private static String goal(Input in, Comparison c) {
        if (in.kind() == TargetKind.RANK) {
            return (c == Comparison.LESS_THAN ? "trên hạng " : "hạng ") + number(in.targetValue(), in)
                    + (c == Comparison.AT_MOST ? " trở lên" : "");
        }
        String symbol = switch (c) {
            case AT_LEAST -> "≥ ";
            case MORE_THAN -> "> ";
            case AT_MOST -> "≤ ";
            case LESS_THAN -> "< ";
            case EQUAL -> "";
        };
        return symbol + amount(in, in.targetValue());
    }

    /** "18,4%", "hạng 12", "240 xã", "9,6%/năm". */
    static String amount(Input in, double v) {
        return switch (in.kind()) {
            case PERCENT -> number(v, in) + "%";
            case RANK -> "hạng " + number(v, in);
            case GROWTH_RATE -> rate(v);
            default -> {
                String unit = in.unit() == null || in.unit().isBlank() ? "" : in.unit().trim();
                yield number(v, in) + (unit.isEmpty() ? "" : unit.startsWith("%") ? unit : " " + unit);
            }
        };
    }

    private static String rate(double v) {
        return format(v, 1) + "%/năm";
    }

    private static String percent(double v) {
        return format(v, 1) + "%";
    }

    private static String number(double v, Input in) {
        return format(v, in.kind() == TargetKind.MONEY ? 2 : 1);
    }

    /**
     * A figure of an explanation (Vietnamese text): the Vietnamese number grammar, at most {@code decimals} decimals
     * ("18,4", "1.234,5"; {@link Numbers#rounded}).
     */
    static String format(double v, int decimals) {
        return Double.isFinite(v) ? Numbers.VI.rounded(BigDecimal.valueOf(v), decimals) : "–";
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
