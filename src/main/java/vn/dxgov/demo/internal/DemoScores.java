package vn.dxgov.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.assessment.CriteriaSetDocument.Node;
import vn.dxgov.assessment.CriteriaSetDocument.Step;
import vn.dxgov.assessment.DemoRounds;

/**
 * A unit's plausible demonstration assessment on any criteria set, keyed by the unit's code and the year (pure,
 * deterministic): each unit has a strength (0.35–0.95 for a commune, 0.42–0.78 for a province) that grows a little
 * each year; each criterion's answer scatters around it by the criterion's rule. Mandatory yes/no and ratio criteria
 * are met by most units but not all, so some strong units miss the top classification; an INDICATOR criterion (read
 * from data the demo does not have) is scored by the reviewer's adjustment, as a reviewer would from the system's
 * figures; about one unit in fourteen loses a yes/no criterion at review for want of evidence.
 */
final class DemoScores {

    static final String REASON = "Thẩm định: điểm theo số liệu hệ thống và minh chứng nộp kèm (dữ liệu minh họa).";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private DemoScores() {
    }

    static DemoRounds.UnitAnswers answers(CriteriaSetDocument doc, Assessments.Participant p, int year) {
        boolean province = doc.level() == vn.dxgov.units.UnitLevel.PROVINCE;
        String unit = doc.level() + "|" + p.unitCode();
        // provinces: DTI about 0.4–0.8, as the published indices of recent years; communes spread wider
        double base = province ? DemoRandom.between(unit + "|strength", 0.42, 0.78)
                : DemoRandom.between(unit + "|strength", 0.35, 0.95);
        double spread = province ? 0.12 : 0.2;
        double strength = clamp(base + 0.04 * (year - 2024) + DemoRandom.between(unit + "|" + year, -0.05, 0.05));
        List<Assessments.AnswerInput> answers = new ArrayList<>();
        Map<String, BigDecimal> adjusted = new HashMap<>();
        for (Node c : doc.criteria()) {
            String k = unit + "|" + year + "|" + c.code();
            double q = clamp(strength + DemoRandom.between(k, -spread, spread));
            answers.add(answer(c, k, q, strength, adjusted));
        }
        return new DemoRounds.UnitAnswers(answers, adjusted, REASON);
    }

    /** One criterion's answer by its rule; an adjustment goes into {@code adjusted}. */
    private static Assessments.AnswerInput answer(Node c, String k, double q, double strength,
                                                  Map<String, BigDecimal> adjusted) {
        String code = c.code();
        return switch (c.rule().type()) {
            case YES_NO -> {
                boolean yes = DemoRandom.unit(k + "|yes") < (c.isMandatory() ? 0.8 + 0.2 * strength : strength + 0.1);
                if (yes && !c.isMandatory() && DemoRandom.unit(k + "|review") < 0.07) {
                    adjusted.put(code, BigDecimal.ZERO); // no evidence behind the "yes"
                }
                yield new Assessments.AnswerInput(code, yes, null, null, null, null,
                        yes ? "Văn bản, quyết định kèm theo (minh họa)." : null);
            }
            case STEPS -> new Assessments.AnswerInput(code, null,
                    BigDecimal.valueOf(Math.round(q * topStep(c))), null, null, null, null);
            case RATIO -> {
                int den = DemoRandom.between(k + "|den", 12, 60);
                double share = c.isMandatory() && DemoRandom.unit(k + "|full") < 0.75 + 0.25 * strength ? 1.0
                        : Math.min(q, 0.97);
                yield new Assessments.AnswerInput(code, null, null, BigDecimal.valueOf(Math.round(den * share)),
                        BigDecimal.valueOf(den), null, null);
            }
            case THRESHOLDS -> {
                BigDecimal v = c.rule().lower()
                        ? BigDecimal.valueOf(q > 0.6 ? 0 : DemoRandom.between(k + "|count", 0, 3))
                        : BigDecimal.valueOf(q * 100).setScale(1, RoundingMode.HALF_UP);
                yield new Assessments.AnswerInput(code, null, v, null, null, null, null);
            }
            case INDICATOR -> {
                adjusted.put(code, reached(c, BigDecimal.valueOf(q * 100)));
                yield new Assessments.AnswerInput(code, null, null, null, null, null, null);
            }
            case MANUAL -> new Assessments.AnswerInput(code, null, null, null, null,
                    c.maxPoints().multiply(BigDecimal.valueOf(q)).setScale(1, RoundingMode.HALF_UP), null);
        };
    }

    /** The count that reaches a STEPS rule's highest step (4 meetings), 1 without steps. */
    private static double topStep(Node c) {
        return c.rule().stepList().stream().map(Step::at).filter(java.util.Objects::nonNull)
                .mapToDouble(BigDecimal::doubleValue).max().orElse(1);
    }

    /** The points of the highest threshold a percentage reaches; the share of the maximum without thresholds. */
    static BigDecimal reached(Node c, BigDecimal percent) {
        if (c.rule().stepList().isEmpty()) {
            return c.maxPoints().multiply(percent).divide(HUNDRED, 1, RoundingMode.HALF_UP).min(c.maxPoints());
        }
        BigDecimal best = BigDecimal.ZERO;
        for (Step s : c.rule().stepList()) {
            if (s.at() != null && s.points() != null && percent.compareTo(s.at()) >= 0 && s.points().compareTo(best) > 0) {
                best = s.points();
            }
        }
        return best.min(c.maxPoints());
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
