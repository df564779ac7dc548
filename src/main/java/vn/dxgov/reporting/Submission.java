package vn.dxgov.reporting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An agency's report for one reporting period.
 *
 * @param unitId the administrative unit whose figures the agency reports (its province, or its district/commune)
 * @param late   first submitted after {@code dueOn}
 */
public record Submission(long id, long reportingPeriodId, long planId, String period, long agencyId, Long unitId,
                         SubmissionStatus status, String narrative, Instant firstSubmittedAt, Instant submittedAt,
                         String submittedBy, Instant decidedAt, String decidedBy, String returnReason, boolean late,
                         boolean demo, int version, LocalDate dueOn) {
}
