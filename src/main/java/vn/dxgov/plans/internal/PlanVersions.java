package vn.dxgov.plans.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.dxgov.plans.PlanSuperseded;
import vn.dxgov.security.AuditLog;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.tasks.Task;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.tasks.TaskFilter;

/**
 * Versions of a plan. At import: is the new draft a new version of a plan already here (same number and issuer, or
 * a near-identical text, see {@link PlanSimilarity}), or another plan that happens to carry the same number (a
 * warning)? At publication: the new version replaces the old one, in the publication's transaction.
 *
 * <p>What was reported stays attached by <b>carrying the old ids over</b>: each unchanged target and task of the new
 * version exchanges its id with its old twin ({@link TargetCatalog#exchange}, {@link TaskCatalog#exchange}), so every
 * reference by id (a target's indicator and so its values, assignment decisions, links between plans' targets, a
 * task's progress reports, bookmarked pages) follows without any other module re-pointing anything, including
 * references added later. The old version keeps a copy of the same content under the other id, as history. A changed
 * target stays a new target (the old one, with its old value, remains in the superseded version); when only its
 * numbers, unit, deadline or agencies changed it measures the same thing, so it is linked to the old target's
 * indicator and its series goes on. A changed task starts without progress; its reports stay on the old task.
 */
@Service
class PlanVersions {

