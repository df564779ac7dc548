package vn.dxgov.reporting.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import vn.dxgov.shared.Numbers;

/**
 * Formatting for the reporting templates (as {@code fmt}): Vietnamese dates, times in Vietnam, numbers in the number
 * grammar of the request's language ({@link Numbers}); on a form, what the user typed wins over what is stored, and a
 * stored figure is written with all its decimals so that saving the form again keeps it.
 */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ReportingConfig.VIETNAM);

    private final Map<String, String> entered;

    Formats(Map<String, String> entered) {
        this.entered = entered;
    }

    public String date(LocalDate d) {
        return vn.dxgov.shared.VietDates.day(d);
    }

    public String time(Instant i) {
        return i == null ? "" : TIME.format(i);
    }

    public long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    public String value(String name, Object stored) {
        if (entered.containsKey(name)) {
            return entered.get(name);
        }
        if (stored == null) {
            return "";
        }
        if (stored instanceof BigDecimal b) {
            return Numbers.current().exact(b);
        }
        return stored instanceof Enum<?> e ? e.name() : stored.toString();
    }

    public BigDecimal percent(BigDecimal numerator, BigDecimal denominator) {
        return ReportingViews.percent(numerator, denominator);
    }

    /** A moment in Vietnam's time, for messages built outside a template. */
    static String instant(Instant i) {
        return i == null ? "" : TIME.format(i);
    }

    /**
     * A stored figure for a message, in the request's language: a ratio as "numerator / denominator (percent)", else
     * the value.
     */
    static String figure(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
        Numbers n = Numbers.current();
        if (numerator != null && denominator != null) {
            BigDecimal pc = ReportingViews.percent(numerator, denominator);
            return n.value(numerator) + " / " + n.value(denominator) + (pc == null ? "" : " (" + n.percent(pc) + ")");
        }
        return value == null ? "—" : n.value(value);
    }

    /** A figure in the request's language ("1.250.300", "12,5"); numbers on pages otherwise go through {@code @num}. */
    public String plain(BigDecimal b) {
        return Numbers.current().value(b);
    }
}
