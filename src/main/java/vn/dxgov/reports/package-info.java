/**
 * Reports for the steering department and leaders: the agency scorecard (on-time reports, targets achieved or on
 * track, tasks on time, a composite score; a league table per year) and the consolidated annual report of a plan
 * in Vietnamese administrative layout (.docx, .pdf, .xlsx). Read-only; built from the public APIs of reporting,
 * analytics, plans, targets, tasks and units. Only STEERING, LEADER and ADMIN may read them.
 * Public API: {@link vn.dxgov.reports.Scorecards}, {@link vn.dxgov.reports.AnnualReports} and their records.
 * The scorecard's formula is written down in docs/METHODS.md ("Scorecard").
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports",
        allowedDependencies = {"analytics", "plans", "reporting", "security", "shared", "targets", "tasks", "units"})
package vn.dxgov.reports;
