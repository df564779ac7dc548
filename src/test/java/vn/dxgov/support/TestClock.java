package vn.dxgov.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the tests move ("now" in Vietnam), for the Excel and reports tests: import it with
 * {@code @Import(TestClock.Config.class)} and set the day with {@link #set}. Reporting decides late submissions with
 * the application's {@link Clock}; the reports judge the year with it.
 */
public final class TestClock extends Clock {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final TestClock CLOCK = new TestClock();

    private volatile Instant now = Instant.parse("2025-11-20T02:00:00Z");

    private TestClock() {
    }

    /** Makes it {@code hour}:00 on {@code day} in Vietnam. */
    public void set(LocalDate day, int hour) {
        now = day.atTime(LocalTime.of(hour, 0)).atZone(VIETNAM).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return VIETNAM;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }
}