    private final VersionRepository versions;
    private final TargetCatalog targets;
    private final TaskCatalog tasks;
    private final VersionItems items;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    PlanVersions(VersionRepository versions, TargetCatalog targets, TaskCatalog tasks, VersionItems items,
                 AuditLog audit, ApplicationEventPublisher events) {
        this.versions = versions;
        this.targets = targets;
        this.tasks = tasks;
        this.items = items;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Compares a draft just imported with the current plans of its province (or the national ones) and, when it is a
     * new version of one of them, records it so and reports the differences (null when it is none); adds to the
     * import's notes a warning for each other plan with the same number. Runs in the import's transaction.
     */
    VersionReport recognise(long planId, String provinceCode, String number, String issuer, String text,
                            List<ImportReport.Note> notes) {
        String wantedNumber = PlanSimilarity.number(number);
        String wantedIssuer = PlanSimilarity.issuer(issuer);
        Set<Long> shingles = PlanSimilarity.shingles(text);
        VersionRepository.Candidate best = null;
        double bestScore = -1;
        String bestHow = null;
        int firstNote = notes.size();
        for (VersionRepository.Candidate c : versions.candidates(provinceCode, planId)) {
            boolean sameNumber = wantedNumber != null && wantedNumber.equals(PlanSimilarity.number(c.number()));
            String otherIssuer = PlanSimilarity.issuer(c.issuer());
            boolean issuerAgrees = wantedIssuer == null || otherIssuer == null || wantedIssuer.equals(otherIssuer);
            double similarity = PlanSimilarity.jaccard(shingles, PlanSimilarity.shingles(c.text()));
            String how = similarity >= PlanSimilarity.NEAR_IDENTICAL ? "TEXT"
                    : sameNumber && issuerAgrees && similarity >= PlanSimilarity.SAME_NUMBER_MINIMUM ? "NUMBER" : null;
            if (how == null) {
                if (sameNumber) {
                    notes.add(new ImportReport.Note(0, "WARNING", "number.taken", "Đã có văn bản khác cùng số hiệu "
                            + c.number() + (c.issuer() == null ? "" : " của " + c.issuer()) + ": \"" + c.title()
                            + "\" (kế hoạch #" + c.id() + "); văn bản này được nhập như một kế hoạch riêng, không thay thế"
                            + " kế hoạch đó.", null));
                }
                continue;
            }
            // a published plan is the one a revision replaces; among several, the most similar
            double score = similarity + ("PUBLISHED".equals(c.status()) ? 1 : 0);
            if (score > bestScore) {
                best = c;
                bestScore = score;
                bestHow = how;
            }
        }
        if (best == null) {
            return null;
        }
        int versionNo = best.versionNo() + 1;
        versions.markVersionOf(planId, best.id(), versionNo);
        double similarity = bestScore >= 1 ? bestScore - 1 : bestScore;
        VersionReport report = compare(best.id(), planId, bestHow, similarity);
        notes.add(firstNote, new ImportReport.Note(0, "WARNING", "version.of", "Văn bản này là phiên bản mới (phiên bản "
                + versionNo + ") của kế hoạch #" + best.id() + (best.number() == null ? "" : " số " + best.number())
                + ": " + report.targets().differences() + " chỉ tiêu và " + report.tasks().differences()
                + " nhiệm vụ khác với phiên bản đang có. Xem chi tiết trên trang rà soát; khi công bố, phiên bản này thay thế"
                + " kế hoạch #" + best.id() + ".", null));
        audit.record("plan.version.recognised", "plan", planId, null,
                Map.of("versionOf", best.id(), "by", bestHow, "similarity", similarity));
        return report;
    }

    /** The differences between a draft version and the plan it revises, as they are now (after review edits). */
    Optional<VersionReport> differences(long planId) {
        VersionRepository.VersionInfo info = versions.find(planId).orElse(null);
        if (info == null || info.versionOf() == null || !"DRAFT".equals(info.status())) {
            return Optional.empty();
        }
        return Optional.of(compare(info.versionOf(), planId, null, Double.NaN));
    }

    private VersionReport compare(long baseId, long planId, String how, double similarity) {
        VersionRepository.VersionInfo base = versions.find(baseId).orElseThrow();
        VersionRepository.VersionInfo self = versions.find(planId).orElseThrow();
        Diff d = diff(baseId, planId);
        var candidate = items.header(baseId);
        return new VersionReport(baseId, base.status(), base.versionNo(), candidate.number(), candidate.title(),
                self.versionNo(), how, Double.isNaN(similarity) ? 0 : Math.round(similarity * 10000) / 10000.0,
                VersionReport.Section.of(d.targets()), VersionReport.Section.of(d.tasks()));
    }

    private record Diff(PlanDiff.Section targets, PlanDiff.Section tasks, List<Target> oldTargets,
                        List<Target> newTargets) {
    }

    private Diff diff(long baseId, long planId) {
        List<Target> oldTargets = targets.forPlan(baseId, TargetFilter.ALL);
        List<Target> newTargets = targets.forPlan(planId, TargetFilter.ALL);
        List<Task> oldTasks = tasks.forPlan(baseId, TaskFilter.ALL);
        List<Task> newTasks = tasks.forPlan(planId, TaskFilter.ALL);
        Map<Long, String> names = items.agencyNames(oldTargets, newTargets, oldTasks, newTasks);
        return new Diff(PlanDiff.compare(items.ofTargets(oldTargets, names), items.ofTargets(newTargets, names)),
                PlanDiff.compare(items.ofTasks(oldTasks, names), items.ofTasks(newTasks, names)),
                oldTargets, newTargets);
    }

    /**
     * Before a draft is published (its row locked by the caller): when it is a version of another plan, replaces
     * that plan. Refused (409) when the plan it revises was replaced meanwhile by another version.
     */
    void replaceOnPublish(long planId) {
        VersionRepository.VersionInfo info = versions.find(planId).orElseThrow();
        if (info.versionOf() == null) {
            return;
        }
        long baseId = info.versionOf();
        String baseStatus = versions.lockStatus(baseId).orElse(null);
        if (baseStatus == null) {
            return;
        }
        if ("SUPERSEDED".equals(baseStatus)) {
            VersionRepository.VersionInfo base = versions.find(baseId).orElseThrow();
            int newer = base.supersededBy() == null ? 0
                    : versions.find(base.supersededBy()).map(VersionRepository.VersionInfo::versionNo).orElse(0);
            throw new ApiException(HttpStatus.CONFLICT, "plan.version.stale", String.valueOf(baseId),
                    String.valueOf(newer), String.valueOf(base.supersededBy()));
        }
        Diff d = diff(baseId, planId);
        d.targets().unchangedPairs().forEach(targets::exchange);
        d.tasks().unchangedPairs().forEach(tasks::exchange);
        Map<Long, Target> oldById = new LinkedHashMap<>();
        d.oldTargets().forEach(t -> oldById.put(t.id(), t));
        int relinked = 0;
        for (PlanDiff.Change c : d.targets().changed()) {
            Target old = oldById.get(c.oldId());
            boolean sameMeasure = c.fields().stream().noneMatch(f -> f.field() == PlanDiff.Field.TEXT);
            if (sameMeasure && old != null && old.indicatorId() != null) {
                targets.linkIndicator(c.newId(), old.indicatorId());
                relinked++;
            }
        }
        versions.supersede(baseId, planId);
        versions.markVersionOf(planId, baseId, versions.find(baseId).orElseThrow().versionNo() + 1);
        int children = versions.moveChildren(baseId, planId);
        events.publishEvent(new PlanSuperseded(baseId, planId));
        audit.record("plan.supersede", "plan", baseId, Map.of("status", baseStatus), Map.of("supersededBy", planId,
                "targetsCarried", d.targets().unchangedPairs().size(), "tasksCarried", d.tasks().unchangedPairs().size(),
                "targetsRelinked", relinked, "childrenMoved", children));
    }
}
