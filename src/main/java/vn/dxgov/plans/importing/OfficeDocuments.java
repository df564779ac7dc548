package vn.dxgov.plans.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import vn.dxgov.plans.importing.DocumentRejectedException.Reason;

/**
 * Office files in a container: a zip is a .docx or an OpenDocument text (.odt) — told apart by its entries, not its
 * name — or an office file that is not a text document (.xlsx, .ods, .pptx), which is refused; an OLE2 compound file
 * is an old Word document (.doc, it has a "WordDocument" stream) or another old Office file (.xls, .ppt, an
 * encrypted document), refused with what it is.
 */
final class OfficeDocuments {

    static final String ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";
    /** An entry larger than this when unpacked is not a plan (a zip bomb, or a document full of images). */
    private static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

    private OfficeDocuments() {
    }

    /** What a zip holds, from its entries. */
    enum ZipKind {
        DOCX, ODT, OTHER_OFFICE, UNKNOWN
    }

    static DocumentText readZip(String filename, String ext, byte[] bytes) {
        ZipKind kind = zipKind(bytes);
        if (kind == ZipKind.ODT || kind == ZipKind.UNKNOWN && "odt".equals(ext)) {
            return readOdt(filename, bytes);
        }
        if (kind == ZipKind.OTHER_OFFICE) {
            throw notAText();
        }
        try {
            return DocxDocumentReader.read(filename, bytes);
        } catch (IOException | RuntimeException e) {
            throw new DocumentRejectedException(Reason.UNREADABLE_DOCX,
                    "Không đọc được tệp .docx (tệp nén bị hỏng hoặc không phải văn bản Word). "
                            + "Hãy mở bằng Word, lưu lại dưới dạng .docx rồi tải lên lại.",
                    "The .docx file cannot be read (damaged, or a zip that is not a Word document). "
                            + "Open it in Word, save it as .docx and upload it again.", e);
        }
    }

    static DocumentText readOle2(String filename, byte[] bytes) {
        Set<String> entries = oleEntries(bytes);
        if (entries != null && !entries.contains("WordDocument")) {
            if (entries.contains("EncryptedPackage") || entries.contains("EncryptionInfo")) {
                throw new DocumentRejectedException(Reason.UNSUPPORTED_FORMAT,
                        "Tệp được đặt mật khẩu nên không đọc được. Hãy mở tệp, bỏ mật khẩu, lưu lại rồi tải lên.",
                        "The file is password-protected. Open it, remove the password, save it and upload it again.");
            }
            throw notAText();
        }
        try {
            return DocDocumentReader.read(filename, bytes);
        } catch (IOException | RuntimeException e) {
            throw new DocumentRejectedException(Reason.UNREADABLE_DOC,
                    "Không đọc được tệp Word cũ (.doc): tệp bị hỏng, được đặt mật khẩu hoặc do phiên bản Word quá cũ "
                            + "(trước Word 97) tạo ra. Hãy mở bằng Word, lưu lại dưới dạng .docx rồi tải lên lại.",
                    "The old Word file (.doc) cannot be read: it is damaged, password-protected or from a Word "
                            + "version before Word 97. Open it in Word, save it as .docx and upload it again.", e);
        }
    }

    private static DocumentText readOdt(String filename, byte[] bytes) {
        try (ZipFile zip = zip(bytes)) {
            byte[] content = entry(zip, "content.xml");
            if (content == null) {
                throw new IOException("no content.xml in the .odt");
            }
            return OdtDocumentReader.read(filename, content, entry(zip, "styles.xml"));
        } catch (IOException | RuntimeException e) {
            throw new DocumentRejectedException(Reason.UNREADABLE_ODT,
                    "Không đọc được tệp .odt (tệp nén bị hỏng hoặc không phải văn bản OpenDocument). "
                            + "Hãy mở bằng LibreOffice hoặc Word, lưu lại dưới dạng .odt hoặc .docx rồi tải lên lại.",
                    "The .odt file cannot be read (damaged, or not an OpenDocument text). Open it in LibreOffice "
                            + "or Word, save it as .odt or .docx and upload it again.", e);
        }
    }

    /**
     * The zip's directory, read from its end without unpacking any entry (a zip of 10 MB may unpack to gigabytes;
     * only the entries the reader needs are unpacked, each up to {@link #MAX_ENTRY_BYTES}).
     */
    private static ZipFile zip(byte[] bytes) throws IOException {
        return ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
    }

    private static byte[] entry(ZipFile zip, String name) throws IOException {
        ZipArchiveEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return bounded(in);
        }
    }

    /** The kind of a zip from its entry names and its OpenDocument mimetype; UNKNOWN when it cannot be listed. */
    static ZipKind zipKind(byte[] bytes) {
        Set<String> names = new LinkedHashSet<>();
        String mimetype = null;
        try (ZipFile zip = zip(bytes)) {
            zip.getEntries().asIterator().forEachRemaining(e -> names.add(e.getName()));
            ZipArchiveEntry entry = zip.getEntry("mimetype");
            if (entry != null) {
                try (InputStream in = zip.getInputStream(entry)) {
                    mimetype = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            return ZipKind.UNKNOWN;
        }
        if (names.contains("word/document.xml")) {
            return ZipKind.DOCX;
        }
        if (mimetype != null && mimetype.startsWith("application/vnd.oasis.opendocument.")) {
            return mimetype.equals(ODT_MIMETYPE) ? ZipKind.ODT : ZipKind.OTHER_OFFICE;
        }
        if (names.contains("content.xml") && !names.contains("[Content_Types].xml")) {
            return ZipKind.ODT;
        }
        boolean otherOoxml = names.stream().anyMatch(n -> n.startsWith("xl/") || n.startsWith("ppt/"));
        return otherOoxml ? ZipKind.OTHER_OFFICE : ZipKind.UNKNOWN;
    }

    /** The names of the root entries of an OLE2 file, or null when it cannot be read as one. */
    private static Set<String> oleEntries(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            Set<String> names = new LinkedHashSet<>();
            fs.getRoot().getEntryNames().forEach(names::add);
            return names;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] bounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_ENTRY_BYTES) {
                throw new IOException("entry larger than " + MAX_ENTRY_BYTES + " bytes unpacked");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static DocumentRejectedException notAText() {
        return new DocumentRejectedException(Reason.UNSUPPORTED_FORMAT,
                "Tệp là bảng tính hoặc bản trình chiếu (ví dụ .xlsx, .xls, .ods, .pptx), không phải văn bản kế hoạch. "
                        + "Hãy tải lên văn bản: .pdf, .docx, .doc, .odt, .md hoặc .txt.",
                "The file is a spreadsheet or a presentation (such as .xlsx, .xls, .ods, .pptx), not a plan document. "
                        + "Upload the document: .pdf, .docx, .doc, .odt, .md or .txt.");
    }
}
