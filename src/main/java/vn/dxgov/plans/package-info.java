/**
 * Plans (nghị quyết, quyết định, chương trình, kế hoạch): import from documents, review, publication, the plan
 * tree. Public API: {@link vn.dxgov.plans.PlanCatalog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plans")
package vn.dxgov.plans;
