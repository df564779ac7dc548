package vn.dxgov.indicators;

/**
 * Where a data value stands in its report's workflow. Only APPROVED figures count by default (statuses, dashboards,
 * rankings, reports, the API); a SUBMITTED figure is shown, marked, to the steering department when it asks for
 * "including submitted"; a DRAFT is seen by its own agency only.
 */
public enum ValueState {
    /** being entered by its agency, or returned to it */
    DRAFT,
    /** sent to the steering department, waiting for its decision */
    SUBMITTED,
    /** approved by the steering department, or recorded directly by it or by the application */
    APPROVED
}
