package vn.dxgov.files.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.files.Attachments;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.web.ApiException;

/**
 * Evidence files in the attachment table. Refuses empty files, files over {@code dxgov.files.max-bytes} and programs
 * (by content: Windows/Linux/macOS executables and scripts starting with "#!"; by name: .exe, .bat, .ps1, .jar...).
 */
@Service
@Transactional(readOnly = true)
class JdbcAttachments implements Attachments {

    static final Pattern OWNER_TYPE = Pattern.compile("[A-Z][A-Z_]{0,23}");
    /** File name endings of programs and scripts that a browser or Windows would run. */
    static final Set<String> EXECUTABLE_ENDINGS = Set.of("exe", "dll", "com", "bat", "cmd", "msi", "msp", "scr", "pif",
            "cpl", "ps1", "psm1", "vbs", "vbe", "js", "jse", "wsf", "wsh", "hta", "jar", "sh", "bash", "apk", "app",
            "lnk", "reg", "scf", "gadget", "elf", "bin", "run", "so", "dylib", "class", "py", "pl");

    private static final String COLUMNS = "id, owner_type, owner_id, filename, media_type, size_bytes, sha256, uploaded_by, uploaded_at";
    private static final RowMapper<Attachment> ROW = (rs, n) -> new Attachment(rs.getLong(1), rs.getString(2),
            rs.getLong(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8),
            rs.getTimestamp(9).toInstant());

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final long maxBytes;

    JdbcAttachments(JdbcClient jdbc, AuditLog audit, @Value("${dxgov.files.max-bytes:20971520}") long maxBytes) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    @Override
    @Transactional
    public Attachment add(String ownerType, long ownerId, String filename, String mediaType, byte[] bytes) {
        String type = ownerType(ownerType);
        String name = filename(filename);
        if (bytes == null || bytes.length == 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "attachment.empty", name);
        }
        if (bytes.length > maxBytes) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "attachment.tooLarge", name,
                    megabytes(bytes.length), megabytes(maxBytes));
        }
        String program = program(name, bytes);
        if (program != null) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment.executable", name, program);
        }
        String media = mediaType == null || mediaType.isBlank() || mediaType.length() > 200
                ? "application/octet-stream" : mediaType.trim();
        String sha = sha256(bytes);
        long id = jdbc.sql("""
                insert into attachment (owner_type, owner_id, filename, media_type, size_bytes, sha256, content, uploaded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(type, ownerId, name, media, bytes.length, sha, bytes, CurrentUser.username().orElse("system"))
                .query(Long.class).single();
        Attachment a = find(id).orElseThrow();
        audit.record("attachment.add", "attachment", id, null, a);
        return a;
    }

    @Override
    public List<Attachment> list(String ownerType, long ownerId) {
        return jdbc.sql("select " + COLUMNS + " from attachment where owner_type = ? and owner_id = ? order by uploaded_at, id")
                .params(ownerType(ownerType), ownerId).query(ROW).list();
    }

    @Override
    public Optional<Content> get(long id) {
        return jdbc.sql("select " + COLUMNS + ", content from attachment where id = ?").param(id)
                .query((rs, n) -> new Content(ROW.mapRow(rs, n), rs.getBytes("content"))).optional();
    }

    Optional<Attachment> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from attachment where id = ?").param(id).query(ROW).optional();
    }

    @Override
    @Transactional
    public void delete(long id) {
        Attachment before = find(id).orElseThrow(() -> ApiException.notFound("attachment", id));
        jdbc.sql("delete from attachment where id = ?").param(id).update();
        audit.record("attachment.delete", "attachment", id, before, null);
    }

    // ----- checks

    static String ownerType(String ownerType) {
        String t = ownerType == null ? "" : ownerType.trim().toUpperCase(Locale.ROOT);
        if (!OWNER_TYPE.matcher(t).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "attachment.ownerType", ownerType == null ? "" : ownerType);
        }
        return t;
    }

    /** The last path segment, without control characters, at most 255 characters. */
    static String filename(String filename) {
        String name = filename == null ? "" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").trim();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "tep-dinh-kem";
        }
        if (name.length() > 255) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, 255 - ext.length()) + ext;
        }
        return name;
    }

    /** What kind of program the file is ("Windows .exe", "tệp .bat"), or null when it is not one. */
    static String program(String filename, byte[] b) {
        if (b.length >= 64 && b[0] == 'M' && b[1] == 'Z') {
            int pe = (b[0x3c] & 0xff) | (b[0x3d] & 0xff) << 8 | (b[0x3e] & 0xff) << 16 | (b[0x3f] & 0xff) << 24;
            if (pe > 0 && pe + 4 <= b.length && b[pe] == 'P' && b[pe + 1] == 'E' && b[pe + 2] == 0 && b[pe + 3] == 0) {
                return "chương trình Windows (PE)";
            }
        }
        if (b.length >= 4 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F') {
            return "chương trình Linux (ELF)";
        }
        if (b.length >= 4) {
            int magic = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            if (magic == 0xfeedface || magic == 0xfeedfacf || magic == 0xcefaedfe || magic == 0xcffaedfe) {
                return "chương trình macOS (Mach-O)";
            }
        }
        if (b.length >= 2 && b[0] == '#' && b[1] == '!') {
            return "tập lệnh (" + new String(b, 0, Math.min(b.length, 40), StandardCharsets.ISO_8859_1).lines().findFirst().orElse("#!") + ")";
        }
        String lower = filename.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        if (dot >= 0 && EXECUTABLE_ENDINGS.contains(lower.substring(dot + 1))) {
            return "tệp ." + lower.substring(dot + 1);
        }
        return null;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String megabytes(long bytes) {
        return Numbers.current().megabytes(bytes);
    }
}
