package vn.dxgov.plans.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.plans.PlanEdit;
import vn.dxgov.plans.PlanStatus;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;
import vn.dxgov.units.UnitLink;

/** Reading, correcting and publishing plans. */
@Service
@Transactional(readOnly = true)
class PlanService implements PlanCatalog {

    private final PlanRepository plans;
    private final AdminUnits units;
    private final AuditLog audit;
    private final VersionRepository versions;
    private final PlanVersions planVersions;

    PlanService(PlanRepository plans, AdminUnits units, AuditLog audit, VersionRepository versions,
                PlanVersions planVersions) {
        this.plans = plans;
        this.units = units;
        this.audit = audit;
        this.versions = versions;
        this.planVersions = planVersions;
    }

    /**
     * Whether the current user reviews plans (of some province) and may therefore see drafts: the steering
     * department's rule for a person. The application itself (schedules from documents, the demo history, the
     * assignment feed) reads published plans only, as it always has.
     */
    static boolean canReview() {
        return !CurrentUser.system() && CurrentUser.steering();
    }

    /** Whether the current user reviews this plan: a reviewer of the plan's province (or a national one). */
    static boolean canReview(Plan plan) {
        return canReview() && CurrentUser.maySteer(plan.provinceCode());
    }

    /**
     * Whether the current user sees the plan: only a plan of a province the user may read, and a draft only when the
     * user reviews it.
     */
    static boolean visible(Plan p) {
        return CurrentUser.mayRead(p.provinceCode())
                && (p.published() || p.status() == PlanStatus.SUPERSEDED || canReview(p));
    }

    /** Current plans only: a superseded version is history, reached from the version that replaced it. */
    @Override
    public List<Plan> list() {
        List<Plan> visible = plans.all().stream().filter(p -> p.status() != PlanStatus.SUPERSEDED)
                .filter(PlanService::visible).toList();
        return treeOrder(visible);
    }

    @Override
    public Optional<Plan> find(long id) {
        return plans.find(id).filter(PlanService::visible);
    }

    @Override
    public Optional<String> provinceOf(long id) {
        return plans.find(id).map(Plan::provinceCode);
    }

    /**
     * An import the user may see: one of a plan the user sees, or one without a plan (failed) that the user started;
     * the super-administrator sees all. Another province's imports do not exist for the user.
     */
    boolean visible(ImportRepository.ImportRecord r) {
        if (CurrentUser.superAdmin()) {
            return true;
        }
        return r.planId() != null ? find(r.planId()).isPresent() : CurrentUser.actor().equals(r.createdBy());
    }

    /** A plan the current user may see, or a 404 the caller can act on. */
    Plan require(long id) {
        return find(id).orElseThrow(() -> ApiException.notFound("plan", id));
    }

