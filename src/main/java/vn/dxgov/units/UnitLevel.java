package vn.dxgov.units;

/** Level of an administrative unit. Since 1/7/2025 there is no district level. */
public enum UnitLevel {
    PROVINCE, DISTRICT, COMMUNE
}
