package vn.dxgov.reporting;

import java.math.BigDecimal;
import java.util.List;

/** What an agency saves into its report; lines not mentioned stay as they are. */
public record ReportInput(String narrative, List<TargetValue> targets, List<TaskProgress> tasks) {

    public record TargetValue(long targetId, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
                              String comment) {
    }

    public record TaskProgress(long taskId, TaskProgressStatus status, Integer percentComplete, String narrative) {
    }
}
