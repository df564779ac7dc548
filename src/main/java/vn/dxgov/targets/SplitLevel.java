package vn.dxgov.targets;

/** The administrative level one value of a split target applies to ("90% cấp tỉnh, 80% cấp huyện, 60% cấp xã"). */
public enum SplitLevel {
    PROVINCE, DISTRICT, COMMUNE, OTHER
}
