package vn.dxgov.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.TargetKind;

/**
 * A yearly demo series for one target: where it starts (2021) and how it moves towards the target, following one of
 * four scenarios so that the statuses a newcomer sees are varied (achieved, on track, at risk, off track).
 */
final class DemoSeries {

    enum Scenario {
        ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK
    }

    /** A yearly value; for ratios the numerator and denominator behind it. */
    record YearValue(int year, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
    }

    private DemoSeries() {
    }

    static Scenario scenario(String key) {
        double u = DemoRandom.unit(key + "|scenario");
        return u < 0.3 ? Scenario.ACHIEVED : u < 0.6 ? Scenario.ON_TRACK : u < 0.8 ? Scenario.AT_RISK : Scenario.OFF_TRACK;
    }

    /**
     * Values for the years {@code from..to} (inclusive) of a target with value {@code target} due in {@code deadline}.
     *
     * @param ratio true when the indicator keeps numerator and denominator
     */
    static Map<Integer, YearValue> generate(String key, TargetKind kind, Comparison comparison, BigDecimal target,
                                            int deadline, boolean ratio, int from, int to) {
        Scenario scenario = scenario(key);
        Map<Integer, YearValue> out = new LinkedHashMap<>();
        double goal = target == null ? 1 : target.doubleValue();
        int span = Math.max(1, deadline - 2021);
        for (int year = from; year <= to; year++) {
            double progress = Math.min(1.0, (year - 2021) / (double) span);
            // achieved targets get there early
            if (scenario == Scenario.ACHIEVED) {
                progress = Math.min(1.0, progress * 1.35);
            }
            double noise = DemoRandom.between(key + "|" + year, -0.025, 0.025);
            double v = value(key, kind, scenario, goal, deadline, year, progress, noise);
            BigDecimal value = BigDecimal.valueOf(v).setScale(kind == TargetKind.COUNT || kind == TargetKind.RANK
                    || kind == TargetKind.YES_NO ? 0 : 2, RoundingMode.HALF_UP);
            out.put(year, ratio ? ratioLine(key, year, value) : new YearValue(year, value, null, null));
        }
        return out;
    }

    /** The year's value of the scenario, by kind of target. */
    private static double value(String key, TargetKind kind, Scenario scenario, double goal, int deadline, int year,
                                double progress, double noise) {
        switch (kind) {
            case RANK -> {
                // ranks fall (improve) from a worse start towards the goal; lower is better
                double start = goal + DemoRandom.between(key + "|start", 8, 20);
                double end = scenario == Scenario.OFF_TRACK ? goal + 9 : scenario == Scenario.AT_RISK ? goal + 3
                        : scenario == Scenario.ON_TRACK ? goal : goal - 2;
                return Math.max(1, Math.round(start + (end - start) * progress + noise * 10));
            }
            case GROWTH_RATE -> {
                double level = switch (scenario) {
                    case ACHIEVED -> goal * 1.1;
                    case ON_TRACK -> goal * 1.01;
                    case AT_RISK -> goal * 0.93;
                    case OFF_TRACK -> goal * 0.7;
                };
                return level * (1 + noise * 4);
            }
            case YES_NO -> {
                int doneYear = scenario == Scenario.ACHIEVED ? 2023 : scenario == Scenario.ON_TRACK ? deadline - 1 : 9999;
                return year >= doneYear ? 1 : 0;
            }
            default -> {
                // how far along the way to the goal the series is at the deadline, by scenario
                double reach = switch (scenario) {
                    case ACHIEVED -> 1.06;
                    case ON_TRACK -> 1.02;
                    case AT_RISK -> 0.93;
                    case OFF_TRACK -> 0.78;
                };
                double start = goal * DemoRandom.between(key + "|start", 0.35, 0.6);
                double v = start + (goal * reach - start) * progress;
                v = v * (1 + noise);
                if (kind == TargetKind.PERCENT) {
                    v = Math.min(100, Math.max(0, v));
                }
                if (kind == TargetKind.COUNT) {
                    v = Math.max(0, Math.round(v));
                }
                return v;
            }
        }
    }

    /** A percentage as a numerator over a denominator drawn for the year (the numerator never above it). */
    private static YearValue ratioLine(String key, int year, BigDecimal value) {
        BigDecimal den = BigDecimal.valueOf(DemoRandom.between(key + "|den|" + year, 800, 25000));
        BigDecimal num = den.multiply(value).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
        if (num.compareTo(den) > 0) {
            num = den;
        }
        return new YearValue(year, null, num, den);
    }
}
