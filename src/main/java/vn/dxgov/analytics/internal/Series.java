package vn.dxgov.analytics.internal;

/**
 * The stored values of one indicator for one unit, sorted by period key: a run of cells of a {@link Block} (the
 * indicator's columns, or a small block of its own for a unit changed since the build). Immutable (a change makes a
 * new series, so readers never see a half-made one). A deleted value stays as a tombstone (value NaN) with its
 * version, so that a late event about an older version cannot bring it back. Ratios keep numerator and denominator;
 * other types have NaN there.
 */
final class Series {

    static final Series EMPTY = new Series(Block.EMPTY, 0, 0);

    private final Block block;
    private final int from;
    private final int size;

    Series(Block block, int from, int size) {
        this.block = block;
        this.from = from;
        this.size = size;
    }

    int size() {
        return size;
    }

    int key(int i) {
        return block.key(from + i);
    }

    double value(int i) {
        return block.value(from + i);
    }

    double num(int i) {
        return block.num(from + i);
    }

    double den(int i) {
        return block.den(from + i);
    }

    int version(int i) {
        return block.version(from + i);
    }

    boolean demo(int i) {
        return block.demo(from + i);
    }

    boolean live(int i) {
        return !Double.isNaN(value(i));
    }

    /** Index of the first key ≥ {@code key}. */
    int lowerBound(int key) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (key(mid) < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the key, or -1. */
    int indexOf(int key) {
        int i = lowerBound(key);
        return i < size && key(i) == key ? i : -1;
    }

    /**
     * This series with one cell set (value NaN for a deletion), or this series itself when it already holds a newer
     * version of the cell.
     */
    Series with(int key, double value, double num, double den, int version, boolean isDemo) {
        int at = lowerBound(key);
        boolean replace = at < size && key(at) == key;
        if (replace && version(at) > version) {
            return this;
        }
        Block.Builder b = new Block.Builder(size + 1);
        for (int i = 0; i < at; i++) {
            b.add(key(i), value(i), num(i), den(i), version(i), demo(i));
        }
        b.add(key, value, num, den, version, isDemo);
        for (int i = replace ? at + 1 : at; i < size; i++) {
            b.add(key(i), value(i), num(i), den(i), version(i), demo(i));
        }
        Block built = b.build();
        return new Series(built, 0, built.size);
    }

    /** Collects cells in any order (the pending figures at a build), then sorts them once. */
    static final class Builder {
        private final Block.Builder cells = new Block.Builder(4);

        void add(int key, double value, double num, double den, int version, boolean isDemo) {
            cells.add(key, value, num, den, version, isDemo);
        }

        Series build() {
            cells.sortRun(0, cells.size());
            Block b = cells.build();
            return new Series(b, 0, b.size);
        }
    }
}
