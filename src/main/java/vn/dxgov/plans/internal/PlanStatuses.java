package vn.dxgov.plans.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dxgov.analytics.StatusAssessment;
import vn.dxgov.analytics.TargetStatuses;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.units.AdminUnit;

/**
 * The status of a plan's targets for the plan's province on the plan page (through the analytics module's
 * {@link TargetStatuses}; plans depends on analytics, never the other way round). The target page and the status
 * API, which read a target's status the same way, live in the portal module.
 */
@Component
class PlanStatuses {

    private static final Logger log = LoggerFactory.getLogger(PlanStatuses.class);

    private final PlanCatalog plans;
    private final TargetStatuses statuses;

    PlanStatuses(PlanCatalog plans, TargetStatuses statuses) {
        this.plans = plans;
        this.statuses = statuses;
    }

    /**
     * A status as a target row shows it: the figures written for the reader's language; {@code afterDeadline}: the
     * latest value of a year after the deadline ("Sau hạn: 2026 đạt 98%"), null when none.
     */
    record Row(vn.dxgov.analytics.TargetStatus status, String explanation, Integer latestYear, String latest,
               String forecast, Integer afterDeadlineYear, String afterDeadline, boolean demo, boolean pending) {
    }

    /** Target id → status row for the plan's province today, for the plan page. */
    Map<Long, Row> rows(Plan plan, Collection<Long> targetIds, LocalDate asOf, java.util.Locale locale) {
        return rows(plan, targetIds, asOf, locale, vn.dxgov.analytics.ValueView.APPROVED);
    }

    /** Target id → status row from the figures of a view (the steering department's preview marks what it changes). */
    Map<Long, Row> rows(Plan plan, Collection<Long> targetIds, LocalDate asOf, java.util.Locale locale,
                        vn.dxgov.analytics.ValueView view) {
        Map<Long, Row> out = new LinkedHashMap<>();
        forPlan(plan, targetIds, asOf, view).forEach((id, a) -> out.put(id, new Row(a.status(), a.explanation(),
                a.latestYear(), a.latest() == null ? null : PlanPageModel.number(a.latest(), locale),
                a.forecast() == null ? null
                        : vn.dxgov.shared.Numbers.of(locale).rounded(a.forecast(), 1),
                a.afterDeadlineYear(), a.afterDeadline() == null ? null
                        : vn.dxgov.shared.Numbers.of(locale).value(a.afterDeadline()),
                a.demo(), a.pending())));
        return out;
    }

    /** Target id → assessment for the plan's province, or nothing when the plan has no province (never fails the page). */
    Map<Long, StatusAssessment> forPlan(Plan plan, Collection<Long> targetIds, LocalDate asOf) {
        return forPlan(plan, targetIds, asOf, vn.dxgov.analytics.ValueView.APPROVED);
    }

    Map<Long, StatusAssessment> forPlan(Plan plan, Collection<Long> targetIds, LocalDate asOf,
                                        vn.dxgov.analytics.ValueView view) {
        Map<Long, StatusAssessment> out = new LinkedHashMap<>();
        if (targetIds.isEmpty()) {
            return out;
        }
        Optional<AdminUnit> province = plans.province(plan, asOf);
        if (province.isEmpty()) {
            return out;
        }
        try {
            for (StatusAssessment a : statuses.assessAll(List.copyOf(targetIds), province.get().id(), asOf, view)) {
                out.put(a.targetId(), a);
            }
        } catch (RuntimeException e) {
            log.warn("Target statuses of plan #{} could not be computed", plan.id(), e);
        }
        return out;
    }
}
