package vn.dxgov.indicators;

import java.math.BigDecimal;
import java.time.Instant;

/** One kept state of a data value: CREATE, UPDATE, DELETE, LOCK or UNLOCK, who and when. */
public record DataValueVersion(long dataValueId, int version, String action, BigDecimal value, BigDecimal numerator,
                               BigDecimal denominator, ValueSource source, Long submissionId, String comment,
                               String changedBy, Instant changedAt) {
}
