package vn.dxgov.files.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dxgov.files.AttachmentAccess;
import vn.dxgov.files.Attachments.Attachment;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.Role;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.web.ApiException;

@RestController
@RequestMapping("/api/v1/attachments")
@Tag(name = "Attachments", description = "Tệp minh chứng / evidence files of data values, task progress and reports")
class AttachmentApiController {

    /** Served as downloads, never rendered: a browser must not run an uploaded page or image script. */
    private static final List<String> UNSAFE_INLINE = List.of("text/html", "application/xhtml", "image/svg", "text/xml",
            "application/xml", "text/javascript", "application/javascript");

    private final JdbcAttachments attachments;
    private final List<AttachmentAccess> accesses;

    AttachmentApiController(JdbcAttachments attachments, List<AttachmentAccess> accesses) {
        this.attachments = attachments;
        this.accesses = accesses;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file (multipart: ownerType, ownerId, file). STEERING and ADMIN; an EDITOR where the "
            + "owner's module allows it. Refuses empty files, programs and files over dxgov.files.max-bytes (20 MB)")
    ResponseEntity<Attachment> add(@Parameter(description = "SUBMISSION, TASK_PROGRESS, DATA_VALUE...") @RequestParam String ownerType,
                                   @RequestParam long ownerId, @RequestPart("file") MultipartFile file) throws IOException {
        String type = JdbcAttachments.ownerType(ownerType);
        requireWrite(type, ownerId);
        if (file.getSize() > attachments.maxBytes()) {
            // refuse before reading a large upload into memory
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "attachment.tooLarge",
                    JdbcAttachments.filename(file.getOriginalFilename()),
                    Numbers.current().megabytes(file.getSize()), Numbers.current().megabytes(attachments.maxBytes()));
        }
        Attachment a = attachments.add(type, ownerId, file.getOriginalFilename(), file.getContentType(), file.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED).body(a);
    }

    @GetMapping
    @Operation(summary = "The files of an owner")
    List<Attachment> list(@RequestParam String ownerType, @RequestParam long ownerId) {
        String type = JdbcAttachments.ownerType(ownerType);
        requireRead(type, ownerId);
        return attachments.list(type, ownerId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Download a file as uploaded (always as an attachment)")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        var content = attachments.get(id).orElseThrow(() -> ApiException.notFound("attachment", id));
        Attachment a = content.attachment();
        requireRead(a.ownerType(), a.ownerId());
        MediaType type;
        try {
            type = MediaType.parseMediaType(a.mediaType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        String lower = a.mediaType().toLowerCase(Locale.ROOT);
        if (UNSAFE_INLINE.stream().anyMatch(lower::startsWith)) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Content-SHA256", a.sha256())
                .contentType(type).body(content.bytes());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a file (who may attach to its owner)")
    ResponseEntity<Void> delete(@PathVariable long id) {
        Attachment a = attachments.find(id).orElseThrow(() -> ApiException.notFound("attachment", id));
        requireWrite(a.ownerType(), a.ownerId());
        attachments.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** Whether the module that owns this kind of owner decides who reads and writes its files. */
    private boolean decided(String ownerType) {
        return accesses.stream().anyMatch(x -> x.decides(ownerType));
    }

    /**
     * Files of an owner whose module registered an access follow that module's rules for everyone (the steering
     * department of the owner's province, its agency's editor...: a report of another province is nobody's here);
     * other owners' files: STEERING and ADMIN.
     */
    private void requireWrite(String ownerType, long ownerId) {
        if (decided(ownerType) ? accesses.stream().anyMatch(x -> x.decides(ownerType) && x.mayWrite(ownerType, ownerId))
                : CurrentUser.hasAnyRole(Role.STEERING, Role.ADMIN)) {
            return;
        }
        throw new AccessDeniedException("may not attach to " + ownerType + " " + ownerId);
    }

    private void requireRead(String ownerType, long ownerId) {
        if (decided(ownerType) ? accesses.stream().anyMatch(x -> x.decides(ownerType) && x.mayRead(ownerType, ownerId))
                : CurrentUser.readsEverything()) {
            return;
        }
        throw new AccessDeniedException("may not read files of " + ownerType + " " + ownerId);
    }
}
