/** Tasks and projects (nhiệm vụ, dự án) of plans: code path, section, time frame, lead and cooperating agencies. */
@org.springframework.modulith.ApplicationModule(displayName = "Tasks",
        allowedDependencies = {"security", "shared", "units"})
package vn.dxgov.tasks;
