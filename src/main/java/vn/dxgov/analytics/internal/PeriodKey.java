package vn.dxgov.analytics.internal;

import vn.dxgov.shared.Period;

/**
 * A period packed into an int: {@code year << 6 | type << 4 | index} (index ≤ 12). All periods of one year lie in
 * [year << 6, (year + 1) << 6), so a year's cells are one contiguous run of a sorted key array. Months are counted
 * from year 0 ({@code year * 12 + month - 1}) to compare positions in time.
 */
final class PeriodKey {

    private static final Period.Type[] TYPES = Period.Type.values();

    private PeriodKey() {
    }

    static int of(Period p) {
        return p.year() << 6 | p.type().ordinal() << 4 | p.index();
    }

    static int year(int key) {
        return key >>> 6;
    }

    static Period.Type type(int key) {
        return TYPES[(key >>> 4) & 3];
    }

    static int index(int key) {
        return key & 15;
    }

    static Period period(int key) {
        return Period.of(type(key), year(key), index(key));
    }

    /** First month of the period, counted from year 0. */
    static int startMonth(int key) {
        int months = type(key).months();
        return year(key) * 12 + (index(key) - 1) * months;
    }

    /** Last month of the period, counted from year 0. */
    static int endMonth(int key) {
        return startMonth(key) + type(key).months() - 1;
    }

    static int months(int key) {
        return type(key).months();
    }

    /** The smallest key of a year. */
    static int firstOfYear(int year) {
        return year << 6;
    }
}
