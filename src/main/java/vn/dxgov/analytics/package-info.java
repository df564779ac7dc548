/**
 * Aggregation of data values over administrative units and periods (from memory, kept fresh on every committed
 * write), and the judgement of targets: achieved, on track, at risk, off track or no data, with a forecast at the
 * deadline. All aggregation goes through {@link vn.dxgov.analytics.Analytics}; status through
 * {@link vn.dxgov.analytics.TargetStatuses}. The method is written down in docs/METHODS.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics",
        allowedDependencies = {"indicators", "security", "shared", "targets", "units"})
package vn.dxgov.analytics;
