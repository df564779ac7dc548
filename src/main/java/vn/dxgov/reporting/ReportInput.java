package vn.dxgov.reporting;

import static vn.dxgov.shared.web.Limits.Kind.NARRATIVE;
import static vn.dxgov.shared.web.Limits.Kind.TEXT;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.List;
import vn.dxgov.shared.web.Figure;
import vn.dxgov.shared.web.MaxChars;

/** What an agency saves into its report; lines not mentioned stay as they are. */
public record ReportInput(@MaxChars(NARRATIVE) String narrative, List<@Valid TargetValue> targets,
                          List<@Valid TaskProgress> tasks) {

    /**
     * The figure of a target line.
     *
     * @param split   for a compound count target, which split (0 = the target's own indicator); null otherwise
     * @param version the version of the line as read from the form (0 when it showed nothing stored); null saves
     *                without checking. A line changed by someone else since is refused with 409 and its current figure
     */
    public record TargetValue(long targetId, @Figure BigDecimal value, @Figure BigDecimal numerator,
                              @Figure BigDecimal denominator, @MaxChars(TEXT) String comment, Integer split,
                              Integer version) {

        public TargetValue(long targetId, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
                           String comment) {
            this(targetId, value, numerator, denominator, comment, null, null);
        }
    }

    public record TaskProgress(long taskId, TaskProgressStatus status, Integer percentComplete,
                               @MaxChars(NARRATIVE) String narrative) {
    }
}
