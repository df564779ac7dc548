package vn.dxgov.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.dxgov.reporting.SubmissionChanged;

/**
 * What the reporting tests share (one Spring context for all of them): a clock the tests move, and a recorder of the
 * workflow events delivered after commit.
 */
@TestConfiguration(proxyBeanMethods = false)
class ReportingTestConfig {

    static final MovableClock CLOCK = new MovableClock();

    @Bean
    @Primary
    Clock reportingTestClock() {
        return CLOCK;
    }

    @Bean
    Recorder submissionEvents() {
        return new Recorder();
    }

    /** "Now" in Vietnam, set by the tests. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2025-11-20T02:00:00Z");

        void set(LocalDate day, int hour) {
            now = day.atTime(LocalTime.of(hour, 0)).atZone(ReportingConfig.VIETNAM).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return ReportingConfig.VIETNAM;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /**
     * The SubmissionChanged events received after commit, in order. Spring Modulith's event publication registry wraps
     * every bean with an after-commit listener in a class proxy (to mark deliveries complete): so the class is not
     * final and the list is read through a method (the proxy's own fields are empty).
     */
    static class Recorder {
        private final List<SubmissionChanged> events = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(SubmissionChanged e) {
            events.add(e);
        }

        List<SubmissionChanged> events() {
            return events;
        }
    }
}
