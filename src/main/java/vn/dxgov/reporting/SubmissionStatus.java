package vn.dxgov.reporting;

/** Where an agency's report is in its workflow. */
public enum SubmissionStatus {
    /** nháp: the agency is filling it in */
    DRAFT,
    /** đã gửi: waiting for the steering department */
    SUBMITTED,
    /** trả lại: sent back with a reason; the agency corrects and resubmits */
    RETURNED,
    /** đã duyệt: accepted; its data is locked */
    APPROVED
}
