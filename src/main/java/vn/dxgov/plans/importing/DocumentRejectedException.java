package vn.dxgov.plans.importing;

/**
 * The uploaded file cannot be read as a document at all (empty, binary, wrong encoding, unsupported format).
 * The caller answers with a 4xx and shows {@link #getMessage()} (Vietnamese) or {@link #englishMessage()}.
 */
public class DocumentRejectedException extends RuntimeException {

    /** Why the file was rejected. */
    public enum Reason {
        EMPTY, BINARY, NOT_UTF8, LEGACY_WORD, UNREADABLE_DOCX, UNREADABLE_DOC, UNREADABLE_ODT, UNSUPPORTED_FORMAT,
        /** A PDF that is damaged, truncated or not a PDF. */
        PDF_UNREADABLE,
        /** A PDF protected by a password. */
        PDF_ENCRYPTED,
        /** A PDF with more pages than one import reads. */
        PDF_TOO_LONG,
        /** A scanned PDF on a server without Tesseract and its Vietnamese model. */
        OCR_UNAVAILABLE,
        /** Tesseract failed or timed out on a page. */
        OCR_FAILED
    }

    private final Reason reason;
    private final String englishMessage;

    public DocumentRejectedException(Reason reason, String vietnameseMessage, String englishMessage) {
        this(reason, vietnameseMessage, englishMessage, null);
    }

    public DocumentRejectedException(Reason reason, String vietnameseMessage, String englishMessage, Throwable cause) {
        super(vietnameseMessage, cause);
        this.reason = reason;
        this.englishMessage = englishMessage;
    }

    public Reason reason() {
        return reason;
    }

    /** The message in Vietnamese (same as {@link #getMessage()}). */
    public String vietnameseMessage() {
        return getMessage();
    }

    public String englishMessage() {
        return englishMessage;
    }
}
