package vn.dxgov.reporting.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VietNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "12,5;12.5", "1.234,5;1234.5", "1.234;1234", "1.234.567;1234567", "12.5;12.5", "1,234.5;1234.5",
            "1,234,567;1234567", "0,5;0.5", "0.123;0.123", "-3,2;-3.2", "85%;85", " 1 234,5 ;1234.5", "42;42",
            "1\u00A0234,5;1234.5", "+7;7", "\u22122,5;-2.5", "1234,56;1234.56"})
    void readsVietnameseAndEnglishForms(String text, String expected) {
        assertThat(VietNumbers.parse(text)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,5a", "abc", "1.23.4", "1,2,3", "1.234,5,6", "--1", "", "  ", "12,", ",5,", "1.2.3,4", "x%"})
    void refusesWhatIsNotANumber(String text) {
        assertThat(VietNumbers.parse(text)).isEmpty();
    }

    @Test
    void formatsTheVietnameseWay() {
        assertThat(VietNumbers.format(new BigDecimal("1234.5"))).isEqualTo("1.234,5");
        assertThat(VietNumbers.format(new BigDecimal("12"))).isEqualTo("12");
    }
}
