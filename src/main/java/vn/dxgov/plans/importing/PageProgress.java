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
}
