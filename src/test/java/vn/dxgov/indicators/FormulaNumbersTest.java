package vn.dxgov.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Constants in formulas: never grouped, a decimal comma or point; "1.000" (a thousand or one?) is refused. */
class FormulaNumbersTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {"100;100", "12,5;12.5", "12.5;12.5", "0,25;0.25", "1000;1000", "2,5000;2.5"})
    void constants(String written, double expected) {
        assertThat(Formula.parse("{A} * " + written).evaluate(code -> 1.0)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.000", "2,500", "1.250.300", "1,234.5", "1,2,3", "1..2"})
    void ambiguousOrInvalidConstantsAreRefused(String written) {
        assertThatThrownBy(() -> Formula.parse("{A} * " + written)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(written);
    }
}
