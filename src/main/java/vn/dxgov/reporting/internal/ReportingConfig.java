package vn.dxgov.reporting.internal;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reporting module's beans. */
@Configuration(proxyBeanMethods = false)
class ReportingConfig {

    /** Vietnam's time zone: deadlines are days in Vietnam. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * "Now" for deadlines and late flags, in Vietnam's time zone; tests replace it to fix "today". Defined only when
     * no other module has defined a clock.
     */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.system(VIETNAM);
    }
}
