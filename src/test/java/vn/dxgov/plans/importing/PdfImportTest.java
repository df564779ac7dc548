package vn.dxgov.plans.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.dxgov.plans.importing.DocumentRejectedException.Reason;

/**
 * A plan exported as a text PDF reads as the same plan as its text: each seed laid out by {@link PdfPlanWriter} (A4,
 * two-column header block, justified paragraphs, tables with wrapping cells broken over pages, page numbers) is read
 * back and parsed, and every fact the parser finds in the .txt (number, date, issuer, targets with their values and
 * agencies, tasks with codes, agencies and years) comes out of the PDF the same; with and without ruling lines.
 */
class PdfImportTest {

    private static DocumentText seedText(String seed) {
        return new DocumentReader().read(seed, TestDocuments.seedBytes(seed));
    }

    private static ParsedPlan parse(DocumentText doc) {
        return new PlanDocumentParser().parse(doc, TestDocuments.provinces());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDocuments.SEED_000, TestDocuments.SEED_001, TestDocuments.SEED_002,
            TestDocuments.SEED_003, TestDocuments.SEED_004})
    void aTextPdfWithRulingLinesReadsAsTheText(String seed) {
        byte[] pdf = PdfPlanWriter.write(seedText(seed), true);
        List<int[]> progress = new ArrayList<>();
        DocumentText read = new DocumentReader().read(seed.replace(".txt", ".pdf"), pdf,
                (done, total) -> progress.add(new int[] {done, total}));
        assertThat(read.format()).isEqualTo(DocumentText.Format.PDF);
        assertThat(read.reading().pages()).isGreaterThan(1);
        assertThat(read.reading().ocrPages()).isZero();
        assertThat(read.reading().meanConfidence()).isNull();
        assertThat(progress).hasSize(read.reading().pages());
        assertThat(progress.get(progress.size() - 1)).containsExactly(read.reading().pages(), read.reading().pages());
        FormatInvarianceTest.assertSamePlan(parse(read), TestDocuments.parseSeed(seed));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDocuments.SEED_001, TestDocuments.SEED_003, TestDocuments.SEED_004})
    void aTextPdfWithoutRulingLinesReadsAsTheText(String seed) {
        DocumentText read = new DocumentReader().read("plan.pdf", PdfPlanWriter.write(seedText(seed), false));
        FormatInvarianceTest.assertSamePlan(parse(read), TestDocuments.parseSeed(seed));
    }

    @Test
    void seed001GivesItsNineteenTargetsAndHundredAndThreeTasksFromPdf() {
        ParsedPlan plan = parse(new DocumentReader().read("001.pdf",
                PdfPlanWriter.write(seedText(TestDocuments.SEED_001), true)));
        assertThat(plan.targets()).hasSize(19);
        assertThat(plan.tasks()).hasSize(103);
    }

    /**
     * A PDF this project's writer did not make: LibreOffice's own export of the .odt fixture (letter pages, its cell
     * padding, its wrapping of narrow columns: "2021-" / "2025", "nông" / "thôn" broken with 0,1 pt to spare).
     */
    @Test
    void aPdfExportedByLibreOfficeReadsAsTheText() {
        byte[] pdf = TestDocuments.resource("/fixtures/seed-001-libreoffice.pdf");
        DocumentText read = new DocumentReader().read("seed-001-libreoffice.pdf", pdf);
        assertThat(read.format()).isEqualTo(DocumentText.Format.PDF);
        assertThat(read.reading().pages()).isEqualTo(81);
        ParsedPlan plan = parse(read);
        assertThat(plan.targets()).hasSize(19);
        assertThat(plan.tasks()).hasSize(103);
        FormatInvarianceTest.assertSamePlan(plan, TestDocuments.parseSeed(TestDocuments.SEED_001));
    }

    @Test
    void theHeaderBlockInTwoColumnsComesOutAsARowLikeWordsHeaderTable() {
        DocumentText read = new DocumentReader().read("003.pdf",
                PdfPlanWriter.write(seedText(TestDocuments.SEED_003), true));
        DocumentBlock.Row header = read.rows().get(0);
        assertThat(header.line()).isEqualTo(1);
        assertThat(header.cell(0)).startsWith("ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA\nSố: 11507/UBND-KGVX");
        assertThat(header.cell(1)).isEqualTo(
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nKhánh Hòa, ngày 15 tháng 11 năm 2021");
    }

    @Test
    void pageNumbersAreDroppedAndTablesGoOnOverPages() {
        DocumentText read = new DocumentReader().read("001.pdf",
                PdfPlanWriter.write(seedText(TestDocuments.SEED_001), true));
        assertThat(read.paragraphs()).noneMatch(p -> p.text().matches("\\d{1,3}"));
        // the two appendix tables, each over several pages, stay two tables, their header rows not repeated
        assertThat(read.rows().stream().map(DocumentBlock.Row::table).distinct()).hasSize(2);
        assertThat(read.rows()).filteredOn(r -> r.cell(0).equals("TT")).hasSize(2);
    }

    @Test
    void aTextPdfImportsWithoutTesseract() {
        DocumentReader noOcr = new DocumentReader("/nonexistent/tesseract");
        DocumentText read = noOcr.read("001.pdf", PdfPlanWriter.write(seedText(TestDocuments.SEED_001), true));
        assertThat(parse(read).tasks()).hasSize(103);
    }

    @Test
    void aScanWithoutTesseractIsRefusedSayingWhatToInstall() throws IOException {
        byte[] text = PdfPlanWriter.write(seedText(TestDocuments.SEED_003), true);
        byte[] scan = PdfPlanWriter.scan(text, 100f, 1);
        DocumentReader noOcr = new DocumentReader("/nonexistent/tesseract");
        assertThatThrownBy(() -> noOcr.read("scan.pdf", scan))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.OCR_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("bản quét", "Tesseract", "tesseract-ocr", "tesseract-ocr-vie");
                    assertThat(e.englishMessage()).contains("scan", "Tesseract", "tesseract-ocr-vie");
                });
    }

    @Test
    void damagedEncryptedAndOverlongPdfsAreRefusedWithTheirReason() throws IOException {
        byte[] random = new byte[3000];
        new Random(7).nextBytes(random);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1), 0, random, 0, 9);
        assertThat(reason(random)).isEqualTo(Reason.PDF_UNREADABLE);
        byte[] whole = PdfPlanWriter.write(seedText(TestDocuments.SEED_003), true);
        assertThat(reason(java.util.Arrays.copyOf(whole, whole.length / 3))).isIn(Reason.PDF_UNREADABLE, Reason.EMPTY);
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.protect(new StandardProtectionPolicy("owner", "user", new AccessPermission()));
            assertThat(reason(save(doc))).isEqualTo(Reason.PDF_ENCRYPTED);
        }
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i <= PdfDocumentReader.MAX_PAGES; i++) {
                doc.addPage(new PDPage());
            }
            assertThat(reason(save(doc))).isEqualTo(Reason.PDF_TOO_LONG);
        }
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            assertThat(reason(save(doc))).isEqualTo(Reason.EMPTY);
        }
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    private static Reason reason(byte[] pdf) {
        try {
            new DocumentReader().read("x.pdf", pdf);
        } catch (DocumentRejectedException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.englishMessage()).isNotBlank();
            return e.reason();
        }
        throw new AssertionError("not refused");
    }
}
