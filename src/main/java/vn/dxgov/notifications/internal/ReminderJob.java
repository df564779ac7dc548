package vn.dxgov.notifications.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.dxgov.notifications.Reminders;

/**
 * Sends the day's reminders on a schedule: {@code dxgov.reminders.cron} (default every day at 07:00) in
 * {@code dxgov.reminders.zone} (default Asia/Ho_Chi_Minh). Off with {@code dxgov.reminders.enabled=false}
 * (DXGOV_REMINDERS_ENABLED). Safe to run on every node: each reminder is claimed once in the database.
 */
@Component
@ConditionalOnProperty(name = "dxgov.reminders.enabled", havingValue = "true", matchIfMissing = true)
class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final Reminders reminders;
    private final ZoneId zone;

    ReminderJob(Reminders reminders, @Value("${dxgov.reminders.zone:Asia/Ho_Chi_Minh}") String zone) {
        this.reminders = reminders;
        this.zone = ZoneId.of(zone);
    }

    @Scheduled(cron = "${dxgov.reminders.cron:0 0 7 * * *}", zone = "${dxgov.reminders.zone:Asia/Ho_Chi_Minh}")
    void daily() {
        try {
            reminders.runReminders(LocalDate.now(zone));
        } catch (RuntimeException e) {
            // e.g. the database is down; a reminder not claimed today is not sent later (its day has passed)
            log.error("The reminder job failed", e);
        }
    }
}
