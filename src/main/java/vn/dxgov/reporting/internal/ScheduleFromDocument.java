package vn.dxgov.reporting.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.dxgov.plans.PlanImported;
import vn.dxgov.reporting.Schedule;

/**
 * Sets up a plan's reporting schedule from the duties its document states, inside the import's transaction (a
 * failed import leaves no schedule behind). Plans without duties get none; the steering department adds one.
 */
@Component
class ScheduleFromDocument {

    private static final Logger log = LoggerFactory.getLogger(ScheduleFromDocument.class);

    private final ReportingService reporting;
    private final Clock clock;

    ScheduleFromDocument(ReportingService reporting, Clock clock) {
        this.reporting = reporting;
        this.clock = clock;
    }

    @EventListener
    void on(PlanImported plan) {
        DutySchedule.from(plan, LocalDate.now(clock).getYear()).ifPresent(p -> {
            Schedule s = reporting.scheduleFromDocument(plan.planId(), p);
            log.info("Plan #{}: reporting schedule {} {} (consolidation {}), {}-{}{}", plan.planId(), s.frequency(),
                    s.agencyDue(), s.consolidationDue(), s.firstYear(), s.lastYear(),
                    s.needsReview() ? " — needs review: " + s.reviewNote() : "");
        });
    }
}
