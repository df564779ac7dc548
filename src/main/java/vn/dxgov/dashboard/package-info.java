/**
 * The landing pages per role: the leader's dashboard ({@code /dashboard}: a province's targets by pillar and status
 * with the change since the previous reporting period, the targets at risk, late agencies, the next deadlines, the
 * province's DTI history; for a national user the provinces side by side, target kinds compared), an agency's to-do
 * ({@code /todo}: reports due with what is missing, self-assessments open) and {@code /} sending each role to its
 * page. No public API: nothing depends on this module; it reads the public APIs of the modules below it, like the
 * portal module, and answers approved figures only ({@link vn.dxgov.analytics.ValueView#APPROVED}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard",
        allowedDependencies = {"analytics", "assessment", "plans", "reporting", "security", "shared", "targets",
                "units"})
package vn.dxgov.dashboard;
