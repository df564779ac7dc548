package vn.dxgov.plans.importing;

/** Told after each page of a paged document (PDF) has been read, so that a long OCR can show its progress. */
@FunctionalInterface
public interface PageProgress {

    PageProgress NONE = (done, total) -> { };

    /**
     * @param done  pages read so far (1-based count)
     * @param total pages in the document
     */
    void page(int done, int total);

    /**
     * Like {@link #page(int, int)}, saying also whether that page was read by OCR (a scanned page), so that the import
     * page can say why it takes longer. A reader that knows calls this one; by default it forgets the flag.
     */
    default void page(int done, int total, boolean ocr) {
        page(done, total);
    }
}
