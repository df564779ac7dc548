package vn.dxgov.files;

/**
 * Who may attach files to what belongs to the module that owns the thing (a submission is the reporting module's).
 * A module registers a bean of this type for its owner types; the attachment endpoints of the REST API then let an
 * EDITOR (or another user who does not read everything) read and write exactly where a registered access says so.
 * STEERING and ADMIN may always write; ADMIN, STEERING and LEADER may always read. Without an access for an owner
 * type, nobody else may.
 */
public interface AttachmentAccess {

    /** True for the owner types (SUBMISSION, TASK_PROGRESS, DATA_VALUE...) this access decides about. */
    boolean decides(String ownerType);

    /** May the current user see the files of this owner? */
    boolean mayRead(String ownerType, long ownerId);

    /** May the current user add files to this owner and delete them? */
    boolean mayWrite(String ownerType, long ownerId);
}
