package vn.dxgov.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The number grammar: what each language accepts and refuses, how each kind is shown, and format → parse. */
class NumbersTest {

    // ============================================================== accepted, per locale

    @ParameterizedTest(name = "vi \"{0}\" = {1}")
    @CsvSource(delimiter = ';', value = {
            "1.300;1300", "1.250.300;1250300", "12,5;12.5", "1.234,5;1234.5", "1300;1300", "0;0", "0,5;0.5",
            "06;6", "-3,2;-3.2", "+7;7", "\u22122,5;-2.5", " 1.234,5 ;1234.5", "\u00A01.234\u00A0;1234",
            "'\u202F42\u2007';42", "1234,56;1234.56", "1.000.000.000.000;1000000000000", "0,000001;0.000001",
            "999.999,999999;999999.999999", "-1.250.300,75;-1250300.75", "100;100", "1,3;1.3"})
    void vietnameseAccepts(String text, String expected) {
        Numbers.Reading r = Numbers.VI.parse(text);
        assertThat(r.problem()).isNull();
        assertThat(r.value()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "en \"{0}\" = {1}")
    @CsvSource(delimiter = ';', value = {
            "1,300;1300", "1,250,300;1250300", "12.5;12.5", "1,234.5;1234.5", "1300;1300", "1,300.5;1300.5",
            "0.5;0.5", "-3.2;-3.2", "+7;7", "\u22122.5;-2.5", " 1,234.5 ;1234.5", "1.3;1.3", "1.300;1.3",
            "-1,250,300.75;-1250300.75"})
    void englishAccepts(String text, String expected) {
        Numbers.Reading r = Numbers.EN.parse(text);
        assertThat(r.problem()).isNull();
        assertThat(r.value()).isEqualByComparingTo(expected);
    }

    // ============================================================== refused, with how to write it

    @ParameterizedTest(name = "vi refuses \"{0}\"")
    @CsvSource(delimiter = ';', value = {
            // refused; what the message must show
            "1.3;viết 1.300 (một nghìn ba trăm) hoặc 1,3 (một phẩy ba)",
            "12.5;viết 12.500 (mười hai nghìn năm trăm) hoặc 12,5 (mười hai phẩy năm)",
            "1.25;viết 1.250 (một nghìn hai trăm năm mươi) hoặc 1,25 (một phẩy hai năm)",
            "1,250,300.5;viết 1.250.300,5 (một triệu hai trăm năm mươi nghìn ba trăm phẩy năm)",
            "1,250,300;viết 1.250.300 (một triệu hai trăm năm mươi nghìn ba trăm)",
            "1.2345;viết 1,2345 (một phẩy hai ba bốn năm)",
            "0.4;viết 0,4 (không phẩy bốn). Dấu chấm",
            "1,2,3;ví dụ 1.250.300 hoặc 1.234,5",
            "1.23.4;ví dụ 1.250.300 hoặc 1.234,5",
            "1.2.3,4;ví dụ 1.250.300 hoặc 1.234,5",
            "1.234,5,6;ví dụ 1.250.300 hoặc 1.234,5",
            "12,;ví dụ 1.250.300 hoặc 1.234,5",
            ",5;ví dụ 1.250.300 hoặc 1.234,5",
            "abc;ví dụ 1.250.300 hoặc 1.234,5",
            "12a;ví dụ 1.250.300 hoặc 1.234,5",
            "--1;ví dụ 1.250.300 hoặc 1.234,5",
            "1e5;ví dụ 1.250.300 hoặc 1.234,5",
            "1 234;ví dụ 1.250.300 hoặc 1.234,5",
            "85%;ví dụ 1.250.300 hoặc 1.234,5",
            "1.2345.678;ví dụ 1.250.300 hoặc 1.234,5"})
    void vietnameseRefusesWithHowToWrite(String text, String shown) {
        Numbers.Reading r = Numbers.VI.parse(text);
        assertThat(r.value()).isNull();
        assertThat(r.problem()).isNotNull();
        String message = r.problem().message();
        assertThat(message).startsWith("“" + text.strip() + "” không phải là số viết kiểu Việt Nam").contains(shown);
    }

    @ParameterizedTest(name = "en refuses \"{0}\"")
    @CsvSource(delimiter = ';', value = {
            "'1,3';write 1,300 (one thousand three hundred) or 1.3 (one point three)",
            "'12,5';write 12,500 (twelve thousand five hundred) or 12.5 (twelve point five)",
            "'1.234,5';write 1,234.5 (one thousand two hundred thirty-four point five)",
            "'1.250.300';write 1,250,300 (one million two hundred fifty thousand three hundred)",
            "'1,2,3';e.g. 1,250,300 or 1,234.5",
            "'abc';e.g. 1,250,300 or 1,234.5"})
    void englishRefusesWithHowToWrite(String text, String shown) {
        Numbers.Reading r = Numbers.EN.parse(text);
        assertThat(r.value()).isNull();
        assertThat(r.problem().message()).startsWith("“" + text + "” is not a number written the English way")
                .contains(shown);
    }

    @Test
    void theBriefsExampleReadsAsAsked() {
        assertThat(Numbers.VI.parse("1.3").problem().message()).startsWith(
                "“1.3” không phải là số viết kiểu Việt Nam: viết 1.300 (một nghìn ba trăm) hoặc 1,3 (một phẩy ba).");
    }

    @Test
    void blankIsNoValueAndNoProblem() {
        for (String blank : new String[]{null, "", "  ", "\u00A0"}) {
            Numbers.Reading r = Numbers.VI.parse(blank);
            assertThat(r.blank()).as("\"%s\"", blank).isTrue();
            assertThat(r.ok()).isTrue();
        }
    }

    @Test
    void aPercentFieldTakesOneTrailingPercentSign() {
        assertThat(Numbers.VI.parsePercent("85%").value()).isEqualByComparingTo("85");
        assertThat(Numbers.VI.parsePercent("85,5 %").value()).isEqualByComparingTo("85.5");
        assertThat(Numbers.EN.parsePercent("85.5\u00A0%").value()).isEqualByComparingTo("85.5");
        assertThat(Numbers.VI.parsePercent("85").value()).isEqualByComparingTo("85");
        assertThat(Numbers.VI.parsePercent("85%%").value()).isNull();
        assertThat(Numbers.VI.parsePercent("%").value()).isNull();
    }

    @Test
    void theLanguageComesFromTheLocale() {
        assertThat(Numbers.of(Locale.ENGLISH)).isSameAs(Numbers.EN);
        assertThat(Numbers.of(Locale.US)).isSameAs(Numbers.EN);
        assertThat(Numbers.of(VietText.VI)).isSameAs(Numbers.VI);
        assertThat(Numbers.of(Locale.FRENCH)).isSameAs(Numbers.VI);
        assertThat(Numbers.of(null)).isSameAs(Numbers.VI);
    }

    @Test
    void hugeInputIsRefusedNotRead() {
        String huge = "9".repeat(5000);
        assertThat(Numbers.VI.parse(huge).value()).isNull();
        assertThat(Numbers.VI.parse(huge).problem().message()).contains("…");
    }

    // ============================================================== showing, per kind

    @ParameterizedTest(name = "value {0} = vi \"{1}\", en \"{2}\"")
    @CsvSource(delimiter = ';', value = {
            "1300;1.300;1,300", "1250300;1.250.300;1,250,300", "12.5;12,5;12.5", "1234.5;1.234,5;1,234.5",
            "0;0;0", "0.00;0;0", "-1250300.75;-1.250.300,75;-1,250,300.75", "0.0823;0,0823;0.0823",
            "12.50000;12,5;12.5", "1E+3;1.000;1,000", "0.1234567;0,123457;0.123457", "999;999;999",
            "100000;100.000;100,000", "-0.0000001;0;0"})
    void value(String v, String vi, String en) {
        assertThat(Numbers.VI.value(new BigDecimal(v))).isEqualTo(vi);
        assertThat(Numbers.EN.value(new BigDecimal(v))).isEqualTo(en);
    }

    @Test
    void kindsHaveTheirPrecision() {
        assertThat(Numbers.VI.percent(new BigDecimal("85.53"))).isEqualTo("85,5%");
        assertThat(Numbers.VI.percent(new BigDecimal("0.0769"))).isEqualTo("0,1%");
        assertThat(Numbers.VI.percent(new BigDecimal("100"))).isEqualTo("100,0%");
        assertThat(Numbers.EN.percent(new BigDecimal("76.923"))).isEqualTo("76.9%");
        assertThat(Numbers.VI.percent(new BigDecimal("1234.56"))).isEqualTo("1.234,6%");
        assertThat(Numbers.VI.points(new BigDecimal("812.25"))).isEqualTo("812,25");
        assertThat(Numbers.VI.points(new BigDecimal("20.00"))).isEqualTo("20");
        assertThat(Numbers.VI.points(new BigDecimal("1000"))).isEqualTo("1.000");
        assertThat(Numbers.VI.score(new BigDecimal("75"))).isEqualTo("75,0");
        assertThat(Numbers.EN.score(new BigDecimal("74.96"))).isEqualTo("75.0");
        assertThat(Numbers.VI.index(new BigDecimal("0.72314"))).isEqualTo("0,7231");
        assertThat(Numbers.VI.index(new BigDecimal("1"))).isEqualTo("1,0000");
        assertThat(Numbers.VI.count(1250)).isEqualTo("1.250");
        assertThat(Numbers.EN.count(-1250300)).isEqualTo("-1,250,300");
        assertThat(Numbers.VI.rounded(new BigDecimal("18.449"), 1)).isEqualTo("18,4");
        assertThat(Numbers.VI.rounded(new BigDecimal("18.45"), 1)).isEqualTo("18,5");
        assertThat(Numbers.VI.exact(new BigDecimal("1234.567890123"))).isEqualTo("1.234,567890123");
        assertThat(Numbers.VI.value(null)).isEmpty();
        assertThat(Numbers.VI.percent(null)).isEmpty();
    }

    @Test
    void yearsAndIdsAreNeverGrouped() {
        assertThat("năm " + Numbers.code(2025)).isEqualTo("năm 2025");
        assertThat(Numbers.code(1250300)).isEqualTo("1250300");
    }

    @Test
    void machineNumbersArePlain() {
        assertThat(Numbers.machine(new BigDecimal("1234.5000"))).isEqualTo("1234.5");
        assertThat(Numbers.machine(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Numbers.machine(null)).isEmpty();
    }

    // ============================================================== words

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
            "0;không", "1;một", "5;năm", "10;mười", "11;mười một", "15;mười lăm", "21;hai mươi mốt",
            "24;hai mươi bốn", "25;hai mươi lăm", "100;một trăm", "105;một trăm linh năm", "110;một trăm mười",
            "1000;một nghìn", "1005;một nghìn không trăm linh năm", "1300;một nghìn ba trăm",
            "1250300;một triệu hai trăm năm mươi nghìn ba trăm", "1000050;một triệu không trăm năm mươi",
            "2000000000;hai tỷ", "1.3;một phẩy ba", "12.5;mười hai phẩy năm", "0.08;không phẩy không tám",
            "-2.5;âm hai phẩy năm"})
    void vietnameseWords(String v, String words) {
        assertThat(NumberWords.vietnamese(new BigDecimal(v))).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
            "0;zero", "13;thirteen", "21;twenty-one", "105;one hundred five", "1300;one thousand three hundred",
            "1250300;one million two hundred fifty thousand three hundred", "1.3;one point three",
            "-12.5;minus twelve point five"})
    void englishWords(String v, String words) {
        assertThat(NumberWords.english(new BigDecimal(v))).isEqualTo(words);
    }

    @Test
    void tooLongToReadOutHasNoWords() {
        assertThat(NumberWords.vietnamese(new BigDecimal("1000000000000"))).isNull();
        assertThat(NumberWords.english(new BigDecimal("1.23456"))).isNull();
    }

    // ============================================================== format → parse gives the value back

    /**
     * A property over random values (negative, zero, large, many decimals), in both languages: what {@code exact}
     * writes reads back as the same value; what {@code value}, {@code points}, {@code index} etc. write reads back as
     * the value rounded to that kind's precision. Seeds are fixed so a failure repeats; the failing value is named.
     */
    @Test
    void formatThenParseGivesTheValueBack() {
        for (long seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            for (int i = 0; i < 5_000; i++) {
                BigDecimal v = randomValue(random);
                for (Numbers n : new Numbers[]{Numbers.VI, Numbers.EN}) {
                    String written = n.exact(v);
                    assertThat(n.parse(written).value()).as("%s exact %s → \"%s\" (seed %d)", n.locale(), v, written, seed)
                            .isEqualByComparingTo(v);
                    roundTrips(n, v, n.value(v), Numbers.VALUE_DECIMALS, seed);
                    roundTrips(n, v, n.points(v), Numbers.POINTS_DECIMALS, seed);
                    roundTrips(n, v, n.index(v), Numbers.INDEX_DECIMALS, seed);
                    roundTrips(n, v, n.score(v), Numbers.SCORE_DECIMALS, seed);
                    roundTrips(n, v, n.percent(v), Numbers.PERCENT_DECIMALS, seed);
                    long whole = v.longValue();
                    assertThat(n.parse(n.count(whole)).value()).isEqualByComparingTo(BigDecimal.valueOf(whole));
                }
            }
        }
    }

    private static void roundTrips(Numbers n, BigDecimal v, String written, int decimals, long seed) {
        BigDecimal expected = v.setScale(decimals, RoundingMode.HALF_UP);
        Numbers.Reading back = written.endsWith("%") ? n.parsePercent(written) : n.parse(written);
        assertThat(back.value()).as("%s %s → \"%s\" (seed %d)", n.locale(), v, written, seed)
                .isEqualByComparingTo(expected);
    }

    /** Zero, small, large (up to 24 digits), with 0 to 12 decimals, about half negative. */
    private static BigDecimal randomValue(Random r) {
        int shape = r.nextInt(10);
        if (shape == 0) {
            return BigDecimal.ZERO.setScale(r.nextInt(4));
        }
        int digits = 1 + r.nextInt(shape < 5 ? 8 : 24);
        BigInteger unscaled = new BigInteger(digits * 4, r).mod(BigInteger.TEN.pow(digits));
        BigDecimal v = new BigDecimal(unscaled, r.nextInt(13));
        return r.nextBoolean() ? v.negate() : v;
    }
}
