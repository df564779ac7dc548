package vn.dxgov.analytics.internal;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The approved cells of one indicator in columns: the units that have cells (sorted ids), where each unit's run
 * starts, and one {@link Block} with every cell, sorted by unit then period. A unit changed since the build gets a
 * series of its own in {@code changed} (the run with the change applied), read in place of its run, so a write copies
 * one unit's cells, never the indicator's. Read as a map unit id → {@link Series} by the {@link Aggregator} (only
 * {@code get} and {@code isEmpty}).
 */
final class IndicatorCells extends AbstractMap<Long, Series> {

    private final long[] units;
    private final int[] starts;
    private final Block block;
    private final ConcurrentHashMap<Long, Series> changed = new ConcurrentHashMap<>();

    IndicatorCells(long[] units, int[] starts, Block block) {
        this.units = units;
        this.starts = starts;
        this.block = block;
    }

    static IndicatorCells empty() {
        return new IndicatorCells(new long[0], new int[]{0}, Block.EMPTY);
    }

    @Override
    public Series get(Object unitId) {
        Series s = changed.get(unitId);
        if (s != null) {
            return s;
        }
        return base((Long) unitId);
    }

    private Series base(long unitId) {
        int i = Arrays.binarySearch(units, unitId);
        if (i < 0) {
            return null;
        }
        return new Series(block, starts[i], starts[i + 1] - starts[i]);
    }

    @Override
    public boolean isEmpty() {
        return units.length == 0 && changed.isEmpty();
    }

    /** Sets one cell (NaN value: deleted) unless a newer version of it is already there. */
    void set(long unitId, int key, double value, double num, double den, int version, boolean demo) {
        changed.compute(unitId, (u, s) -> {
            Series was = s != null ? s : base(u);
            return (was == null ? Series.EMPTY : was).with(key, value, num, den, version, demo);
        });
    }

    /**
     * These cells, or new columns with the changed units merged in when they have become many (a large import): the
     * changed units' own series cost far more per cell than the columns. Tombstones are kept (their versions count).
     */
    IndicatorCells compactedIfWorth() {
        int n = changed.size();
        if (n < 64 || n < units.length / 8) {
            return this;
        }
        java.util.TreeSet<Long> all = new java.util.TreeSet<>(changed.keySet());
        for (long u : units) {
            all.add(u);
        }
        Builder b = new Builder(block.size + 16 * n);
        for (long u : all) {
            Series s = get(u);
            for (int i = 0; s != null && i < s.size(); i++) {
                b.add(u, s.key(i), s.value(i), s.num(i), s.den(i), s.version(i), s.demo(i));
            }
        }
        return b.build();
    }

    long cellCount() {
        return block.size;
    }

    int units() {
        return units.length;
    }

    int changedUnits() {
        return changed.size();
    }

    /** Heap taken, for the benchmark. */
    long bytes() {
        return 64 + 16 + 8L * units.length + 16 + 4L * starts.length + block.bytes() + 200L * changed.size();
    }

    @Override
    public Set<Entry<Long, Series>> entrySet() {
        throw new UnsupportedOperationException("read by key only");
    }

    /** Builds the columns from cells read in unit order (periods in any order within a unit). */
    static final class Builder {
        private final Block.Builder cells;
        private long[] units = new long[64];
        private int[] starts = new int[65];
        private int unitCount;
        private long current = Long.MIN_VALUE;

        Builder(int capacity) {
            cells = new Block.Builder(capacity);
        }

        void add(long unitId, int key, double value, double num, double den, int version, boolean demo) {
            if (unitId != current) {
                if (unitId < current) {
                    throw new IllegalStateException("cells must come in unit order");
                }
                closeRun();
                if (unitCount == units.length) {
                    units = Arrays.copyOf(units, unitCount * 2);
                    starts = Arrays.copyOf(starts, unitCount * 2 + 1);
                }
                units[unitCount] = unitId;
                starts[unitCount] = cells.size();
                unitCount++;
                current = unitId;
            }
            cells.add(key, value, num, den, version, demo);
        }

        private void closeRun() {
            if (unitCount > 0) {
                cells.sortRun(starts[unitCount - 1], cells.size());
            }
        }

        IndicatorCells build() {
            closeRun();
            int[] s = Arrays.copyOf(starts, unitCount + 1);
            s[unitCount] = cells.size();
            return new IndicatorCells(Arrays.copyOf(units, unitCount), s, cells.build());
        }
    }
}
