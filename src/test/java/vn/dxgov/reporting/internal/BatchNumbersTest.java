package vn.dxgov.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The cells of a batch file (the rule in {@link BatchNumbers}'s Javadoc), case by case. */
class BatchNumbersTest {

    static BatchNumbers.Cell<java.math.BigDecimal> auto(String s) {
        return BatchNumbers.number(s, BatchNumbers.Form.AUTO);
    }

    @Test
    void machineNumbersAreRead() {
        assertThat(auto("1300").value()).isEqualByComparingTo("1300");
        assertThat(auto("1300.5").value()).isEqualByComparingTo("1300.5");
        assertThat(auto("0.300").value()).as("no number starts 0.: a decimal").isEqualByComparingTo("0.3");
        assertThat(auto("1.3000").value()).isEqualByComparingTo("1.3");
        assertThat(auto("1.30").value()).isEqualByComparingTo("1.3");
        assertThat(auto("-2.5").value()).isEqualByComparingTo("-2.5");
        assertThat(auto(" ").value()).isNull();
        assertThat(auto(" ").ok()).isTrue();
    }

    @Test
    void oneSeparatorBeforeThreeDigitsIsAmbiguous() {
        for (String s : new String[] {"1.300", "12,500", "-1.300", "999.999"}) {
            BatchNumbers.Cell<java.math.BigDecimal> c = auto(s);
            assertThat(c.ok()).as(s).isFalse();
            assertThat(c.problem()).isEqualTo("batch.number.ambiguous");
        }
        assertThat(auto("1.300").args()).containsExactly("1.300", "1300", "1.3");
        assertThat(auto("12,500").args()).containsExactly("12,500", "12500", "12.5");
        assertThat(auto("1.000").args()).containsExactly("1.000", "1000", "1.0");
    }

    @Test
    void theVietnameseFormIsReadWhereItCannotBeAnythingElse() {
        assertThat(auto("1.300,5").value()).isEqualByComparingTo("1300.5");
        assertThat(auto("12,5").value()).isEqualByComparingTo("12.5");
        assertThat(auto("1.250.300").value()).isEqualByComparingTo("1250300");
        assertThat(auto("1,300.5").ok()).as("English grouping in a Vietnamese reading").isFalse();
        assertThat(auto("1E+05").problem()).isEqualTo("batch.number.invalid");
    }

    @Test
    void aDeclaredColumnDecides() {
        assertThat(BatchNumbers.number("1.300", BatchNumbers.Form.VI).value()).isEqualByComparingTo("1300");
        assertThat(BatchNumbers.number("12,5", BatchNumbers.Form.VI).value()).isEqualByComparingTo("12.5");
        assertThat(BatchNumbers.number("1.300", BatchNumbers.Form.MACHINE).value()).isEqualByComparingTo("1.3");
        assertThat(BatchNumbers.number("1,3", BatchNumbers.Form.MACHINE).problem()).isEqualTo("batch.number.machine");
        assertThat(BatchNumbers.number("12.5", BatchNumbers.Form.VI).ok()).isFalse();
    }

    @Test
    void wholeNumbersAndDays() {
        assertThat(BatchNumbers.whole("42").value()).isEqualTo(42L);
        assertThat(BatchNumbers.whole("4.2").ok()).isFalse();
        assertThat(BatchNumbers.whole("-1").ok()).isFalse();
        assertThat(BatchNumbers.day("2025-12-31").value()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(BatchNumbers.day("31/12/2025").value()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(BatchNumbers.day("12/31/2025").ok()).isFalse();
    }
}
