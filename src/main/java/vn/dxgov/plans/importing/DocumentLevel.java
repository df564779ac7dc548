package vn.dxgov.plans.importing;

/**
 * The level of government a document comes from: the Party's central bodies, the National Assembly, the Government,
 * the Prime Minister and ministries are NATIONAL (no province); a province's Party committee, People's Council or
 * People's Committee and its departments are PROVINCE; a district (before 1 July 2025) is DISTRICT; a commune, ward
 * or special zone is COMMUNE.
 */
public enum DocumentLevel {
    NATIONAL, PROVINCE, DISTRICT, COMMUNE
}
