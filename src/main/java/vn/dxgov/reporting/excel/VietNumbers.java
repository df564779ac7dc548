package vn.dxgov.reporting.excel;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads numbers as Vietnamese people type them: comma as the decimal separator and dot for thousands
 * ("12,5", "1.234,5", "1.234.567"), and also the English forms Excel writes in an English locale ("12.5",
 * "1,234.5"). Rules, in order:
 * <ul>
 *   <li>spaces (also non-breaking and thin ones) are ignored, and so is one trailing "%";</li>
 *   <li>both "." and "," present: the one that comes last is the decimal separator, the other groups thousands;</li>
 *   <li>only ",": one comma is the decimal separator ("12,5"); several must group thousands ("1,234,567");</li>
 *   <li>only ".": several dots group thousands ("1.234.567"); one dot followed by exactly three digits groups
 *       thousands too ("1.234" is 1234, as a Vietnamese reader means it); otherwise it is the decimal point
 *       ("12.5").</li>
 * </ul>
 * Anything else (letters, two signs, misplaced groups such as "1.23.4") is not a number.
 */
final class VietNumbers {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u2009]+");
    private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern GROUPED_DOT = Pattern.compile("[+-]?[1-9]\\d{0,2}(\\.\\d{3})+");
    private static final Pattern GROUPED_COMMA = Pattern.compile("[+-]?[1-9]\\d{0,2}(,\\d{3})+");

    private VietNumbers() {
    }

    /** The number written in a text, or empty when it is not one. */
    static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = SPACES.matcher(text).replaceAll("");
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            return Optional.empty();
        }
        // a Unicode minus sign typed or pasted from a document
        s = s.replace('\u2212', '-');
        int dot = s.lastIndexOf('.');
        int comma = s.lastIndexOf(',');
        String normal;
        if (dot >= 0 && comma >= 0) {
            if (comma > dot) {
                // 1.234,5: the integer part must group by dots
                normal = grouped(s.substring(0, comma), '.', s.substring(comma + 1));
            } else {
                // 1,234.5
                normal = grouped(s.substring(0, dot), ',', s.substring(dot + 1));
            }
        } else if (comma >= 0) {
            if (s.indexOf(',') != comma) {
                normal = GROUPED_COMMA.matcher(s).matches() ? s.replace(",", "") : null;
            } else {
                normal = s.replace(',', '.');
            }
        } else if (dot >= 0) {
            if (s.indexOf('.') != dot || GROUPED_DOT.matcher(s).matches()) {
                normal = GROUPED_DOT.matcher(s).matches() ? s.replace(".", "") : null;
            } else {
                normal = s;
            }
        } else {
            normal = s;
        }
        if (normal == null || !PLAIN.matcher(normal).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(normal.startsWith("+") ? normal.substring(1) : normal));
    }

    private static String grouped(String integer, char group, String fraction) {
        Pattern p = group == '.' ? GROUPED_DOT : GROUPED_COMMA;
        String intPart;
        if (integer.indexOf(group) < 0) {
            intPart = integer;
        } else if (p.matcher(integer).matches()) {
            intPart = integer.replace(String.valueOf(group), "");
        } else {
            return null;
        }
        if (fraction.isEmpty() || !fraction.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return intPart + "." + fraction;
    }

    /** A number written the Vietnamese way: "1.234,5"; whole numbers without decimals. */
    static String format(BigDecimal n) {
        if (n == null) {
            return "";
        }
        java.text.DecimalFormatSymbols symbols = new java.text.DecimalFormatSymbols();
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator('.');
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.######", symbols);
        f.setParseBigDecimal(true);
        return f.format(n);
    }
}
