package vn.dxgov.open.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.assessment.CriteriaSet;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.assessment.CriteriaSets;
import vn.dxgov.assessment.RuleType;
import vn.dxgov.units.UnitLevel;

/**
 * Rounds of Thanh Hóa's districts (reference date 1/6/2024, before the reform, so the map has boundaries) made through
 * the public APIs as a steering user: a one-criterion set, a round published with three reviewed scores (83, 76, 69),
 * and a round left open.
 */
final class PublishedRounds {

    private PublishedRounds() {
    }

    /** The ids of the published round and of the open one. */
    static long[] make(Assessments assessments, CriteriaSets sets, String run,
                       java.util.function.Function<Supplier<Object>, Object> asSteering) {
        CriteriaSet set = (CriteriaSet) asSteering.apply(() -> sets.create(new CriteriaSetDocument("OPEN-" + run, 2024,
                "Bộ tiêu chí cổng " + run, UnitLevel.DISTRICT, null, false, BigDecimal.valueOf(100),
                List.of(new CriteriaSetDocument.Classification("TOT", "Tốt", BigDecimal.valueOf(80), false),
                        new CriteriaSetDocument.Classification("TB", "Trung bình", BigDecimal.ZERO, false)),
                List.of(new CriteriaSetDocument.Node("HT", "Hạ tầng số", BigDecimal.valueOf(100), false, null, null,
                        null, List.of(new CriteriaSetDocument.Node("HT.1", "Hạ tầng số: chung", BigDecimal.valueOf(100),
                        false, null, new CriteriaSetDocument.Rule(RuleType.MANUAL, null, null, null), null, null)))))));
        LocalDate reference = LocalDate.of(2024, 6, 1);
        long published = ((Assessments.Round) asSteering.apply(() -> assessments.open(new Assessments.RoundDraft(
                "Đợt công bố " + run, set.id(), 2024, UnitLevel.DISTRICT, reference, reference, null, "38", null))))
                .id();
        asSteering.apply(() -> {
            List<Long> units = assessments.participants(published).stream().map(Assessments.Participant::unitId)
                    .limit(3).toList();
            assessments.close(published);
            int score = 90;
            for (long unit : units) {
                assessments.review(published, unit, "HT.1",
                        new Assessments.ReviewInput("ADJUST", BigDecimal.valueOf(score -= 7), "Thẩm định"));
            }
            return assessments.publish(published);
        });
        long open = ((Assessments.Round) asSteering.apply(() -> assessments.open(new Assessments.RoundDraft(
                "Đợt chưa công bố " + run, set.id(), 2024, UnitLevel.DISTRICT, reference, reference, null, "38",
                null)))).id();
        return new long[]{published, open};
    }
}
