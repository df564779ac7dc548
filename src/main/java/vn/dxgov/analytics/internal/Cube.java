package vn.dxgov.analytics.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import vn.dxgov.analytics.Aggregate;
import vn.dxgov.analytics.Analytics.Breakdown;
import vn.dxgov.analytics.Analytics.Part;
import vn.dxgov.analytics.internal.Aggregator.Agg;

/**
 * The pre-aggregate of one (non-derived) indicator for one period: the value of every unit with units below it
 * (provinces, districts) that has been asked for, directly or as part of a parent, kept as an entry; and the published
 * answers (all provinces, all communes or districts of a unit) made of them. Communes' values are not kept: they are
 * the commune's own cells (or its predecessors'), read from the columns in microseconds.
 *
 * <p>A write of a cell ({@link #changed}) recomputes the entries that can rest on it: the unit's parent, its
 * successors (the reform's links), their parents, up to the top (O(depth)); each from its own cells and its
 * children's kept entries ({@link Aggregator#local}), never by descending the tree again. Then it replaces the parts
 * of the published answers that name one of those units, so the first ask after a write is a lookup. Every entry is
 * by construction the {@link Aggregator}'s value (same rule, one level at a time): MIN/MAX, means, ratios, LAST and
 * weighted MEAN over periods, carried and apportioned values need no special case.
 *
 * <p>Guarded by the holder's lock ({@link MemoryAnalytics}: one per indicator, taken by writes and by readers on a
 * miss); the published answers are read without a lock.
 */
final class Cube {

    /** "No value" as an entry (null means "not computed yet"). */
    private static final Agg NONE = new Agg(Double.NaN, Double.NaN, Double.NaN, 0, false, false, 0, 0);

    private final IndicatorDef d;
    private final int period;
    private final UnitGraph graph;
    private final Map<Long, Agg> entries = new HashMap<>();
    /** Guards against cycles of links, as the Aggregator's depth limit (the cube is used by one thread at a time). */
    private static final int MAX_DEPTH = 12;
    private int depth;
    /** answer key → answer, {@code List<Part>} or {@link Breakdown}; replaced whole, read without a lock. */
    final ConcurrentHashMap<Object, Object> answers = new ConcurrentHashMap<>();

    Cube(IndicatorDef d, int period, UnitGraph graph) {
        this.d = d;
        this.period = period;
        this.graph = graph;
    }

    int period() {
        return period;
    }

    /** Does a stored value of this period count for the cube's period (is it inside it)? */
    boolean covers(int key) {
        return PeriodKey.startMonth(period) <= PeriodKey.startMonth(key) && PeriodKey.endMonth(key) <= PeriodKey.endMonth(period);
    }

    /** The unit's value (null: none), from the kept entry or computed and kept (communes: computed). */
    Agg value(Aggregator a, long unit) {
        Agg e = entries.get(unit);
        if (e == null) {
            if (depth > MAX_DEPTH) {
                // a cycle of links (a malformed graph): as the Aggregator, give up on this branch, keep nothing
                return null;
            }
            depth++;
            try {
                e = a.local(d, unit, period, u -> value(a, u));
            } finally {
                depth--;
            }
            if (e == null) {
                e = NONE;
            }
            if (graph.children(unit).length > 0) {
                entries.put(unit, e);
            }
        }
        return e == NONE ? null : e;
    }

    /** A cell of the unit was written: recompute the entries resting on it, then the answers' parts naming them. */
    void changed(Aggregator a, long unit, Function<Agg, Aggregate> publish) {
        Set<Long> closure = new HashSet<>();
        ArrayDeque<Long> todo = new ArrayDeque<>();
        todo.add(unit);
        while (!todo.isEmpty()) {
            long x = todo.poll();
            if (!closure.add(x)) {
                continue;
            }
            long p = graph.parent(x);
            if (p >= 0) {
                todo.add(p);
            }
            for (long s : graph.successors(x)) {
                todo.add(s);
            }
        }
        Set<Long> done = new HashSet<>();
        for (long x : closure) {
            refresh(a, x, closure, done);
        }
        for (Map.Entry<Object, Object> e : answers.entrySet()) {
            Object patched = patch(a, e.getKey(), e.getValue(), closure, publish);
            if (patched != e.getValue()) {
                answers.put(e.getKey(), patched);
            }
        }
    }

    /** Recomputes a kept entry after those of the affected units it rests on. */
    private void refresh(Aggregator a, long x, Set<Long> closure, Set<Long> done) {
        if (!done.add(x)) {
            return;
        }
        for (long c : graph.children(x)) {
            if (closure.contains(c)) {
                refresh(a, c, closure, done);
            }
        }
        for (UnitGraph.Link l : graph.predecessors(x)) {
            if (closure.contains(l.predecessorId())) {
                refresh(a, l.predecessorId(), closure, done);
            }
        }
        if (entries.containsKey(x)) {
            entries.remove(x);
            value(a, x);
        }
    }

    /** The key of a published breakdown: all units of a level below a unit. */
    record BreakdownKey(long unit, vn.dxgov.units.UnitLevel level) {
    }

    /** The key of a published national table: the provinces valid on a day. */
    record ProvincesKey(java.time.LocalDate on) {
    }

    private Object patch(Aggregator a, Object key, Object answer, Set<Long> closure,
                         Function<Agg, Aggregate> publish) {
        if (answer instanceof Breakdown b) {
            List<Part> parts = patch(a, b.parts(), closure, publish);
            boolean total = key instanceof BreakdownKey k && closure.contains(k.unit());
            if (parts == b.parts() && !total) {
                return b;
            }
            return new Breakdown(total ? publish.apply(value(a, ((BreakdownKey) key).unit())) : b.total(), parts);
        }
        @SuppressWarnings("unchecked")
        List<Part> parts = (List<Part>) answer;
        return patch(a, parts, closure, publish);
    }

    private List<Part> patch(Aggregator a, List<Part> parts, Set<Long> closure, Function<Agg, Aggregate> publish) {
        Part[] copy = null;
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (closure.contains(p.unit().id())) {
                if (copy == null) {
                    copy = parts.toArray(new Part[0]);
                }
                copy[i] = new Part(p.unit(), publish.apply(value(a, p.unit().id())));
            }
        }
        return copy == null ? parts : List.of(copy);
    }

    /** Entries kept, for the memory estimate. */
    int entries() {
        return entries.size();
    }
}
