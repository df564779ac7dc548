package vn.dxgov.analytics;

import java.util.List;
import java.util.Optional;
import vn.dxgov.shared.Period;

/**
 * Values of indicators for a unit and a period, combined from the stored values of the unit, the units below it
 * and the periods inside the period, by the indicator's unit and period rules. Values recorded against a unit's
 * predecessors (a merger) count for the unit. Answers from memory.
 */
public interface Analytics {

    /** The value of an indicator for a unit and period, or empty when nothing is recorded. */
    Optional<Aggregate> value(long indicatorId, long unitId, Period period);

    record Point(Period period, Aggregate value) {
    }

    /** Values per period of a type from one year to another, only the periods that have a value. */
    List<Point> series(long indicatorId, long unitId, Period.Type type, int fromYear, int toYear);

    /**
     * Rebuilds the in-memory aggregate from the database and forgets cached units and indicators: after a restore,
     * a bulk load that bypassed dxgov, a reform of units, or in tests that reset tables. Answers keep coming from the
     * previous aggregate until the new one is ready.
     */
    void reload();
}
