package vn.dxgov.reporting;

/** Progress of a task in a period. */
public enum TaskProgressStatus {
    /** chưa triển khai */
    NOT_STARTED,
    /** đang triển khai */
    IN_PROGRESS,
    /** hoàn thành */
    DONE,
    /** chậm tiến độ */
    DELAYED,
    /** dừng */
    STOPPED
}
