package vn.dxgov.open.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.dxgov.shared.Numbers;

/**
 * A target's chart drawn on the server as SVG shapes (printable, readable without JavaScript): the approved yearly
 * values, the straight path from the baseline (or the first value) to the target at the deadline, the target's level
 * and the deadline. Pure geometry: the template draws the shapes this class places; coordinates are whole pixels of a
 * fixed view box, the labels are written by {@link Numbers} in the reader's language.
 */
final class TrendChart {

    /** A yearly value to draw. */
    record Value(int year, BigDecimal value, boolean demo) {
    }

    /** A point of the chart in pixels, with its label (the value as people read it). */
    record Dot(long x, long y, int year, String label, boolean demo) {
    }

    /** An axis mark: where, and what it says. */
    record Tick(long at, String label) {
    }

    /** A line from (x1, y1) to (x2, y2). */
    record Line(long x1, long y1, long x2, long y2) {
    }

    /**
     * The shapes of a chart; null parts are not drawn.
     *
     * @param values  SVG polyline points of the yearly values ("x,y x,y ...")
     * @param path    the straight path to the target
     * @param target  the target's level, from the first year to the deadline
     * @param deadline the deadline year, vertical
     */
    record Shapes(int width, int height, String values, List<Dot> dots, Line path, Line target, Line deadline,
                  List<Tick> yTicks, List<Tick> xTicks, int left, int right, int top, int bottom) {

        public boolean empty() {
            return dots.isEmpty() && path == null;
        }
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 280;
    static final int LEFT = 56;
    static final int RIGHT = 16;
    static final int TOP = 16;
    static final int BOTTOM = 32;

    private TrendChart() {
    }

    /** The full chart of a target's page. */
    static Shapes chart(List<Value> values, Integer baselineYear, BigDecimal baseline, Integer deadlineYear,
                        BigDecimal target, Numbers numbers) {
        return draw(values, baselineYear, baseline, deadlineYear, target, numbers, WIDTH, HEIGHT, LEFT, RIGHT, TOP,
                BOTTOM, true);
    }

    /** A small trend for a list (120 × 32, no axes). */
    static Shapes spark(List<Value> values, Integer deadlineYear, BigDecimal target, Numbers numbers) {
        return draw(values, null, null, deadlineYear, target, numbers, 120, 32, 4, 4, 4, 4, false);
    }

    // size: one drawing from the figures to the shapes, step by step; split, each part would need all of its inputs
    private static Shapes draw(List<Value> values, Integer baselineYear, BigDecimal baseline, Integer deadlineYear,
                               BigDecimal target, Numbers numbers, int width, int height, int left, int right, int top,
                               int bottom, boolean axes) {
        int firstYear = Integer.MAX_VALUE;
        int lastYear = Integer.MIN_VALUE;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Value v : values) {
            firstYear = Math.min(firstYear, v.year());
            lastYear = Math.max(lastYear, v.year());
            min = Math.min(min, v.value().doubleValue());
            max = Math.max(max, v.value().doubleValue());
        }
        boolean hasPath = deadlineYear != null && target != null;
        Integer pathFromYear = baselineYear != null && baseline != null ? baselineYear
                : values.isEmpty() ? null : values.get(0).year();
        BigDecimal pathFrom = baselineYear != null && baseline != null ? baseline
                : values.isEmpty() ? null : values.get(0).value();
        if (hasPath) {
            lastYear = Math.max(lastYear, deadlineYear);
            firstYear = Math.min(firstYear, pathFromYear == null ? deadlineYear : pathFromYear);
            min = Math.min(min, target.doubleValue());
            max = Math.max(max, target.doubleValue());
            if (pathFrom != null) {
                min = Math.min(min, pathFrom.doubleValue());
                max = Math.max(max, pathFrom.doubleValue());
            }
        }
        if (firstYear == Integer.MAX_VALUE || lastYear - firstYear > 60) {
            return new Shapes(width, height, null, List.of(), null, null, null, List.of(), List.of(), left,
                    width - right, top, height - bottom);
        }
        if (min > 0 && axes) {
            min = 0; // quantities read against zero
        }
        if (max - min < 1e-9) {
            max = min + (Math.abs(min) < 1e-9 ? 1 : Math.abs(min) * 0.1);
        }
        double pad = (max - min) * 0.08;
        max += pad;
        if (min < 0 || !axes) {
            min -= pad;
        }
        Scale s = new Scale(firstYear, lastYear, min, max, left, width - right, top, height - bottom);
        List<Dot> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (Value v : values) {
            long x = s.x(v.year());
            long y = s.y(v.value().doubleValue());
            dots.add(new Dot(x, y, v.year(), numbers.value(v.value()), v.demo()));
            line.append(line.isEmpty() ? "" : " ").append(x).append(',').append(y);
        }
        Line path = null;
        Line targetLine = null;
        Line deadline = null;
        if (hasPath) {
            long ty = s.y(target.doubleValue());
            long dx = s.x(deadlineYear);
            if (pathFromYear != null && pathFromYear < deadlineYear) {
                path = new Line(s.x(pathFromYear), s.y(pathFrom.doubleValue()), dx, ty);
            }
            targetLine = new Line(s.x(firstYear), ty, dx, ty);
            deadline = new Line(dx, top, dx, height - bottom);
        }
        List<Tick> yTicks = new ArrayList<>();
        List<Tick> xTicks = new ArrayList<>();
        if (axes) {
            double step = niceStep((max - min) / 4);
            for (double v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) {
                yTicks.add(new Tick(s.y(v), numbers.rounded(BigDecimal.valueOf(Math.round(v * 1000) / 1000.0), 2)));
            }
            int every = Math.max(1, (int) Math.ceil((lastYear - firstYear + 1) / 8.0));
            for (int y = firstYear; y <= lastYear; y += every) {
                xTicks.add(new Tick(s.x(y), Integer.toString(y)));
            }
        }
        return new Shapes(width, height, line.isEmpty() ? null : line.toString(), dots, path, targetLine, deadline,
                yTicks, xTicks, left, width - right, top, height - bottom);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    static double niceStep(double rough) {
        if (rough <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[]{1, 2, 5, 10}) {
            if (m * power >= rough) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private record Scale(int firstYear, int lastYear, double min, double max, int left, int right, int top,
                         int bottom) {

        long x(int year) {
            if (lastYear == firstYear) {
                return (left + right) / 2;
            }
            return Math.round(left + (double) (year - firstYear) / (lastYear - firstYear) * (right - left));
        }

        long y(double value) {
            return Math.round(bottom - (value - min) / (max - min) * (bottom - top));
        }
    }
}
