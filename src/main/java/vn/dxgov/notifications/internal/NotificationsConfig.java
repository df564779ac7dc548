package vn.dxgov.notifications.internal;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on Spring's scheduling for the reminder job ({@link ReminderJob}, off with dxgov.reminders.enabled=false).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationsConfig {

    /** The bean name of the scheduler Spring Boot sets up once scheduling is enabled. */
    static final String SCHEDULER = "taskScheduler";

    /**
     * Keeps the scheduler for {@code @Scheduled} methods only. Spring Boot's {@code taskScheduler} is also a
     * {@code TaskExecutor}; left an autowiring candidate, it would make every injection of a {@code TaskExecutor} by
     * type (the plan importer's background jobs) ambiguous with {@code applicationTaskExecutor}. The scheduling
     * infrastructure still finds it by its name.
     */
    @Bean
    static BeanFactoryPostProcessor schedulerIsNotAGeneralExecutor() {
        return (ConfigurableListableBeanFactory factory) -> {
            if (factory.containsBeanDefinition(SCHEDULER)) {
                factory.getBeanDefinition(SCHEDULER).setAutowireCandidate(false);
            }
        };
    }
}
