package vn.dxgov.reporting;

import java.math.BigDecimal;
import java.util.List;

/** What an agency saves into its report; lines not mentioned stay as they are. */
public record ReportInput(String narrative, List<TargetValue> targets, List<TaskProgress> tasks) {

    /**
     * The figure of a target line.
     *
     * @param split   for a compound count target, which split (0 = the target's own indicator); null otherwise
     * @param version the version of the line as read from the form (0 when it showed nothing stored); null saves
     *                without checking. A line changed by someone else since is refused with 409 and its current figure
     */
    public record TargetValue(long targetId, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
                              String comment, Integer split, Integer version) {

        public TargetValue(long targetId, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
                           String comment) {
            this(targetId, value, numerator, denominator, comment, null, null);
        }
    }

    public record TaskProgress(long taskId, TaskProgressStatus status, Integer percentComplete, String narrative) {
    }
}
