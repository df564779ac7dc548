package vn.dxgov.demo.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorTypes;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.reporting.DemoReports;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserDirectory;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.VietText;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.tasks.Task;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.UnitLevel;
import vn.dxgov.units.UnitLink;

/**
 * Loads the demonstration history at start (after the seed plans): for every published plan with a province,
 *
 * <ul>
 *   <li>a yearly series 2021–2025 for each of its targets, following one of four scenarios (achieved, on track, at
 *   risk, off track) picked deterministically from the plan and the target, so statuses are varied;</li>
 *   <li>for plans with a reporting schedule, each concerned agency's report of every past period: saved through the
 *   report form (its targets' values and its tasks' progress), submitted on time or late, sometimes returned with a
 *   reason and resubmitted, approved by the steering department; in the latest past period some reports still wait
 *   for review, one is returned and a few never came, so the inbox and the late list have something to show;</li>
 *   <li>the 2021 baseline and the targets no agency reports are written directly as demo values of the province.</li>
 * </ul>
 *
 * Everything is marked demo (source DEMO, demo flags) and shown as such. Idempotent: a plan with demo reports or demo
 * values is left as it is. Turned off with {@code DXGOV_DEMO_ENABLED=false} (or {@code dxgov.demo.history=false}).
 */
@Component
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    static final String DEMO_PASSWORD = "dxgov-demo";
    static final String STEERING = "steering";
    static final int FIRST_YEAR = 2021;
    static final int LAST_YEAR = 2025;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final PlanCatalog plans;
    private final TargetCatalog targets;
    private final TaskCatalog tasks;
    private final IndicatorCatalog indicators;
    private final DataValueStore values;
    private final Reporting reporting;
    private final DemoReports demoReports;
    private final AdminUnits units;
    private final AgencyDirectory agencies;
    private final UserDirectory users;
    private final Clock clock;
    private final boolean enabled;

    /** The province of the demo accounts (Thanh Hóa; empty: national). */
    private final String demoProvince;

    DemoHistory(PlanCatalog plans, TargetCatalog targets, TaskCatalog tasks, IndicatorCatalog indicators,
                DataValueStore values, Reporting reporting, DemoReports demoReports, AdminUnits units,
                AgencyDirectory agencies, UserDirectory users, Clock clock,
                @Value("${dxgov.demo.history:${dxgov.demo.enabled:true}}") boolean enabled,
                @Value("${dxgov.demo.province:38}") String demoProvince) {
        this.demoProvince = demoProvince == null || demoProvince.isBlank() ? null : demoProvince;
        this.plans = plans;
        this.targets = targets;
        this.tasks = tasks;
        this.indicators = indicators;
        this.values = values;
        this.reporting = reporting;
        this.demoReports = demoReports;
        this.units = units;
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
        try {
            List<Outcome> outcomes = loadAll();
            int reports = outcomes.stream().mapToInt(Outcome::reports).sum();
            int written = outcomes.stream().mapToInt(Outcome::values).sum();
            if (reports + written > 0) {
                log.info("Demo history loaded: {} reports and {} values for {} plans (marked as demo data)",
                        reports, written, outcomes.stream().filter(o -> !o.skipped()).count());
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

    /** Writes one plan's history unless it has one. */
    Outcome loadPlan(Plan plan) {
        List<Target> planTargets = targets.forPlan(plan.id(), vn.dxgov.targets.TargetFilter.ALL);
        Map<Long, Indicator> byTarget = planTargets.isEmpty() ? Map.of()
                : indicators.forTargets(planTargets.stream().map(Target::id).toList());
        List<Target> measured = planTargets.stream().filter(t -> usable(t, byTarget.get(t.id()))).toList();
        if (province(plan, LocalDate.of(LAST_YEAR, 12, 31)).isEmpty() || demoReports.exists(plan.id())
                || hasDemoValues(plan, measured, byTarget)) {
            return new Outcome(plan.id(), 0, 0, true);
        }
        Map<Long, Map<Integer, DemoSeries.YearValue>> series = new HashMap<>();
        for (Target t : measured) {
            Indicator i = byTarget.get(t.id());
            series.put(t.id(), DemoSeries.generate(key(plan, t), t.kind(), t.comparison(), t.value(),
                    t.deadlineYear(), i.valueType() == IndicatorTypes.ValueType.RATIO, FIRST_YEAR, LAST_YEAR));
        }
        Set<String> reported = new HashSet<>(); // "targetId|period" written through a report
        int reports = writeReports(plan, byTarget, series, reported);
        int direct = writeDirectValues(plan, measured, byTarget, series, reported);
        return new Outcome(plan.id(), reports, direct + reported.size(), false);
    }

    // ----- reports

    private int writeReports(Plan plan, Map<Long, Indicator> byTarget, Map<Long, Map<Integer, DemoSeries.YearValue>> series,
                             Set<String> reported) {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        List<ReportingPeriod> past = reporting.periods(plan.id()).stream()
                .filter(p -> p.agencyDueOn() != null && p.agencyDueOn().isBefore(today))
                .filter(p -> Period.parse(p.period()).year() <= LAST_YEAR)
                .toList();
        int count = 0;
        for (int i = 0; i < past.size(); i++) {
            ReportingPeriod period = past.get(i);
            boolean latest = i == past.size() - 1;
            for (long agencyId : reporting.requiredAgencies(period.id())) {
                try {
                    if (writeReport(plan, period, agencyId, latest, byTarget, series, reported)) {
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
    private boolean writeReport(Plan plan, ReportingPeriod period, long agencyId, boolean latest,
                                Map<Long, Indicator> byTarget, Map<Long, Map<Integer, DemoSeries.YearValue>> series,
                                Set<String> reported) {
        Agency agency = agencies.find(agencyId).orElseThrow();
        String key = plan.number() + "|" + agency.name() + "|" + period.period();
        double fate = DemoRandom.unit(key + "|fate");
        if (fate < (latest ? 0.08 : 0.04)) {
            return false; // never reported
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
        Instant opened = DemoStory.at(due.minusDays(DemoRandom.between(key + "|open", 20, 40)), 8);
        List<DemoReports.Step> steps = DemoStory.timeline(key, due, latest, fate, editor);
        demoReports.record(period.id(), agencyId, editor, opened, new ReportInput(narrative, lines, progress), steps);
        return true;
    }

    // ----- values without a report

    /** The 2021 baseline of every series and the years no agency reported (targets without a lead, plans without schedule). */
    private int writeDirectValues(Plan plan, List<Target> measured, Map<Long, Indicator> byTarget,
                                  Map<Long, Map<Integer, DemoSeries.YearValue>> series, Set<String> reported) {
        Map<String, DataValueInput> inputs = new LinkedHashMap<>();
        for (Target t : measured) {
            Indicator indicator = byTarget.get(t.id());
            for (DemoSeries.YearValue v : series.get(t.id()).values()) {
                boolean inReports = reported.stream().anyMatch(s -> s.startsWith(t.id() + "|" + v.year()));
                if (inReports) {
                    continue;
                }
                Optional<AdminUnit> unit = province(plan, LocalDate.of(v.year(), 12, 31));
                if (unit.isEmpty()) {
                    continue;
                }
                // one value per indicator, unit and year (two targets may share an indicator)
                inputs.putIfAbsent(indicator.id() + "|" + unit.get().id() + "|" + v.year(),
                        new DataValueInput(indicator.id(), unit.get().id(), String.valueOf(v.year()), v.value(),
                                v.numerator(), v.denominator(), null));
            }
        }
        // the further counts of a compound target ("06 huyện và 300 xã"): each split has its own indicator
        for (Target t : measured) {
            if (!t.compoundCount()) {
                continue;
            }
            for (int i = 1; i < t.splits().size(); i++) {
                Long splitIndicator = t.splitIndicatorId(i);
                if (splitIndicator == null) {
                    continue;
                }
                Map<Integer, DemoSeries.YearValue> splitSeries = DemoSeries.generate(key(plan, t) + "|split" + i,
                        TargetKind.COUNT, t.splits().get(i).comparison() != null ? t.splits().get(i).comparison()
                                : t.comparison(), t.splits().get(i).value(), t.deadlineYear(), false, FIRST_YEAR, LAST_YEAR);
                for (DemoSeries.YearValue v : splitSeries.values()) {
                    province(plan, LocalDate.of(v.year(), 12, 31)).ifPresent(u -> inputs.putIfAbsent(
                            splitIndicator + "|" + u.id() + "|" + v.year(), new DataValueInput(splitIndicator, u.id(),
                                    String.valueOf(v.year()), v.value(), null, null, null)));
                }
            }
        }
        if (inputs.isEmpty()) {
            return 0;
        }
        try {
            return values.write(inputs.values(), ValueSource.DEMO, null, true).size();
        } catch (RuntimeException e) {
            log.warn("Demo values of plan #{} skipped: {}", plan.id(), e.getMessage());
            return 0;
        }
    }

    private boolean hasDemoValues(Plan plan, List<Target> measured, Map<Long, Indicator> byTarget) {
        if (measured.isEmpty()) {
            return false;
        }
        Optional<AdminUnit> unit = province(plan, LocalDate.of(FIRST_YEAR, 12, 31));
        if (unit.isEmpty()) {
            return false;
        }
        Collection<Long> ids = measured.stream().map(t -> byTarget.get(t.id()).id()).distinct().toList();
        return values.find(ids, List.of(unit.get().id()), List.of(String.valueOf(FIRST_YEAR))).stream()
                .anyMatch(DataValue::demo);
    }

    // ----- helpers

    /** Targets the demo can give values: a number to reach, a deadline and a stored (not derived) indicator. */
    private static boolean usable(Target t, Indicator i) {
        return i != null && (i.formula() == null || i.formula().isBlank()) && t.value() != null && t.deadlineYear() != null;
    }

    private static String key(Plan plan, Target t) {
        return plan.number() + "|target|" + t.position();
    }

    /** The plan's province on a day, followed through the 2025 reform when its code no longer exists then. */
    private Optional<AdminUnit> province(Plan plan, LocalDate on) {
        if (plan.provinceCode() == null || plan.provinceCode().isBlank()) {
            return Optional.empty();
        }
        Optional<AdminUnit> found = units.find(plan.provinceCode(), on).filter(u -> u.level() == UnitLevel.PROVINCE);
        if (found.isPresent()) {
            return found;
        }
        Optional<AdminUnit> before = units.find(plan.provinceCode(), LocalDate.of(2025, 6, 30))
                .filter(u -> u.level() == UnitLevel.PROVINCE);
        return before.flatMap(u -> units.successors(u.id()).stream().filter(l -> l.share() == UnitLink.Share.FULL)
                .map(UnitLink::successor).filter(s -> s.validOn(on)).findFirst());
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

    private static <T> T asSystem(Supplier<T> work) {
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
