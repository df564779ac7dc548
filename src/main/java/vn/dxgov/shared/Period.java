package vn.dxgov.shared;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period (kỳ báo cáo) written as a code: a year {@code 2025}, a half-year {@code 2025S1}, a quarter
 * {@code 2025Q3} or a month {@code 2025-06}. Periods nest: a year contains its halves, quarters and months.
 */
public record Period(Type type, int year, int index) implements Comparable<Period> {

    /** The kind of period, coarsest first. */
    public enum Type {
        YEAR(1), HALF(2), QUARTER(4), MONTH(12);

        private final int perYear;

        Type(int perYear) {
            this.perYear = perYear;
        }

        /** How many periods of this type a year has. */
        public int perYear() {
            return perYear;
        }

        /** Months in one period of this type. */
        public int months() {
            return 12 / perYear;
        }
    }

    private static final String[] ROMAN = {"I", "II", "III", "IV"};
    private static final Pattern CODE = Pattern.compile("(\\d{4})(?:(S)([12])|(Q)([1-4])|-(\\d{2}))?");

    public Period {
        if (year < 1900 || year > 2200) {
            throw new IllegalArgumentException("Năm ngoài khoảng 1900-2200: " + year);
        }
        if (index < 1 || index > type.perYear()) {
            throw new IllegalArgumentException("Kỳ " + index + " không hợp lệ cho loại " + type);
        }
    }

    /**
     * Reads a period code. Throws {@link IllegalArgumentException} with a message naming the accepted forms.
     */
    public static Period parse(String code) {
        if (code == null) {
            throw new IllegalArgumentException("Thiếu mã kỳ báo cáo (2025, 2025S1, 2025Q3, 2025-06)");
        }
        Matcher m = CODE.matcher(code.trim().toUpperCase());
        if (!m.matches()) {
            throw new IllegalArgumentException("Mã kỳ báo cáo \"" + code
                    + "\" không hợp lệ; dùng 2025 (năm), 2025S1 (6 tháng), 2025Q3 (quý) hoặc 2025-06 (tháng)");
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return new Period(Type.HALF, year, Integer.parseInt(m.group(3)));
        }
        if (m.group(4) != null) {
            return new Period(Type.QUARTER, year, Integer.parseInt(m.group(5)));
        }
        if (m.group(6) != null) {
            int month = Integer.parseInt(m.group(6));
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("Tháng \"" + m.group(6) + "\" không hợp lệ trong mã kỳ " + code);
            }
            return new Period(Type.MONTH, year, month);
        }
        return new Period(Type.YEAR, year, 1);
    }

    public static Period year(int year) {
        return new Period(Type.YEAR, year, 1);
    }

    public static Period of(Type type, int year, int index) {
        return new Period(type, year, index);
    }

    /** The period of a type that contains a day. */
    public static Period containing(Type type, LocalDate day) {
        int monthIndex = day.getMonthValue() - 1;
        return new Period(type, day.getYear(), monthIndex / type.months() + 1);
    }

    /** The code: 2025, 2025S1, 2025Q3, 2025-06. */
    public String code() {
        return switch (type) {
            case YEAR -> Integer.toString(year);
            case HALF -> year + "S" + index;
            case QUARTER -> year + "Q" + index;
            case MONTH -> String.format("%d-%02d", year, index);
        };
    }

    /**
     * The period as people name it, in Vietnamese ("Năm 2025", "6 tháng đầu năm 2025", "Quý III/2025",
     * "Tháng 06/2025") or English ("Year 2025", "First half of 2025", "Q3 2025", "June 2025"): the one place every
     * page, form and document takes it from.
     */
    public String label(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return english ? englishLabel() : switch (type) {
            case YEAR -> "Năm " + year;
            case HALF -> (index == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year;
            case QUARTER -> "Quý " + ROMAN[index - 1] + "/" + year;
            case MONTH -> String.format("Tháng %02d/%d", index, year);
        };
    }

    private String englishLabel() {
        return switch (type) {
            case YEAR -> "Year " + year;
            case HALF -> (index == 1 ? "First half of " : "Second half of ") + year;
            case QUARTER -> "Q" + index + " " + year;
            case MONTH -> Month.of(index).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year;
        };
    }

    /** The label of a period code ({@link #label(Locale)}); a code that is not a period is shown as written. */
    public static String label(String code, Locale locale) {
        try {
            return parse(code).label(locale);
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    public LocalDate start() {
        return LocalDate.of(year, (index - 1) * type.months() + 1, 1);
    }

    public LocalDate end() {
        return YearMonth.of(year, index * type.months()).atEndOfMonth();
    }

    /** True when this period covers all of {@code other} (a period contains itself). */
    public boolean contains(Period other) {
        return !other.start().isBefore(start()) && !other.end().isAfter(end());
    }

    /** The periods of a finer (or equal) type that make up this one, in order. */
    public List<Period> split(Type finer) {
        if (finer.perYear() < type.perYear()) {
            throw new IllegalArgumentException(type + " cannot be split into " + finer);
        }
        int per = finer.perYear() / type.perYear();
        List<Period> out = new ArrayList<>(per);
        for (int i = 1; i <= per; i++) {
            out.add(new Period(finer, year, (index - 1) * per + i));
        }
        return out;
    }

    /** The period of a coarser (or equal) type that contains this one. */
    public Period within(Type coarser) {
        return containing(coarser, start());
    }

    public Period next() {
        return index < type.perYear() ? new Period(type, year, index + 1) : new Period(type, year + 1, 1);
    }

    public Period previous() {
        return index > 1 ? new Period(type, year, index - 1) : new Period(type, year - 1, type.perYear());
    }

    /** Earlier start first; at the same start the longer period first. */
    @Override
    public int compareTo(Period o) {
        int c = start().compareTo(o.start());
        return c != 0 ? c : Integer.compare(type.perYear(), o.type.perYear());
    }

    @Override
    public String toString() {
        return code();
    }
}
