package vn.dxgov.plans.importing;

import java.util.List;

/**
 * How a document was read, for the import report: how many pages it had, how many were read by OCR (scanned pages),
 * the mean OCR confidence, and the lines read with a confidence low enough that a person should check them.
 *
 * @param pages          pages of a paged format (PDF), 0 for formats without pages
 * @param ocrPages       pages whose text came from OCR
 * @param meanConfidence mean word confidence of the OCR pages, 0–100, or null when no page was read by OCR
 * @param lowConfidence  lines read with low confidence, in reading order
 */
public record ReadingInfo(int pages, int ocrPages, Double meanConfidence, List<LowConfidenceLine> lowConfidence) {

    /** A document read without pages and without OCR (text, markdown, Word). */
    public static final ReadingInfo NONE = new ReadingInfo(0, 0, null, List.of());

    public ReadingInfo {
        lowConfidence = List.copyOf(lowConfidence);
    }

    /**
     * A line OCR read with low confidence.
     *
     * @param line       the block's line number in the {@link DocumentText}
     * @param page       1-based page
     * @param text       the text as read
     * @param confidence the line's confidence, 0–100
     */
    public record LowConfidenceLine(int line, int page, String text, double confidence) {
    }
}
