package vn.dxgov.plans.importing;

import java.util.regex.Pattern;

/** Roman numerals as used for the sections of Vietnamese documents (I, II, ..., XX). */
final class RomanNumerals {

    /** A well-formed Roman numeral up to 39, upper case. */
    private static final Pattern ROMAN = Pattern.compile("X{0,3}(IX|IV|V?I{0,3})");

    private RomanNumerals() {
    }

    static boolean isRoman(String s) {
        return s != null && !s.isEmpty() && ROMAN.matcher(s).matches();
    }

    static int toInt(String s) {
        int total = 0;
        int prev = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            int v = switch (s.charAt(i)) {
                case 'I' -> 1;
                case 'V' -> 5;
                case 'X' -> 10;
                case 'L' -> 50;
                case 'C' -> 100;
                default -> 0;
            };
            total += v < prev ? -v : v;
            prev = Math.max(prev, v);
        }
        return total;
    }

    static String toRoman(int n) {
        int[] values = {100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length && n > 0; i++) {
            while (n >= values[i]) {
                sb.append(symbols[i]);
                n -= values[i];
            }
        }
        return sb.toString();
    }
}
