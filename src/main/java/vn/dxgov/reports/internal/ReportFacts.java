package vn.dxgov.reports.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.dxgov.analytics.StatusAssessment;
import vn.dxgov.analytics.TargetStatuses;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.tasks.Task;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.tasks.TaskFilter;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.UnitLink;

/** Gathers a {@link PlanYear} from the public APIs of plans, reporting, targets, tasks, analytics and units. */
@Component
class ReportFacts {

    private final PlanCatalog plans;
    private final Reporting reporting;
    private final TargetCatalog targets;
    private final TaskCatalog tasks;
    private final TargetStatuses statuses;
    private final AdminUnits units;
    private final AgencyDirectory agencies;
    private final Clock clock;

    ReportFacts(PlanCatalog plans, Reporting reporting, TargetCatalog targets, TaskCatalog tasks,
                TargetStatuses statuses, AdminUnits units, AgencyDirectory agencies, Optional<Clock> clock) {
        this.plans = plans;
        this.reporting = reporting;
        this.targets = targets;
        this.tasks = tasks;
        this.statuses = statuses;
        this.units = units;
        this.agencies = agencies;
        this.clock = clock.orElse(Clock.system(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Plan plan(long planId) {
        return plans.find(planId).orElseThrow(() -> ApiException.notFound("plan", planId));
    }

    /** Published plans of a province (by official code), as the current user sees them. */
    List<Plan> plansOfProvince(String provinceCode) {
        return plans.list().stream().filter(Plan::published)
                .filter(p -> provinceCode.equals(p.provinceCode())).toList();
    }

    /** The years a plan has reporting periods in, oldest first. */
    List<Integer> years(long planId) {
        return reporting.periods(planId).stream().map(p -> Period.parse(p.period()).year()).distinct().sorted().toList();
    }

    PlanYear collect(long planId, int year) {
        Plan plan = plan(planId);
        LocalDate today = today();
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate asOf = today.isBefore(yearEnd) ? today : yearEnd;

        List<PlanYear.PeriodFacts> periods = new ArrayList<>();
        Map<Long, Map<Long, PlanYear.Progress>> progress = new HashMap<>();
        Set<Long> agencyIds = new LinkedHashSet<>();
        List<ReportingPeriod> ofYear = reporting.periods(planId).stream()
                .filter(p -> Period.parse(p.period()).year() == year)
                .sorted((a, b) -> Period.parse(a.period()).compareTo(Period.parse(b.period()))).toList();
        for (ReportingPeriod rp : ofYear) {
            Period code = Period.parse(rp.period());
            List<Long> required = reporting.requiredAgencies(rp.id());
            Map<Long, Submission> subs = new LinkedHashMap<>();
            for (Submission s : reporting.forPeriod(rp.id())) {
                subs.put(s.agencyId(), s);
                collectProgress(s, code, progress);
            }
            agencyIds.addAll(required);
            agencyIds.addAll(subs.keySet());
            periods.add(new PlanYear.PeriodFacts(rp, code, rp.agencyDueOn(), today.isAfter(rp.agencyDueOn()),
                    required, subs));
        }

        List<Target> planTargets = targets.forPlan(planId, TargetFilter.ALL);
        planTargets.forEach(t -> agencyIds.addAll(t.leadAgencyIds()));
        Map<Long, StatusAssessment> assessments = new LinkedHashMap<>();
        Optional<AdminUnit> province = province(plan, yearEnd);
        if (province.isPresent() && !planTargets.isEmpty()) {
            for (StatusAssessment a : statuses.assessAll(planTargets.stream().map(Target::id).toList(),
                    province.get().id(), asOf)) {
                assessments.put(a.targetId(), a);
            }
        }
        List<Task> running = tasks.forPlan(planId, TaskFilter.ALL).stream().filter(t -> t.runsIn(year)).toList();
        running.forEach(t -> agencyIds.addAll(t.leadAgencyIds()));

        return new PlanYear(plan, year, today, asOf,
                province.map(u -> u.name()).orElse(plan.provinceName()),
                province.map(AdminUnit::type).orElse("Tỉnh"),
                periods, planTargets, assessments, running, progress, agencies.findAll(agencyIds));
    }

    private void collectProgress(Submission s, Period period, Map<Long, Map<Long, PlanYear.Progress>> progress) {
        ReportForm form = reporting.form(s.id());
        for (ReportForm.TaskLine line : form.tasks()) {
            if (line.status() == null) {
                continue;
            }
            Map<Long, PlanYear.Progress> byAgency = progress.computeIfAbsent(line.taskId(), k -> new HashMap<>());
            PlanYear.Progress known = byAgency.get(s.agencyId());
            if (known == null || known.period().compareTo(period) <= 0) {
                byAgency.put(s.agencyId(), new PlanYear.Progress(period, line.status(), line.percentComplete(),
                        line.narrative()));
            }
        }
    }

    /**
     * The province a plan's targets are judged for: the plan's province valid at the end of the year, or the
     * province that took it over (the reform of 1/7/2025).
     */
    Optional<AdminUnit> province(Plan plan, LocalDate on) {
        Collection<String> keys = new ArrayList<>();
        if (plan.provinceCode() != null) {
            keys.add(plan.provinceCode());
        }
        if (plan.provinceName() != null) {
            keys.add(plan.provinceName());
        }
        for (String key : keys) {
            Optional<AdminUnit> found = units.findProvince(key, on);
            if (found.isPresent()) {
                return found;
            }
        }
        if (plan.provinceCode() != null) {
            return units.find(plan.provinceCode(), LocalDate.of(2025, 6, 30)).stream()
                    .flatMap(u -> units.successors(u.id()).stream()).map(UnitLink::successor)
                    .filter(u -> u.validOn(on)).findFirst();
        }
        return Optional.empty();
    }
}
