/**
 * Indicators (chỉ số) behind targets, and their data values per administrative unit and period, with every change
 * kept as a version. Public API: {@link vn.dxgov.indicators.IndicatorCatalog}, {@link vn.dxgov.indicators.DataValueStore},
 * the event {@link vn.dxgov.indicators.DataValuesChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Indicators and data values",
        allowedDependencies = {"security", "shared", "targets", "units"})
package vn.dxgov.indicators;
