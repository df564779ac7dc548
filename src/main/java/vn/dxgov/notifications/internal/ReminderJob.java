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
import vn.dxgov.shared.db.RunOnce;

/**
 * Sends the day's reminders on a schedule: {@code dxgov.reminders.cron} (default every day at 07:00) in
 * {@code dxgov.reminders.zone} (default Asia/Ho_Chi_Minh). Off with {@code dxgov.reminders.enabled=false}
 * (DXGOV_REMINDERS_ENABLED). Safe to run on every node: the day's run is claimed once across the nodes
 * ({@link RunOnce}, job {@code reminders}, slot the time of the schedule's latest run), and each reminder is claimed once in the database besides.
 * A node that starts after today's run time (it was down at 07:00) catches up today's reminders in the background,
 * unless a node already ran them today.
 */
@Component
@ConditionalOnProperty(name = "dxgov.reminders.enabled", havingValue = "true", matchIfMissing = true)
class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final Reminders reminders;
    private final ZoneId zone;
    private final CronExpression cron;
    private final TaskExecutor executor;
    private final RunOnce once;

    @org.springframework.beans.factory.annotation.Autowired
    ReminderJob(Reminders reminders, @Value("${dxgov.reminders.zone:Asia/Ho_Chi_Minh}") String zone,
                @Value("${dxgov.reminders.cron:0 0 7 * * *}") String cron,
                @Qualifier("applicationTaskExecutor") TaskExecutor executor, RunOnce once) {
        this.reminders = reminders;
        this.zone = ZoneId.of(zone);
        this.cron = CronExpression.parse(cron);
        this.executor = executor;
        this.once = once;
    }

    /** A job of one process: every run runs (unit tests). */
    ReminderJob(Reminders reminders, String zone, String cron, TaskExecutor executor) {
        this(reminders, zone, cron, executor, RunOnce.always());
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
            executor.execute(() -> runToday());
        }
    }

    /** True when the schedule had a run today before {@code now} (so a node starting now may have missed it). */
    boolean ranEarlierToday(ZonedDateTime now) {
        ZonedDateTime next = cron.next(now.toLocalDate().atStartOfDay(zone).minusNanos(1));
        return next != null && next.toLocalDate().equals(now.toLocalDate()) && !next.isAfter(now);
    }

    /**
     * The run a call at {@code now} stands for: the schedule's latest time at or before now today (the nodes' clocks
     * agree to the second, so every node's scheduler and a late node's catch-up name the same run), else the day.
     */
    String slot(ZonedDateTime now) {
        ZonedDateTime last = null;
        ZonedDateTime t = cron.next(now.toLocalDate().atStartOfDay(zone).minusNanos(1));
        while (t != null && !t.isAfter(now.plusSeconds(1))) {
            last = t;
            t = cron.next(t);
        }
        return last == null ? now.toLocalDate().toString() : last.toOffsetDateTime().toString();
    }

    /** Runs today's reminders unless a node already did; true when this call ran them. */
    boolean runToday() {
        try {
            ZonedDateTime now = ZonedDateTime.now(zone);
            LocalDate today = now.toLocalDate();
            return once.run("reminders", slot(now), () -> reminders.runReminders(today));
        } catch (RuntimeException e) {
            // e.g. the database is down; the next start or the next day's run sends what is still due then
            log.error("The reminder job failed", e);
            return false;
        }
    }
}
