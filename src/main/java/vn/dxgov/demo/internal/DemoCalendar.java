package vn.dxgov.demo.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.shared.Period;

/**
 * Where each reporting period stands on "today" (the application's clock in Vietnam), so the demonstration history
 * moves with the date instead of stopping at a fixed year. Pure; per schedule:
 * <ul>
 *   <li>{@link Phase#HISTORY}: ended before the last ended period: every report approved (a few never came);</li>
 *   <li>{@link Phase#LATEST}: the last period that ended: being approved (some wait for review, one is back with
 *   its agency, a few drafts or missing);</li>
 *   <li>{@link Phase#CURRENT}: contains today: open, drafts for some agencies, submissions only close to the
 *   deadline, nobody approved, and nobody late unless the deadline has passed;</li>
 *   <li>{@link Phase#FUTURE}: starts after today: nothing.</li>
 * </ul>
 * With today 04/12/2026 and seed 001's annual deadline 05/12: 2022–2024 HISTORY, 2025 LATEST, 2026 CURRENT (due
 * tomorrow).
 */
final class DemoCalendar {

    enum Phase {
        HISTORY, LATEST, CURRENT, FUTURE
    }

    private DemoCalendar() {
    }

    /** The phase of each period (by id) on {@code today}. */
    static Map<Long, Phase> phases(List<ReportingPeriod> periods, LocalDate today) {
        Map<Long, LocalDate> latestEnd = new HashMap<>(); // schedule → end of its last ended period
        for (ReportingPeriod p : periods) {
            LocalDate end = Period.parse(p.period()).end();
            if (end.isBefore(today)) {
                latestEnd.merge(p.scheduleId(), end, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        Map<Long, Phase> out = new HashMap<>();
        for (ReportingPeriod p : periods) {
            Period period = Period.parse(p.period());
            Phase phase;
            if (period.start().isAfter(today)) {
                phase = Phase.FUTURE;
            } else if (!period.end().isBefore(today)) {
                phase = Phase.CURRENT;
            } else {
                phase = period.end().equals(latestEnd.get(p.scheduleId())) ? Phase.LATEST : Phase.HISTORY;
            }
            out.put(p.id(), phase);
        }
        return out;
    }

    /** The last full year on {@code today} (2025 on 04/12/2026): yearly values run to it, the current year's are drafts. */
    static int lastFullYear(LocalDate today) {
        return today.getYear() - 1;
    }
}
