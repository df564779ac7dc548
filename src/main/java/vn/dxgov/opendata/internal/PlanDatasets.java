package vn.dxgov.opendata.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import vn.dxgov.analytics.Aggregate;
import vn.dxgov.analytics.Analytics;
import vn.dxgov.analytics.StatusAssessment;
import vn.dxgov.analytics.TargetStatuses;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.opendata.Dataset;
import vn.dxgov.opendata.DatasetTable;
import vn.dxgov.opendata.DatasetTable.Column;
import vn.dxgov.opendata.DatasetTable.Type;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.shared.Period;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.units.AdminUnit;

/**
 * The dataset of a published plan ({@code plan-{id}}): one row per target with its code, text, pillar, unit, baseline,
 * target value, deadline, status (judged for the plan's province from approved figures) and one column per year that
 * has an approved value of any target. A national plan (no province) has no status and no yearly values: it is judged
 * for no unit. Drafts are never here; a superseded version is left out (its targets live on in the version that
 * replaced it, with their values).
 */
@Component
class PlanDatasets {

    /** The earliest year a yearly value column is looked for. */
    static final int FIRST_YEAR = 2000;

    private final PlanCatalog plans;
    private final TargetCatalog targets;
    private final Analytics analytics;
    private final TargetStatuses statuses;
    private final DataValueStore values;
    private final Labels labels;

    PlanDatasets(PlanCatalog plans, TargetCatalog targets, Analytics analytics, TargetStatuses statuses,
                 DataValueStore values, Labels labels) {
        this.plans = plans;
        this.targets = targets;
        this.analytics = analytics;
        this.statuses = statuses;
        this.values = values;
        this.labels = labels;
    }

    /** The published plans a visitor sees (call as a visitor: {@link AsVisitor}). */
    List<Plan> published() {
        return plans.list().stream().filter(Plan::published).toList();
    }

    Optional<Plan> find(long id) {
        return plans.find(id).filter(Plan::published);
    }

    /** The ids of the indicators measuring the targets of the published plans (for the indicator datasets). */
    Set<Long> indicatorsOf(List<Plan> published) {
        Set<Long> out = new java.util.HashSet<>();
        for (Plan p : published) {
            for (Target t : targets.forPlan(p.id(), TargetFilter.ALL)) {
                for (int i = 0; i < Math.max(1, t.splits().size()); i++) {
                    Long id = i == 0 ? t.indicatorId() : t.splits().get(i).indicatorId();
                    if (id != null) {
                        out.add(id);
                    }
                }
            }
        }
        return out;
    }

