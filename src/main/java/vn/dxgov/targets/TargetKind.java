package vn.dxgov.targets;

/** What kind of quantity a target commits to. */
public enum TargetKind {
    /** "100% dịch vụ công trực tuyến mức độ 4" */
    PERCENT,
    /** "300 xã hoàn thành chuyển đổi số", "700 doanh nghiệp số" */
    COUNT,
    /** "nhóm 10 tỉnh dẫn đầu về chuyển đổi số": value is the rank to reach or beat */
    RANK,
    /** "năng suất lao động tăng bình quân 9,6%/năm": value is the yearly growth in percent */
    GROWTH_RATE,
    /** an amount of money, unit says which (tỷ đồng, triệu đồng, USD) */
    MONEY,
    /** done or not done, e.g. "hình thành nền tảng dữ liệu"; value 1 means done */
    YES_NO
}
