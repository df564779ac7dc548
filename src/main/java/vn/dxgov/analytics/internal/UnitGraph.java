package vn.dxgov.analytics.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLink;

/**
 * The unit tree and the succession links as the aggregation needs them, asked once per unit from
 * {@link AdminUnits} and kept (units change only when a reform is loaded; {@link #clear()} forgets them).
 * Thread-safe.
 */
@Component
class UnitGraph {

    /** A link from a predecessor that counts for its successor, with the share of a summable value. */
    record Link(long predecessorId, double fraction, boolean full) {
    }

    private static final long[] NONE = new long[0];

    private final AdminUnits units;
    private final ConcurrentHashMap<Long, long[]> children = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Link[]> predecessors = new ConcurrentHashMap<>();

    UnitGraph(AdminUnits units) {
        this.units = units;
    }

    long[] children(long unitId) {
        return children.computeIfAbsent(unitId, id -> {
            List<AdminUnit> list = units.children(id);
            return list.isEmpty() ? NONE : list.stream().mapToLong(AdminUnit::id).toArray();
        });
    }

    /**
     * The predecessors whose values count for the unit: FULL links whole, PARTIAL links (a predecessor split among
     * several successors) with the share of a summable value that goes to this unit (the link's fraction: an even
     * split unless set by an administrator, e.g. by population).
     */
    Link[] predecessors(long unitId) {
        return predecessors.computeIfAbsent(unitId, id -> units.predecessors(id).stream()
                .filter(l -> l.predecessor().id() != id)
                .map(l -> {
                    boolean full = l.share() == UnitLink.Share.FULL;
                    double fraction = full || l.fraction() == null ? 1.0 : l.fraction().doubleValue();
                    return new Link(l.predecessor().id(), fraction, full);
                })
                .toArray(Link[]::new));
    }

    void clear() {
        children.clear();
        predecessors.clear();
    }

    int cachedUnits() {
        return children.size();
    }
}
