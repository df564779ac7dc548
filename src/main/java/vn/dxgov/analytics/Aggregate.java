package vn.dxgov.analytics;

import java.math.BigDecimal;

/**
 * A value combined over units and periods by the indicator's rules.
 *
 * @param cells    how many stored values went into it
 * @param demo     true when any of them is demonstration data
 * @param carried  true when any of them was recorded against a predecessor unit (before a merger)
 * @param apportioned true when any of them came from a unit split among several new ones (a partial link of the
 *                 2025 reform): a summable value counted by its share (even split unless set, e.g. by population),
 *                 an index-like value taken as it is; the figure is an estimate
 * @param pending  true when the figure includes submitted values not yet approved (asked for with
 *                 {@link ValueView#PENDING}) and differs from the approved figure
 */
public record Aggregate(BigDecimal value, BigDecimal numerator, BigDecimal denominator, int cells, boolean demo,
                        boolean carried, boolean apportioned, boolean pending) {

    /** An aggregate of approved figures. */
    public Aggregate(BigDecimal value, BigDecimal numerator, BigDecimal denominator, int cells, boolean demo,
                     boolean carried, boolean apportioned) {
        this(value, numerator, denominator, cells, demo, carried, apportioned, false);
    }
}
