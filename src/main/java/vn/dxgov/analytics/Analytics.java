package vn.dxgov.analytics;

import java.util.List;
import java.util.Optional;
import vn.dxgov.shared.Period;

/**
 * Values of indicators for a unit and a period, combined from the stored values of the unit, the units below it
 * and the periods inside the period, by the indicator's unit and period rules. Values recorded against a unit's
 * predecessors (the reform of 1/7/2025) count for the unit: whole for a full link, by the link's share for a unit
 * split among several new ones (summable values; index-like values as they are, so that merged units get the mean),
 * flagged {@link Aggregate#carried()} and {@link Aggregate#apportioned()}. Answers from memory.
 *
 * <p>Only approved figures count ({@link ValueView}); the methods without a view read them. Drafts and co-operating
 * agencies' contributions never do.
 */
public interface Analytics {

    /** The value of an indicator for a unit and period, or empty when nothing is recorded. */
    default Optional<Aggregate> value(long indicatorId, long unitId, Period period) {
        return value(indicatorId, unitId, period, ValueView.APPROVED);
    }

    Optional<Aggregate> value(long indicatorId, long unitId, Period period, ValueView view);

    record Point(Period period, Aggregate value) {
    }

    /** Values per period of a type from one year to another, only the periods that have a value. */
    default List<Point> series(long indicatorId, long unitId, Period.Type type, int fromYear, int toYear) {
        return series(indicatorId, unitId, type, fromYear, toYear, ValueView.APPROVED);
    }

    List<Point> series(long indicatorId, long unitId, Period.Type type, int fromYear, int toYear, ValueView view);

    /**
     * The value of a unit and the values of the units of a level below it (e.g. the communes of a province), for one
     * period. The units below are those under the unit given; a period after 1/7/2025 of a province valid then has no
     * districts: {@code parts} is empty and {@code total} still gives the province's value.
     *
     * @param parts one per unit below, sorted by name, {@code value} null where nothing is recorded
     */
    record Breakdown(Aggregate total, List<Part> parts) {
    }

    record Part(vn.dxgov.units.AdminUnit unit, Aggregate value) {
    }

    default Breakdown breakdown(long indicatorId, long unitId, vn.dxgov.units.UnitLevel level, Period period) {
        return breakdown(indicatorId, unitId, level, period, ValueView.APPROVED);
    }

    Breakdown breakdown(long indicatorId, long unitId, vn.dxgov.units.UnitLevel level, Period period, ValueView view);

    /**
     * The values of all provinces valid on a day for one period (approved figures), sorted by name, {@code value} null
     * where nothing is recorded: the national table of an indicator. Answered from the pre-aggregated level.
     */
    default List<Part> provinces(long indicatorId, java.time.LocalDate on, Period period) {
        return units().provinces(on).stream()
                .map(u -> new Part(u, value(indicatorId, u.id(), period).orElse(null))).toList();
    }

    /** The units the answers refer to. */
    vn.dxgov.units.AdminUnits units();

    /**
     * Rebuilds the in-memory aggregate from the database and forgets cached units and indicators: after a restore,
     * a bulk load that bypassed dxgov, a reform of units, or in tests that reset tables. Answers keep coming from the
     * previous aggregate until the new one is ready.
     */
    void reload();
}
