package vn.dxgov.analytics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Judges targets from their indicator's values (see docs/METHODS.md). The caller says for which administrative
 * unit (a provincial plan's targets are judged for its province).
 */
public interface TargetStatuses {

    /** The status of a target for a unit on a day. */
    StatusAssessment assess(long targetId, long unitId, LocalDate asOf);

    /** The status of several targets for one unit on a day, in the given order. */
    List<StatusAssessment> assessAll(Collection<Long> targetIds, long unitId, LocalDate asOf);
}
