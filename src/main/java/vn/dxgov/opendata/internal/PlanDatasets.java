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

    /**
     * The plan's dataset as the catalogue describes it, without judging its targets: its rows are its targets, its
     * period the plan's (widened to the years with approved figures), its last update the plan's publication or the
     * latest approval of one of its indicators' figures, its demo flag whether any of those figures is demonstration
     * data. Judging every target walks the unit tree per year (seconds for the seeds); only a download does it.
     */
    Dataset describe(Plan plan, LocalDate today) {
        List<Target> list = targets.forPlan(plan.id(), TargetFilter.ALL);
        return describe(plan, list, approved(list), today);
    }

    DatasetTable table(Plan plan, LocalDate today) {
        List<Target> list = targets.forPlan(plan.id(), TargetFilter.ALL);
        Approved approved = approved(list);
        Optional<AdminUnit> province = plans.province(plan, today);
        Map<Long, StatusAssessment> status = new HashMap<>();
        Map<Long, Map<Integer, Aggregate>> yearly = new HashMap<>();
        TreeSet<Integer> years = new TreeSet<>();
        if (province.isPresent()) {
            long unit = province.get().id();
            statuses.assessAll(list.stream().map(Target::id).toList(), unit, today)
                    .forEach(s -> status.put(s.targetId(), s));
            for (Target t : list) {
                int[] range = t.indicatorId() == null ? null : approved.years().get(t.indicatorId());
                if (range == null) {
                    continue; // no approved figure anywhere: no yearly value to look for
                }
                Map<Integer, Aggregate> byYear = new HashMap<>();
                for (Analytics.Point p : analytics.series(t.indicatorId(), unit, Period.Type.YEAR, range[0],
                        Math.min(range[1], today.getYear()))) {
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
                labels.column("status", Type.TEXT), labels.column("status_name", Type.TEXT),
                labels.column("demo", Type.BOOLEAN)));
        for (int y : years) {
            columns.add(labels.column("value_" + y, "opendata.col.value_year", String.valueOf(y), Type.NUMBER));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Target t : list) {
            Map<Integer, Aggregate> byYear = yearly.getOrDefault(t.id(), Map.of());
            StatusAssessment s = status.get(t.id());
            List<Object> row = new ArrayList<>(Arrays.asList(t.code(), t.text(),
                    t.pillar() == null ? null : labels.vi(t.pillar().messageKey()), t.unit(), t.baseline(),
                    t.baselineYear(), t.value(), t.deadlineYear(), s == null ? null : s.status().name(),
                    s == null ? null : labels.vi("targetStatus." + s.status().name()),
                    byYear.values().stream().anyMatch(Aggregate::demo)));
            for (int y : years) {
                Aggregate a = byYear.get(y);
                row.add(a == null ? null : a.value());
            }
            rows.add(row);
        }
        return new DatasetTable(describe(plan, list, approved, today), columns, rows);
    }

    /**
     * What the approved figures of a plan's indicators span: per indicator the first and last year with an approved
     * line of any unit (the only years whose series can hold a value: the aggregation walks every unit below the
     * province and every predecessor, so asking for years without figures is what made the catalogue slow), the
     * latest approval, and whether any of them is demonstration data.
     */
    record Approved(Map<Long, int[]> years, Instant latest, boolean demo) {
    }

    private Approved approved(List<Target> list) {
        List<Long> indicators = list.stream().map(Target::indicatorId).filter(Objects::nonNull).distinct().toList();
        Map<Long, int[]> years = new HashMap<>();
        Instant latest = null;
        boolean demo = false;
        if (indicators.isEmpty()) {
            return new Approved(years, null, false);
        }
        for (DataValue v : values.find(indicators, List.of(), List.of())) {
            if (!v.hasApproved() || v.contribution()) {
                continue;
            }
            int year = Period.parse(v.period()).year();
            years.merge(v.indicatorId(), new int[] {year, year},
                    (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            if (v.approvedAt() != null && (latest == null || v.approvedAt().isAfter(latest))) {
                latest = v.approvedAt();
            }
            demo |= v.demo() || v.source() == vn.dxgov.indicators.ValueSource.DEMO;
        }
        return new Approved(years, latest, demo);
    }

    private Dataset describe(Plan plan, List<Target> list, Approved approved, LocalDate today) {
        // "Nghị quyết 06-NQ/TU về chuyển đổi số ..." (a title often starts with "về", after the document's kind)
        String kind = plan.type() == null ? "" : labels.vi("planType." + plan.type().name()) + " ";
        String kindEn = plan.type() == null ? "" : labels.en("planType." + plan.type().name()) + " ";
        String number = plan.number() == null ? "" : plan.number() + " ";
        String name = kind + number + plan.title();
        String nameEn = kindEn + number + plan.title();
        String where = plan.provinceName() != null ? plan.provinceName()
                : plans.province(plan, today).map(AdminUnit::shortName).orElse(null);
        Set<String> keywords = new LinkedHashSet<>();
        list.stream().map(Target::pillar).filter(Objects::nonNull).distinct()
                .forEach(p -> keywords.add(labels.vi(p.messageKey())));
        Integer first = plan.periodStart();
        Integer last = plan.periodEnd() != null ? plan.periodEnd()
                : list.stream().map(Target::deadlineYear).filter(Objects::nonNull).max(Integer::compare).orElse(null);
        for (int[] range : approved.years().values()) {
            first = first == null ? range[0] : Math.min(first, range[0]);
            last = last == null ? range[1] : Math.max(last, range[1]);
        }
        Instant published = plan.publishedAt() != null ? plan.publishedAt() : plan.createdAt();
        Instant modified = approved.latest() != null && (published == null || approved.latest().isAfter(published))
                ? approved.latest() : published;
        String issuer = plan.issuer() == null ? "" : plan.issuer();
        String place = where == null ? "-" : where;
        String count = String.valueOf(list.size());
        return new Dataset("plan-" + plan.id(), Dataset.Kind.PLAN,
                labels.vi("opendata.plan.title", name), labels.en("opendata.plan.title", nameEn),
                labels.vi("opendata.plan.description", name, issuer, place, count),
                labels.en("opendata.plan.description", nameEn, issuer, place, count),
                plan.provinceCode(), where, List.copyOf(keywords),
                first == null ? null : LocalDate.of(first, 1, 1), last == null ? null : LocalDate.of(last, 12, 31),
                modified, approved.demo(), list.size());
    }
}
