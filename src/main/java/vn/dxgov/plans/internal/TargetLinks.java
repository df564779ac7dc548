package vn.dxgov.plans.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.analytics.StatusAssessment;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.internal.TargetLinkRepository.Link;
import vn.dxgov.plans.internal.TargetLinkRepository.Status;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;

/**
 * The cascade of targets: a plan's targets linked to the national targets they implement. dxgov suggests links
 * ({@link TargetSimilarity}) when a plan is linked under a national plan, and on demand; the steering department of
 * the plan's province confirms or rejects each, or links by hand to any target of the plans above. The national view
 * lists, for a national target, the confirmed province targets behind it with their status; only published plans'
 * targets, and for a province user only its own province's (another province's objects do not exist for it).
 */
@Service
@Transactional(readOnly = true)
class TargetLinks {

    /** Suggestions kept per target: those within this of the best score (a target rarely implements more than one). */
    static final double NEAR_BEST = 0.15;
    static final int MAX_PER_TARGET = 3;

    private final PlanRepository plans;
    private final PlanService planService;
    private final TargetLinkRepository links;
    private final TargetCatalog targets;
    private final IndicatorCatalog indicators;
    private final PlanStatuses statuses;
    private final AuditLog audit;

    TargetLinks(PlanRepository plans, PlanService planService, TargetLinkRepository links, TargetCatalog targets,
                IndicatorCatalog indicators, PlanStatuses statuses, AuditLog audit) {
        this.plans = plans;
        this.planService = planService;
        this.links = links;
        this.targets = targets;
        this.indicators = indicators;
        this.statuses = statuses;
        this.audit = audit;
    }

    /** A target as the link pages show it. */
    record TargetRef(long id, long planId, String planNumber, String code, String text, String kind, BigDecimal value,
                     String unit, Integer deadlineYear) {
    }

    /** One link of a target; {@code decidedOn} the decision's time in Vietnam ("05/12/2026 14:03"). */
    record LinkView(TargetRef national, Status status, TargetLinkRepository.Origin origin, BigDecimal score,
                    String decidedBy, Instant decidedAt, String decidedOn) {
    }


    record TargetWithLinks(TargetRef target, List<LinkView> links) {
    }

    /**
     * A plan's links: {@code above} the plans it implements (nearest first), {@code mayDecide} whether the current
     * user confirms and rejects, {@code candidates} the targets of the plans above (for a link by hand).
     */
    record PlanLinks(long planId, List<PlanRef> above, boolean mayDecide, List<TargetWithLinks> targets,
                     List<TargetRef> candidates) {
    }

    record PlanRef(long id, String number, String title, boolean national) {
    }

    /** A province target behind a national target, with its status for the plan's province. */
    record Behind(String provinceCode, String provinceName, long planId, String planNumber, String planTitle,
                  long targetId, String text, BigDecimal value, String unit, Integer deadlineYear,
                  vn.dxgov.analytics.TargetStatus status, String explanation, String confirmedBy) {
    }

    record NationalTarget(TargetRef target, List<Behind> behind) {
    }

    // ---- suggestions -------------------------------------------------------------------------------------------

    /** Suggests links for a plan and every plan below it; the number of new suggestions. Runs as the caller. */
    @Transactional
    public int suggestFamily(long planId) {
        int made = 0;
        Deque<Long> todo = new ArrayDeque<>(List.of(planId));
        Set<Long> seen = new HashSet<>();
        while (!todo.isEmpty() && seen.size() < 500) {
            long id = todo.pop();
            if (!seen.add(id)) {
                continue;
            }
            Plan p = plans.find(id).orElse(null);
            if (p != null && p.provinceCode() != null) {
                made += suggest(p);
            }
            plans.children(id).forEach(c -> todo.add(c.id()));
        }
        return made;
    }

    /** Suggests again for a plan, for its steering department; the number of new suggestions. */
    @Transactional
    public int suggestOnDemand(long planId) {
        return suggest(requireDecider(planId));
    }

    private int suggest(Plan plan) {
        List<Target> national = new ArrayList<>();
        for (Plan n : above(plan)) {
            if (n.provinceCode() == null) {
                national.addAll(targets.forPlan(n.id(), TargetFilter.ALL));
            }
        }
        if (national.isEmpty()) {
            return 0;
        }
        List<Target> own = targets.forPlan(plan.id(), TargetFilter.ALL);
        Map<Long, String> names = indicatorNames(own, national);
        Map<Long, TargetSimilarity.Features> features = new LinkedHashMap<>();
        national.forEach(n -> features.put(n.id(), features(n, names)));
        int made = 0;
        for (Target t : own) {
            for (Scored s : best(t, features(t, names), national, features)) {
                if (links.suggest(plan.id(), t.id(), s.target().id(), s.score())) {
                    made++;
                }
            }
        }
        return made;
    }

