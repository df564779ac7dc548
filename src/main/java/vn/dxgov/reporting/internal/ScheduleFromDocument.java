package vn.dxgov.reporting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.plans.PlanImported;
import vn.dxgov.reporting.Schedule;
import vn.dxgov.security.Role;

/**
 * Sets up a plan's reporting schedule from the duties its document states, inside the import's transaction (a
 * failed import leaves no schedule behind). Plans without duties get none; the steering department adds one.
 */
@Component
class ScheduleFromDocument {

    private static final Logger log = LoggerFactory.getLogger(ScheduleFromDocument.class);

    private final Schedules schedules;
    private final PlanCatalog plans;
    private final Clock clock;

    ScheduleFromDocument(Schedules schedules, PlanCatalog plans, Clock clock) {
        this.schedules = schedules;
        this.plans = plans;
        this.clock = clock;
    }

    @EventListener
    void on(PlanImported imported) {
        Integer writtenYear = draft(imported.planId()).filter(p -> p.issuedOn() == null)
                .map(p -> DutySchedule.yearIn(p.issuedOnText())).orElse(null);
        DutySchedule.from(imported, writtenYear, LocalDate.now(clock).getYear()).ifPresent(p -> {
            Schedule s = schedules.scheduleFromDocument(imported.planId(), p);
            log.info("Plan #{}: reporting schedule {} {} (consolidation {}), {}-{}{}", imported.planId(), s.frequency(),
                    s.agencyDue(), s.consolidationDue(), s.firstYear(), s.lastYear(),
                    s.needsReview() ? " — needs review: " + s.reviewNote() : "");
        });
    }

    /**
     * The new (draft) plan, read as the steering department would: the import may run without a user (seed plans at
     * start), and drafts are visible to reviewers only.
     */
    private Optional<Plan> draft(long planId) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext reviewer = SecurityContextHolder.createEmptyContext();
        reviewer.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system:reporting", null,
                AuthorityUtils.createAuthorityList(Role.STEERING.authority())));
        SecurityContextHolder.setContext(reviewer);
        try {
            return plans.find(planId);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
