package vn.dxgov.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.dxgov.shared.VietDates;

/**
 * Dates for templates, as the bean {@code @date} (like {@code @num} for numbers): {@code ${@date.day(x)}} gives
 * "05/12/2026" or "—" for none, {@code ${@date.words(x)}} "ngày 05 tháng 12 năm 2026", {@code ${@date.time(i)}}
 * "05/12/2026 10:00" in Vietnam's time, {@code ${@date.written(d, text)}} a date a document wrote incompletely.
 * Templates format no date any other way ({@code #temporals.format} is not used): {@link VietDates} is the one rule.
 */
@Component("date")
public class DateHelper {

    /** "05/12/2026"; "—" for none. */
    public String day(LocalDate d) {
        return VietDates.day(d);
    }

    /** "ngày 05 tháng 12 năm 2026" ("5 December 2026"); "chưa ghi ngày" for none. */
    public String words(LocalDate d) {
        return VietDates.words(d, LocaleContextHolder.getLocale());
    }

    /** "05/12/2026 10:00" in Vietnam's time; "—" for none. */
    public String time(Instant i) {
        return VietDates.time(i);
    }

    /** The day when known, else what the document's text says of it ("tháng 01/2022 (chưa ghi ngày)"), else "—". */
    public String written(LocalDate d, String asWritten) {
        return VietDates.dayOrWritten(d, asWritten, LocaleContextHolder.getLocale());
    }
}