    private record Scored(Target target, double score) {
    }

    /** The national targets a target most likely implements, best first (see {@link TargetSimilarity}). */
    static List<Scored> best(Target t, TargetSimilarity.Features text, List<Target> national,
                             Map<Long, TargetSimilarity.Features> features) {
        List<Scored> scored = new ArrayList<>();
        for (Target n : national) {
            if (TargetSimilarity.compatible(t.kind(), t.unit(), n.kind(), n.unit())) {
                double s = TargetSimilarity.score(text, features.get(n.id()));
                if (s >= TargetSimilarity.THRESHOLD) {
                    scored.add(new Scored(n, s));
                }
            }
        }
        if (scored.isEmpty()) {
            return List.of();
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        double top = scored.get(0).score();
        List<Scored> near = scored.stream().filter(s -> s.score() >= top - NEAR_BEST).toList();
        // the same wording for 2025 and for 2030: the target of the same deadline is the one implemented
        List<Scored> sameYear = near.stream().filter(s -> t.deadlineYear() != null
                && t.deadlineYear().equals(s.target().deadlineYear())).toList();
        return (sameYear.isEmpty() ? near : sameYear).stream().limit(MAX_PER_TARGET).toList();
    }

    /** The features of a target: its text and its indicator's name. */
    private static TargetSimilarity.Features features(Target t, Map<Long, String> indicatorNames) {
        String name = t.indicatorId() == null ? null : indicatorNames.get(t.indicatorId());
        return TargetSimilarity.features(name == null ? t.text() : t.text() + " " + name);
    }

    private Map<Long, String> indicatorNames(List<Target> a, List<Target> b) {
        Set<Long> ids = new HashSet<>();
        a.forEach(t -> addIndicator(ids, t));
        b.forEach(t -> addIndicator(ids, t));
        Map<Long, String> out = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            indicators.findAll(ids).forEach((id, i) -> out.put(id, i.name()));
        }
        return out;
    }

    private static void addIndicator(Set<Long> ids, Target t) {
        if (t.indicatorId() != null) {
            ids.add(t.indicatorId());
        }
    }

    // ---- a person's decisions --------------------------------------------------------------------------------------

