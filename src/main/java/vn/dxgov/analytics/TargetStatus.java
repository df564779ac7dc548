package vn.dxgov.analytics;

/** How a target stands (tình trạng chỉ tiêu). */
public enum TargetStatus {
    /** đã đạt: the latest value of the deadline year or before meets the target (a later year never counts) */
    ACHIEVED,
    /** đúng tiến độ: the forecast at the deadline meets the target */
    ON_TRACK,
    /** có nguy cơ: the forecast misses, but the target is within the forecast's interval */
    AT_RISK,
    /** chậm tiến độ: even the favourable end of the interval misses, or the deadline passed unmet */
    OFF_TRACK,
    /** chưa có số liệu: no value (of the deadline year or before), no target value or no indicator */
    NO_DATA
}
