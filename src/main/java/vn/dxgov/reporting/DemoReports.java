package vn.dxgov.reporting;

import java.time.Instant;
import java.util.List;

/**
 * Writing a demonstration history of reports (the demo module, administrators only): one agency's report of a past
 * period saved through the ordinary form rules, then the timeline it went through, with the instants of that past.
 * Everything written is marked as demo data (the report, its values, its events); no notification is sent for it.
 */
public interface DemoReports {

    /** True when a demo report exists for the plan (the history is written once). */
    boolean exists(long planId);

    /**
     * Writes one report: opened at {@code openedAt} by {@code editor}, saved with {@code input} (values with source
     * DEMO), then each step in order. Steps: SUBMIT, RESUBMIT (by the editor), RETURN with a reason, APPROVE (by a
     * steering official); approval locks the values as it does in the workflow. A report without steps stays a draft.
     *
     * @return the submission's id
     */
    long record(long reportingPeriodId, long agencyId, String editor, Instant openedAt, ReportInput input,
                List<Step> steps);

    /** A step of the timeline: SUBMIT, RESUBMIT, RETURN or APPROVE, when and by whom, with a reason for RETURN. */
    record Step(SubmissionAction action, Instant at, String actor, String reason) {
    }
}
