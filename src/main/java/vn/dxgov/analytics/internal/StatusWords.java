package vn.dxgov.analytics.internal;

import java.math.BigDecimal;
import java.util.List;
import vn.dxgov.analytics.internal.StatusMethod.Input;
import vn.dxgov.analytics.internal.StatusMethod.Point;
import vn.dxgov.shared.Numbers;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.TargetKind;

/**
 * Comparisons and the words of a status sentence: which way is better, whether a value meets the target, the goal and
 * the amounts as the sentences write them ("≥ 90%", "hạng 12 trở lên", "240 xã", "9,6%/năm"), in the Vietnamese number
 * grammar.
 */
final class StatusWords {

    private static final double EPS = StatusMethod.EPS;

    private StatusWords() {
    }

    static Comparison comparison(Input in) {
        if (in.comparison() != null) {
            return in.comparison();
        }
        return in.kind() == TargetKind.RANK ? Comparison.AT_MOST : Comparison.AT_LEAST;
    }

    /** Which way is better: from the comparison; for EQUAL, towards the target from where the values start. */
    static boolean higherIsBetter(Comparison c, Input in, List<Point> points) {
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

    static String goal(Input in, Comparison c) {
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

    static String rate(double v) {
        return format(v, 1) + "%/năm";
    }

    static String percent(double v) {
        return format(v, 1) + "%";
    }

    static String number(double v, Input in) {
        return format(v, in.kind() == TargetKind.MONEY ? 2 : 1);
    }

    /**
     * A figure of an explanation (Vietnamese text): the Vietnamese number grammar, at most {@code decimals} decimals
     * ("18,4", "1.234,5"; {@link Numbers#rounded}).
     */
    static String format(double v, int decimals) {
        return Double.isFinite(v) ? Numbers.VI.rounded(BigDecimal.valueOf(v), decimals) : "–";
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
