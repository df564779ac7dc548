package vn.dxgov.notifications.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Schedule;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionStatus;

/**
 * Which reminders are due on a day: for every period whose agency deadline is {@code today + d} (d in the schedule's
 * days before) or {@code today - d} (d in its days after), every required agency that has not submitted (no report,
 * a DRAFT or a RETURNED one). Reads only; runs with the caller's rights (the reminder job reads as a leader).
 */
@Component
class ReminderPlanner {

    private static final Logger log = LoggerFactory.getLogger(ReminderPlanner.class);

    /** The widest reminder offset looked at, in days: periods further away are not read. */
    static final int HORIZON_DAYS = 366;

    enum Kind {
        BEFORE, AFTER
    }

    /**
     * One reminder to send.
     *
     * @param submission the agency's report so far, or null when it has not opened one
     */
    record Due(ReportingPeriod period, String planTitle, long agencyId, Submission submission, Kind kind,
               int offsetDays) {
    }

    /** A reminder of a deadline: {@code days} before or after it. */
    record Offset(Kind kind, int days) {
    }

    private final Supplier<Reporting> reportingModule;
    private final PlanCatalog plans;

    @Autowired
    ReminderPlanner(ObjectProvider<Reporting> reporting, PlanCatalog plans) {
        this(reporting::getIfAvailable, plans);
    }

    ReminderPlanner(Supplier<Reporting> reporting, PlanCatalog plans) {
        this.reportingModule = reporting;
        this.plans = plans;
    }

    List<Due> plan(LocalDate today) {
        Reporting reporting = reportingModule.get();
        if (reporting == null) {
            log.warn("No reporting module in this application: no reminders");
            return List.of();
        }
        List<ReportingPeriod> periods = reporting.periodsDueBetween(today.minusDays(HORIZON_DAYS), today.plusDays(HORIZON_DAYS));
        Map<Long, Map<Long, Schedule>> schedulesByPlan = new HashMap<>();
        Map<Long, Optional<Plan>> planById = new HashMap<>();
        List<Due> out = new ArrayList<>();
        for (ReportingPeriod p : periods.stream()
                .sorted(Comparator.comparing(ReportingPeriod::agencyDueOn).thenComparingLong(ReportingPeriod::id)).toList()) {
            if (p.status() == ReportingPeriod.Status.CLOSED || p.agencyDueOn() == null) {
                continue;
            }
            Schedule schedule = schedulesByPlan.computeIfAbsent(p.planId(), id -> {
                Map<Long, Schedule> m = new HashMap<>();
                reporting.schedules(id).forEach(s -> m.put(s.id(), s));
                return m;
            }).get(p.scheduleId());
            if (schedule == null || !schedule.active()) {
                continue;
            }
            List<Offset> offsets = offsets(schedule, p.agencyDueOn(), today);
            if (offsets.isEmpty()) {
                continue;
            }
            Optional<Plan> plan = planById.computeIfAbsent(p.planId(), plans::find);
            if (plan.isEmpty() || !plan.get().published()) {
                log.debug("No reminders for period {} of plan {}: the plan is not published", p.period(), p.planId());
                continue;
            }
            Map<Long, Submission> submitted = new HashMap<>();
            reporting.forPeriod(p.id()).forEach(s -> submitted.put(s.agencyId(), s));
            for (Long agencyId : new TreeSet<>(reporting.requiredAgencies(p.id()))) {
                Submission s = submitted.get(agencyId);
                if (s != null && s.status() != SubmissionStatus.DRAFT && s.status() != SubmissionStatus.RETURNED) {
                    continue;
                }
                for (Offset o : offsets) {
                    out.add(new Due(p, plan.get().title(), agencyId, s, o.kind(), o.days()));
                }
            }
        }
        return out;
    }

    /** The reminders a deadline has on a day (usually none, sometimes one). */
    static List<Offset> offsets(Schedule schedule, LocalDate dueOn, LocalDate today) {
        List<Offset> out = new ArrayList<>();
        for (Integer d : distinct(schedule.reminderDaysBefore())) {
            if (dueOn.equals(today.plusDays(d))) {
                out.add(new Offset(Kind.BEFORE, d));
            }
        }
        for (Integer d : distinct(schedule.reminderDaysAfter())) {
            if (d > 0 && dueOn.equals(today.minusDays(d))) {
                out.add(new Offset(Kind.AFTER, d));
            }
        }
        return out;
    }

    private static List<Integer> distinct(List<Integer> days) {
        return days == null ? List.of() : days.stream().filter(d -> d != null && d >= 0).distinct().toList();
    }
}
