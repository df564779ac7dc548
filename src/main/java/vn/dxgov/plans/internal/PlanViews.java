package vn.dxgov.plans.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanReference;
import vn.dxgov.plans.PlanStatus;
import vn.dxgov.plans.PlanType;
import vn.dxgov.shared.Pillar;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.targets.TargetSplit;
import vn.dxgov.tasks.Recurrence;
import vn.dxgov.tasks.Task;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;

/** Builds the JSON views of plans, targets and tasks, with agency names looked up in one go. */
@Component
class PlanViews {

    /** A plan in lists. */
    record PlanSummary(long id, PlanStatus status, PlanType type, String number, String title, String issuer,
                       LocalDate issuedOn, String issuedOnText, String province, String provinceCode,
                       Integer periodStart, Integer periodEnd, Integer visionYear, Long parentId,
                       PlanReference implementsRef, int targetCount, int taskCount) {
    }

    /** A plan with its targets and tasks; the import answer adds the import's id, status and report. */
    record PlanDetail(Long importId, String importStatus, long planId, PlanStatus status, PlanType type, String number,
                      String title, String issuer, LocalDate issuedOn, String issuedOnText, String province,
                      String provinceCode, Integer periodStart, Integer periodEnd, Integer visionYear, Long parentId,
                      PlanReference implementsRef, String sourceFilename, List<TargetView> targets,
                      List<TaskView> tasks, ImportReport report) {
    }

    record TargetView(long id, long planId, String code, String text, String sourceText, TargetKind kind,
                      Comparison comparison, BigDecimal value, String unit, Integer deadlineYear, BigDecimal baseline,
                      Integer baselineYear, Pillar pillar, List<TargetSplit> splits, List<String> lead,
                      List<String> cooperating, List<AgencyRef> leadAgencies, List<AgencyRef> cooperatingAgencies,
                      Integer sourceLine) {
    }

    record TaskView(long id, long planId, String code, String section, String sectionTitle, String groupTitle,
                    String title, List<String> lead, List<String> cooperating, Integer startYear, Integer endYear,
                    Recurrence recurrence, String timeFrame, String scope, String legalBasis, Pillar pillar,
                    List<AgencyRef> leadAgencies, List<AgencyRef> cooperatingAgencies, Integer sourceLine) {
    }

    record AgencyRef(long id, String name, boolean needsReview) {
    }

    private final AgencyDirectory agencies;
    private final TargetCatalog targets;
    private final TaskCatalog tasks;

    PlanViews(AgencyDirectory agencies, TargetCatalog targets, TaskCatalog tasks) {
        this.agencies = agencies;
        this.targets = targets;
        this.tasks = tasks;
    }

    List<PlanSummary> summaries(List<Plan> plans) {
        List<Long> ids = plans.stream().map(Plan::id).toList();
        Map<Long, Integer> targetCounts = targets.countByPlan(ids);
        Map<Long, Integer> taskCounts = tasks.countByPlan(ids);
        return plans.stream().map(p -> new PlanSummary(p.id(), p.status(), p.type(), p.number(), p.title(), p.issuer(),
                p.issuedOn(), p.issuedOnText(), p.provinceName(), p.provinceCode(), p.periodStart(), p.periodEnd(),
                p.visionYear(), p.parentId(), p.implementsRef(), targetCounts.getOrDefault(p.id(), 0),
                taskCounts.getOrDefault(p.id(), 0))).toList();
    }

    PlanDetail detail(Plan p, List<Target> planTargets, List<Task> planTasks, Long importId, String importStatus,
                      ImportReport report) {
        Map<Long, Agency> names = agencyMap(planTargets, planTasks);
        return new PlanDetail(importId, importStatus, p.id(), p.status(), p.type(), p.number(), p.title(), p.issuer(),
                p.issuedOn(), p.issuedOnText(), p.provinceName(), p.provinceCode(), p.periodStart(), p.periodEnd(),
                p.visionYear(), p.parentId(), p.implementsRef(), p.sourceFilename(),
                planTargets.stream().map(t -> target(t, names)).toList(),
                planTasks.stream().map(t -> task(t, names)).toList(), report);
    }

    List<TargetView> targets(List<Target> list) {
        Map<Long, Agency> names = agencyMap(list, List.of());
        return list.stream().map(t -> target(t, names)).toList();
    }

    List<TaskView> tasks(List<Task> list) {
        Map<Long, Agency> names = agencyMap(List.of(), list);
        return list.stream().map(t -> task(t, names)).toList();
    }

    private Map<Long, Agency> agencyMap(List<Target> ts, List<Task> ks) {
        Set<Long> ids = new HashSet<>();
        ts.forEach(t -> {
            ids.addAll(t.leadAgencyIds());
            ids.addAll(t.cooperatingAgencyIds());
        });
        ks.forEach(t -> {
            ids.addAll(t.leadAgencyIds());
            ids.addAll(t.cooperatingAgencyIds());
        });
        return ids.isEmpty() ? Map.of() : agencies.findAll(ids);
    }

    private static TargetView target(Target t, Map<Long, Agency> a) {
        return new TargetView(t.id(), t.planId(), t.code(), t.text(), t.sourceText(), t.kind(), t.comparison(), t.value(),
                t.unit(), t.deadlineYear(), t.baseline(), t.baselineYear(), t.pillar(), t.splits(),
                names(t.leadAgencyIds(), a), names(t.cooperatingAgencyIds(), a), refs(t.leadAgencyIds(), a),
                refs(t.cooperatingAgencyIds(), a), t.sourceLine());
    }

    private static TaskView task(Task t, Map<Long, Agency> a) {
        return new TaskView(t.id(), t.planId(), t.code(), t.section(), t.sectionTitle(), t.groupTitle(), t.title(),
                names(t.leadAgencyIds(), a), names(t.cooperatingAgencyIds(), a), t.startYear(), t.endYear(),
                t.recurrence(), t.timeFrameText(), t.scope(), t.legalBasis(), t.pillar(), refs(t.leadAgencyIds(), a),
                refs(t.cooperatingAgencyIds(), a), t.sourceLine());
    }

    private static List<String> names(Collection<Long> ids, Map<Long, Agency> a) {
        return ids.stream().map(id -> a.containsKey(id) ? a.get(id).name() : "#" + id).toList();
    }

    private static List<AgencyRef> refs(Collection<Long> ids, Map<Long, Agency> a) {
        return ids.stream().filter(a::containsKey).map(id -> new AgencyRef(id, a.get(id).name(), a.get(id).needsReview())).toList();
    }
}
