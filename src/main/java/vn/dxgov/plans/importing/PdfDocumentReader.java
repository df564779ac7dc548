package vn.dxgov.plans.importing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import vn.dxgov.plans.importing.DocumentRejectedException.Reason;

/**
 * Reads a PDF through Apache PDFBox: the words of each page's text layer with their positions, or, for a scanned page
 * (an image and almost no text), the words Tesseract reads in the page rendered at {@link #OCR_DPI}; then the same
 * layout for both: tables from ruling lines or aligned columns, paragraphs from wrapped lines, running headers and
 * page numbers dropped ({@link PdfPageLayout}, {@link PdfAssembler}). A PDF that cannot be read, is protected by a
 * password, is too long, or is a scan on a server without Tesseract is refused with a message that says so.
 */
final class PdfDocumentReader {

    /** Pages read at most: a plan with its appendices is a few dozen pages; more is another kind of document. */
    static final int MAX_PAGES = 300;
    /** A page with fewer characters of text than this, and an image, is a scan. */
    static final int MIN_TEXT_CHARS = 20;
    /** Resolution of the page images given to OCR: Tesseract reads body text best at about 300 dpi. */
    static final float OCR_DPI = 300f;
    /**
     * A line OCR read with a mean word confidence below this is flagged for review: on clean scans Tesseract's
     * Vietnamese model gives 85–95 to correct lines, while lines below 70 usually have a wrong letter or tone mark.
     */
    static final double LOW_CONFIDENCE = 70;

    private final TesseractOcr ocr;

    PdfDocumentReader(TesseractOcr ocr) {
        this.ocr = ocr;
    }

    DocumentText read(String filename, byte[] bytes, PageProgress progress) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return read(filename, doc, progress);
        } catch (InvalidPasswordException e) {
            throw new DocumentRejectedException(Reason.PDF_ENCRYPTED,
                    "Tệp PDF được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu (hoặc xuất lại PDF không mật khẩu) "
                            + "rồi tải lên lại.",
                    "The PDF is protected by a password and cannot be read. Remove the password and upload it again.", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DocumentRejectedException r) {
                throw r;
            }
            throw unreadable(e);
        }
    }

    private DocumentText read(String filename, PDDocument doc, PageProgress progress) throws IOException {
        int total = doc.getNumberOfPages();
        if (total == 0) {
            throw unreadable(null);
        }
        if (total > MAX_PAGES) {
            throw new DocumentRejectedException(Reason.PDF_TOO_LONG,
                    "Tệp PDF có " + total + " trang, vượt quá giới hạn " + MAX_PAGES + " trang của một lần nhập. "
                            + "Hãy tách riêng phần kế hoạch (và các phụ lục) rồi tải lên.",
                    "The PDF has " + total + " pages, more than the " + MAX_PAGES + " pages one import reads. "
                            + "Upload only the plan and its appendices.");
        }
        PDFRenderer renderer = null;
        List<PdfPageLayout> layouts = new ArrayList<>();
        int ocrPages = 0;
        double confidenceSum = 0;
        int ocrWords = 0;
        for (int i = 0; i < total; i++) {
            PDPage page = doc.getPage(i);
            PDRectangle box = page.getCropBox();
            PdfRulings.Result rulings = PdfRulings.of(page);
            List<PdfWord> words = PdfTextLayer.words(doc, i);
            List<PdfRulings.Segment> segments = rulings.segments();
            boolean scanned = characters(words) < MIN_TEXT_CHARS && rulings.hasImage();
            if (scanned) {
                requireOcr();
                renderer = renderer == null ? new PDFRenderer(doc) : renderer;
                BufferedImage image = renderer.renderImageWithDPI(i, OCR_DPI, ImageType.GRAY);
                segments = PdfRasterRulings.of(image, OCR_DPI);
                PdfRasterRulings.erase(image, segments, OCR_DPI);
                words = ocrPage(image, i + 1, segments);
                ocrPages++;
                for (PdfWord w : words) {
                    confidenceSum += w.confidence();
                    ocrWords++;
                }
            }
            layouts.add(PdfPageLayout.of(i + 1, box.getWidth(), box.getHeight(), scanned, words, segments));
            progress.page(i + 1, total);
        }
        PdfAssembler.Result result = PdfAssembler.assemble(layouts, LOW_CONFIDENCE);
        if (result.blocks().isEmpty()) {
            throw new DocumentRejectedException(Reason.EMPTY,
                    "Tệp PDF không có chữ nào đọc được (trang trắng, hoặc chữ đã bị chuyển thành hình vẽ).",
                    "The PDF has no readable text (blank pages, or text turned into drawings).");
        }
        Double mean = null;
        if (ocrPages > 0) {
            mean = ocrWords == 0 ? 0d : Math.round(confidenceSum / ocrWords * 10) / 10.0;
        }
        ReadingInfo info = new ReadingInfo(total, ocrPages, mean, result.lowConfidence());
        return new DocumentText(filename, ocrPages > 0 ? DocumentText.Format.PDF_SCANNED : DocumentText.Format.PDF,
                result.blocks(), info);
    }

    private List<PdfWord> ocrPage(BufferedImage image, int page, List<PdfRulings.Segment> segments) {
        try {
            List<PdfWord> words = ocr.words(image, OCR_DPI, !segments.isEmpty());
            return segments.isEmpty() ? words : PdfCodeCells.reread(image, OCR_DPI, segments, words, ocr);
        } catch (IOException e) {
            throw new DocumentRejectedException(Reason.OCR_FAILED,
                    "Không nhận dạng được chữ ở trang " + page + " của bản quét (Tesseract báo lỗi hoặc chạy quá lâu). "
                            + "Hãy quét lại trang này rõ hơn, hoặc tải lên bản .docx / PDF có lớp chữ.",
                    "OCR failed on page " + page + " of the scan (Tesseract error or timeout). Scan the page again, "
                            + "or upload the .docx or a PDF with a text layer.", e);
        }
    }

    private void requireOcr() {
        if (!ocr.available()) {
            throw new DocumentRejectedException(Reason.OCR_UNAVAILABLE,
                    "Tệp PDF này là bản quét (ảnh chụp các trang, không có lớp chữ) nên cần nhận dạng chữ (OCR), "
                            + "nhưng máy chủ chưa cài Tesseract OCR với dữ liệu tiếng Việt (gói tesseract-ocr và "
                            + "tesseract-ocr-vie). Hãy đề nghị quản trị hệ thống cài hai gói này, hoặc tải lên bản .docx "
                            + "hay PDF có lớp chữ của văn bản.",
                    "This PDF is a scan (page images without a text layer) and needs OCR, but the server does not have "
                            + "Tesseract OCR with the Vietnamese model (packages tesseract-ocr and tesseract-ocr-vie). "
                            + "Ask the administrator to install them, or upload the .docx or a PDF with a text layer.");
        }
    }

    private static int characters(List<PdfWord> words) {
        return words.stream().mapToInt(w -> w.text().length()).sum();
    }

    private static DocumentRejectedException unreadable(Exception cause) {
        return new DocumentRejectedException(Reason.PDF_UNREADABLE,
                "Không đọc được tệp PDF (tệp bị hỏng, tải lên chưa hết, hoặc không phải PDF). Hãy mở thử bằng trình đọc "
                        + "PDF, lưu (hoặc in ra PDF) lại rồi tải lên.",
                "The PDF cannot be read (damaged, truncated or not a PDF). Open it in a PDF reader, save or print it "
                        + "to PDF again and upload it.", cause);
    }
}
