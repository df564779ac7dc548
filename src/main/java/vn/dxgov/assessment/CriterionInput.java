package vn.dxgov.assessment;

import java.math.BigDecimal;

/**
 * What a unit reports for one criterion; which fields count depends on the rule: YES_NO {@code yes}; STEPS a count
 * in {@code value}; RATIO {@code numerator} and {@code denominator}; THRESHOLDS {@code value} or numerator and
 * denominator (a percentage); MANUAL proposed {@code points}; INDICATOR nothing (the value comes from the indicator).
 */
public record CriterionInput(Boolean yes, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
                             BigDecimal points) {

    public static final CriterionInput EMPTY = new CriterionInput(null, null, null, null, null);
}
