package vn.dxgov.units;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A succession link from an abolished or reorganised unit to a unit that took it over (the reform of 1/7/2025:
 * an old province or commune went wholly or partly into a new one). History recorded against the predecessor
 * aggregates into the successor: a summable value times {@code fraction}.
 *
 * @param share    {@link Share#FULL} when the whole predecessor went into the successor
 * @param fraction the part of a summable value of the predecessor that goes to this successor: 1 for a full
 *                 share; for partial shares an even split among the predecessor's partial successors unless
 *                 known better (set by an administrator or the steering department, e.g. by population)
 * @param basis    where a partial fraction comes from ("dân số 2024"); null for the even split
 */
public record UnitLink(AdminUnit predecessor, AdminUnit successor, Share share, BigDecimal fraction,
                       LocalDate effectiveOn, String basis) {

    public enum Share {
        FULL, PARTIAL
    }
}
