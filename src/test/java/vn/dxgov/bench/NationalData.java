package vn.dxgov.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import vn.dxgov.indicators.IndicatorTypes.PeriodAggregation;
import vn.dxgov.indicators.IndicatorTypes.UnitAggregation;
import vn.dxgov.indicators.IndicatorTypes.ValueType;

/**
 * A deterministic national data set for the analytics benchmark: every figure is a function of a seed, the indicator's
 * number, the unit's official code and the month (a hash, not a sequence), so the same settings give the same rows
 * whatever the order or the database ids. Streamed into data_value with PostgreSQL COPY, as approved figures.
 *
 * <p>The units are the real ones (the bundled GSO lists): most indicators are kept on the 3,321 communes valid since
 * 1/7/2025 for every month (series carried back onto today's units); the "legacy" ones on the 10,047 communes valid
 * until 30/6/2025 for the months before the reform and on the new communes after it.
 */
final class NationalData {

    /** An indicator's kind: how it combines over units and periods. */
    record Kind(String name, ValueType type, UnitAggregation unit, PeriodAggregation period) {
    }

    /** Every aggregation kind there is; ratios are 3 of 20 (15 %). */
    static final List<Kind> KINDS = List.of(
            new Kind("SUM/SUM", ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.SUM),
            new Kind("SUM/SUM", ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.SUM),
            new Kind("SUM/SUM", ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.SUM),
            new Kind("SUM/LAST", ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.LAST),
            new Kind("SUM/LAST", ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.LAST),
            new Kind("SUM/MEAN", ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.MEAN),
            new Kind("SUM/MEAN", ValueType.NUMBER, UnitAggregation.SUM, PeriodAggregation.MEAN),
            new Kind("MEAN/MEAN", ValueType.NUMBER, UnitAggregation.MEAN, PeriodAggregation.MEAN),
            new Kind("MEAN/MEAN", ValueType.NUMBER, UnitAggregation.MEAN, PeriodAggregation.MEAN),
            new Kind("MEAN/LAST", ValueType.NUMBER, UnitAggregation.MEAN, PeriodAggregation.LAST),
            new Kind("MEAN/LAST", ValueType.NUMBER, UnitAggregation.MEAN, PeriodAggregation.LAST),
            new Kind("MAX/LAST", ValueType.NUMBER, UnitAggregation.MAX, PeriodAggregation.LAST),
            new Kind("MAX/LAST", ValueType.NUMBER, UnitAggregation.MAX, PeriodAggregation.LAST),
            new Kind("MIN/LAST", ValueType.NUMBER, UnitAggregation.MIN, PeriodAggregation.LAST),
            new Kind("MIN/LAST", ValueType.NUMBER, UnitAggregation.MIN, PeriodAggregation.LAST),
            new Kind("MAX/MEAN", ValueType.NUMBER, UnitAggregation.MAX, PeriodAggregation.MEAN),
            new Kind("MIN/SUM", ValueType.NUMBER, UnitAggregation.MIN, PeriodAggregation.SUM),
            new Kind("RATIO/LAST", ValueType.RATIO, UnitAggregation.RATIO, PeriodAggregation.LAST),
            new Kind("RATIO/SUM", ValueType.RATIO, UnitAggregation.RATIO, PeriodAggregation.SUM),
            new Kind("RATIO/MEAN", ValueType.RATIO, UnitAggregation.RATIO, PeriodAggregation.MEAN));

    static Kind kind(int indicator) {
        return KINDS.get(indicator % KINDS.size());
    }

    /** A unit as the generator needs it: database id and official code. */
    record Unit(long id, String code) {
    }

    private final long seed;

    NationalData(long seed) {
        this.seed = seed;
    }

    /** A well-mixed 64-bit hash (SplitMix64's finalizer) of the seed and the cell's coordinates. */
    long hash(int indicator, String unitCode, int month) {
        long h = seed ^ 0x9E3779B97F4A7C15L * (indicator + 1);
        h ^= Long.parseLong(unitCode) * 0xBF58476D1CE4E5B9L;
        h ^= (long) month * 0x94D049BB133111EBL;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    /**
     * Writes one cell's columns (value, numerator, denominator) into {@code out} in COPY text format: counts for
     * summable kinds (0–999 with a trend over the months), scores with two decimals for the index-like ones, a ratio's
     * parts (denominator 50–549) with its value to six decimals as dxgov stores it.
     */
    void figures(int indicator, String unitCode, int month, StringBuilder out) {
        long h = hash(indicator, unitCode, month);
        Kind k = kind(indicator);
        if (k.type() == ValueType.RATIO) {
            long den = 50 + Math.floorMod(h, 500);
            long num = Math.floorMod(h >>> 20, den + 1);
            java.math.BigDecimal v = java.math.BigDecimal.valueOf(100 * num)
                    .divide(java.math.BigDecimal.valueOf(den), 6, java.math.RoundingMode.HALF_UP);
            out.append(v.toPlainString()).append('\t').append(num).append('\t').append(den);
        } else if (k.unit() == UnitAggregation.SUM) {
            out.append(Math.floorMod(h, 1000) + month / 12).append("\t\\N\t\\N");
        } else {
            long cents = Math.floorMod(h, 10001);
            out.append(cents / 100).append('.').append(cents % 100 < 10 ? "0" : "").append(cents % 100).append("\t\\N\t\\N");
        }
    }

    static String period(int year, int month) {
        return year + (month < 10 ? "-0" : "-") + month;
    }

    interface Rows {
        void each(Row row);
    }

    interface Row {
        void accept(long indicatorId, int indicatorNo, Unit unit, int year, int month);
    }

    /**
     * Streams the rows into data_value through COPY (FORMAT text) on one connection, foreign key triggers off for the
     * session (session_replication_role = replica: the ids come from the tables just read). Returns rows written.
     */
    long copy(DataSource ds, Rows rows) {
        try (Connection c = ds.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("set session_replication_role = replica");
            }
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy data_value (indicator_id, unit_id, period, value, numerator, denominator, source, demo, locked,
                                     version, updated_by, state, approved_value, approved_numerator,
                                     approved_denominator, approved_at) from stdin (format text)""");
            StringBuilder line = new StringBuilder(256);
            StringBuilder fig = new StringBuilder(64);
            byte[][] buffer = {new byte[1 << 20]};
            int[] used = {0};
            long[] count = {0};
            try {
                rows.each((indicatorId, no, unit, year, month) -> {
                    fig.setLength(0);
                    figures(no, unit.code(), year * 12 + month - 1, fig);
                    line.setLength(0);
                    line.append(indicatorId).append('\t').append(unit.id()).append('\t').append(period(year, month))
                            .append('\t').append(fig).append("\tIMPORT\tf\tf\t1\tbench\tAPPROVED\t").append(fig)
                            .append("\t2026-12-01 00:00:00+00\n");
                    byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
                    if (used[0] + b.length > buffer[0].length) {
                        write(in, buffer[0], used[0]);
                        used[0] = 0;
                    }
                    System.arraycopy(b, 0, buffer[0], used[0], b.length);
                    used[0] += b.length;
                    count[0]++;
                });
                write(in, buffer[0], used[0]);
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("set session_replication_role = origin");
            }
            return count[0];
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(CopyIn in, byte[] b, int n) {
        try {
            in.writeToCopy(b, 0, n);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
