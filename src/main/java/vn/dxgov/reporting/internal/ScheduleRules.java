package vn.dxgov.reporting.internal;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.reporting.Frequency;
import vn.dxgov.shared.Period;

/**
 * The arithmetic of reporting schedules, free of the database: checking a schedule, the periods it generates and
 * their deadlines.
 *
 * <p>A due day-month belongs to one period of the year (the i-th entry to the i-th period). Its date is the first
 * occurrence of that day and month on or after the first day of the period's last month: "05/12" for the year 2025 is
 * 5 December 2025, "30/06" for 2025S1 is 30 June 2025, "15/01" for the year 2025 is 15 January 2026 (a report on
 * the year just ended).
 */
final class ScheduleRules {

    /** Earliest and latest year a schedule may cover, and its longest span. */
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    static final int MAX_SPAN = 30;
    static final int MAX_REMINDER_DAYS = 90;

    static final List<Integer> DEFAULT_BEFORE = List.of(7, 3, 1);
    static final List<Integer> DEFAULT_AFTER = List.of(1, 3, 7);

    private static final Pattern DAY_MONTH = Pattern.compile("\\s*(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*");

    private ScheduleRules() {
    }

    /** A failure of a schedule, as a message key of the reporting bundle and its arguments. */
    record Problem(String key, Object... args) {
    }

    /** How many due dates a schedule of a frequency has: one per period of the year. */
    static int perYear(Frequency frequency) {
        return frequency.periodType().perYear();
    }

    /** Reads "5/12" or "05/12"; empty when it is not a day that exists every year (29/02 does not). */
    static java.util.Optional<MonthDay> parse(String dayMonth) {
        if (dayMonth == null) {
            return java.util.Optional.empty();
        }
        Matcher m = DAY_MONTH.matcher(dayMonth);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        int day = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12 || day < 1 || (month == 2 && day > 28)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(MonthDay.of(month, day));
        } catch (java.time.DateTimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** "05/12". */
    static String format(MonthDay md) {
        return String.format("%02d/%02d", md.getDayOfMonth(), md.getMonthValue());
    }

    /** Normalises a list of day-months to "dd/MM" (the caller has checked them). */
    static List<String> normalise(List<String> dayMonths) {
        return dayMonths == null ? null : dayMonths.stream().map(s -> format(parse(s).orElseThrow())).toList();
    }

    /** The date of a due day-month for a period: its first occurrence on or after the first day of the period's last month. */
    static LocalDate dueDate(Period period, MonthDay dayMonth) {
        LocalDate from = period.end().withDayOfMonth(1);
        LocalDate candidate = dayMonth.atYear(from.getYear());
        return candidate.isBefore(from) ? dayMonth.atYear(from.getYear() + 1) : candidate;
    }

    /** The periods of a frequency over some years, in order. */
    static List<Period> periods(Frequency frequency, int firstYear, int lastYear) {
        List<Period> out = new ArrayList<>();
        for (int y = firstYear; y <= lastYear; y++) {
            for (int i = 1; i <= perYear(frequency); i++) {
                out.add(Period.of(frequency.periodType(), y, i));
            }
        }
        return out;
    }

    /**
     * The default due dates when a document names a frequency but no dates: the 15th day of the last month of each
     * period (15/12 yearly; 15/06 and 15/12 half-yearly; 15/03, 15/06, 15/09, 15/12 quarterly; the 15th of each month
     * monthly).
     */
    static List<String> defaultDue(Frequency frequency) {
        int n = perYear(frequency);
        int months = 12 / n;
        List<String> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(format(MonthDay.of(i * months, 15)));
        }
        return out;
    }

    /** Every problem of a schedule; empty when it can be saved. */
    static List<Problem> check(Frequency frequency, List<String> agencyDue, List<String> consolidationDue,
                               int firstYear, int lastYear, List<Integer> before, List<Integer> after) {
        List<Problem> problems = new ArrayList<>();
        if (frequency == null) {
            problems.add(new Problem("reporting.schedule.error.frequency"));
            return problems;
        }
        int n = perYear(frequency);
        List<MonthDay> agency = dates(agencyDue, n, "reporting.schedule.error.agencyCount", problems);
        List<MonthDay> consolidation = consolidationDue == null || consolidationDue.isEmpty() ? null
                : dates(consolidationDue, n, "reporting.schedule.error.consolidationCount", problems);
        boolean yearsOk = firstYear >= MIN_YEAR && lastYear <= MAX_YEAR && firstYear <= lastYear
                && lastYear - firstYear < MAX_SPAN;
        if (!yearsOk) {
            problems.add(new Problem("reporting.schedule.error.years", Integer.toString(firstYear),
                    Integer.toString(lastYear), MIN_YEAR + "", MAX_YEAR + "", MAX_SPAN));
        }
        reminders(before, problems);
        reminders(after, problems);
        if (agency != null && consolidation != null) {
            // the same in every year: compare on one year
            int year = yearsOk ? firstYear : 2025;
            for (int i = 0; i < n; i++) {
                Period p = Period.of(frequency.periodType(), year, i + 1);
                LocalDate a = dueDate(p, agency.get(i));
                LocalDate c = dueDate(p, consolidation.get(i));
                if (!c.isAfter(a)) {
                    problems.add(new Problem("reporting.schedule.error.consolidationBefore", format(consolidation.get(i)),
                            format(agency.get(i)), p.code()));
                }
            }
        }
        return problems;
    }

    private static List<MonthDay> dates(List<String> dayMonths, int n, String countKey, List<Problem> problems) {
        if (dayMonths == null || dayMonths.size() != n) {
            problems.add(new Problem(countKey, n, dayMonths == null ? 0 : dayMonths.size()));
            return null;
        }
        List<MonthDay> out = new ArrayList<>();
        boolean ok = true;
        for (String s : dayMonths) {
            java.util.Optional<MonthDay> md = parse(s);
            if (md.isEmpty()) {
                problems.add(new Problem("reporting.schedule.error.date", s == null ? "" : s));
                ok = false;
            } else {
                out.add(md.get());
            }
        }
        return ok ? out : null;
    }

    private static void reminders(List<Integer> days, List<Problem> problems) {
        if (days == null) {
            return;
        }
        for (Integer d : days) {
            if (d == null || d < 0 || d > MAX_REMINDER_DAYS) {
                problems.add(new Problem("reporting.schedule.error.reminder", String.valueOf(d), MAX_REMINDER_DAYS));
            }
        }
    }

    /** "{05/12,15/12}" for a PostgreSQL text[] (the values are plain day-months or numbers). */
    static String arrayLiteral(List<?> values) {
        if (values == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(values.get(i)).append('"');
        }
        return sb.append('}').toString();
    }
}
