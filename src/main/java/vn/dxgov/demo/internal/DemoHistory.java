package vn.dxgov.demo.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorTypes;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.reporting.DemoReports;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserDirectory;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.VietText;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.tasks.Task;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;

/**
 * Loads the demonstration history at start (after the seed plans): for every published plan with a province,
 *
 * <ul>
 *   <li>a yearly series from 2021 to the current year for each of its targets, following one of four scenarios (achieved, on track, at
 *   risk, off track) picked deterministically from the plan and the target, so statuses are varied;</li>
 *   <li>for plans with a reporting schedule, each concerned agency's report of the periods up to today, by where the
 *   period stands on the application's clock ({@link DemoCalendar}): the periods before the last ended one approved
 *   (submitted on time or late, sometimes returned with a reason and resubmitted); the last ended one being approved
 *   (some wait for review, one is back with its agency, a few never came); the current one open with drafts and, close
 *   to its deadline, a few submissions, nothing approved; the steps of a timeline never lie after now;</li>
 *   <li>the 2021 baseline and the targets no agency reports are written directly as demo values of the province, up to
 *   the last full year ({@link DemoValues}).</li>
 * </ul>
 *
 * Everything is marked demo (source DEMO, demo flags) and shown as such. Deterministic for a date (keys, not ids).
 * Idempotent: what an earlier start wrote is kept as it is; a period that has a demo report is left alone, an agency
 * with any report of a period is skipped, a value the store has is not written again, so a start on a later day adds
 * only the periods and years that are missing (a period written as current stays as the demo left it then). Turned
 * off with {@code DXGOV_DEMO_ENABLED=false} (or {@code dxgov.demo.history=false}).
 */
