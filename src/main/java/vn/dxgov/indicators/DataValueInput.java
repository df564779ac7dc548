package vn.dxgov.indicators;

import java.math.BigDecimal;

/**
 * A value to write. For a RATIO indicator give numerator and denominator (value is computed); for others give value.
 * A null value, numerator and denominator deletes the stored value.
 *
 * @param agencyId     the agency whose line is written (its report's agency); null for the official line written
 *                     directly by the steering department or the application
 * @param contribution true to write the agency's contribution line instead of the official one
 * @param version      the version of the line the writer read (0: the writer saw no stored line); null writes
 *                     without checking. A stale version is refused with 409 and the current figure
 */
public record DataValueInput(long indicatorId, long unitId, String period, BigDecimal value, BigDecimal numerator,
                             BigDecimal denominator, String comment, Long agencyId, boolean contribution,
                             Integer version) {

    public DataValueInput {
        if (contribution && agencyId == null) {
            throw new IllegalArgumentException("a contribution is an agency's line: agencyId is required");
        }
    }

    /** The official line written directly (steering department, application, machine client of the province). */
    public DataValueInput(long indicatorId, long unitId, String period, BigDecimal value, BigDecimal numerator,
                          BigDecimal denominator, String comment) {
        this(indicatorId, unitId, period, value, numerator, denominator, comment, null, false, null);
    }
}
