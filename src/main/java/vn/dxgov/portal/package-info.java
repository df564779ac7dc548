/**
 * The pages and the API that read across modules: an agency with everything it leads or co-operates on in the plans
 * the user may see, with its reports and lateness and its scorecard line ({@code /agencies}, {@code /agencies/{id}},
 * where the steering department corrects, renames and merges it; {@code /agencies/new} to add one), a
 * target's page with its status, yearly values and forecast ({@code /targets/{id}}), and the target-status API
 * ({@code /api/v1/targets/{id}/status}, {@code /api/v1/plans/{id}/status}, {@code /api/v1/targets/{id}/indicator}).
 * No public API: nothing depends on this module.
 *
 * <p>Why a module of its own, and not the module that owns each concept: each of these joins a concept with the
 * modules that already depend on it. An agency page lists plans' targets and tasks, and plans, targets and tasks
 * depend on units (agencies): in units it would make a cycle. A target's page and status judge the target through
 * analytics, which depends on targets: in targets, a cycle. Both need a plan's visibility (drafts only for the
 * steering department) and the province its targets are judged for ({@link vn.dxgov.plans.PlanCatalog}), and plans
 * depends on analytics for the status column of the plan page: in analytics, a cycle. In plans they made plans the
 * home of agencies and statuses. Here they sit on top of all of them, every arrow pointing down.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal",
        allowedDependencies = {"analytics", "indicators", "plans", "reporting", "reports", "security", "shared", "targets",
                "tasks", "units"})
package vn.dxgov.portal;
