package vn.dxgov.indicators;

import java.math.BigDecimal;

/**
 * A value to write. For a RATIO indicator give numerator and denominator (value is computed); for others give value.
 * A null value, numerator and denominator deletes the stored value.
 */
public record DataValueInput(long indicatorId, long unitId, String period, BigDecimal value, BigDecimal numerator,
                             BigDecimal denominator, String comment) {
}
