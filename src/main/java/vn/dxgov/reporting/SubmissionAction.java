package vn.dxgov.reporting;

/**
 * A step in a report's history, as {@link SubmissionChanged} carries it and {@code submission_event.action} stores it
 * (by name). CREATE and SAVE stay in the history only; the workflow steps (SUBMIT, RESUBMIT, RETURN, APPROVE, REOPEN)
 * are also published.
 */
public enum SubmissionAction {
    /** The report was opened for the first time (created as a draft). */
    CREATE,
    /** Figures, task progress or the narrative were saved (by form, Excel or API). */
    SAVE,
    /** A draft was sent to the steering department. */
    SUBMIT,
    /** A returned report was sent again. */
    RESUBMIT,
    /** The steering department returned a sent report to its agency, with a reason. */
    RETURN,
    /** The steering department approved a sent report; its figures are locked. */
    APPROVE,
    /** The steering department reopened an approved report, with a reason; its figures are unlocked. */
    REOPEN
}
