package vn.dxgov.plans;

/**
 * A plan is imported as a draft, reviewed, then published for everyone to see. A published plan replaced by a new
 * version of itself is superseded: readable as history, no longer a current plan (not published).
 */
public enum PlanStatus {
    DRAFT, PUBLISHED, SUPERSEDED
}
