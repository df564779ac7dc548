package vn.dxgov.analytics;

import java.math.BigDecimal;

/**
 * A value combined over units and periods by the indicator's rules.
 *
 * @param cells    how many stored values went into it
 * @param demo     true when any of them is demonstration data
 * @param carried  true when any of them was recorded against a predecessor unit (before a merger)
 */
public record Aggregate(BigDecimal value, BigDecimal numerator, BigDecimal denominator, int cells, boolean demo,
                        boolean carried) {
}
