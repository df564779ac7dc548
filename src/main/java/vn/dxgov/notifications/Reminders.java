package vn.dxgov.notifications;

import java.time.LocalDate;
import java.util.List;

/**
 * E-mail and in-app reminders before and after agencies' reporting deadlines. For every reporting period whose agency
 * deadline is {@code today + d} (d in the schedule's {@code reminderDaysBefore}) or {@code today - d} (d in
 * {@code reminderDaysAfter}), each required agency that has not submitted (no report, DRAFT or RETURNED) is reminded
 * once: running again the same day, or on another node, sends nothing more. A reminder whose e-mail failed is not
 * recorded and goes out on the next run. Periods of unpublished plans and closed periods are not reminded.
 */
public interface Reminders {

    enum Outcome {
        /** sent now (in-app, and by e-mail when mail is on and the agency has addresses) */
        SENT,
        /** sent by an earlier run */
        ALREADY_SENT,
        /** the e-mail failed; nothing recorded, the next run tries again */
        FAILED
    }

    /**
     * One reminder of a run.
     *
     * @param kind       BEFORE (days left) or AFTER (overdue)
     * @param recipients the e-mail addresses it went to (empty when mail is off or the agency has none)
     */
    record Reminder(long reportingPeriodId, long planId, String period, long agencyId, String agencyName, String kind,
                    int offsetDays, LocalDate dueOn, List<String> recipients, Outcome outcome) {
    }

    record Run(LocalDate date, boolean mailEnabled, int sent, int alreadySent, int failed, List<Reminder> reminders) {
    }

    /** Sends the reminders due on {@code today}; never throws for one failed reminder. */
    Run runReminders(LocalDate today);
}
