/**
 * Assessment and ranking (đánh giá, xếp hạng): criteria sets (bộ tiêu chí) as a tree of groups and criteria with
 * maximum points, scoring rules, mandatory criteria and classification levels, one version per year, imported and
 * exported as .xlsx and JSON; assessment rounds where units self-assess with evidence, reviewers of the steering
 * department accept or adjust each criterion, and published results with ranks, classifications and history.
 * Public API: {@link vn.dxgov.assessment.CriteriaSets}, {@link vn.dxgov.assessment.Assessments} and their records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment and ranking",
        allowedDependencies = {"analytics", "files", "indicators", "security", "shared", "units"})
package vn.dxgov.assessment;
