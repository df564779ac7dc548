package vn.dxgov.plans.importing;

/**
 * The document was readable but is clearly not a plan: it has no document-type heading (nghị quyết, quyết định,
 * chương trình, kế hoạch), no goal section with targets and no task table.
 */
public class NotAPlanException extends RuntimeException {

    private final String englishMessage;

    public NotAPlanException(String vietnameseMessage, String englishMessage) {
        super(vietnameseMessage);
        this.englishMessage = englishMessage;
    }

    public String vietnameseMessage() {
        return getMessage();
    }

    public String englishMessage() {
        return englishMessage;
    }
}
