package vn.dxgov.reporting.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import vn.dxgov.shared.Numbers;

/**
 * How the cells of a batch file are read: numbers, whole numbers and days. Pure, no Spring.
 *
 * <h2>Numbers in a machine file</h2>
 * A program writes numbers with a decimal point and no grouping ("1300", "1300.5", "0.25"). A person's spreadsheet in
 * Vietnamese writes "1.300" for one thousand three hundred and "1,5" for one and a half. The cell alone cannot always
 * tell which was meant, so the rule is:
 * <ol>
 *   <li>A column may declare its form in the header: {@code value@vi} (Vietnamese: "1.300" = 1300, "12,5" = 12.5,
 *   through {@link Numbers#VI}) or {@code value@machine} (decimal point, no grouping: "1.300" = 1.3).</li>
 *   <li>Without a declaration, a number with exactly one separator ({@code .} or {@code ,}) followed by exactly three
 *   digits after one to three digits not starting with 0 ("1.300", "12,500", "-1.300") is <b>ambiguous</b> (1300 or
 *   1.3? 12500 or 12.5?) and refused with a problem asking to write it without grouping (1300) or with another number of
 *   decimals (1.3), or to declare the column.</li>
 *   <li>Otherwise a cell with a comma, or with more than one point, can only be the Vietnamese form ("1.300,5",
 *   "12,5", "1.250.300"): read by {@link Numbers#VI}; anything else is the machine form ("1300", "1.5", "0.300"), read
 *   by {@link Numbers#EN} (which, without a comma, is exactly the machine form). Exponents ("1E+05") are refused.</li>
 * </ol>
 */
final class BatchNumbers {

    /** How a number column is written. */
    enum Form {
        /** Not declared: the rule above. */
        AUTO,
        /** Declared {@code @vi}. */
        VI,
        /** Declared {@code @machine}. */
        MACHINE
    }

    /** A cell read: a value, or the message key of its problem with the arguments; both null for a blank cell. */
    record Cell<T>(T value, String problem, Object... args) {
        boolean ok() {
            return problem == null;
        }
    }

    private static final Pattern AMBIGUOUS = Pattern.compile("[+\\-\\u2212]?[1-9]\\d{0,2}[.,]\\d{3}");
    private static final Pattern WHOLE = Pattern.compile("[+]?\\d{1,18}");
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private BatchNumbers() {
    }

    static Cell<BigDecimal> number(String text, Form form) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return new Cell<>(null, null);
        }
        Numbers grammar;
        if (form == Form.VI) {
            grammar = Numbers.VI;
        } else if (form == Form.MACHINE) {
            if (s.indexOf(',') >= 0) {
                return new Cell<>(null, "batch.number.machine", s);
            }
            grammar = Numbers.EN;
        } else if (AMBIGUOUS.matcher(s).matches()) {
            return new Cell<>(null, "batch.number.ambiguous", s, s.replaceAll("[.,]", ""),
                    s.replaceAll("[.,]\\d{3}$", "") + "." + s.substring(s.length() - 3).replaceAll("0+$", "").replaceAll("^$", "0"));
        } else {
            grammar = s.indexOf(',') >= 0 || s.indexOf('.') != s.lastIndexOf('.') ? Numbers.VI : Numbers.EN;
        }
        Numbers.Reading r = grammar.parse(s);
        if (r.ok()) {
            return new Cell<>(r.value(), null);
        }
        // the Vietnamese grammar's own message shows how to write it; a machine number has one way only
        return grammar == Numbers.VI ? new Cell<>(null, r.problem().key(), r.problem().arguments())
                : new Cell<>(null, "batch.number.invalid", s);
    }

    /** An id or a version: digits only. */
    static Cell<Long> whole(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return new Cell<>(null, null);
        }
        if (!WHOLE.matcher(s).matches()) {
            return new Cell<>(null, "batch.whole.invalid", s);
        }
        return new Cell<>(Long.parseLong(s.startsWith("+") ? s.substring(1) : s), null);
    }

    /** A day: 2025-12-31 (ISO, as programs write it) or 31/12/2025. */
    static Cell<LocalDate> day(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return new Cell<>(null, null);
        }
        try {
            return new Cell<>(s.indexOf('/') >= 0 ? LocalDate.parse(s, DAY_MONTH_YEAR) : LocalDate.parse(s), null);
        } catch (DateTimeParseException e) {
            return new Cell<>(null, "batch.day.invalid", s);
        }
    }
}
