package vn.dxgov.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dxgov.shared.Period;

/** The columnar cells: what is stored is read back, changes respect versions, compaction changes nothing visible. */
class IndicatorCellsTest {

    static int key(String period) {
        return PeriodKey.of(Period.parse(period));
    }

    static IndicatorCells sample() {
        IndicatorCells.Builder b = new IndicatorCells.Builder(4);
        // unit order, periods in any order within a unit
        b.add(7, key("2024-03"), 3, Double.NaN, Double.NaN, 1, false);
        b.add(7, key("2024-01"), 1, Double.NaN, Double.NaN, 1, true);
        b.add(9, key("2023"), 50, 10, 20, 70_000, false);
        b.add(12, key("1900"), 8, Double.NaN, Double.NaN, 2, false);
        b.add(12, 2990 << 6, 9, Double.NaN, Double.NaN, 2, false);
        return b.build();
    }

    @Test
    void readsBackEveryColumn() {
        IndicatorCells c = sample();
        assertThat(c.cellCount()).isEqualTo(5);
        Series s = c.get(7L);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.key(0)).isEqualTo(key("2024-01"));
        assertThat(s.value(0)).isEqualTo(1);
        assertThat(s.demo(0)).isTrue();
        assertThat(s.demo(1)).isFalse();
        assertThat(s.num(0)).isNaN();
        Series r = c.get(9L);
        assertThat(r.num(0)).isEqualTo(10);
        assertThat(r.den(0)).isEqualTo(20);
        // a version beyond a char is kept aside
        assertThat(r.version(0)).isEqualTo(70_000);
        // keys more than a thousand years apart (not a period dxgov accepts today) do not fit a char: kept as ints
        Series w = c.get(12L);
        assertThat(w.key(0)).isEqualTo(key("1900"));
        assertThat(w.key(1)).isEqualTo(2990 << 6);
        assertThat(c.get(8L)).isNull();
        assertThat(s.indexOf(key("2024-03"))).isEqualTo(1);
        assertThat(s.indexOf(key("2024-02"))).isEqualTo(-1);
    }

    @Test
    void aChangeKeepsVersionsAndTombstones() {
        IndicatorCells c = sample();
        c.set(7L, key("2024-02"), 2, Double.NaN, Double.NaN, 1, false);
        c.set(7L, key("2024-01"), Double.NaN, Double.NaN, Double.NaN, 3, false);
        // a late event about an older version does not bring the deleted value back
        c.set(7L, key("2024-01"), 11, Double.NaN, Double.NaN, 2, false);
        Series s = c.get(7L);
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.live(0)).isFalse();
        assertThat(s.version(0)).isEqualTo(3);
        assertThat(s.value(1)).isEqualTo(2);
        assertThat(s.value(2)).isEqualTo(3);
        // a new unit
        c.set(8L, key("2024"), 5, Double.NaN, Double.NaN, 1, false);
        assertThat(c.get(8L).value(0)).isEqualTo(5);
        assertThat(c.changedUnits()).isEqualTo(2);
    }

    @Test
    void compactionMergesChangedUnitsIntoColumns() {
        IndicatorCells.Builder b = new IndicatorCells.Builder(0);
        for (long u = 1; u <= 200; u++) {
            b.add(u, key("2024"), u, Double.NaN, Double.NaN, 1, false);
        }
        IndicatorCells c = b.build();
        for (long u = 1; u <= 100; u++) {
            c.set(u * 2 + 1000, key("2024"), -u, Double.NaN, Double.NaN, 1, true);
            c.set(u, key("2024"), Double.NaN, Double.NaN, Double.NaN, 2, false);
        }
        IndicatorCells d = c.compactedIfWorth();
        assertThat(d).isNotSameAs(c);
        assertThat(d.changedUnits()).isZero();
        assertThat(d.units()).isEqualTo(300);
        for (long u : new long[]{1, 100, 101, 200, 1002, 1200}) {
            Series x = c.get(u);
            Series y = d.get(u);
            assertThat(y.size()).isEqualTo(x.size());
            assertThat(y.key(0)).isEqualTo(x.key(0));
            assertThat(Double.compare(y.value(0), x.value(0))).isZero();
            assertThat(y.version(0)).isEqualTo(x.version(0));
            assertThat(y.demo(0)).isEqualTo(x.demo(0));
        }
        assertThat(d.compactedIfWorth()).isSameAs(d);
    }
}
