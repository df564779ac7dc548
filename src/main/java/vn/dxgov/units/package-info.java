/**
 * Administrative units (đơn vị hành chính: tỉnh, huyện, xã) with validity dates and successor links, and the
 * agencies (cơ quan, đơn vị) that own work, with their aliases. Public API: {@link vn.dxgov.units.AgencyDirectory},
 * {@link vn.dxgov.units.AdminUnits} and their records. Merging two agencies publishes, inside its transaction,
 * {@link vn.dxgov.units.AgencyMergeCheck} (modules that keep agency ids under a unique key list what would collide;
 * any conflict refuses the merge: {@link vn.dxgov.units.AgencyMergeRefused}) and then
 * {@link vn.dxgov.units.AgenciesMerged} (each module moves its rows in a plain {@code @EventListener}); users and API
 * tokens move through {@code UserDirectory.moveAgency}, since security may not depend on units.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Units and agencies",
        allowedDependencies = {"security", "shared"})
package vn.dxgov.units;
