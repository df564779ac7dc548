package vn.dxgov.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dxgov.notifications.Reminders;

/** The daily job: when a node that starts late catches up today's reminders. */
class ReminderJobTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    final List<LocalDate> runs = new ArrayList<>();
    final Reminders recorder = today -> {
        runs.add(today);
        return new Reminders.Run(today, false, 0, 0, 0, List.of());
    };

    ReminderJob job(String cron) {
        return new ReminderJob(recorder, "Asia/Ho_Chi_Minh", cron, Runnable::run);
    }

    static ZonedDateTime at(int hour, int minute) {
        return LocalDate.of(2025, 11, 28).atTime(hour, minute).atZone(HANOI);
    }

    @Test
    void aNodeStartingAfterSevenCatchesUpAndOneStartingBeforeWaits() {
        ReminderJob daily = job("0 0 7 * * *");
        assertThat(daily.ranEarlierToday(at(6, 59))).isFalse();
        assertThat(daily.ranEarlierToday(at(7, 0))).isTrue();
        assertThat(daily.ranEarlierToday(at(23, 30))).isTrue();
        // a schedule on Mondays only: 28/11/2025 is a Friday
        assertThat(job("0 0 7 * * MON").ranEarlierToday(at(9, 0))).isFalse();
    }

    @Test
    void theJobRunsForTodayInVietnamAndNeverThrows() {
        ReminderJob daily = job("0 0 7 * * *");
        daily.daily();
        assertThat(runs).containsExactly(LocalDate.now(HANOI));
        new ReminderJob(today -> {
            throw new IllegalStateException("database down");
        }, "Asia/Ho_Chi_Minh", "0 0 7 * * *", Runnable::run).daily();
    }

    @Test
    void twoSchedulersFiringTogetherSendTheDaysRemindersOnce() {
        // the claim as the database makes it (shared.db.JdbcRunOnce; across two real nodes: cluster TwoNodesIT)
        java.util.Set<String> claimed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        vn.dxgov.shared.db.RunOnce once = (job, slot, work) -> {
            if (!claimed.add(job + "/" + slot)) {
                return false;
            }
            work.run();
            return true;
        };
        ReminderJob nodeA = new ReminderJob(recorder, "Asia/Ho_Chi_Minh", "0 0 7 * * *", Runnable::run, once);
        ReminderJob nodeB = new ReminderJob(recorder, "Asia/Ho_Chi_Minh", "0 0 7 * * *", Runnable::run, once);
        boolean a = nodeA.runToday();
        boolean b = nodeB.runToday();
        assertThat(a ^ b).as("exactly one of the two ran").isTrue();
        assertThat(runs).hasSize(1);
        // both name the same run: the day's 07:00, or the day before it
        assertThat(nodeA.slot(at(9, 30))).isEqualTo(nodeB.slot(at(9, 30))).isEqualTo("2025-11-28T07:00+07:00");
        assertThat(nodeA.slot(at(6, 0))).isEqualTo("2025-11-28");
    }
}