    /**
     * Confirms or rejects the link of a plan's target to a target of a plan above it (making it when dxgov did not
     * suggest it). 404 for a plan the user does not see, 403 for one the user does not review, 400 for targets that
     * are not the plan's and the plans' above.
     */
    @Transactional
    public Link decide(long planId, Long targetId, Long nationalTargetId, Status decision) {
        Plan plan = requireDecider(planId);
        if (targetId == null || nationalTargetId == null || decision == null || decision == Status.SUGGESTED) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "targetLink.error.incomplete");
        }
        Target own = targets.find(targetId).filter(t -> t.planId() == planId)
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "targetLink.error.target", String.valueOf(targetId)));
        Set<Long> abovePlans = new HashSet<>();
        above(plan).stream().filter(PlanService::visible).forEach(p -> abovePlans.add(p.id()));
        Target national = targets.find(nationalTargetId).filter(t -> abovePlans.contains(t.planId()))
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "targetLink.error.national", String.valueOf(nationalTargetId)));
        Link before = links.find(own.id(), national.id()).orElse(null);
        links.decide(planId, own.id(), national.id(), decision, CurrentUser.actor());
        Link after = links.find(own.id(), national.id()).orElseThrow();
        audit.record("target.link." + decision.name().toLowerCase(), "target", own.id(), before, after);
        return after;
    }

    private Plan requireDecider(long planId) {
        Plan plan = planService.require(planId);
        if (!PlanService.canReview(plan)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        return plan;
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    /** A plan's targets with their links, for whoever sees the plan. */
    PlanLinks view(long planId) {
        Plan plan = planService.require(planId);
        List<Plan> above = above(plan).stream().filter(PlanService::visible).toList();
        Map<Long, Plan> planById = new LinkedHashMap<>();
        above.forEach(p -> planById.put(p.id(), p));
        planById.put(plan.id(), plan);
        List<TargetRef> candidates = new ArrayList<>();
        for (Plan p : above) {
            targets.forPlan(p.id(), TargetFilter.ALL).forEach(t -> candidates.add(ref(t, p)));
        }
        Map<Long, TargetRef> candidateById = new LinkedHashMap<>();
        candidates.forEach(c -> candidateById.put(c.id(), c));
        Map<Long, List<LinkView>> byTarget = new LinkedHashMap<>();
        for (Link l : links.forPlan(planId)) {
            TargetRef n = candidateById.get(l.nationalTargetId());
            if (n != null) {
                byTarget.computeIfAbsent(l.targetId(), k -> new ArrayList<>())
                        .add(new LinkView(n, l.status(), l.origin(), l.score(), l.decidedBy(), l.decidedAt(),
                                l.decidedAt() == null ? null : vn.dxgov.shared.VietDates.time(l.decidedAt())));
            }
        }
        List<TargetWithLinks> rows = new ArrayList<>();
        for (Target t : targets.forPlan(planId, TargetFilter.ALL)) {
            rows.add(new TargetWithLinks(ref(t, plan), byTarget.getOrDefault(t.id(), List.of())));
        }
        List<PlanRef> aboveRefs = above.stream()
                .map(p -> new PlanRef(p.id(), p.number(), p.title(), p.provinceCode() == null)).toList();
        return new PlanLinks(planId, aboveRefs, PlanService.canReview(plan), rows, candidates);
    }

    /** The province targets confirmed as implementing a target the user sees (404 otherwise). */
    List<Behind> behind(long nationalTargetId) {
        Target t = targets.find(nationalTargetId).orElseThrow(() -> ApiException.notFound("target", nationalTargetId));
        if (planService.find(t.planId()).isEmpty()) {
            throw ApiException.notFound("target", nationalTargetId);
        }
        return behind(List.of(t)).getOrDefault(t.id(), List.of());
    }

    /** For each target of a plan the user sees (404 otherwise), the province targets confirmed behind it. */
    List<NationalTarget> nationalView(long planId) {
        Plan plan = planService.require(planId);
        List<Target> own = targets.forPlan(planId, TargetFilter.ALL);
        Map<Long, List<Behind>> behind = behind(own);
        return own.stream().map(t -> new NationalTarget(ref(t, plan), behind.getOrDefault(t.id(), List.of()))).toList();
    }

    private Map<Long, List<Behind>> behind(Collection<Target> national) {
        Map<Long, List<Link>> byPlan = new LinkedHashMap<>();
        for (Target n : national) {
            for (Link l : links.confirmedTo(n.id())) {
                byPlan.computeIfAbsent(l.planId(), k -> new ArrayList<>()).add(l);
            }
        }
        Map<Long, List<Behind>> out = new LinkedHashMap<>();
        LocalDate today = LocalDate.now();
        for (Map.Entry<Long, List<Link>> e : byPlan.entrySet()) {
            Plan p = plans.find(e.getKey()).orElse(null);
            // published plans only (never a draft, not even for its own province), and only provinces the user reads
            if (p == null || !p.published() || !CurrentUser.mayRead(p.provinceCode())) {
                continue;
            }
            Map<Long, Target> own = new LinkedHashMap<>();
            targets.findAll(e.getValue().stream().map(Link::targetId).toList()).forEach(t -> own.put(t.id(), t));
            Map<Long, StatusAssessment> status = statuses.forPlan(p, own.keySet(), today);
            for (Link l : e.getValue()) {
                Target t = own.get(l.targetId());
                StatusAssessment a = status.get(l.targetId());
                out.computeIfAbsent(l.nationalTargetId(), k -> new ArrayList<>()).add(new Behind(p.provinceCode(),
                        p.provinceName(), p.id(), p.number(), p.title(), t.id(), t.text(), t.value(), t.unit(),
                        t.deadlineYear(), a == null ? vn.dxgov.analytics.TargetStatus.NO_DATA : a.status(),
                        a == null ? null : a.explanation(), l.decidedBy()));
            }
        }
        out.values().forEach(l -> l.sort(Comparator.comparing(Behind::provinceName, Comparator.nullsLast(
                vn.dxgov.shared.VietText.collator())).thenComparing(Behind::planId).thenComparing(Behind::targetId)));
        return out;
    }

    /** The plans above a plan, nearest first (whether or not the user sees them: a national draft is still above). */
    private List<Plan> above(Plan plan) {
        List<Plan> out = new ArrayList<>();
        Long cursor = plan.parentId();
        Set<Long> seen = new HashSet<>(List.of(plan.id()));
        while (cursor != null && seen.add(cursor) && out.size() < 20) {
            Plan p = plans.find(cursor).orElse(null);
            if (p == null) {
                break;
            }
            out.add(p);
            cursor = p.parentId();
        }
        return out;
    }

    private static TargetRef ref(Target t, Plan p) {
        return new TargetRef(t.id(), p.id(), p.number(), t.code(), t.text(), t.kind().name(), t.value(), t.unit(),
                t.deadlineYear());
    }
}
