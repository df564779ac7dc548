/**
 * Demonstration history that lives on today's date: a plausible, deterministic reporting history for the seed plans
 * that moves with the application's clock (the periods before the last ended one approved, the last ended one being
 * approved, the current one open), and published assessment rounds (Thanh Hóa's communes before and after the 2025
 * reform, the provincial DTI) so the rankings and the map are full on a fresh start. Written through the other
 * modules' public APIs and marked as demo data everywhere it shows; demo rounds never feed targets. Off in production
 * ({@code DXGOV_DEMO_ENABLED=false}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo history",
        allowedDependencies = {"assessment", "indicators", "plans", "reporting", "security", "shared", "targets", "tasks", "units"})
package vn.dxgov.demo;
