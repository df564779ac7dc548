package vn.dxgov.indicators;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of a value of an indicator for an administrative unit and a period (code such as 2025, 2025S1, 2025Q3,
 * 2025-06): the <b>official</b> line, or a cooperating agency's <b>contribution</b> beside it. Ratios keep numerator
 * and denominator; {@code value} is then 100 × numerator ÷ denominator.
 *
 * <p>{@code value}, {@code numerator}, {@code denominator} are the working figure (what its agency entered last);
 * {@code approvedValue}… the last approved figure, which is what counts ({@link ValueState}). They are equal once a
 * report is approved and differ while a reopened report is being corrected.
 *
 * @param agencyId     the agency whose line this is; null for figures recorded directly by the steering department
 *                     or the application (imports, published assessment rounds)
 * @param contribution true for a cooperating agency's contribution (never the official figure)
 * @param locked       true once the agency report it belongs to is approved
 * @param demo         generated demonstration data
 * @param version      grows with every change of the line, for optimistic locking
 */
public record DataValue(long id, long indicatorId, long unitId, String period, BigDecimal value, BigDecimal numerator,
                        BigDecimal denominator, ValueSource source, Long submissionId, String comment, boolean demo,
                        boolean locked, int version, String updatedBy, Instant updatedAt, Long agencyId,
                        boolean contribution, ValueState state, BigDecimal approvedValue,
                        BigDecimal approvedNumerator, BigDecimal approvedDenominator, Instant approvedAt) {

    /** An approved official value without an owner (the shape of the first version of this record). */
    public DataValue(long id, long indicatorId, long unitId, String period, BigDecimal value, BigDecimal numerator,
                     BigDecimal denominator, ValueSource source, Long submissionId, String comment, boolean demo,
                     boolean locked, int version, String updatedBy, Instant updatedAt) {
        this(id, indicatorId, unitId, period, value, numerator, denominator, source, submissionId, comment, demo,
                locked, version, updatedBy, updatedAt, null, false, ValueState.APPROVED, value, numerator, denominator,
                updatedAt);
    }

    /** True when an approved figure exists (what counts by default). */
    public boolean hasApproved() {
        return approvedValue != null;
    }

    /** True when the working figure waits for the steering department's decision. */
    public boolean pending() {
        return state == ValueState.SUBMITTED && value != null;
    }

    /** The line's approved figure as a value of its own (working figure = approved figure), or null when none. */
    public DataValue approvedOnly() {
        if (approvedValue == null) {
            return null;
        }
        return new DataValue(id, indicatorId, unitId, period, approvedValue, approvedNumerator, approvedDenominator,
                source, submissionId, comment, demo, locked, version, updatedBy, updatedAt, agencyId, contribution,
                ValueState.APPROVED, approvedValue, approvedNumerator, approvedDenominator, approvedAt);
    }
}
