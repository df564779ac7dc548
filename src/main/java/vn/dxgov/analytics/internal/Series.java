package vn.dxgov.analytics.internal;

import java.util.Arrays;

/**
 * The stored values of one indicator for one unit, sorted by period key; immutable (a change makes a new series,
 * so readers never see a half-made one). A deleted value stays as a tombstone (value NaN) with its version, so that
 * a late event about an older version cannot bring it back. Ratios keep numerator and denominator; other types
 * have NaN there.
 */
final class Series {

    static final Series EMPTY = new Series(new int[0], new double[0], new double[0], new double[0], new int[0], new boolean[0]);

    final int[] keys;
    final double[] values;
    final double[] nums;
    final double[] dens;
    final int[] versions;
    final boolean[] demo;

    Series(int[] keys, double[] values, double[] nums, double[] dens, int[] versions, boolean[] demo) {
        this.keys = keys;
        this.values = values;
        this.nums = nums;
        this.dens = dens;
        this.versions = versions;
        this.demo = demo;
    }

    int size() {
        return keys.length;
    }

    boolean live(int i) {
        return !Double.isNaN(values[i]);
    }

    /** Index of the first key ≥ {@code key}. */
    int lowerBound(int key) {
        int lo = 0;
        int hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * This series with one cell set (value NaN for a deletion), or this series itself when it already holds a newer
     * version of the cell.
     */
    Series with(int key, double value, double num, double den, int version, boolean isDemo) {
        int i = Arrays.binarySearch(keys, key);
        if (i >= 0) {
            if (versions[i] > version) {
                return this;
            }
            Series s = copy(keys.length);
            s.values[i] = value;
            s.nums[i] = num;
            s.dens[i] = den;
            s.versions[i] = version;
            s.demo[i] = isDemo;
            return s;
        }
        int at = -i - 1;
        int n = keys.length + 1;
        int[] k = new int[n];
        double[] v = new double[n];
        double[] nu = new double[n];
        double[] de = new double[n];
        int[] ver = new int[n];
        boolean[] d = new boolean[n];
        System.arraycopy(keys, 0, k, 0, at);
        System.arraycopy(values, 0, v, 0, at);
        System.arraycopy(nums, 0, nu, 0, at);
        System.arraycopy(dens, 0, de, 0, at);
        System.arraycopy(versions, 0, ver, 0, at);
        System.arraycopy(demo, 0, d, 0, at);
        k[at] = key;
        v[at] = value;
        nu[at] = num;
        de[at] = den;
        ver[at] = version;
        d[at] = isDemo;
        System.arraycopy(keys, at, k, at + 1, keys.length - at);
        System.arraycopy(values, at, v, at + 1, keys.length - at);
        System.arraycopy(nums, at, nu, at + 1, keys.length - at);
        System.arraycopy(dens, at, de, at + 1, keys.length - at);
        System.arraycopy(versions, at, ver, at + 1, keys.length - at);
        System.arraycopy(demo, at, d, at + 1, keys.length - at);
        return new Series(k, v, nu, de, ver, d);
    }

    private Series copy(int n) {
        return new Series(Arrays.copyOf(keys, n), Arrays.copyOf(values, n), Arrays.copyOf(nums, n),
                Arrays.copyOf(dens, n), Arrays.copyOf(versions, n), Arrays.copyOf(demo, n));
    }

    /** Collects cells in any order during the start-up build, then sorts them once. */
    static final class Builder {
        private int[] keys = new int[8];
        private double[] values = new double[8];
        private double[] nums = new double[8];
        private double[] dens = new double[8];
        private int[] versions = new int[8];
        private boolean[] demo = new boolean[8];
        private int n;

        void add(int key, double value, double num, double den, int version, boolean isDemo) {
            if (n == keys.length) {
                int m = n * 2;
                keys = Arrays.copyOf(keys, m);
                values = Arrays.copyOf(values, m);
                nums = Arrays.copyOf(nums, m);
                dens = Arrays.copyOf(dens, m);
                versions = Arrays.copyOf(versions, m);
                demo = Arrays.copyOf(demo, m);
            }
            keys[n] = key;
            values[n] = value;
            nums[n] = num;
            dens[n] = den;
            versions[n] = version;
            demo[n] = isDemo;
            n++;
        }

        Series build() {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(keys[a], keys[b]));
            int[] k = new int[n];
            double[] v = new double[n];
            double[] nu = new double[n];
            double[] de = new double[n];
            int[] ver = new int[n];
            boolean[] d = new boolean[n];
            int out = 0;
            for (int j = 0; j < n; j++) {
                int i = order[j];
                if (out > 0 && k[out - 1] == keys[i]) {
                    // the same cell twice (cannot happen from the database): keep the newer version
                    if (versions[i] < ver[out - 1]) {
                        continue;
                    }
                    out--;
                }
                k[out] = keys[i];
                v[out] = values[i];
                nu[out] = nums[i];
                de[out] = dens[i];
                ver[out] = versions[i];
                d[out] = demo[i];
                out++;
            }
            return out == n ? new Series(k, v, nu, de, ver, d)
                    : new Series(Arrays.copyOf(k, out), Arrays.copyOf(v, out), Arrays.copyOf(nu, out),
                    Arrays.copyOf(de, out), Arrays.copyOf(ver, out), Arrays.copyOf(d, out));
        }
    }
}
