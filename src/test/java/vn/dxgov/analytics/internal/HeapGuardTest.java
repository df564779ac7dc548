package vn.dxgov.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The heap guard's estimate and its refusal, with the limits given (no need for a heap of that size). */
class HeapGuardTest {

    /** 200 indicators of 400,000 values, 30 of them ratios: the national benchmark's shape (80 M values). */
    static Map<Long, Long> national() {
        Map<Long, Long> counts = new HashMap<>();
        for (long i = 1; i <= 200; i++) {
            counts.put(i, 400_000L);
        }
        return counts;
    }

    static boolean ratio(long id) {
        return id % 20 >= 17;
    }

    @Test
    void estimatesTwelveBytesAValueAndTwentyEightForARatio() {
        assertThat(HeapGuard.estimate(Map.of(1L, 1_000_000L), id -> false)).isBetween(12_000_000L, 12_001_000L);
        assertThat(HeapGuard.estimate(Map.of(1L, 1_000_000L), id -> true)).isBetween(28_000_000L, 28_001_000L);
        // 80 M values with 15 % ratios: about 14.4 bytes a value, 1.1 GB
        long bytes = HeapGuard.estimate(national(), HeapGuardTest::ratio);
        assertThat(bytes / 80_000_000.0).isBetween(14.3, 14.5);
    }

    @Test
    void eightyMillionValuesFitTheDefaultTwoGigabyteHeap() {
        long needed = HeapGuard.heapNeeded(HeapGuard.required(national(), HeapGuardTest::ratio, 0));
        assertThat(needed).isLessThanOrEqualTo(2048L << 20);
        assertThatCode(() -> HeapGuard.check(national(), HeapGuardTest::ratio, 0, 2048L << 20)).doesNotThrowAnyException();
    }

    @Test
    void refusesWithTheHeapItNeeds() {
        Map<Long, Long> twice = new HashMap<>();
        national().forEach((id, n) -> twice.put(id, 2 * n));
        long needed = HeapGuard.heapNeeded(HeapGuard.required(twice, HeapGuardTest::ratio, 0));
        assertThatThrownBy(() -> HeapGuard.check(twice, HeapGuardTest::ratio, 0, 2048L << 20))
                .isInstanceOf(HeapGuard.AggregateTooLarge.class)
                .hasMessageContaining("160000000 stored values")
                .hasMessageContaining("-Xmx" + (needed >> 20) + "m")
                .hasMessageContaining("only 2048 MB");
        assertThat(needed).isGreaterThan(2048L << 20).isLessThan(4096L << 20);
        // with that heap it goes through
        assertThatCode(() -> HeapGuard.check(twice, HeapGuardTest::ratio, 0, needed)).doesNotThrowAnyException();
    }

    @Test
    void countsTheAggregateInUseDuringAReload() {
        long alone = HeapGuard.required(national(), HeapGuardTest::ratio, 0);
        assertThat(HeapGuard.required(national(), HeapGuardTest::ratio, 1_000_000_000L)).isEqualTo(alone + 1_000_000_000L);
        assertThatThrownBy(() -> HeapGuard.check(national(), HeapGuardTest::ratio, 1_000_000_000L, 2048L << 20))
                .isInstanceOf(HeapGuard.AggregateTooLarge.class);
    }
}
