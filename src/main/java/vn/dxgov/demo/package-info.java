/**
 * Demonstration history: a plausible, deterministic reporting history 2022–2025 (and the open 2026 period) for the
 * seed plans, written through the other modules' public APIs and marked as demo data everywhere it shows, so a
 * newcomer sees statuses, late agencies and a consolidated report at once. Off in production
 * ({@code DXGOV_DEMO_ENABLED=false}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo history",
        allowedDependencies = {"indicators", "plans", "reporting", "security", "shared", "targets", "tasks", "units"})
package vn.dxgov.demo;
