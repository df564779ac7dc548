package vn.dxgov.plans.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Time per page of a text PDF (seed 001, 45 pages), run by bench/pdf-import.sh ({@code -Ddxgov.bench=true}). */
class PdfImportBench {

    @Test
    void textPdfTimePerPage() {
        assumeTrue(Boolean.getBoolean("dxgov.bench"), "benchmark: bench/pdf-import.sh");
        String seed = TestDocuments.SEED_001;
        byte[] pdf = PdfPlanWriter.write(new DocumentReader().read(seed, TestDocuments.seedBytes(seed)), true);
        DocumentReader reader = new DocumentReader();
        for (int i = 0; i < 3; i++) {
            reader.read("warm.pdf", pdf);
        }
        int runs = 5;
        long start = System.nanoTime();
        int pages = 0;
        for (int i = 0; i < runs; i++) {
            pages += reader.read("001.pdf", pdf).reading().pages();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("TEXT PDF: %d pages in %.2f s, %.1f ms/page, %.1f pages/s%n", pages, seconds,
                seconds * 1000 / pages, pages / seconds);
        assertThat(pages).isEqualTo(runs * 45);
    }
}
