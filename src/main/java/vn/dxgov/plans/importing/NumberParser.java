package vn.dxgov.plans.importing;

import java.math.BigDecimal;
import vn.dxgov.shared.Numbers;

/**
 * Numbers in plan documents, which are Vietnamese text: the Vietnamese number grammar ({@link Numbers#VI}): "."
 * groups thousands in threes and "," is the decimal mark ("3.000" = 3000, "9,6" = 9.6, "1.234,5" = 1234.5, "06" =
 * 6). A token that does not fit ("2.5", "1.23.4", "1,2,3") is not a number: it is never guessed into one.
 */
final class NumberParser {

    private NumberParser() {
    }

    /** Parses a number token; null when it is not a number in the Vietnamese grammar. */
    static BigDecimal parse(String token) {
        BigDecimal value = Numbers.VI.read(token).orElse(null);
        if (value == null) {
            return null;
        }
        value = value.scale() > 0 ? value.stripTrailingZeros() : value;
        return value.scale() < 0 ? value.setScale(0) : value;
    }
}
