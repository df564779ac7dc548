package vn.dxgov.indicators;

/** Where a data value came from. */
public enum ValueSource {
    /** typed into an agency's report form */
    FORM,
    /** uploaded in an agency's Excel form */
    EXCEL,
    /** pushed by another system through the API */
    API,
    /** generated demonstration history */
    DEMO,
    /** loaded by an administrator from a file */
    IMPORT
}
