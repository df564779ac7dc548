package vn.dxgov.indicators.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import vn.dxgov.indicators.DataValueStore.CellConsumer;

/**
 * The lines of one indicator that can count, read for the analytics build through {@code COPY (query) TO STDOUT}
 * (text format) and parsed in place. Measured on the national benchmark (issue 13): a result set through the driver
 * cost a {@code byte[]} per field, a {@code String} per number and {@code Double.parseDouble}; PostgreSQL spent most of
 * its time in numeric output. This read sends the working figures only for a line waiting for approval (the rest have
 * them equal to the approved ones or not counted) and parses numbers from their digits.
 *
 * <p>A number is the correctly rounded double of its decimal, as {@code Double.parseDouble} gives: an unscaled value
 * below 2^53 and a power of ten up to 10^22 are exact doubles and one IEEE division rounds correctly; anything else
 * (more digits, NaN) goes through {@code Double.parseDouble}.
 */
@Component
class CellCopyReader {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CellCopyReader.class);

    private final DataSource dataSource;

    CellCopyReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The read's plan: the unique index in its order (no scan of the table, no sort), one process. */
    static final String PLAN = "set local enable_seqscan = off; set local enable_bitmapscan = off;"
            + " set local max_parallel_workers_per_gather = 0";

    /** The query, in the order of the unique index (indicator, unit, period). */
    static String sql(long indicatorId) {
        return "copy (select unit_id, period, version, demo, approved_value, approved_numerator, approved_denominator,"
                + " case when state = 'SUBMITTED' then value end,"
                + " case when state = 'SUBMITTED' and value is not null then numerator end,"
                + " case when state = 'SUBMITTED' and value is not null then denominator end"
                + " from data_value where indicator_id = " + indicatorId + " and not contribution"
                + " and (approved_value is not null or (state = 'SUBMITTED' and value is not null))"
                + " order by unit_id, period) to stdout";
    }

    /**
     * Reads on a connection of its own, in a transaction of its own (never the caller's: the plan settings are
     * {@code SET LOCAL} and must end with the read).
     */
    void read(long indicatorId, CellConsumer consumer) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (java.sql.Statement st = c.createStatement()) {
                    // the unique index's order, read in place: with a few indicators the planner prefers a (parallel)
                    // scan of the whole table and a sort for each one (2x PostgreSQL's CPU on the scaled national
                    // benchmark; with 200 indicators, 200 scans of the table)
                    st.execute(PLAN);
                }
                CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql(indicatorId));
                Rows rows = new Rows(consumer);
                try {
                    byte[] data;
                    while ((data = copy.readFromCopy()) != null) {
                        rows.feed(data, data.length);
                    }
                    rows.end();
                } finally {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                }
            } finally {
                // nothing written: ends the transaction and its settings; a failure here must not hide the read's
                try {
                    c.rollback();
                    c.setAutoCommit(autoCommit);
                } catch (SQLException e) {
                    log.warn("Ending the read of indicator {} failed; the pool checks the connection", indicatorId, e);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Reading the values of indicator " + indicatorId + " failed", e);
        }
    }

    /** Parses COPY text rows (fields split by tabs, {@code \N} for null, rows ended by a newline) fed in any pieces. */
    static final class Rows {
        private static final int FIELDS = 10;
        private static final double[] POW10 = new double[23];

        static {
            double p = 1;
            for (int i = 0; i < POW10.length; i++) {
                POW10[i] = p;
                p *= 10;
            }
        }

        private final CellConsumer consumer;
        private final int[] starts = new int[FIELDS];
        private final int[] ends = new int[FIELDS];
        private byte[] carry = new byte[256];
        private int carried;
        private final Periods periods = new Periods();

        Rows(CellConsumer consumer) {
            this.consumer = consumer;
        }

        void feed(byte[] data, int length) {
            int from = 0;
            for (int i = 0; i < length; i++) {
                if (data[i] != '\n') {
                    continue;
                }
                if (carried > 0) {
                    append(data, from, i - from);
                    row(carry, 0, carried);
                    carried = 0;
                } else {
                    row(data, from, i);
                }
                from = i + 1;
            }
            if (from < length) {
                append(data, from, length - from);
            }
        }

        /** The end of the data: a row not ended by a newline is a broken stream, never a row. */
        void end() {
            if (carried > 0) {
                throw new IllegalStateException("COPY data ended in the middle of a row");
            }
        }

        private void append(byte[] data, int from, int n) {
            if (carried + n > carry.length) {
                carry = java.util.Arrays.copyOf(carry, Math.max(carry.length * 2, carried + n));
            }
            System.arraycopy(data, from, carry, carried, n);
            carried += n;
        }

        private void row(byte[] b, int from, int to) {
            int f = 0;
            starts[0] = from;
            for (int i = from; i < to; i++) {
                if (b[i] == '\t') {
                    if (f + 1 >= FIELDS) {
                        throw new IllegalStateException("COPY row with more than " + FIELDS + " fields");
                    }
                    ends[f++] = i;
                    starts[f] = i + 1;
                }
            }
            ends[f] = to;
            if (f != FIELDS - 1) {
                throw new IllegalStateException("COPY row with " + (f + 1) + " fields, " + FIELDS + " expected");
            }
            double value = number(b, 7);
            consumer.accept(integer(b, 0), periods.of(b, starts[1], ends[1]), (int) integer(b, 2), bool(b, 3),
                    number(b, 4), number(b, 5), number(b, 6), !Double.isNaN(value), value, number(b, 8), number(b, 9));
        }

        private boolean isNull(byte[] b, int f) {
            return ends[f] - starts[f] == 2 && b[starts[f]] == '\\' && b[starts[f] + 1] == 'N';
        }

        private long integer(byte[] b, int f) {
            int i = starts[f];
            int end = ends[f];
            boolean negative = i < end && b[i] == '-';
            if (negative) {
                i++;
            }
            if (i == end || end - i > 18) {
                throw new IllegalStateException("COPY field " + f + " is not an integer: " + text(b, f));
            }
            long v = 0;
            for (; i < end; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    throw new IllegalStateException("COPY field " + f + " is not an integer: " + text(b, f));
                }
                v = v * 10 + d;
            }
            return negative ? -v : v;
        }

        private boolean bool(byte[] b, int f) {
            if (ends[f] - starts[f] == 1 && (b[starts[f]] == 't' || b[starts[f]] == 'f')) {
                return b[starts[f]] == 't';
            }
            throw new IllegalStateException("COPY field " + f + " is not a boolean: " + text(b, f));
        }

        /** A numeric field as a double, NaN for null. */
        double number(byte[] b, int f) {
            if (isNull(b, f)) {
                return Double.NaN;
            }
            int i = starts[f];
            int end = ends[f];
            boolean negative = i < end && b[i] == '-';
            if (negative) {
                i++;
            }
            long unscaled = 0;
            int significant = 0;
            int digitChars = 0;
            int scale = -1;
            for (; i < end; i++) {
                byte c = b[i];
                if (c == '.' && scale < 0) {
                    scale = 0;
                    continue;
                }
                int d = c - '0';
                if (d < 0 || d > 9 || significant >= 18) {
                    return Double.parseDouble(text(b, f));
                }
                digitChars++;
                if (unscaled != 0 || d != 0) {
                    significant++;
                }
                unscaled = unscaled * 10 + d;
                if (scale >= 0) {
                    scale++;
                }
            }
            if (digitChars == 0 || unscaled >= (1L << 53) || scale >= POW10.length) {
                return Double.parseDouble(text(b, f));
            }
            if (scale < 0) {
                scale = 0;
            }
            double v = scale == 0 ? (double) unscaled : unscaled / POW10[scale];
            return negative ? -v : v;
        }

        private String text(byte[] b, int f) {
            return new String(b, starts[f], ends[f] - starts[f], StandardCharsets.UTF_8);
        }
    }

    /**
     * Periods as shared strings: a period of up to seven plain bytes is looked up by those bytes packed in a long (no
     * string made per row); a longer one or one with COPY escapes is decoded and made.
     */
    static final class Periods {
        private final long[] keys = new long[512];
        private final String[] values = new String[512];
        private int size;

        String of(byte[] b, int from, int to) {
            int n = to - from;
            if (n == 0 || n > 7) {
                return decode(b, from, to);
            }
            long key = n;
            for (int i = from; i < to; i++) {
                byte c = b[i];
                if (c == '\\' || c < 0) {
                    return decode(b, from, to);
                }
                key = key << 8 | c;
            }
            int slot = (int) (key ^ key >>> 29) & (keys.length - 1);
            while (keys[slot] != 0) {
                if (keys[slot] == key) {
                    return values[slot];
                }
                slot = (slot + 1) & (keys.length - 1);
            }
            String s = new String(b, from, n, StandardCharsets.US_ASCII);
            if (size < keys.length / 2) {
                keys[slot] = key;
                values[slot] = s;
                size++;
            }
            return s;
        }

        /** COPY text escapes: backslash followed by b f n r t v, an octal or x-hex byte, or the character itself. */
        static String decode(byte[] b, int from, int to) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(to - from);
            for (int i = from; i < to; i++) {
                byte c = b[i];
                if (c != '\\' || i + 1 >= to) {
                    out.write(c);
                    continue;
                }
                byte e = b[++i];
                switch (e) {
                    case 'b' -> out.write('\b');
                    case 'f' -> out.write('\f');
                    case 'n' -> out.write('\n');
                    case 'r' -> out.write('\r');
                    case 't' -> out.write('\t');
                    case 'v' -> out.write(11);
                    case 'x' -> {
                        int v = 0;
                        int k = 0;
                        while (k < 2 && i + 1 < to && Character.digit(b[i + 1], 16) >= 0) {
                            v = v * 16 + Character.digit(b[++i], 16);
                            k++;
                        }
                        out.write(k == 0 ? 'x' : v);
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int v = e - '0';
                            for (int k = 0; k < 2 && i + 1 < to && b[i + 1] >= '0' && b[i + 1] <= '7'; k++) {
                                v = v * 8 + (b[++i] - '0');
                            }
                            out.write(v);
                        } else {
                            out.write(e);
                        }
                    }
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
