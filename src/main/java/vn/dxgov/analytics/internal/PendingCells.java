package vn.dxgov.analytics.internal;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * The approved cells with submitted, not yet approved ones laid over them, as the {@link Aggregator} reads cells
 * (only {@code get} and {@code isEmpty}): merged per (indicator, unit) on reading, so the preview costs nothing until
 * the steering department asks for it and nothing is copied for indicators without submitted figures.
 */
final class PendingCells extends AbstractMap<Long, Map<Long, Series>> {

    private final Map<Long, ? extends Map<Long, Series>> approved;
    private final Map<Long, Map<Long, Series>> pending;

    PendingCells(Map<Long, ? extends Map<Long, Series>> approved, Map<Long, Map<Long, Series>> pending) {
        this.approved = approved;
        this.pending = pending;
    }

    @Override
    public Map<Long, Series> get(Object indicatorId) {
        Map<Long, Series> a = approved.get(indicatorId);
        Map<Long, Series> p = pending.get(indicatorId);
        if (p == null || p.isEmpty()) {
            return a;
        }
        return new Units(a == null ? Map.of() : a, p);
    }

    @Override
    public Set<Entry<Long, Map<Long, Series>>> entrySet() {
        throw new UnsupportedOperationException("the preview is read by key only");
    }

    /** One indicator's cells by unit, merged on reading. */
    private static final class Units extends AbstractMap<Long, Series> {
        private final Map<Long, Series> approved;
        private final Map<Long, Series> pending;

        Units(Map<Long, Series> approved, Map<Long, Series> pending) {
            this.approved = approved;
            this.pending = pending;
        }

        @Override
        public Series get(Object unitId) {
            Series a = approved.get(unitId);
            Series p = pending.get(unitId);
            return p == null ? a : overlay(a, p);
        }

        @Override
        public boolean isEmpty() {
            return approved.isEmpty() && pending.values().stream().noneMatch(s -> hasLive(s));
        }

        @Override
        public Set<Entry<Long, Series>> entrySet() {
            throw new UnsupportedOperationException("the preview is read by key only");
        }
    }

    private static boolean hasLive(Series s) {
        for (int i = 0; i < s.size(); i++) {
            if (s.live(i)) {
                return true;
            }
        }
        return false;
    }

    /** The approved series with each live submitted cell in place of the approved cell of its period. */
    static Series overlay(Series approved, Series submitted) {
        Series out = approved == null ? Series.EMPTY : approved;
        for (int i = 0; i < submitted.size(); i++) {
            if (!submitted.live(i)) {
                continue;
            }
            int at = out.indexOf(submitted.key(i));
            // the submitted figure wins whatever the version order: it is newer than the approved one by construction
            int version = at >= 0 ? Math.max(out.version(at), submitted.version(i)) : submitted.version(i);
            out = out.with(submitted.key(i), submitted.value(i), submitted.num(i), submitted.den(i), version,
                    submitted.demo(i));
        }
        return out;
    }
}
