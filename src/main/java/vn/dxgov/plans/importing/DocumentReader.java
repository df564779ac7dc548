package vn.dxgov.plans.importing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import vn.dxgov.plans.importing.DocumentRejectedException.Reason;

/**
 * Reads an uploaded file into a {@link DocumentText}. The format is recognised from the content (magic bytes), the
 * file name only breaks ties: .docx and .odt (zips, told apart by their entries: {@link OfficeDocuments}), old Word
 * .doc (an OLE2 file), PDF (text or scanned, {@link PdfDocumentReader}), plain text and markdown (strict UTF-8).
 * Spreadsheets, binary files and text in legacy encodings are rejected with a message a person can act on.
 */
public class DocumentReader {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] PDF = {'%', 'P', 'D', 'F'};
    private static final byte[] RTF = {'{', '\\', 'r', 't', 'f'};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The formats a plan can be uploaded in, for the messages. */
    static final String ACCEPTED_VI = ".pdf, .docx, .doc, .odt, .md hoặc .txt";
    static final String ACCEPTED_EN = ".pdf, .docx, .doc, .odt, .md or .txt";

    private final PdfDocumentReader pdf;

    public DocumentReader() {
        this(TesseractOcr.fromSystemProperty());
    }

    /** A reader whose OCR runs {@code tesseract} (a path or a name on the PATH); tests simulate its absence. */
    public DocumentReader(String tesseractCommand) {
        this(new TesseractOcr(tesseractCommand, TesseractOcr.PAGE_TIMEOUT));
    }

    private DocumentReader(TesseractOcr ocr) {
        this.pdf = new PdfDocumentReader(ocr);
    }

    /** Share of control characters above which a file counts as binary. */
    private static final double MAX_CONTROL_SHARE = 0.05;

    public DocumentText read(String filename, byte[] bytes) {
        return read(filename, bytes, PageProgress.NONE);
    }

    /** Reads a document, telling {@code progress} after each page of a paged format (PDF). */
    public DocumentText read(String filename, byte[] bytes, PageProgress progress) {
        if (bytes == null || bytes.length == 0) {
            throw empty();
        }
        String ext = extension(filename);
        if (startsWith(bytes, ZIP)) {
            return OfficeDocuments.readZip(filename, ext, bytes);
        }
        if (startsWith(bytes, OLE2)) {
            return OfficeDocuments.readOle2(filename, bytes);
        }
        if (startsWith(bytes, PDF)) {
            return pdf.read(filename, bytes, progress);
        }
        if (startsWith(bytes, RTF)) {
            throw new DocumentRejectedException(Reason.LEGACY_WORD,
                    "Tệp ở định dạng RTF. Hãy mở bằng Word và lưu lại dưới dạng .docx.",
                    "The file is in RTF format. Open it in Word and save it as .docx.");
        }
        if ("docx".equals(ext)) {
            throw new DocumentRejectedException(Reason.UNREADABLE_DOCX,
                    "Tệp có đuôi .docx nhưng nội dung không phải văn bản Word (.docx). Hãy lưu lại tệp từ Word.",
                    "The file is named .docx but is not a Word document. Save it again from Word.");
        }
        if ("odt".equals(ext)) {
            throw new DocumentRejectedException(Reason.UNREADABLE_ODT,
                    "Tệp có đuôi .odt nhưng nội dung không phải văn bản OpenDocument. Hãy lưu lại tệp từ LibreOffice.",
                    "The file is named .odt but is not an OpenDocument text. Save it again from LibreOffice.");
        }
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            throw new DocumentRejectedException(Reason.NOT_UTF8,
                    "Tệp văn bản đang ở mã UTF-16. Hãy lưu lại dưới dạng UTF-8 hoặc .docx.",
                    "The text file is encoded in UTF-16. Save it as UTF-8 or as .docx.");
        }
        return readText(filename, ext, bytes);
    }

    private DocumentText readText(String filename, String ext, byte[] bytes) {
        int offset = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
        int controls = 0;
        for (int i = offset; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                throw binary();
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7F) {
                controls++;
            }
        }
        int length = bytes.length - offset;
        if (length > 0 && controls > MAX_CONTROL_SHARE * length) {
            throw binary();
        }
        String text;
        try {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, length));
            text = chars.toString();
        } catch (CharacterCodingException e) {
            throw new DocumentRejectedException(Reason.NOT_UTF8,
                    "Tệp không phải văn bản UTF-8 (có thể đang ở mã Windows-1258/TCVN3/VNI). "
                            + "Hãy lưu lại dưới dạng UTF-8 hoặc .docx.",
                    "The file is not UTF-8 text (it may be in Windows-1258, TCVN3 or VNI). "
                            + "Save it as UTF-8 or as .docx.", e);
        }
        if (text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == 0xFEFF || c == 0x200B)) {
            throw empty();
        }
        DocumentText.Format format = "md".equals(ext) || "markdown".equals(ext)
                ? DocumentText.Format.MARKDOWN : DocumentText.Format.TEXT;
        return TextDocumentReader.read(filename, text, format);
    }

    private static DocumentRejectedException empty() {
        return new DocumentRejectedException(Reason.EMPTY,
                "Tệp rỗng hoặc chỉ có khoảng trắng, không có nội dung để nhập.",
                "The file is empty or contains only whitespace.");
    }

    private static DocumentRejectedException binary() {
        return new DocumentRejectedException(Reason.BINARY,
                "Tệp không phải văn bản (dữ liệu nhị phân). Hãy tải lên tệp " + ACCEPTED_VI + ".",
                "The file is binary data, not text. Upload a " + ACCEPTED_EN + " file.");
    }

    private static String extension(String filename) {
        if (filename == null) {
            return "";
        }
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