@Component
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    static final String DEMO_PASSWORD = "dxgov-demo";
    static final String STEERING = "steering";
    static final int FIRST_YEAR = 2021;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final PlanCatalog plans;
    private final TargetCatalog targets;
    private final TaskCatalog tasks;
    private final IndicatorCatalog indicators;
    private final DemoValues direct;
    private final Reporting reporting;
    private final DemoReports demoReports;
    private final AgencyDirectory agencies;
    private final UserDirectory users;
    private final Clock clock;
    private final boolean enabled;

    /** The province of the demo accounts (Thanh Hóa; empty: national). */
    private final String demoProvince;

    DemoHistory(PlanCatalog plans, TargetCatalog targets, TaskCatalog tasks, IndicatorCatalog indicators,
                DemoValues direct, Reporting reporting, DemoReports demoReports,
                AgencyDirectory agencies, UserDirectory users, Clock clock,
                @Value("${dxgov.demo.history:${dxgov.demo.enabled:true}}") boolean enabled,
                @Value("${dxgov.demo.province:38}") String demoProvince) {
        this.demoProvince = demoProvince == null || demoProvince.isBlank() ? null : demoProvince;
        this.plans = plans;
        this.targets = targets;
        this.tasks = tasks;
        this.indicators = indicators;
        this.direct = direct;
        this.reporting = reporting;
        this.demoReports = demoReports;
        this.agencies = agencies;
        this.users = users;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** What one plan's history wrote. */
    record Outcome(long planId, int reports, int values, boolean skipped) {
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(40)
    public void load() {
        if (!enabled) {
            return;
        }
        long started = System.nanoTime();
        try {
            List<Outcome> outcomes = loadAll();
            int reports = outcomes.stream().mapToInt(Outcome::reports).sum();
            int written = outcomes.stream().mapToInt(Outcome::values).sum();
            if (reports + written > 0) {
                log.info("Demo history loaded on {}: {} reports and {} values for {} plans in {} ms (marked as demo data)",
                        today(), reports, written, outcomes.stream().filter(o -> !o.skipped()).count(),
                        (System.nanoTime() - started) / 1_000_000);
            } else {
                log.info("Demo history: nothing to add on {} ({} ms)", today(), (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            // a demo must never stop the application
            log.warn("The demo history could not be loaded", e);
        }
    }

    /** Writes the history of every published plan that has none yet, as the system. */
    List<Outcome> loadAll() {
        return asSystem(() -> {
            users.ensure("lanhdao", DEMO_PASSWORD, "Lãnh đạo UBND tỉnh (demo)", Role.LEADER, null, null, demoProvince);
            List<Outcome> out = new ArrayList<>();
            for (Plan plan : plans.list()) {
                if (plan.published()) {
                    out.add(loadPlan(plan));
                }
            }
            return out;
        });
    }

    /** Writes what is missing of one plan's history on today's date. */
    Outcome loadPlan(Plan plan) {
        LocalDate today = today();
        int lastFull = DemoCalendar.lastFullYear(today);
        if (direct.province(plan, LocalDate.of(lastFull, 12, 31)).isEmpty()) {
            return new Outcome(plan.id(), 0, 0, true);
        }
        List<Target> planTargets = targets.forPlan(plan.id(), vn.dxgov.targets.TargetFilter.ALL);
        Map<Long, Indicator> byTarget = planTargets.isEmpty() ? Map.of()
                : indicators.forTargets(planTargets.stream().map(Target::id).toList());
        List<Target> measured = planTargets.stream().filter(t -> usable(t, byTarget.get(t.id()))).toList();
        // the series runs to the current year: its value is the year-to-date a draft of the current period carries
        Map<Long, Map<Integer, DemoSeries.YearValue>> series = new HashMap<>();
        for (Target t : measured) {
            Indicator i = byTarget.get(t.id());
            series.put(t.id(), DemoSeries.generate(key(plan, t), t.kind(), t.comparison(), t.value(),
                    t.deadlineYear(), i.valueType() == IndicatorTypes.ValueType.RATIO, FIRST_YEAR, today.getYear()));
        }
        Set<String> reported = new HashSet<>(); // "targetId|period" written through a report now
        Set<String> carried = new HashSet<>();  // "targetId|period" carried by a report of an earlier start (or a real one)
        int reports = writeReports(plan, measured, byTarget, series, reported, carried, today);
        carried.addAll(reported);
        int values = direct.write(plan, measured, byTarget, series, carried, lastFull) + reported.size();
        return new Outcome(plan.id(), reports, values, reports + values == 0);
    }

    // ----- reports

    private int writeReports(Plan plan, List<Target> measured, Map<Long, Indicator> byTarget,
                             Map<Long, Map<Integer, DemoSeries.YearValue>> series, Set<String> reported,
                             Set<String> carried, LocalDate today) {
        List<ReportingPeriod> all = reporting.periods(plan.id());
        Map<Long, DemoCalendar.Phase> phases = DemoCalendar.phases(all, today);
        int count = 0;
        for (ReportingPeriod period : all) {
            DemoCalendar.Phase phase = phases.get(period.id());
            if (period.agencyDueOn() == null || phase == DemoCalendar.Phase.FUTURE) {
                continue;
            }
            List<Submission> existing = reporting.forPeriod(period.id());
            Set<Long> taken = new HashSet<>();
            existing.forEach(x -> taken.add(x.agencyId()));
            // the figures these reports carry are theirs: no direct value for them, whatever their state
            for (Target t : measured) {
                if (reporting.figureOwner(t).filter(taken::contains).isPresent()) {
                    carried.add(t.id() + "|" + period.period());
                }
            }
            if (existing.stream().anyMatch(Submission::demo)) {
                continue; // written on an earlier start: kept as it is
            }
            for (long agencyId : reporting.requiredAgencies(period.id())) {
                if (taken.contains(agencyId)) {
                    continue; // never over an agency's real report
                }
                try {
                    if (writeReport(plan, period, agencyId, phase, today, byTarget, series, reported)) {
                        count++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Demo report of agency #{} for {} of plan #{} skipped: {}", agencyId, period.period(),
                            plan.id(), e.getMessage());
                }
            }
        }
        return count;
    }

    /** One agency's report of a period with a plausible timeline; false when the demo leaves it missing. */
    private boolean writeReport(Plan plan, ReportingPeriod period, long agencyId, DemoCalendar.Phase phase,
                                LocalDate today, Map<Long, Indicator> byTarget, Map<Long, Map<Integer, DemoSeries.YearValue>> series,
                                Set<String> reported) {
        Agency agency = agencies.find(agencyId).orElseThrow();
        String key = plan.number() + "|" + agency.name() + "|" + period.period();
        double fate = DemoRandom.unit(key + "|fate");
        boolean latest = phase == DemoCalendar.Phase.LATEST;
        boolean current = phase == DemoCalendar.Phase.CURRENT;
        if (fate < (current ? 0.2 : latest ? 0.08 : 0.04)) {
            return false; // never reported (or, in the current period, not started yet)
        }
        Period p = Period.parse(period.period());
        int year = p.year();
        boolean yearEnd = p.end().getMonthValue() == 12;

        List<ReportInput.TargetValue> lines = new ArrayList<>();
        for (Target t : targets.forAgency(agencyId, List.of(plan.id()))) {
            Map<Integer, DemoSeries.YearValue> s = series.get(t.id());
            String slot = t.id() + "|" + period.period();
            // the official figure comes from the agency whose report carries it
            if (s == null || !reporting.figureOwner(t).filter(o -> o == agencyId).isPresent() || reported.contains(slot)) {
                continue;
            }
            Indicator indicator = byTarget.get(t.id());
            boolean periodAverage = indicator.periodAggregation() != IndicatorTypes.PeriodAggregation.SUM;
            if (!yearEnd && !periodAverage) {
                continue; // a yearly sum is reported once, at the end of the year
            }
            DemoSeries.YearValue v = yearEnd ? s.get(year) : DemoStory.midYear(s, year, p, t.kind());
            if (v == null) {
                continue;
            }
            lines.add(new ReportInput.TargetValue(t.id(), v.value(), v.numerator(), v.denominator(),
                    DemoRandom.unit(slot + "|comment") < 0.2 ? "Số liệu ước tính đến hết kỳ báo cáo." : null));
            reported.add(slot);
        }
        List<ReportInput.TaskProgress> progress = new ArrayList<>();
        for (Task task : tasks.forAgency(agencyId, List.of(plan.id()))) {
            if (task.leadAgencyIds().contains(agencyId) && task.runsIn(year)) {
                progress.add(DemoStory.taskProgress(plan, task, p));
            }
        }
        if (lines.isEmpty() && progress.isEmpty()) {
            return false;
        }
        String editor = editorFor(agency);
        String narrative = "Báo cáo kết quả thực hiện kế hoạch chuyển đổi số " + period.period() + " của "
                + agency.name() + " (dữ liệu minh họa).";
        LocalDate due = period.agencyDueOn();
        Instant opened = DemoStory.at(DemoStory.openedOn(key, due, p, current ? today : null), 8);
        List<DemoReports.Step> steps = current ? DemoStory.current(key, due, today, editor)
                : DemoStory.timeline(key, due, latest, fate, editor);
        // nothing happens after now
        steps = DemoStory.until(steps, clock.instant());
        demoReports.record(period.id(), agencyId, editor, opened, new ReportInput(narrative, lines, progress), steps);
        return true;
    }

    // ----- helpers

    /** Targets the demo can give values: a number to reach, a deadline and a stored (not derived) indicator. */
    private static boolean usable(Target t, Indicator i) {
        return i != null && (i.formula() == null || i.formula().isBlank()) && t.value() != null && t.deadlineYear() != null;
    }

    static String key(Plan plan, Target t) {
        return plan.number() + "|target|" + t.position();
    }

    /** Today in Vietnam by the application's clock. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    private final Map<Long, String> editors = new HashMap<>();

    /** The demo editor of an agency ("bt." and the initials of its name, "bt.sttvtt"), created when missing. */
    String editorFor(Agency agency) {
        return editors.computeIfAbsent(agency.id(), id -> {
            String base = "bt." + initials(agency.name());
            String name = base;
            for (int n = 2; users.find(name).filter(u -> !id.equals(u.agencyId())).isPresent(); n++) {
                name = base + n;
            }
            users.ensure(name, DEMO_PASSWORD, "Cán bộ " + agency.name() + " (demo)", Role.EDITOR, id, null);
            return name;
        });
    }

    static String initials(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : VietText.fold(name).split("[^\\p{Alnum}]+")) {
            if (!word.isEmpty()) {
                out.append(Character.toLowerCase(word.charAt(0)));
            }
        }
        String s = out.toString();
        return s.isEmpty() ? "coquan" : s.length() > 12 ? s.substring(0, 12) : s;
    }

    static <T> T asSystem(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system", null,
                AuthorityUtils.createAuthorityList(Role.ADMIN.authority())));
        SecurityContextHolder.setContext(system);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
