package vn.dxgov.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionAction;
import vn.dxgov.reporting.SubmissionChanged;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.units.AgencyDirectory;

/**
 * A workflow step's in-app notice is written in the step's own transaction, on its connection (issue 13): it commits
 * and rolls back with the step, and many steps at once never wait for a second pooled connection. Before, the notice
 * was written after the commit in a transaction of its own while the step still held its connection; with more
 * request threads than connections every thread held one and waited for another until the pool's timeout (the
 * deadline minute of bench/load.sh: 1.351 answers 500).
 */
@SpringBootTest
@ActiveProfiles("test")
class WorkflowNoticeTransactionIT {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HikariDataSource pool;
    @Autowired
    AgencyDirectory agencies;

    long agency;

    @BeforeEach
    void agency() {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L), 36);
        agency = agencies.resolve("Sở Tài chính", "W" + run.substring(0, Math.min(4, run.length())) + "x")
                .get(0).agency().id();
    }

    @Test
    void theNoticeCommitsAndRollsBackWithItsStep() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> events.publishEvent(returned("Thiếu minh chứng")));
        assertThat(notices()).isEqualTo(1);
        tx.executeWithoutResult(s -> {
            events.publishEvent(returned("Bước bị hủy"));
            s.setRollbackOnly();
        });
        assertThat(notices()).isEqualTo(1);
    }

    @Test
    void threeTimesAsManyStepsAsConnectionsAtOnceAllFinishWithTheirNotices() throws Exception {
        int steps = pool.getMaximumPoolSize() * 3;
        TransactionTemplate tx = new TransactionTemplate(transactions);
        ExecutorService threads = Executors.newFixedThreadPool(steps);
        try {
            List<Future<?>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                String reason = "Lý do " + i;
                done.add(threads.submit(() -> tx.executeWithoutResult(s -> {
                    // the step holds its connection a moment, as a save and submit does
                    jdbc.sql("select pg_sleep(0.05)").query().singleRow();
                    events.publishEvent(returned(reason));
                })));
            }
            for (Future<?> f : done) {
                f.get(20, TimeUnit.SECONDS);
            }
            assertThat(System.nanoTime() - start).as("ns for %d steps", steps).isLessThan(TimeUnit.SECONDS.toNanos(20));
        } finally {
            threads.shutdownNow();
        }
        assertThat(notices()).isEqualTo(steps);
    }

    private SubmissionChanged returned(String reason) {
        Submission s = new Submission(ThreadLocalRandom.current().nextLong(1, 1_000_000), 100, 1, "2025", agency, null,
                SubmissionStatus.RETURNED, null, Instant.now(), Instant.now(), "sotc", null, null, reason, false, false,
                1, LocalDate.of(2025, 12, 5));
        return new SubmissionChanged(s, SubmissionAction.RETURN, "steering", reason);
    }

    private int notices() {
        return jdbc.sql("select count(*) from notification where recipient_agency_id = ?").param(agency)
                .query(Integer.class).single();
    }
}
