package vn.dxgov.plans;

/** A plan is imported as a draft, reviewed, then published for everyone to see. */
public enum PlanStatus {
    DRAFT, PUBLISHED
}
