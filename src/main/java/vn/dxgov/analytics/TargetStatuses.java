package vn.dxgov.analytics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Judges targets from their indicator's values (see docs/METHODS.md). The caller says for which administrative
 * unit (a provincial plan's targets are judged for its province). Approved figures only unless the caller asks for
 * the steering department's {@link ValueView#PENDING} preview.
 */
public interface TargetStatuses {

    /** The status of a target for a unit on a day, from approved figures. */
    default StatusAssessment assess(long targetId, long unitId, LocalDate asOf) {
        return assess(targetId, unitId, asOf, ValueView.APPROVED);
    }

    /** The status of a target for a unit on a day, from the figures of a view. */
    StatusAssessment assess(long targetId, long unitId, LocalDate asOf, ValueView view);

    /** The status of several targets for one unit on a day, in the given order, from approved figures. */
    default List<StatusAssessment> assessAll(Collection<Long> targetIds, long unitId, LocalDate asOf) {
        return assessAll(targetIds, unitId, asOf, ValueView.APPROVED);
    }

    List<StatusAssessment> assessAll(Collection<Long> targetIds, long unitId, LocalDate asOf, ValueView view);
}
