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
    private final PageStamp pageStamp;

    PlanStatuses(PlanCatalog plans, TargetStatuses statuses, PageStamp pageStamp) {
        this.plans = plans;
        this.statuses = statuses;
        this.pageStamp = pageStamp;
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

    /** The rows of a page, kept while the {@link PageStamp} they were judged under is the current one. */
    private record Key(long plan, List<Long> targets, LocalDate asOf, java.util.Locale locale,
                       vn.dxgov.analytics.ValueView view, PageStamp.Stamp stamp) {
    }

    private static final int KEPT = 64;
    private final Map<Key, Map<Long, Row>> kept = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(KEPT, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, Map<Long, Row>> eldest) {
                    return size() > KEPT;
                }
            });

    /**
     * As {@link #rows(Plan, Collection, LocalDate, java.util.Locale, vn.dxgov.analytics.ValueView)}, judged once per
     * stamp: the same plan page asked again before anything was written reuses the rows (the 19 targets of seed 001
     * took 45 % of the page's CPU). No stamp (figures being written): judged afresh and not kept.
     */
    Map<Long, Row> rows(Plan plan, Collection<Long> targetIds, LocalDate asOf, java.util.Locale locale,
                        PageStamp.Stamp stamp, vn.dxgov.analytics.ValueView view) {
        if (stamp == null) {
            return rows(plan, targetIds, asOf, locale, view);
        }
        Key key = new Key(plan.id(), List.copyOf(targetIds), asOf, locale, view, stamp);
        Map<Long, Row> rows = kept.get(key);
        if (rows == null) {
            rows = java.util.Collections.unmodifiableMap(rows(plan, targetIds, asOf, locale, view));
            if (pageStamp.unchanged(stamp)) {
                kept.entrySet().removeIf(e -> !e.getKey().stamp().equals(stamp));
                kept.put(key, rows);
            }
        }
        return rows;
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
