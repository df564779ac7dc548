package vn.dxgov.reporting;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an agency reports in a period: a value for each target it leads (required) or co-operates on (optional),
 * and the progress of each task it leads (required) or co-operates on (optional), with what is stored so far.
 */
public record ReportForm(Submission submission, List<TargetLine> targets, List<TaskLine> tasks) {

    /**
     * @param ratio true when the indicator is a RATIO: enter numerator and denominator
     */
    public record TargetLine(long targetId, String targetCode, String text, long indicatorId, String indicatorCode,
                             String unit, boolean ratio, boolean yesNo, boolean required, BigDecimal value,
                             BigDecimal numerator, BigDecimal denominator, String comment, boolean locked) {
    }

    public record TaskLine(long taskId, String taskCode, String title, String timeFrame, boolean required,
                           TaskProgressStatus status, Integer percentComplete, String narrative, boolean locked) {
    }
}
