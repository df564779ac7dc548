package vn.dxgov.plans.importing;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Vietnamese number format: "." groups thousands and "," is the decimal mark ("3.000" = 3000, "9,6" = 9.6,
 * "1.234,5" = 1234.5, "06" = 6). A lone "." not followed by exactly three digits is read as a decimal mark ("2.5").
 */
final class NumberParser {

    /** Thousands grouped with dots: 3.000, 1.250.000. */
    private static final Pattern DOT_THOUSANDS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
    /** Thousands grouped with commas, English style, at least two groups: 1,250,000. */
    private static final Pattern COMMA_THOUSANDS = Pattern.compile("\\d{1,3}(,\\d{3}){2,}");

    private NumberParser() {
    }

    /** Parses a number token; null when it is not a number. */
    static BigDecimal parse(String token) {
        if (token == null) {
            return null;
        }
        String s = token.strip().replace(" ", "").replace("\u00a0", "");
        if (s.isEmpty()) {
            return null;
        }
        if (s.contains(".") && s.contains(",")) {
            s = s.replace(".", "").replace(',', '.');
        } else if (s.contains(".")) {
            s = DOT_THOUSANDS.matcher(s).matches() ? s.replace(".", "") : s;
        } else if (s.contains(",")) {
            s = COMMA_THOUSANDS.matcher(s).matches() ? s.replace(",", "") : s.replace(',', '.');
        }
        try {
            BigDecimal value = new BigDecimal(s);
            value = value.scale() > 0 ? value.stripTrailingZeros() : value;
            return value.scale() < 0 ? value.setScale(0) : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
