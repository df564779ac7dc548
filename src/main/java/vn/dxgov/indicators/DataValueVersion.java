package vn.dxgov.indicators;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One kept state of a line: CREATE, UPDATE, DELETE (its figure), SUBMIT, RETURN, APPROVE, REOPEN (its report's
 * workflow; LOCK and UNLOCK in versions written before issue 8), who and when, and the line's state after it.
 */
public record DataValueVersion(long dataValueId, int version, String action, BigDecimal value, BigDecimal numerator,
                               BigDecimal denominator, ValueSource source, Long submissionId, String comment,
                               String changedBy, Instant changedAt, Long agencyId, boolean contribution,
                               ValueState state) {
}
