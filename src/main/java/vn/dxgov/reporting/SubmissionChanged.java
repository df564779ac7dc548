package vn.dxgov.reporting;

/**
 * Published after commit when a submission moves in its workflow (action: SUBMIT, RESUBMIT, RETURN, APPROVE, REOPEN),
 * for notifications.
 */
public record SubmissionChanged(Submission submission, SubmissionAction action, String actor, String reason) {
}
