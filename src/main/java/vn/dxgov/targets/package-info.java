/** Targets (chỉ tiêu) of plans: kind, value, deadline, per-level splits, lead and cooperating agencies. */
@org.springframework.modulith.ApplicationModule(displayName = "Targets",
        allowedDependencies = {"security", "shared", "units"})
package vn.dxgov.targets;
