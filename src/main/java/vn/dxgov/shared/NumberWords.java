package vn.dxgov.shared;

import java.math.BigDecimal;

/**
 * A number read out in words, for the messages that show how to write a refused number ("1.300 (một nghìn ba trăm)
 * hoặc 1,3 (một phẩy ba)"): the words tell the two readings apart. Whole part below 10^12, at most four decimals
 * read digit by digit ("một phẩy hai năm"); anything longer has no words (null).
 */
final class NumberWords {

    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(12);
    private static final String[] VI_DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
    private static final String[] VI_SCALES = {"", " nghìn", " triệu", " tỷ"};
    private static final String[] EN_SMALL = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen"};
    private static final String[] EN_TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety"};
    private static final String[] EN_SCALES = {"", " thousand", " million", " billion"};

    private NumberWords() {
    }

    /** 1300 → "một nghìn ba trăm", 1.3 → "một phẩy ba", 105 → "một trăm linh năm"; null when too long. */
    static String vietnamese(BigDecimal v) {
        BigDecimal a = readable(v);
        if (a == null) {
            return null;
        }
        long whole = a.longValue();
        StringBuilder b = new StringBuilder(v.signum() < 0 ? "âm " : "");
        if (whole == 0) {
            b.append(VI_DIGITS[0]);
        } else {
            int[] groups = groups(whole);
            boolean higher = false;
            for (int i = groups.length - 1; i >= 0; i--) {
                if (groups[i] == 0) {
                    continue;
                }
                if (higher) {
                    b.append(' ');
                }
                b.append(viGroup(groups[i], higher)).append(VI_SCALES[i]);
                higher = true;
            }
        }
        appendDecimals(b, a, " phẩy", VI_DIGITS);
        return b.toString();
    }

    /** 1300 → "one thousand three hundred", 1.3 → "one point three"; null when too long. */
    static String english(BigDecimal v) {
        BigDecimal a = readable(v);
        if (a == null) {
            return null;
        }
        long whole = a.longValue();
        StringBuilder b = new StringBuilder(v.signum() < 0 ? "minus " : "");
        if (whole == 0) {
            b.append(EN_SMALL[0]);
        } else {
            int[] groups = groups(whole);
            boolean first = true;
            for (int i = groups.length - 1; i >= 0; i--) {
                if (groups[i] == 0) {
                    continue;
                }
                if (!first) {
                    b.append(' ');
                }
                b.append(enGroup(groups[i])).append(EN_SCALES[i]);
                first = false;
            }
        }
        String[] digits = new String[10];
        System.arraycopy(EN_SMALL, 0, digits, 0, 10);
        appendDecimals(b, a, " point", digits);
        return b.toString();
    }

    /** The absolute value when it can be read out, else null. */
    private static BigDecimal readable(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal a = v.abs().stripTrailingZeros();
        if (a.scale() < 0) {
            a = a.setScale(0);
        }
        return a.compareTo(LIMIT) >= 0 || a.scale() > 4 ? null : a;
    }

    /** Groups of three digits, lowest first. */
    private static int[] groups(long whole) {
        int n = 0;
        int[] out = new int[4];
        while (whole > 0) {
            out[n++] = (int) (whole % 1000);
            whole /= 1000;
        }
        int[] g = new int[n];
        System.arraycopy(out, 0, g, 0, n);
        return g;
    }

    private static void appendDecimals(StringBuilder b, BigDecimal a, String point, String[] digits) {
        if (a.scale() <= 0) {
            return;
        }
        String plain = a.toPlainString();
        b.append(point);
        for (char c : plain.substring(plain.indexOf('.') + 1).toCharArray()) {
            b.append(' ').append(digits[c - '0']);
        }
    }

    /**
     * Three digits in Vietnamese; {@code full} when a higher group was read, so that the hundreds are always said
     * ("một nghìn không trăm linh năm").
     */
    private static String viGroup(int n, boolean full) {
        int h = n / 100;
        int t = n / 10 % 10;
        int u = n % 10;
        StringBuilder b = new StringBuilder();
        if (full || h > 0) {
            b.append(VI_DIGITS[h]).append(" trăm");
        }
        if (t == 0) {
            if (u > 0 && b.length() > 0) {
                b.append(" linh");
            }
        } else {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(t == 1 ? "mười" : VI_DIGITS[t] + " mươi");
        }
        if (u > 0) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(u == 1 && t >= 2 ? "mốt" : u == 5 && t >= 1 ? "lăm" : VI_DIGITS[u]);
        }
        return b.toString();
    }

    private static String enGroup(int n) {
        int h = n / 100;
        int rest = n % 100;
        StringBuilder b = new StringBuilder();
        if (h > 0) {
            b.append(EN_SMALL[h]).append(" hundred");
        }
        if (rest > 0) {
            if (b.length() > 0) {
                b.append(' ');
            }
            if (rest < 20) {
                b.append(EN_SMALL[rest]);
            } else {
                b.append(EN_TENS[rest / 10]);
                if (rest % 10 > 0) {
                    b.append('-').append(EN_SMALL[rest % 10]);
                }
            }
        }
        return b.toString();
    }
}
