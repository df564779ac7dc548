package vn.dxgov.analytics.internal;

import java.util.Map;
import java.util.function.LongPredicate;

/**
 * Refuses to build an aggregate the heap cannot hold, before reading a single value: the size is estimated from the
 * number of stored values per indicator ({@link Block#cellBytes}), plus the build's buffers and the aggregate in use
 * (kept until the new one is ready), and compared with the heap the JVM may grow to. Failing with a message that names
 * the {@code -Xmx} needed is better than an OutOfMemoryError half-way through a start.
 */
final class HeapGuard {

    /** Heap left to the rest of the application (Spring, caches, requests). */
    static final long RESERVE = 256L << 20;
    /** The share of what remains the aggregate may fill, leaving the collector room to work. */
    static final double FILL = 0.9;
    /** Bytes per cell of the build's buffers (int key, double value, int version, double numerator, denominator). */
    static final int BUFFER_BYTES = 32;
    static final int BUILD_THREADS = 2;
    /**
     * The pre-aggregate's cubes at their most ({@link MemoryAnalytics#MAX_CUBES}), about 64 KB each (a pre-reform month measured ≈ 85 KB with the benchmark's own garbage): the entries of
     * provinces and districts (≈ 100 B each, ≤ 800 a cube) and the published answers' parts (≈ 120 B each).
     */
    static final long CUBES = (long) MemoryAnalytics.MAX_CUBES * (64L << 10);

    private HeapGuard() {
    }

    /** The aggregate's estimated size in bytes (columns only). */
    static long estimate(Map<Long, Long> counts, LongPredicate ratio) {
        long bytes = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            // one run per unit: at most one a cell, usually one per hundred cells or more
            bytes += e.getValue() * Block.cellBytes(ratio.test(e.getKey())) + 256;
        }
        return bytes;
    }

    /** The estimate plus what the build needs meanwhile (its buffers, the aggregate in use). */
    static long required(Map<Long, Long> counts, LongPredicate ratio, long current) {
        long biggest = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return estimate(counts, ratio) + BUILD_THREADS * biggest * BUFFER_BYTES + current + CUBES;
    }

    /** The heap (bytes) to start the JVM with for this many values: what -Xmx should say at least. */
    static long heapNeeded(long required) {
        long bytes = (long) Math.ceil(required / FILL) + RESERVE;
        long step = 256L << 20;
        return (bytes + step - 1) / step * step;
    }

    /**
     * Throws when the aggregate would not fit.
     *
     * @param limit the heap the JVM may grow to in bytes; 0 or less for {@link Runtime#maxMemory()}
     */
    static void check(Map<Long, Long> counts, LongPredicate ratio, long current, long limit) {
        long max = limit > 0 ? limit : Runtime.getRuntime().maxMemory();
        long required = required(counts, ratio, current);
        long needed = heapNeeded(required);
        if (needed > max) {
            long values = counts.values().stream().mapToLong(Long::longValue).sum();
            throw new AggregateTooLarge(String.format(java.util.Locale.ROOT,
                    "Analytics: the in-memory aggregate of %d stored values needs about %d MB of heap (%d MB with "
                            + "the rest of the application), but the heap may grow to only %d MB. Start the JVM with "
                            + "-Xmx%dm or more (e.g. JAVA_TOOL_OPTIONS=-Xmx%dm).",
                    values, required >> 20, needed >> 20, max >> 20, needed >> 20, needed >> 20));
        }
    }

    /** The aggregate would not fit in the heap; the message says which -Xmx it needs. */
    static final class AggregateTooLarge extends IllegalStateException {
        AggregateTooLarge(String message) {
            super(message);
        }
    }
}
