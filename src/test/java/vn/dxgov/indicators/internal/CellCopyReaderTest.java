package vn.dxgov.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The COPY text parser of the analytics build: every number as Double.parseDouble gives it, rows in any pieces. */
class CellCopyReaderTest {

    record Row(long unit, String period, int version, boolean demo, double av, double an, double ad, boolean waits,
               double v, double n, double d) {
    }

    static List<Row> parse(String text, int chunk) {
        List<Row> out = new ArrayList<>();
        CellCopyReader.Rows rows = new CellCopyReader.Rows((unit, period, version, demo, av, an, ad, waits, v, n, d) ->
                out.add(new Row(unit, period, version, demo, av, an, ad, waits, v, n, d)));
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i += chunk) {
            byte[] piece = java.util.Arrays.copyOfRange(b, i, Math.min(b.length, i + chunk));
            rows.feed(piece, piece.length);
        }
        rows.end();
        return out;
    }

    static double one(String number) {
        List<Row> r = parse("1\t2025\t1\tf\t" + number + "\t\\N\t\\N\t\\N\t\\N\t\\N\n", 1 << 20);
        return r.get(0).av();
    }

    @Test
    void everyNumberIsTheDoubleParseDoubleGives() {
        Random random = new Random(13);
        for (int i = 0; i < 200_000; i++) {
            int scale = random.nextInt(7);
            long unscaled = switch (i % 4) {
                case 0 -> random.nextInt(1_000_000);
                case 1 -> random.nextLong() >>> (1 + random.nextInt(63));
                case 2 -> (1L << 53) - 1 - random.nextInt(1000);
                default -> Math.abs(random.nextLong() % 1_000_000_000_000_000_000L);
            };
            String s = new BigDecimal(java.math.BigInteger.valueOf(unscaled), scale).toPlainString();
            if (random.nextBoolean()) {
                s = "-" + s;
            }
            double expected = Double.parseDouble(s);
            assertThat(Double.doubleToRawLongBits(one(s))).as(s).isEqualTo(Double.doubleToRawLongBits(expected));
        }
        for (String s : List.of("0", "0.000000", "-0.000000", "0.000001", "999999999999999999.999999",
                "123456789012345678.123456", "9007199254740993", "9007199254740992.5", "NaN", "1.", "12345.670000")) {
            assertThat(Double.doubleToRawLongBits(one(s))).as(s)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
        }
        assertThat(one("\\N")).isNaN();
    }

    @Test
    void rowsGivenInAnyPiecesAreTheSameRows() {
        String text = """
                17\t2025-06\t3\tt\t12.500000\t25.000000\t200.000000\t13.000000\t26.000000\t200.000000
                18\t2025Q3\t1\tf\t\\N\t\\N\t\\N\t7.000000\t\\N\t\\N
                -5\t2025\t12\tf\t-1.250000\t\\N\t\\N\t\\N\t\\N\t\\N
                """;
        List<Row> whole = parse(text, 1 << 20);
        assertThat(whole).containsExactly(
                new Row(17, "2025-06", 3, true, 12.5, 25, 200, true, 13, 26, 200),
                new Row(18, "2025Q3", 1, false, Double.NaN, Double.NaN, Double.NaN, true, 7, Double.NaN, Double.NaN),
                new Row(-5, "2025", 12, false, -1.25, Double.NaN, Double.NaN, false, Double.NaN, Double.NaN, Double.NaN));
        for (int chunk = 1; chunk < 40; chunk++) {
            assertThat(parse(text, chunk)).as("pieces of %d bytes", chunk).isEqualTo(whole);
        }
    }

    @Test
    void aPeriodIsOneSharedStringAndEscapesAreDecoded() {
        List<Row> rows = parse("1\t2025-06\t1\tf\t1\t\\N\t\\N\t\\N\t\\N\t\\N\n"
                + "2\t2025-06\t1\tf\t1\t\\N\t\\N\t\\N\t\\N\t\\N\n"
                + "3\t20\\t25\\\\x\\101\t1\tf\t1\t\\N\t\\N\t\\N\t\\N\t\\N\n"
                + "4\tmột kỳ dài hơn\t1\tf\t1\t\\N\t\\N\t\\N\t\\N\t\\N\n", 7);
        assertThat(rows.get(0).period()).isSameAs(rows.get(1).period()).isEqualTo("2025-06");
        assertThat(rows.get(2).period()).isEqualTo("20\t25\\xA");
        assertThat(rows.get(3).period()).isEqualTo("một kỳ dài hơn");
    }

    @Test
    void aBrokenStreamFailsInsteadOfGivingAWrongRow() {
        assertThatThrownBy(() -> parse("1\t2025\t1\tf\t1\t\\N\t\\N\t\\N\t\\N\n", 64))
                .hasMessageContaining("9 fields");
        assertThatThrownBy(() -> parse("1\t2025\t1\tf\t1\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\n", 64))
                .hasMessageContaining("more than 10");
        assertThatThrownBy(() -> parse("1\t2025\t1\tf\t1\t\\N\t\\N\t\\N\t\\N\t\\N", 64))
                .hasMessageContaining("middle of a row");
        assertThatThrownBy(() -> parse("x\t2025\t1\tf\t1\t\\N\t\\N\t\\N\t\\N\t\\N\n", 64))
                .hasMessageContaining("not an integer");
        assertThatThrownBy(() -> parse("1\t2025\t1\tyes\t1\t\\N\t\\N\t\\N\t\\N\t\\N\n", 64))
                .hasMessageContaining("not a boolean");
        assertThatThrownBy(() -> parse("1\t2025\t1\tf\t1.2.3\t\\N\t\\N\t\\N\t\\N\t\\N\n", 64))
                .isInstanceOf(NumberFormatException.class);
    }
}
