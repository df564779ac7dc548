package vn.dxgov.analytics.internal;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Stored cells as primitive columns, no object per cell: the period key as a {@code char} relative to {@link #base}
 * (an {@code int} column only when the keys span more than a thousand years), the value as a {@code double},
 * numerator and denominator only when some cell has them (ratios), the version as a {@code char} (the few beyond
 * 65,534 kept aside), the demo flag as one bit. That is 12 bytes a cell, 28 for a ratio with its parts
 * (docs/PERFORMANCE.md, "Analytics at national scale"). Immutable once built: a change makes a new block.
 */
final class Block {

    static final Block EMPTY = new Builder(0).build();

    private static final char BIG = 0xFFFF;

    final int base;
    private final char[] keys;
    private final int[] wideKeys;
    private final double[] values;
    private final double[] nums;
    private final double[] dens;
    private final char[] versions;
    private final Map<Integer, Integer> bigVersions;
    private final BitSet demo;
    final int size;

    private Block(int base, char[] keys, int[] wideKeys, double[] values, double[] nums, double[] dens, char[] versions,
                  Map<Integer, Integer> bigVersions, BitSet demo, int size) {
        this.base = base;
        this.keys = keys;
        this.wideKeys = wideKeys;
        this.values = values;
        this.nums = nums;
        this.dens = dens;
        this.versions = versions;
        this.bigVersions = bigVersions;
        this.demo = demo;
        this.size = size;
    }

    int key(int i) {
        return keys != null ? base + keys[i] : wideKeys[i];
    }

    double value(int i) {
        return values[i];
    }

    double num(int i) {
        return nums == null ? Double.NaN : nums[i];
    }

    double den(int i) {
        return dens == null ? Double.NaN : dens[i];
    }

    int version(int i) {
        char v = versions[i];
        return v == BIG ? bigVersions.get(i) : v;
    }

    boolean demo(int i) {
        return demo != null && demo.get(i);
    }

    /** Heap taken by the columns (array headers included), for the benchmark and the heap guard. */
    long bytes() {
        long b = 64;
        b += keys != null ? 16 + 2L * keys.length : 16 + 4L * wideKeys.length;
        b += 16 + 8L * values.length + 16 + 2L * versions.length;
        if (nums != null) {
            b += 32 + 16L * nums.length;
        }
        if (demo != null) {
            b += 40 + demo.size() / 8;
        }
        if (bigVersions != null) {
            b += 64L * bigVersions.size();
        }
        return b;
    }

    /** Bytes a cell takes in a block, for the heap guard's estimate before anything is read. */
    static int cellBytes(boolean ratio) {
        return ratio ? 28 : 12;
    }

    /** Fills the columns cell by cell (in the order they will be read), then trims them into a block. */
    static final class Builder {
        private int[] keys;
        private double[] values;
        private double[] nums;
        private double[] dens;
        private int[] versions;
        private BitSet demo;
        private int n;

        Builder(int capacity) {
            int c = Math.max(capacity, 0);
            keys = new int[c];
            values = new double[c];
            versions = new int[c];
        }

        int size() {
            return n;
        }

        void add(int key, double value, double num, double den, int version, boolean isDemo) {
            if (n == keys.length) {
                int m = Math.max(8, n + (n >> 1));
                keys = java.util.Arrays.copyOf(keys, m);
                values = java.util.Arrays.copyOf(values, m);
                versions = java.util.Arrays.copyOf(versions, m);
                if (nums != null) {
                    nums = java.util.Arrays.copyOf(nums, m);
                    dens = java.util.Arrays.copyOf(dens, m);
                }
            }
            keys[n] = key;
            values[n] = value;
            versions[n] = version;
            boolean ratio = !Double.isNaN(num) && !Double.isNaN(den);
            if (ratio && nums == null) {
                nums = new double[keys.length];
                dens = new double[keys.length];
                java.util.Arrays.fill(nums, 0, n, Double.NaN);
                java.util.Arrays.fill(dens, 0, n, Double.NaN);
            }
            if (nums != null) {
                nums[n] = ratio ? num : Double.NaN;
                dens[n] = ratio ? den : Double.NaN;
            }
            if (isDemo) {
                if (demo == null) {
                    demo = new BitSet();
                }
                demo.set(n);
            }
            n++;
        }

        int key(int i) {
            return keys[i];
        }

        int version(int i) {
            return versions[i];
        }

        /** Sorts the cells from {@code from} to {@code to} by key (a unit's run; short, nearly sorted). */
        void sortRun(int from, int to) {
            for (int i = from + 1; i < to; i++) {
                for (int j = i; j > from && keys[j - 1] > keys[j]; j--) {
                    swap(j - 1, j);
                }
            }
        }

        private void swap(int a, int b) {
            int k = keys[a];
            keys[a] = keys[b];
            keys[b] = k;
            double v = values[a];
            values[a] = values[b];
            values[b] = v;
            int ver = versions[a];
            versions[a] = versions[b];
            versions[b] = ver;
            if (nums != null) {
                double x = nums[a];
                nums[a] = nums[b];
                nums[b] = x;
                x = dens[a];
                dens[a] = dens[b];
                dens[b] = x;
            }
            if (demo != null) {
                boolean d = demo.get(a);
                demo.set(a, demo.get(b));
                demo.set(b, d);
            }
        }

        Block build() {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, keys[i]);
                max = Math.max(max, keys[i]);
            }
            int base = n == 0 ? 0 : min;
            char[] k = null;
            int[] wide = null;
            if (n == 0 || (long) max - min < BIG) {
                k = new char[n];
                for (int i = 0; i < n; i++) {
                    k[i] = (char) (keys[i] - base);
                }
            } else {
                wide = java.util.Arrays.copyOf(keys, n);
            }
            char[] ver = new char[n];
            Map<Integer, Integer> big = null;
            for (int i = 0; i < n; i++) {
                int v = versions[i];
                if (v >= 0 && v < BIG) {
                    ver[i] = (char) v;
                } else {
                    if (big == null) {
                        big = new HashMap<>();
                    }
                    big.put(i, v);
                    ver[i] = BIG;
                }
            }
            boolean ratios = false;
            if (nums != null) {
                for (int i = 0; i < n && !ratios; i++) {
                    ratios = !Double.isNaN(nums[i]);
                }
            }
            BitSet d = demo == null || demo.isEmpty() ? null : (BitSet) demo.clone();
            return new Block(base, k, wide, java.util.Arrays.copyOf(values, n),
                    ratios ? java.util.Arrays.copyOf(nums, n) : null, ratios ? java.util.Arrays.copyOf(dens, n) : null,
                    ver, big, d, n);
        }
    }
}
