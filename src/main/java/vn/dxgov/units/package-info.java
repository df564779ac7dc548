/**
 * Administrative units (đơn vị hành chính: tỉnh, huyện, xã) with validity dates and successor links, and the
 * agencies (cơ quan, đơn vị) that own work, with their aliases. Public API: {@link vn.dxgov.units.AgencyDirectory},
 * {@link vn.dxgov.units.AdminUnits} and their records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Units and agencies",
        allowedDependencies = {"security", "shared"})
package vn.dxgov.units;