    DatasetTable table(Plan plan, LocalDate today) {
        List<Target> list = targets.forPlan(plan.id(), TargetFilter.ALL);
        Optional<AdminUnit> province = plans.province(plan, today);
        Map<Long, StatusAssessment> status = new HashMap<>();
        Map<Long, Map<Integer, Aggregate>> yearly = new HashMap<>();
        TreeSet<Integer> years = new TreeSet<>();
        if (province.isPresent()) {
            long unit = province.get().id();
            statuses.assessAll(list.stream().map(Target::id).toList(), unit, today)
                    .forEach(s -> status.put(s.targetId(), s));
            for (Target t : list) {
                if (t.indicatorId() == null) {
                    continue;
                }
                Map<Integer, Aggregate> byYear = new HashMap<>();
                for (Analytics.Point p : analytics.series(t.indicatorId(), unit, Period.Type.YEAR, FIRST_YEAR,
                        today.getYear())) {
                    byYear.put(p.period().year(), p.value());
                    years.add(p.period().year());
                }
                yearly.put(t.id(), byYear);
            }
        }
        List<Column> columns = new ArrayList<>(Arrays.asList(
                labels.column("code", Type.TEXT), labels.column("target", Type.TEXT),
                labels.column("pillar", Type.TEXT), labels.column("unit_of_measure", Type.TEXT),
                labels.column("baseline", Type.NUMBER), labels.column("baseline_year", Type.INTEGER),
                labels.column("target_value", Type.NUMBER), labels.column("deadline_year", Type.INTEGER),
                labels.column("status", Type.TEXT), labels.column("demo", Type.BOOLEAN)));
        for (int y : years) {
            columns.add(labels.column("value_" + y, "opendata.col.value_year", String.valueOf(y), Type.NUMBER));
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean anyDemo = false;
        for (Target t : list) {
            Map<Integer, Aggregate> byYear = yearly.getOrDefault(t.id(), Map.of());
            boolean demo = byYear.values().stream().anyMatch(Aggregate::demo);
            anyDemo |= demo;
            StatusAssessment s = status.get(t.id());
            List<Object> row = new ArrayList<>(Arrays.asList(t.code(), t.text(),
                    t.pillar() == null ? null : labels.vi(t.pillar().messageKey()), t.unit(), t.baseline(),
                    t.baselineYear(), t.value(), t.deadlineYear(), s == null ? null : s.status().name(), demo));
            for (int y : years) {
                Aggregate a = byYear.get(y);
                row.add(a == null ? null : a.value());
            }
            rows.add(row);
        }
        return new DatasetTable(describe(plan, list, province, years, modified(plan, list), anyDemo, rows.size()),
                columns, rows);
    }

    /** The plan's publication, or the latest approval of a value of one of its indicators when later. */
    private Instant modified(Plan plan, List<Target> list) {
        Instant latest = plan.publishedAt() != null ? plan.publishedAt() : plan.createdAt();
        List<Long> indicators = list.stream().map(Target::indicatorId).filter(Objects::nonNull).distinct().toList();
        if (indicators.isEmpty()) {
            return latest;
        }
        for (DataValue v : values.find(indicators, List.of(), List.of())) {
            if (v.hasApproved() && !v.contribution() && v.approvedAt() != null
                    && (latest == null || v.approvedAt().isAfter(latest))) {
                latest = v.approvedAt();
            }
        }
        return latest;
    }

    private Dataset describe(Plan plan, List<Target> list, Optional<AdminUnit> province, TreeSet<Integer> years,
                             Instant modified, boolean demo, int rows) {
        String name = plan.number() == null ? plan.title() : plan.number() + " · " + plan.title();
        String where = plan.provinceName() != null ? plan.provinceName()
                : province.map(AdminUnit::shortName).orElse(null);
        Set<String> keywords = new LinkedHashSet<>();
        list.stream().map(Target::pillar).filter(Objects::nonNull).distinct()
                .forEach(p -> keywords.add(labels.vi(p.messageKey())));
        Integer first = plan.periodStart() != null ? plan.periodStart() : years.isEmpty() ? null : years.first();
        Integer last = plan.periodEnd() != null ? plan.periodEnd() : list.stream().map(Target::deadlineYear)
                .filter(Objects::nonNull).max(Integer::compare).orElse(years.isEmpty() ? null : years.last());
        if (first != null && !years.isEmpty()) {
            first = Math.min(first, years.first());
        }
        if (last != null && !years.isEmpty()) {
            last = Math.max(last, years.last());
        }
        String issuer = plan.issuer() == null ? "" : plan.issuer();
        return new Dataset("plan-" + plan.id(), Dataset.Kind.PLAN,
                labels.vi("opendata.plan.title", name), labels.en("opendata.plan.title", name),
                labels.vi("opendata.plan.description", plan.title(), issuer, where == null ? "-" : where, String.valueOf(list.size())),
                labels.en("opendata.plan.description", plan.title(), issuer, where == null ? "-" : where, String.valueOf(list.size())),
                plan.provinceCode(), where, List.copyOf(keywords),
                first == null ? null : LocalDate.of(first, 1, 1), last == null ? null : LocalDate.of(last, 12, 31),
                modified, demo, rows);
    }
}
