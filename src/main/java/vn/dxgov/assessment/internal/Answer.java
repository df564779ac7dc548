package vn.dxgov.assessment.internal;

import java.math.BigDecimal;
import vn.dxgov.assessment.CriterionInput;

/**
 * One criterion of a unit's assessment as stored: what the unit reported with its evidence, then the reviewer's
 * decision ({@code review} null, ACCEPTED or ADJUSTED, with the adjusted points and the reason).
 */
record Answer(String criterion, Boolean yes, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
              BigDecimal proposed, String evidence, ReviewDecision review, BigDecimal reviewPoints, String reviewReason,
              String reviewedBy) {

    CriterionInput input() {
        return new CriterionInput(yes, value, numerator, denominator, proposed);
    }
}
