package vn.dxgov.targets;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Targets of plans. Writes join the caller's transaction and are audited. */
public interface TargetCatalog {

    /** Adds targets to a plan after its existing ones, in the given order (as {@code addAll(planId, null, drafts)}). */
    List<Target> addAll(long planId, List<TargetDraft> drafts);

    /**
     * Adds targets to a plan of a province (null: national or not known) after its existing ones, in the given order;
     * what is made for them elsewhere (their draft indicators) belongs to that province.
     */
    List<Target> addAll(long planId, String provinceCode, List<TargetDraft> drafts);

    /** A plan's targets in document order, filtered. */
    List<Target> forPlan(long planId, TargetFilter filter);

    /** Targets of any of these plans led or co-operated on by an agency, in plan and document order. */
    List<Target> forAgency(long agencyId, Collection<Long> planIds);

    Optional<Target> find(long id);

    /** Replaces a target's content (text, kind, value, deadline, pillar, agencies...). */
    Target update(long id, TargetDraft content);

    /** Links a target to the indicator that measures it. */
    void linkIndicator(long targetId, long indicatorId);

    /**
     * Links a split (0-based position among the target's splits, after the first) of a compound count target to the
     * indicator that measures it ({@link Target#compoundCount()}); the first split is the target's own indicator.
     */
    void linkSplitIndicator(long targetId, int splitIndex, long indicatorId);

    /** Compound count targets with a split after the first that has no indicator yet (all plans), for backfilling. */
    List<Target> compoundWithoutSplitIndicator();

    /** Targets with no indicator yet (all plans), for backfilling draft indicators. */
    List<Target> withoutIndicator();

    /** The targets with these ids, in no particular order. */
    List<Target> findAll(Collection<Long> ids);

    /** How many targets each of these plans has. */
    java.util.Map<Long, Integer> countByPlan(Collection<Long> planIds);

    /**
     * Exchanges two targets' places and content (plan, position, code, text, value, splits, agencies...): each id
     * takes the other's. What references a target by its id stays with the id: its indicator (and so its values), its
     * assignments, links to it. Used when a new version of a plan replaces the old one: an unchanged target of the
     * new version takes the old target's id, so what was reported against it stays attached (plans' PlanVersions).
     */
    void exchange(long targetA, long targetB);
}