    /**
     * A plan the current user may see and review (edit, publish, edit its targets and tasks): 404, else 403; a
     * superseded version is history and is not edited any more (409).
     */
    Plan requireReview(long id) {
        Plan p = require(id);
        if (!canReview(p)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        if (p.status() == PlanStatus.SUPERSEDED) {
            throw new ApiException(HttpStatus.CONFLICT, "plan.error.superseded", String.valueOf(id));
        }
        return p;
    }

    @Override
    public List<Plan> children(long id) {
        return plans.children(id).stream().filter(p -> p.status() != PlanStatus.SUPERSEDED)
                .filter(PlanService::visible).toList();
    }

    @Override
    public List<Long> visibleIds() {
        return list().stream().map(Plan::id).toList();
    }

    @Override
    public Optional<AdminUnit> province(Plan plan, LocalDate on) {
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

    @Transactional
    @PreAuthorize("hasAnyRole('STEERING','ADMIN')")
    public Plan update(long id, PlanEdit edit) {
        Plan before = requireReview(id);
        if (edit.title() == null || edit.title().isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "plan.error.titleRequired");
        }
        if (edit.type() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "plan.error.typeRequired");
        }
        if (edit.parentId() != null) {
            checkParent(id, edit.parentId());
        }
        if (edit.periodStart() != null && edit.periodEnd() != null && edit.periodStart() > edit.periodEnd()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "plan.error.period", edit.periodStart(), edit.periodEnd());
        }
        String provinceCode = before.provinceCode();
        String provinceName = blankToNull(edit.provinceName());
        if (provinceName != null && !provinceName.equals(before.provinceName())) {
            LocalDate on = edit.issuedOn() != null ? edit.issuedOn() : LocalDate.now();
            String wanted = provinceName;
            AdminUnit province = units.findProvince(wanted, on)
                    .or(() -> units.findProvince(wanted, LocalDate.of(2025, 6, 30)))
                    .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "plan.error.unknownProvince", wanted));
            provinceCode = province.code();
            provinceName = province.shortName();
        } else if (provinceName == null) {
            provinceCode = null;
        }
        if (!CurrentUser.maySteer(provinceCode)) {
            // a plan is not moved out of the reviewer's province (nor made national by a provincial reviewer)
            throw new ApiException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        plans.update(id, edit.type(), blankToNull(edit.number()), edit.title().trim(), blankToNull(edit.issuer()),
                edit.issuedOn(), edit.issuedOn() == null ? before.issuedOnText() : null, provinceCode, provinceName,
                edit.periodStart(), edit.periodEnd(), edit.visionYear(), edit.parentId());
        Plan after = plans.find(id).orElseThrow();
        audit.record("plan.update", "plan", id, before, after);
        return after;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('STEERING','ADMIN')")
    public Plan publish(long id) {
        requireReview(id);
        // the row locked, then read again: of two publications at once the second sees the first's result
        versions.lockStatus(id);
        Plan before = plans.find(id).orElseThrow();
        if (before.published()) {
            return before;
        }
        if (before.status() == PlanStatus.SUPERSEDED) {
            throw new ApiException(HttpStatus.CONFLICT, "plan.error.superseded", String.valueOf(id));
        }
        planVersions.replaceOnPublish(id);
        plans.publish(id, CurrentUser.username().orElse("system"));
        Plan after = plans.find(id).orElseThrow();
        audit.record("plan.publish", "plan", id, before, after);
        return after;
    }

    Optional<PlanRepository.SourceDocument> source(long id) {
        require(id);
        return plans.source(id);
    }

    private void checkParent(long id, long parentId) {
        if (parentId == id) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "plan.error.parentSelf");
        }
        Long cursor = parentId;
        int guard = 0;
        while (cursor != null && guard++ < 100) {
            Plan p = plans.find(cursor).orElseThrow(() -> ApiException.notFound("plan", parentId));
            if (p.id() == id) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "plan.error.parentCycle");
            }
            cursor = p.parentId();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Roots first (newest first), each followed by its descendants, depth-first. */
    static List<Plan> treeOrder(List<Plan> plans) {
        Map<Long, Plan> byId = new LinkedHashMap<>();
        plans.forEach(p -> byId.put(p.id(), p));
        Map<Long, List<Plan>> kids = new LinkedHashMap<>();
        List<Plan> roots = new ArrayList<>();
        for (Plan p : plans) {
            if (p.parentId() != null && byId.containsKey(p.parentId())) {
                kids.computeIfAbsent(p.parentId(), k -> new ArrayList<>()).add(p);
            } else {
                roots.add(p);
            }
        }
        List<Plan> out = new ArrayList<>();
        for (Plan root : roots) {
            walk(root, kids, out);
        }
        return out;
    }

    private static void walk(Plan p, Map<Long, List<Plan>> kids, List<Plan> out) {
        out.add(p);
        List<Plan> children = new ArrayList<>(kids.getOrDefault(p.id(), List.of()));
        children.sort(Comparator.comparing(Plan::issuedOn, Comparator.nullsLast(Comparator.naturalOrder())));
        for (Plan c : children) {
            walk(c, kids, out);
        }
    }
}
