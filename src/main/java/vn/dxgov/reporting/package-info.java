/**
 * The reporting cycle: schedules and periods per plan, each agency's report form derived from the targets and tasks
 * it leads, submissions (draft → submitted → returned → resubmitted → approved, approved data locked, reopening
 * recorded), task progress, the steering department's inbox and each agency's to-do list.
 * Public API: {@link vn.dxgov.reporting.Reporting} and its records; events {@link vn.dxgov.reporting.SubmissionChanged}
 * with its {@link vn.dxgov.reporting.SubmissionAction}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting",
        allowedDependencies = {"files", "indicators", "plans", "security", "shared", "targets", "tasks", "units"})
package vn.dxgov.reporting;
