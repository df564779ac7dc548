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
     * A line of the form: the figure of one indicator for the report's unit and period.
     *
     * @param split        for a compound count target ("06 huyện và 300 xã"), which split the line measures (0 = the
     *                     target's own indicator); null otherwise
     * @param label        what a person reads before the text: the target's code, with its deadline when the plan has
     *                     another target of the same code ("1.1 · đến 2030"), or the split ("1.1 · 300 xã")
     * @param ratio        true when the indicator is a RATIO: enter numerator and denominator
     * @param required     the agency leads the target (its line is the official figure) and must fill it in
     * @param contribution the agency co-operates: its line is its contribution, stored apart from the official figure
     * @param value        the agency's own working figure (never another agency's)
     * @param version      the stored line's version as read (0: nothing stored), sent back to detect concurrent edits
     * @param state        the stored line's state, null when nothing is stored
     * @param official     the approved official figure, shown for reference (null when none)
     * @param others       the other agencies' lines beside this one: for the lead agency and the steering department,
     *                     the contributions of co-operating agencies once submitted; never a draft of another agency
     */
    public record TargetLine(long targetId, String targetCode, String text, long indicatorId, String indicatorCode,
                             String unit, boolean ratio, boolean yesNo, boolean required, BigDecimal value,
                             BigDecimal numerator, BigDecimal denominator, String comment, boolean locked,
                             Integer split, String label, Integer deadlineYear, boolean contribution, int version,
                             vn.dxgov.indicators.ValueState state, BigDecimal official, List<Other> others) {

        public TargetLine {
            others = others == null ? List.of() : List.copyOf(others);
        }

        /** A line as the first version of this record had it (the agency's own official line, nothing beside). */
        public TargetLine(long targetId, String targetCode, String text, long indicatorId, String indicatorCode,
                          String unit, boolean ratio, boolean yesNo, boolean required, BigDecimal value,
                          BigDecimal numerator, BigDecimal denominator, String comment, boolean locked) {
            this(targetId, targetCode, text, indicatorId, indicatorCode, unit, ratio, yesNo, required, value, numerator,
                    denominator, comment, locked, null, targetCode, null, !required, 0, null, null, List.of());
        }

        /** True when the line holds a value (for a ratio: numerator and denominator). */
        public boolean filled() {
            return ratio ? numerator != null && denominator != null : value != null;
        }

        /** The key of the line in a form post and in the Excel form: the target id, and the split when there is one. */
        public String key() {
            return split == null ? Long.toString(targetId) : targetId + "_" + split;
        }

        /** True when this line is the given input's line (same target and split; split null = the first line). */
        public boolean matches(long target, Integer inputSplit) {
            return targetId == target && (split == null ? 0 : split) == (inputSplit == null ? 0 : inputSplit);
        }
    }

    /**
     * Another agency's line beside one of this form (a co-operating agency's contribution).
     *
     * @param pending true while it waits for the steering department's decision
     */
    public record Other(long agencyId, String agencyName, BigDecimal value, BigDecimal numerator,
                        BigDecimal denominator, String comment, vn.dxgov.indicators.ValueState state, boolean pending) {
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
