package vn.dxgov.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people read them, the one place pages, messages and documents take them from: {@code 05/12/2026} on a
 * page, {@code ngày 05 tháng 12 năm 2026} in a document's sentence, {@code 05/12/2026 10:00} for a moment (Vietnam's
 * time). An absent date is never an empty hole in a sentence: {@value #ABSENT} in a table cell, "chưa ghi ngày" where
 * a sentence needs words; a date a document wrote incompletely ("ngày /01/2022", "ngày tháng năm 2021") is shown by
 * what it does say ("tháng 01/2022 (chưa ghi ngày)"). English pages keep the day-first numbers (the handbook's
 * convention) and say the words in English. Templates use it as the bean {@code @date} ({@code shared.web.DateHelper}).
 */
public final class VietDates {

    /** What a table cell or a definition shows for no date. */
    public static final String ABSENT = "—";

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20|21)\\d\\d)(?!\\d)");
    private static final Pattern MONTH_YEAR = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*[/.-]\\s*((?:19|20|21)\\d\\d)(?!\\d)");
    private static final Pattern MONTH_WORD = Pattern.compile("(?iu)tháng\\s+(\\d{1,2})\\b");

    private VietDates() {
    }

    /** "05/12/2026"; {@value #ABSENT} for none. */
    public static String day(LocalDate d) {
        return d == null ? ABSENT : DAY.format(d);
    }

    /** "05/12/2026"; "" for none (a cell of a spreadsheet, a field's value). */
    public static String dayOrEmpty(LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }

    /**
     * A day typed in a form: a date picker's 2025-07-01, or 01/07/2025 (1/7/2025) as people write it, where a
     * browser shows a plain text box. Blank is none; anything else throws a {@link java.time.DateTimeException}.
     */
    public static LocalDate parseTyped(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (t.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
            return LocalDate.parse(t, java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu")
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT));
        }
        return LocalDate.parse(t);
    }

    /** A moment in Vietnam's time: "05/12/2026 10:00"; {@value #ABSENT} for none. */
    public static String time(Instant i) {
        return i == null ? ABSENT : TIME.format(i);
    }

    /**
     * The date in a document's sentence: "ngày 05 tháng 12 năm 2026" ("5 December 2026" in English); for none,
     * "chưa ghi ngày" ("no date given").
     */
    public static String words(LocalDate d, Locale locale) {
        if (english(locale)) {
            return d == null ? "no date given"
                    : d.getDayOfMonth() + " " + d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d.getYear();
        }
        return d == null ? "chưa ghi ngày"
                : String.format("ngày %02d tháng %02d năm %d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    /** {@link #words(LocalDate, Locale)} in Vietnamese. */
    public static String words(LocalDate d) {
        return words(d, VietText.VI);
    }

    /**
     * A date that may be known only as a document wrote it: the day when known ({@link #day}); else what the written
     * text does say, with the day marked missing: "tháng 01/2022 (chưa ghi ngày)" for "ngày /01/2022", "năm 2021
     * (chưa ghi ngày)" for "ngày tháng năm 2021"; else {@value #ABSENT}. Never the written text with its holes.
     */
    public static String dayOrWritten(LocalDate d, String written, Locale locale) {
        if (d != null) {
            return day(d);
        }
        if (written == null || written.isBlank()) {
            return ABSENT;
        }
        boolean en = english(locale);
        Matcher my = MONTH_YEAR.matcher(written);
        Integer month = null;
        Integer year = null;
        if (my.find()) {
            month = Integer.parseInt(my.group(1));
            year = Integer.parseInt(my.group(2));
        } else {
            Matcher y = YEAR.matcher(written);
            if (y.find()) {
                year = Integer.parseInt(y.group(1));
            }
            Matcher mw = MONTH_WORD.matcher(written);
            if (mw.find()) {
                month = Integer.parseInt(mw.group(1));
            }
        }
        if (month != null && (month < 1 || month > 12)) {
            month = null;
        }
        if (year == null) {
            return en ? "no date given" : "chưa ghi ngày";
        }
        if (month == null) {
            return en ? year + " (no day given)" : "năm " + year + " (chưa ghi ngày)";
        }
        return en ? Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year + " (no day given)"
                : String.format("tháng %02d/%d (chưa ghi ngày)", month, year);
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
