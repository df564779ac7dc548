package vn.dxgov.plans;

/**
 * Published (within the publication's transaction) when a new version of a plan is published and replaces the old
 * one: what belongs to the old plan as a whole (its reporting schedule, with its periods and the agencies' reports)
 * moves to the new version. Targets and tasks are carried over by the plans module itself (unchanged ones keep their
 * ids). A listener that fails rolls the publication back: the old version stays published.
 *
 * @param oldPlanId the plan replaced, now superseded
 * @param newPlanId the version published in its place
 */
public record PlanSuperseded(long oldPlanId, long newPlanId) {
}
