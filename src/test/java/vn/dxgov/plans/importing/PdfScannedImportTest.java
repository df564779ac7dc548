package vn.dxgov.plans.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A scanned plan (page images only) is read through OCR into the same task table: seed 001 laid out as a text PDF,
 * its 45 pages rendered at 200 dpi into an image-only PDF, then imported (about 70 s on 2 cores: 1.5 s a page, see
 * bench/pdf-import.sh). Needs Debian tesseract-ocr and tesseract-ocr-vie (installed by .ci/run); skipped without.
 */
class PdfScannedImportTest {

    @Test
    void aScannedTaskTableGivesAtLeast95PercentOfItsTaskRowsWithTheirCodes() throws IOException {
        assumeTrue(TesseractOcr.fromSystemProperty().available(), "tesseract with the vie model is not installed");
        String seed = TestDocuments.SEED_001;
        ParsedPlan fromText = TestDocuments.parseSeed(seed);
        byte[] pdf = PdfPlanWriter.write(new DocumentReader().read(seed, TestDocuments.seedBytes(seed)), true);
        byte[] scan = PdfPlanWriter.scan(pdf, 200f);

        long start = System.nanoTime();
        List<Integer> progress = new ArrayList<>();
        DocumentText read = new DocumentReader().read("scan.pdf", scan, (done, total) -> progress.add(done));
        double seconds = (System.nanoTime() - start) / 1e9;
        ReadingInfo info = read.reading();
        System.out.printf("OCR: %d pages in %.1f s, %.2f s/page (%.2f pages/s), mean confidence %.1f, %d low-confidence lines%n",
                info.pages(), seconds, seconds / info.pages(), info.pages() / seconds, info.meanConfidence(),
                info.lowConfidence().size());

        assertThat(read.format()).isEqualTo(DocumentText.Format.PDF_SCANNED);
        assertThat(info.ocrPages()).isEqualTo(info.pages());
        assertThat(info.meanConfidence()).isNotNull().isBetween(50d, 100d);
        assertThat(progress).hasSize(info.pages());
        assertThat(info.lowConfidence()).allSatisfy(l -> {
            assertThat(l.page()).isBetween(1, info.pages());
            assertThat(l.confidence()).isLessThan(PdfDocumentReader.LOW_CONFIDENCE);
        });

        ParsedPlan fromScan = new PlanDocumentParser().parse(read, TestDocuments.provinces());
        Set<String> scannedTitles = new HashSet<>();
        fromScan.tasks().forEach(t -> scannedTitles.add(key(t.title())));
        long titles = fromText.tasks().stream().filter(t -> scannedTitles.contains(key(t.title()))).count();
        Set<String> expected = new HashSet<>();
        fromText.tasks().forEach(t -> expected.add(t.code()));
        Set<String> codes = new HashSet<>();
        fromScan.tasks().forEach(t -> codes.add(t.code()));
        codes.retainAll(expected);
        System.out.printf("OCR: %d of %d task rows found by their title, %d with their code%n", titles,
                fromText.tasks().size(), codes.size());
        assertThat(fromText.tasks()).hasSize(103);
        assertThat(titles).as("task rows read by OCR").isGreaterThanOrEqualTo((long) Math.ceil(0.95 * 103));
        assertThat(codes.size()).as("task codes read by OCR").isGreaterThanOrEqualTo((int) Math.ceil(0.95 * 103));
    }

    /** A title compared across OCR: folded, letters and digits only, its first 40. */
    private static String key(String title) {
        String k = vn.dxgov.shared.VietText.fold(title == null ? "" : title).replaceAll("[^a-z0-9]", "");
        return k.substring(0, Math.min(40, k.length()));
    }
}
