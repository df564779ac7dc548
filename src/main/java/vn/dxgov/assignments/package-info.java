/**
 * Target assignment (giao chỉ tiêu): a provincial target such as "06 huyện và 300 xã hoàn thành chuyển đổi số" or
 * Thanh Hóa's Quyết định 969/QĐ-UBND is split into tranches per level and year (which districts, how many communes
 * must complete digital transformation in which year), filled with named units; each assignment is done when the
 * unit reaches the highest classification of a published assessment round of its year or earlier; the province's
 * figure is the roll-up. Published rounds also feed the count targets of completed units (round → target values).
 * Public API: {@link vn.dxgov.assignments.Assignments} and its records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Target assignment",
        allowedDependencies = {"assessment", "indicators", "plans", "security", "shared", "targets", "units"})
package vn.dxgov.assignments;
