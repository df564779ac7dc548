package vn.dxgov.notifications.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import vn.dxgov.notifications.Reminders;

/**
 * Sends the day's reminders on a schedule: {@code dxgov.reminders.cron} (default every day at 07:00) in
 * {@code dxgov.reminders.zone} (default Asia/Ho_Chi_Minh). Off with {@code dxgov.reminders.enabled=false}
 * (DXGOV_REMINDERS_ENABLED). Safe to run on every node: each reminder is claimed once in the database.
 * A node that starts after today's run time (it was down at 07:00) catches up today's reminders in the background.
 */
@Component
@ConditionalOnProperty(name = "dxgov.reminders.enabled", havingValue = "true", matchIfMissing = true)
class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final Reminders reminders;
    private final ZoneId zone;
    private final CronExpression cron;
    private final TaskExecutor executor;

    ReminderJob(Reminders reminders, @Value("${dxgov.reminders.zone:Asia/Ho_Chi_Minh}") String zone,
                @Value("${dxgov.reminders.cron:0 0 7 * * *}") String cron,
                @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.reminders = reminders;
        this.zone = ZoneId.of(zone);
        this.cron = CronExpression.parse(cron);
        this.executor = executor;
    }

    @Scheduled(cron = "${dxgov.reminders.cron:0 0 7 * * *}", zone = "${dxgov.reminders.zone:Asia/Ho_Chi_Minh}")
    void daily() {
        runToday();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void catchUp() {
        ZonedDateTime now = ZonedDateTime.now(zone);
        if (ranEarlierToday(now)) {
            executor.execute(this::runToday);
        }
    }

    /** True when the schedule had a run today before {@code now} (so a node starting now may have missed it). */
    boolean ranEarlierToday(ZonedDateTime now) {
        ZonedDateTime next = cron.next(now.toLocalDate().atStartOfDay(zone).minusNanos(1));
        return next != null && next.toLocalDate().equals(now.toLocalDate()) && !next.isAfter(now);
    }

    private void runToday() {
        try {
            reminders.runReminders(LocalDate.now(zone));
        } catch (RuntimeException e) {
            // e.g. the database is down; the next start or the next day's run sends what is still due then
            log.error("The reminder job failed", e);
        }
    }
}
