package vn.dxgov.plans;

/** How an import ended. */
public enum ImportStatus {
    /** still running */
    RUNNING,
    /** a new draft plan was made */
    SUCCEEDED,
    /** the same document was imported before; nothing changed */
    DUPLICATE,
    /** the document was refused or the import failed; nothing changed */
    FAILED
}
