package vn.dxgov.analytics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLink;

/**
 * The unit tree and the succession links as the aggregation needs them, read whole from {@link AdminUnits} in two
 * queries on first use and kept (units change only when a reform is loaded; {@link #clear()} forgets them, and the
 * next use reads them again). Reading the whole tree at once (≈ 14,000 units and 10,700 links, well under a second)
 * replaced reading it unit by unit, which made the first questions after a start take seconds (10.8 s for all 63
 * provinces, docs/PERFORMANCE.md). Thread-safe: a snapshot is immutable and swapped atomically.
 */
@Component
class UnitGraph {

    /** A link from a predecessor that counts for its successor, with the share of a summable value. */
    record Link(long predecessorId, double fraction, boolean full) {
    }

    private static final long[] NONE = new long[0];
    private static final Link[] NO_LINKS = new Link[0];

    private record Snapshot(Map<Long, long[]> children, Map<Long, Link[]> predecessors, Map<Long, Long> parents,
                            Map<Long, long[]> successors) {
    }

    private final AdminUnits units;
    private volatile Snapshot snapshot;

    UnitGraph(AdminUnits units) {
        this.units = units;
    }

    long[] children(long unitId) {
        return snapshot().children().getOrDefault(unitId, NONE);
    }

    /**
     * The predecessors whose values count for the unit: FULL links whole, PARTIAL links (a predecessor split among
     * several successors) with the share of a summable value that goes to this unit (the link's fraction: an even
     * split unless set by an administrator, e.g. by population).
     */
    Link[] predecessors(long unitId) {
        return snapshot().predecessors().getOrDefault(unitId, NO_LINKS);
    }

    /** The units whose value may rest on this unit's: its parent and its successors (for the pre-aggregate). */
    long parent(long unitId) {
        Long p = snapshot().parents().get(unitId);
        return p == null ? -1 : p;
    }

    long[] successors(long unitId) {
        return snapshot().successors().getOrDefault(unitId, NONE);
    }

    void clear() {
        snapshot = null;
    }

    /** Units with children known (0 until the tree is read). */
    int cachedUnits() {
        Snapshot s = snapshot;
        return s == null ? 0 : s.children().size();
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                s = snapshot;
                if (s == null) {
                    s = read();
                    snapshot = s;
                }
            }
        }
        return s;
    }

    private Snapshot read() {
        Map<Long, List<Long>> kids = new HashMap<>();
        Map<Long, Long> parents = new HashMap<>();
        units.parentIds().forEach((id, parent) -> {
            if (parent != null) {
                parents.put(id, parent);
                kids.computeIfAbsent(parent, k -> new ArrayList<>()).add(id);
            }
        });
        Map<Long, long[]> children = new HashMap<>(kids.size() * 2);
        kids.forEach((parent, list) -> children.put(parent, list.stream().mapToLong(Long::longValue).sorted().toArray()));
        Map<Long, List<Link>> links = new HashMap<>();
        for (AdminUnits.LinkIds l : units.allLinks()) {
            if (l.predecessorId() == l.successorId()) {
                continue;
            }
            boolean full = l.share() == UnitLink.Share.FULL;
            double fraction = full || l.fraction() == null ? 1.0 : l.fraction().doubleValue();
            links.computeIfAbsent(l.successorId(), k -> new ArrayList<>()).add(new Link(l.predecessorId(), fraction, full));
        }
        Map<Long, Link[]> predecessors = new HashMap<>(links.size() * 2);
        links.forEach((id, list) -> predecessors.put(id, list.stream()
                .sorted(java.util.Comparator.comparingLong(Link::predecessorId)).toArray(Link[]::new)));
        Map<Long, List<Long>> succ = new HashMap<>();
        links.forEach((successor, list) -> list.forEach(
                l -> succ.computeIfAbsent(l.predecessorId(), k -> new ArrayList<>()).add(successor)));
        Map<Long, long[]> successors = new HashMap<>(succ.size() * 2);
        succ.forEach((id, list) -> successors.put(id, list.stream().mapToLong(Long::longValue).distinct().sorted().toArray()));
        return new Snapshot(Map.copyOf(children), Map.copyOf(predecessors), Map.copyOf(parents), Map.copyOf(successors));
    }
}
