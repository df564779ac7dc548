package vn.dxgov.analytics.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.dxgov.analytics.internal.StatusMethod.Input;
import vn.dxgov.analytics.internal.StatusMethod.Point;
import vn.dxgov.targets.TargetKind;

/**
 * The lines {@link StatusMethod} judges a numeric target against: the forecast at the deadline with its 80% interval
 * (least squares from 3 points, the straight line through 2; docs/METHODS.md §3.2) and the straight path from the
 * baseline to the target. Pure arithmetic; changes when the statistics do, not when the wording does.
 */
final class Forecasts {

    /** Half-width of the two-point interval per year ahead, as a share of the yearly change. */
    static final double TWO_POINT_SPREAD = 0.5;
    /** One-sided 90% quantiles of Student's t for 1..30 degrees of freedom (two-sided 80% interval). */
    private static final double[] T90 = {3.0777, 1.8856, 1.6377, 1.5332, 1.4759, 1.4398, 1.4149, 1.3968, 1.3830,
            1.3722, 1.3634, 1.3562, 1.3502, 1.3450, 1.3406, 1.3368, 1.3334, 1.3304, 1.3277, 1.3253, 1.3232, 1.3212,
            1.3195, 1.3178, 1.3163, 1.3150, 1.3137, 1.3125, 1.3114, 1.3104};

    private Forecasts() {
    }

    /** The forecast at the deadline and its 80% interval, kept within the kind's range; method OLS or TWO_POINTS. */
    record Forecast(double value, double low, double high, String method) {
    }

    /**
     * The forecast at the deadline (§3.2) from the yearly values plus the baseline point (when its year has no
     * value): least squares from 3 points, the straight line through 2; null with 1 point.
     */
    static Forecast forecast(Input in, List<Point> points, int deadline) {
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
}
