package vn.dxgov.reporting;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an agency reports in a period: a value for each target it leads (required) or co-operates on (optional),
 * and the progress of each task it leads (required) or co-operates on (optional), with what is stored so far.
 *
 * @param skipped targets of the agency that cannot be reported in this form, with the reason (no indicator linked
 *                yet, or an indicator computed from others)
 */
public record ReportForm(Submission submission, List<TargetLine> targets, List<TaskLine> tasks, List<Skipped> skipped) {

    /** A form without skipped targets (the constructor of the first version of this record). */
    public ReportForm(Submission submission, List<TargetLine> targets, List<TaskLine> tasks) {
        this(submission, targets, tasks, List.of());
    }

    /**
     * @param ratio true when the indicator is a RATIO: enter numerator and denominator
     */
    public record TargetLine(long targetId, String targetCode, String text, long indicatorId, String indicatorCode,
                             String unit, boolean ratio, boolean yesNo, boolean required, BigDecimal value,
                             BigDecimal numerator, BigDecimal denominator, String comment, boolean locked) {

        /** True when the line holds a value (for a ratio: numerator and denominator). */
        public boolean filled() {
            return ratio ? numerator != null && denominator != null : value != null;
        }
    }

    /**
     * @param progressId the stored progress row (owner of its evidence files), null before anything is saved
     */
    public record TaskLine(long taskId, String taskCode, String title, String timeFrame, boolean required,
                           TaskProgressStatus status, Integer percentComplete, String narrative, boolean locked,
                           Long progressId) {

        /** A line without a stored progress id (the constructor of the first version of this record). */
        public TaskLine(long taskId, String taskCode, String title, String timeFrame, boolean required,
                        TaskProgressStatus status, Integer percentComplete, String narrative, boolean locked) {
            this(taskId, taskCode, title, timeFrame, required, status, percentComplete, narrative, locked, null);
        }
    }

    /**
     * @param reason NO_INDICATOR (the steering department has not linked an indicator to the target yet) or DERIVED
     *               (the indicator is computed from other indicators by a formula)
     */
    public record Skipped(long targetId, String targetCode, String text, boolean required, String reason) {
    }
}
