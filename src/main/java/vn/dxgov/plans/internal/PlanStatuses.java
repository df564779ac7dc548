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
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;
import vn.dxgov.units.UnitLink;

/**
 * The status of a plan's targets for the plan's province (through the analytics module's {@link TargetStatuses};
 * plans depends on analytics, never the other way round).
 */
@Component
class PlanStatuses {

    private static final Logger log = LoggerFactory.getLogger(PlanStatuses.class);

    private final AdminUnits units;
    private final TargetStatuses statuses;

    PlanStatuses(AdminUnits units, TargetStatuses statuses) {
        this.units = units;
        this.statuses = statuses;
    }

    /**
     * The province a plan's targets are judged for on a day: the unit with the plan's province code valid that day;
     * when the code no longer exists then (Bắc Kạn after 1/7/2025), the unit that took the plan's province over.
     */
    Optional<AdminUnit> province(Plan plan, LocalDate on) {
        if (plan.provinceCode() == null || plan.provinceCode().isBlank()) {
            return Optional.empty();
        }
        Optional<AdminUnit> found = units.find(plan.provinceCode(), on).filter(u -> u.level() == UnitLevel.PROVINCE);
        if (found.isPresent()) {
            return found;
        }
        LocalDate issued = plan.issuedOn() != null ? plan.issuedOn()
                : plan.periodStart() != null ? LocalDate.of(plan.periodStart(), 1, 1) : null;
        Optional<AdminUnit> then = issued == null ? Optional.empty()
                : units.find(plan.provinceCode(), issued).filter(u -> u.level() == UnitLevel.PROVINCE);
        for (int i = 0; then.isPresent() && !then.get().validOn(on) && i < 5; i++) {
            long id = then.get().id();
            then = units.successors(id).stream().filter(l -> l.share() == UnitLink.Share.FULL)
                    .map(UnitLink::successor).findFirst();
        }
        return then.filter(u -> u.validOn(on));
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
        Optional<AdminUnit> province = province(plan, asOf);
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
