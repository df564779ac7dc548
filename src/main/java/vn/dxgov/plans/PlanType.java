package vn.dxgov.plans;

/** The kind of document a plan is. */
public enum PlanType {
    /** Nghị quyết (of a Party committee or a People's Council) */
    RESOLUTION,
    /** Quyết định */
    DECISION,
    /** Chương trình (hành động) */
    PROGRAMME,
    /** Kế hoạch */
    PLAN
}
