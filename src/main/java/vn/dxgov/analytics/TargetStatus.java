package vn.dxgov.analytics;

/** How a target stands (tình trạng chỉ tiêu). */
public enum TargetStatus {
    /** đã đạt: the latest value meets the target */
    ACHIEVED,
    /** đúng tiến độ: the forecast at the deadline meets the target */
    ON_TRACK,
    /** có nguy cơ: the forecast misses, but the target is within the forecast's interval */
    AT_RISK,
    /** chậm tiến độ: even the favourable end of the interval misses, or the deadline passed unmet */
    OFF_TRACK,
    /** chưa có số liệu */
    NO_DATA
}
