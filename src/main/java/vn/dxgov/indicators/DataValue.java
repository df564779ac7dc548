package vn.dxgov.indicators;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A value of an indicator for an administrative unit and a period (code such as 2025, 2025S1, 2025Q3, 2025-06).
 * Ratios keep numerator and denominator; {@code value} is then 100 × numerator ÷ denominator.
 *
 * @param locked true once the agency report it belongs to is approved
 * @param demo   generated demonstration data
 */
public record DataValue(long id, long indicatorId, long unitId, String period, BigDecimal value, BigDecimal numerator,
                        BigDecimal denominator, ValueSource source, Long submissionId, String comment, boolean demo,
                        boolean locked, int version, String updatedBy, Instant updatedAt) {
}
