package vn.dxgov.reporting.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Formatting for the reporting templates (as {@code fmt}): Vietnamese dates, times in Vietnam, plain numbers; on a
 * form, what the user typed wins over what is stored.
 */
public final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ReportingConfig.VIETNAM);

    private final Map<String, String> entered;

    Formats(Map<String, String> entered) {
        this.entered = entered;
    }

    public String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
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
            return plain(b);
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

    /** A stored figure for a message: a ratio as "numerator / denominator (percent %)", else the value. */
    static String figure(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
        if (numerator != null && denominator != null) {
            BigDecimal pc = ReportingViews.percent(numerator, denominator);
            return numerator.stripTrailingZeros().toPlainString() + " / " + denominator.stripTrailingZeros().toPlainString()
                    + (pc == null ? "" : " (" + pc.stripTrailingZeros().toPlainString() + " %)");
        }
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    public String plain(BigDecimal b) {
        return b == null ? "" : b.stripTrailingZeros().toPlainString();
    }
}
