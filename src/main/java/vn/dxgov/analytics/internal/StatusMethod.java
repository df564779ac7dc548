package vn.dxgov.analytics.internal;

import static vn.dxgov.analytics.internal.StatusWords.amount;
import static vn.dxgov.analytics.internal.StatusWords.comparison;
import static vn.dxgov.analytics.internal.StatusWords.goal;
import static vn.dxgov.analytics.internal.StatusWords.higherIsBetter;
import static vn.dxgov.analytics.internal.StatusWords.meets;
import static vn.dxgov.analytics.internal.StatusWords.number;
import static vn.dxgov.analytics.internal.StatusWords.percent;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.dxgov.analytics.TargetStatus;
import vn.dxgov.analytics.internal.Forecasts.Forecast;
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
 *
 * <p>The rules live here; the statistics in {@link Forecasts}, the growth arithmetic in {@link GrowthStatus} and the
 * words of the sentences in {@link StatusWords}.
 */
final class StatusMethod {

    static final double EPS = 1e-9;

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
            return GrowthStatus.growth(in, points, demo);
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

    /** Rules 2–5 of docs/METHODS.md §3.1 for PERCENT, COUNT, MONEY and RANK targets. */
    private static Result numeric(Input in, List<Point> points, boolean demo) {
        Comparison c = comparison(in);
        Point last = points.get(points.size() - 1);
        Latest latest = new Latest(in, c, higherIsBetter(c, in, points), last, Forecasts.expected(in, points, last.year()),
                goal(in, c), "năm " + last.year() + " " + amount(in, last.value()), demo);
        Result withoutForecast = withoutForecast(latest);
        if (withoutForecast != null) {
            return withoutForecast;
        }
        int deadline = in.deadlineYear();
        Forecast f = Forecasts.forecast(in, points, deadline);
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
}
