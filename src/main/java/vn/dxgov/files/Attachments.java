package vn.dxgov.files;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Evidence files kept in the database with their owner (e.g. owner type SUBMISSION, TASK_PROGRESS, DATA_VALUE).
 * Size and type are checked (configurable limit, no executables); writes are audited and join the caller's
 * transaction.
 */
public interface Attachments {

    record Attachment(long id, String ownerType, long ownerId, String filename, String mediaType, int sizeBytes,
                      String sha256, String uploadedBy, Instant uploadedAt) {
    }

    record Content(Attachment attachment, byte[] bytes) {
    }

    Attachment add(String ownerType, long ownerId, String filename, String mediaType, byte[] bytes);

    List<Attachment> list(String ownerType, long ownerId);

    Optional<Content> get(long id);

    void delete(long id);
}
