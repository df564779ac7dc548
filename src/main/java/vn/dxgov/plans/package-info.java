/**
 * Plans (nghị quyết, quyết định, chương trình, kế hoạch): import from documents, review, publication, the plan
 * tree. Public API: {@link vn.dxgov.plans.PlanCatalog}, {@link vn.dxgov.plans.PlanTexts}, the event
 * {@link vn.dxgov.plans.PlanImported}. Depends on analytics only for the status column of the plan page and of the
 * national view of the cascade, on indicators for the indicator names behind target link suggestions; the pages
 * that read across modules (agencies, a target, the status API) are the portal module's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plans",
        allowedDependencies = {"analytics", "indicators", "security", "shared", "targets", "tasks", "units"})
package vn.dxgov.plans;
