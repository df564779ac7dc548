package vn.dxgov.assessment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.assessment.CriteriaSetDocument.Classification;
import vn.dxgov.assessment.CriteriaSetDocument.Node;
import vn.dxgov.assessment.CriteriaSetDocument.Step;
import vn.dxgov.assessment.CriterionInput;
import vn.dxgov.assessment.SetScore;

/**
 * The scoring rules, pure functions: points of one criterion from what was reported, then totals, ratios, mandatory
 * criteria and the classification. Points have 2 decimals (half up), ratios 6.
 */
final class Scoring {

    static final int POINTS_SCALE = 2;
    static final int RATIO_SCALE = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scoring() {
    }

    /** An indicator's value for the unit and year as the analytics module combined it. */
    record IndicatorValue(BigDecimal value, BigDecimal numerator, BigDecimal denominator, boolean yesNo) {
    }

    /** Points of a criterion; {@code indicator} is used by INDICATOR rules only and may be null (no data: 0). */
    static BigDecimal points(Node c, CriterionInput in, IndicatorValue indicator) {
        BigDecimal max = c.maxPoints();
        CriterionInput i = in == null ? CriterionInput.EMPTY : in;
        BigDecimal p = switch (c.rule().type()) {
            case YES_NO -> Boolean.TRUE.equals(i.yes()) ? max : BigDecimal.ZERO;
            case STEPS -> i.value() == null ? BigDecimal.ZERO : reached(c.rule().stepList(), i.value(), false);
            case RATIO -> ratioPoints(i.numerator(), i.denominator(), max);
            case THRESHOLDS -> {
                BigDecimal v = i.value();
                if (v == null && i.numerator() != null && i.denominator() != null && i.denominator().signum() > 0) {
                    v = i.numerator().multiply(HUNDRED).divide(i.denominator(), 10, RoundingMode.HALF_UP);
                }
                yield v == null ? BigDecimal.ZERO : reached(c.rule().stepList(), v, c.rule().lower());
            }
            case INDICATOR -> indicatorPoints(c, indicator);
            case MANUAL -> i.points() == null ? BigDecimal.ZERO : i.points();
        };
        return clamp(p, max);
    }

    private static BigDecimal indicatorPoints(Node c, IndicatorValue v) {
        if (v == null || v.value() == null) {
            return BigDecimal.ZERO;
        }
        if (!c.rule().stepList().isEmpty()) {
            return reached(c.rule().stepList(), v.value(), c.rule().lower());
        }
        if (v.yesNo()) {
            return v.value().compareTo(BigDecimal.ONE) >= 0 ? c.maxPoints() : BigDecimal.ZERO;
        }
        if (v.numerator() != null && v.denominator() != null && v.denominator().signum() > 0) {
            return ratioPoints(v.numerator(), v.denominator(), c.maxPoints());
        }
        return v.value().multiply(c.maxPoints()).divide(HUNDRED, POINTS_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratioPoints(BigDecimal a, BigDecimal b, BigDecimal max) {
        if (a == null || b == null || b.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return a.multiply(max).divide(b, POINTS_SCALE, RoundingMode.HALF_UP);
    }

    /** The points of the best step reached: value ≥ step (or ≤ when lower is better); 0 when none. */
    static BigDecimal reached(List<Step> steps, BigDecimal value, boolean lowerIsBetter) {
        BigDecimal best = null;
        BigDecimal bestAt = null;
        for (Step s : steps) {
            boolean ok = lowerIsBetter ? value.compareTo(s.at()) <= 0 : value.compareTo(s.at()) >= 0;
            if (ok && (bestAt == null || (lowerIsBetter ? s.at().compareTo(bestAt) < 0 : s.at().compareTo(bestAt) > 0))) {
                best = s.points();
                bestAt = s.at();
            }
        }
        return best == null ? BigDecimal.ZERO : best;
    }

    private static BigDecimal clamp(BigDecimal p, BigDecimal max) {
        if (p.signum() < 0) {
            p = BigDecimal.ZERO;
        }
        if (p.compareTo(max) > 0) {
            p = max;
        }
        return p.setScale(POINTS_SCALE, RoundingMode.HALF_UP);
    }

    /** Totals from the final points of each criterion (missing criteria count 0). */
    static SetScore total(CriteriaSetDocument doc, Map<String, BigDecimal> criterionPoints) {
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        Map<String, BigDecimal> ratios = new LinkedHashMap<>();
        List<String> missed = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Node n : doc.topNodes()) {
            total = total.add(sum(n, criterionPoints, points, ratios, missed));
        }
        total = total.setScale(POINTS_SCALE, RoundingMode.HALF_UP);
        BigDecimal max = doc.maxPoints();
        BigDecimal index = max == null || max.signum() == 0 ? null : total.divide(max, RATIO_SCALE, RoundingMode.HALF_UP);
        return new SetScore(total, index, points, ratios, List.copyOf(missed), classify(doc, total, missed.isEmpty()));
    }

    private static BigDecimal sum(Node n, Map<String, BigDecimal> given, Map<String, BigDecimal> points,
                                  Map<String, BigDecimal> ratios, List<String> missed) {
        BigDecimal p;
        if (n.group()) {
            p = BigDecimal.ZERO;
            for (Node c : n.kids()) {
                p = p.add(sum(c, given, points, ratios, missed));
            }
        } else {
            p = given.getOrDefault(n.code(), BigDecimal.ZERO);
            p = clamp(p, n.maxPoints());
            if (n.isMandatory()) {
                BigDecimal pass = n.passPoints() == null ? n.maxPoints() : n.passPoints();
                if (p.compareTo(pass) < 0) {
                    missed.add(n.code());
                }
            }
        }
        p = p.setScale(POINTS_SCALE, RoundingMode.HALF_UP);
        points.put(n.code(), p);
        if (n.maxPoints().signum() > 0) {
            ratios.put(n.code(), p.divide(n.maxPoints(), RATIO_SCALE, RoundingMode.HALF_UP));
        }
        return p;
    }

    /** The highest level whose minimum is reached and whose mandatory condition holds. */
    static Classification classify(CriteriaSetDocument doc, BigDecimal total, boolean mandatoryMet) {
        return doc.classificationList().stream()
                .sorted(Comparator.comparing(Classification::minPoints).reversed())
                .filter(c -> total.compareTo(c.minPoints()) >= 0 && (!c.mandatoryRequired() || mandatoryMet))
                .findFirst().orElse(null);
    }
}
