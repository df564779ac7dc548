package vn.dxgov.plans.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import vn.dxgov.plans.importing.DocumentRejectedException.Reason;

/**
 * Old Word (.doc) and OpenDocument (.odt) give the same plan as the text they were made from: every seed rebuilt as
 * an .odt in the test, and seed 001 saved by LibreOffice as .doc and .odt (fixtures, see fixtures/README.md).
 */
class WordFormatsTest {

    private final DocumentReader reader = new DocumentReader();

    @ParameterizedTest
    @ValueSource(strings = {TestDocuments.SEED_000, TestDocuments.SEED_001, TestDocuments.SEED_002,
            TestDocuments.SEED_003, TestDocuments.SEED_004})
    void everySeedAsOdt(String seed) {
        ParsedPlan fromText = TestDocuments.parseSeed(seed);
        DocumentText text = reader.read(seed, TestDocuments.seedBytes(seed));
        byte[] odt = toOdt(text);
        DocumentText read = reader.read(seed.replace(".txt", ".odt"), odt);
        assertThat(read.format()).isEqualTo(DocumentText.Format.ODT);
        assertThat(read.rows()).hasSameSizeAs(text.rows());
        FormatInvarianceTest.assertSamePlan(TestDocuments.parse("plan.odt", odt), fromText);
        // the file name does not decide: the same bytes named .docx are still read as OpenDocument
        assertThat(reader.read("plan.docx", odt).format()).isEqualTo(DocumentText.Format.ODT);
    }

    @Test
    void seed001SavedByLibreOfficeAsOdt() {
        byte[] odt = TestDocuments.resource("/fixtures/seed-001-libreoffice.odt");
        assertThat(reader.read("001.odt", odt).format()).isEqualTo(DocumentText.Format.ODT);
        ParsedPlan plan = TestDocuments.parse("001.odt", odt);
        FormatInvarianceTest.assertSamePlan(plan, TestDocuments.parseSeed(TestDocuments.SEED_001));
        assertThat(plan.targets()).hasSize(19);
        assertThat(plan.tasks()).hasSize(103);
    }

    @Test
    void seed001SavedByLibreOfficeAsOldWord() {
        byte[] doc = TestDocuments.resource("/fixtures/seed-001.doc");
        DocumentText text = reader.read("001.doc", doc);
        assertThat(text.format()).isEqualTo(DocumentText.Format.DOC);
        ParsedPlan fromDoc = TestDocuments.parse("001.doc", doc);
        ParsedPlan fromText = TestDocuments.parseSeed(TestDocuments.SEED_001);
        FormatInvarianceTest.assertSamePlan(fromDoc, fromText);
        assertThat(fromDoc.targets()).hasSize(19);
        assertThat(fromDoc.tasks()).hasSize(103).allSatisfy(t -> assertThat(t.code()).isNotBlank());
        // the .docx it was converted from reads the same too
        DocumentText txt = reader.read(TestDocuments.SEED_001, TestDocuments.seedBytes(TestDocuments.SEED_001));
        FormatInvarianceTest.assertSamePlan(TestDocuments.parse("001.docx", FormatInvarianceTest.toDocx(txt)), fromDoc);
    }

    /**
     * Word lists (numbering Word and LibreOffice compute, not stored as text), a table with a two-line cell and a line
     * break, saved by LibreOffice as .doc and .odt: the same paragraphs, labels, lines and rows as the .docx.
     */
    @Test
    void listsTablesAndLineBreaksSavedByLibreOffice() {
        DocumentText docx = reader.read("lists.docx", listsDocx());
        assertThat(docx.paragraphs()).extracting(DocumentBlock.Paragraph::text).contains("a) Về chính quyền số",
                "b) Về kinh tế số", "- 100% hồ sơ được số hóa", "1. Nhiệm vụ một", "3. Nhiệm vụ ba");
        for (String fixture : List.of("/fixtures/lists-libreoffice.odt", "/fixtures/lists-libreoffice.doc")) {
            DocumentText other = reader.read(fixture, TestDocuments.resource(fixture));
            assertThat(other.paragraphs()).as(fixture)
                    .extracting(DocumentBlock.Paragraph::line, DocumentBlock.Paragraph::text, DocumentBlock.Paragraph::heading)
                    .containsExactlyElementsOf(docx.paragraphs().stream().map(p -> org.assertj.core.groups.Tuple.tuple(
                            p.line(), p.text(), p.heading())).toList());
            assertThat(other.rows()).as(fixture).extracting(DocumentBlock.Row::line, DocumentBlock.Row::cells)
                    .containsExactlyElementsOf(docx.rows().stream().map(r -> org.assertj.core.groups.Tuple.tuple(
                            r.line(), r.cells())).toList());
        }
    }

    /** The .docx the lists fixtures were saved from (see fixtures/README.md). */
    static byte[] listsDocx() {
        return new DocxBuilder()
                .bold("KẾ HOẠCH")
                .paragraph("Mục tiêu đến năm 2026")
                .list(STNumberFormat.LOWER_LETTER, "%1)", "Về chính quyền số", "Về kinh tế số")
                .list(STNumberFormat.BULLET, "•", "100% hồ sơ được số hóa")
                .table(List.of(
                        List.of("TT", "Nhiệm vụ", "Chủ trì"),
                        List.of("1", "Xây dựng kho dữ liệu", "Sở Tài chính\nSở Nội vụ")))
                .twoLines("Dòng một", "Dòng hai")
                .list(STNumberFormat.DECIMAL, "%1.", "Nhiệm vụ một", "Nhiệm vụ hai", "Nhiệm vụ ba")
                .bytes();
    }

    /** Rebuilds a read document as .odt: headings alternately as text:h and as wholly bold paragraphs. */
    static byte[] toOdt(DocumentText text) {
        OdtBuilder odt = new OdtBuilder();
        List<List<String>> table = new ArrayList<>();
        int current = -1;
        int headings = 0;
        for (DocumentBlock b : text.blocks()) {
            if (b instanceof DocumentBlock.Row r) {
                if (r.table() != current && !table.isEmpty()) {
                    odt.table(table);
                    table = new ArrayList<>();
                }
                current = r.table();
                table.add(r.cells());
            } else if (b instanceof DocumentBlock.Paragraph p && !p.footnote()) {
                if (!table.isEmpty()) {
                    odt.table(table);
                    table = new ArrayList<>();
                    current = -1;
                }
                if (p.heading()) {
                    if (headings++ % 2 == 0) {
                        odt.heading(p.text());
                    } else {
                        odt.bold(p.text());
                    }
                } else {
                    odt.paragraph(p.text());
                }
            }
        }
        if (!table.isEmpty()) {
            odt.table(table);
        }
        return odt.bytes();
    }

    @Nested
    class OdtStructure {

        @Test
        void spacesBreaksListsAndSpannedCells() {
            byte[] odt = new OdtBuilder()
                    .raw("<text:p>Kế<text:s text:c=\"3\"/>hoạch<text:tab/>số<text:line-break/>12/KH-UBND"
                            + "<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
                            + "<text:note-body><text:p>chú thích</text:p></text:note-body></text:note></text:p>")
                    .raw("<text:list><text:list-item><text:p>a) mục một</text:p></text:list-item>"
                            + "<text:list-item><text:list><text:list-item><text:p>- mục con</text:p></text:list-item>"
                            + "</text:list></text:list-item></text:list>")
                    .raw("<text:section text:name=\"S\"><text:h text:outline-level=\"1\">II. NHIỆM VỤ</text:h></text:section>")
                    .raw("<table:table><table:table-header-rows><table:table-row>"
                            + "<table:table-cell table:number-columns-spanned=\"2\"><text:p>TT và nội dung</text:p></table:table-cell>"
                            + "<table:covered-table-cell/><table:table-cell><text:p>Chủ trì</text:p></table:table-cell>"
                            + "</table:table-row></table:table-header-rows>"
                            + "<table:table-row><table:table-cell table:number-rows-spanned=\"2\"><text:p>1</text:p></table:table-cell>"
                            + "<table:table-cell><text:p>Dòng một</text:p><text:p>dòng hai</text:p></table:table-cell>"
                            + "<table:table-cell><table:table><table:table-row><table:table-cell><text:p>Sở</text:p></table:table-cell>"
                            + "<table:table-cell><text:p>KH&amp;CN</text:p></table:table-cell></table:table-row></table:table>"
                            + "</table:table-cell></table:table-row>"
                            + "<table:table-row><table:covered-table-cell/><table:table-cell><text:p>Việc hai</text:p></table:table-cell>"
                            + "<table:table-cell table:number-columns-repeated=\"2\"><text:p>UBND</text:p></table:table-cell>"
                            + "</table:table-row></table:table>")
                    .bytes();
            DocumentText text = reader.read("x.odt", odt);
            assertThat(text.paragraphs()).extracting(DocumentBlock.Paragraph::text)
                    .containsExactly("Kế hoạch số", "12/KH-UBND", "a) mục một", "- mục con", "II. NHIỆM VỤ");
            assertThat(text.paragraphs()).extracting(DocumentBlock.Paragraph::heading)
                    .containsExactly(false, false, false, false, true);
            assertThat(text.paragraphs().get(0).line()).isEqualTo(text.paragraphs().get(1).line());
            List<DocumentBlock.Row> rows = text.rows();
            assertThat(rows).extracting(DocumentBlock.Row::cells).containsExactly(
                    List.of("TT và nội dung", "Chủ trì"),
                    List.of("1", "Dòng một\ndòng hai", "Sở KH&CN"),
                    List.of("", "Việc hai", "UBND", "UBND"));
            assertThat(rows).extracting(DocumentBlock.Row::table).containsOnly(0);
        }

        @Test
        void boldComesFromStylesAndSpans() {
            byte[] odt = new OdtBuilder()
                    .bold("I. MỤC TIÊU")
                    .raw("<text:p text:style-name=\"P1\"><text:span text:style-name=\"T1\">1. Mục tiêu</text:span> chung</text:p>")
                    .heading("2. Chỉ tiêu")
                    .paragraph("thường")
                    .bytes();
            assertThat(reader.read("x.odt", odt).paragraphs()).extracting(DocumentBlock.Paragraph::heading)
                    .containsExactly(true, false, true, false);
        }
    }

    @Nested
    class Refused {

        @Test
        void spreadsheetsAreNotPlans() throws IOException {
            for (Workbook wb : List.of(new XSSFWorkbook(), new HSSFWorkbook())) {
                wb.createSheet("Chỉ tiêu").createRow(0).createCell(0).setCellValue("Kế hoạch");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                wb.write(out);
                wb.close();
                for (String name : List.of("kh.xlsx", "kh.docx", "kh.doc")) {
                    assertThatThrownBy(() -> reader.read(name, out.toByteArray()))
                            .isInstanceOfSatisfying(DocumentRejectedException.class,
                                    e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT))
                            .hasMessageContaining("bảng tính").hasMessageContaining(".odt");
                }
            }
            byte[] ods = zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>");
            assertThat(reason("kh.ods", ods)).isEqualTo(Reason.UNSUPPORTED_FORMAT);
            assertThat(reason("kh.odt", ods)).isEqualTo(Reason.UNSUPPORTED_FORMAT);
        }

        @Test
        void damagedFilesSayWhichFormat() {
            byte[] ole2Stub = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
            assertThatThrownBy(() -> reader.read("kh.doc", ole2Stub)).isInstanceOfSatisfying(DocumentRejectedException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_DOC)).hasMessageContaining(".docx");
            byte[] badOdt = zip("mimetype", OfficeDocuments.ODT_MIMETYPE, "content.xml", "<office:document-content");
            assertThat(reason("kh.odt", badOdt)).isEqualTo(Reason.UNREADABLE_ODT);
            assertThat(reason("kh.odt", new byte[] {'P', 'K', 3, 4, 9, 9, 9, 9})).isEqualTo(Reason.UNREADABLE_ODT);
            assertThat(reason("kh.odt", "KẾ HOẠCH".getBytes(StandardCharsets.UTF_8))).isEqualTo(Reason.UNREADABLE_ODT);
            assertThat(reason("kh.docx", new byte[] {'P', 'K', 3, 4, 9, 9, 9, 9})).isEqualTo(Reason.UNREADABLE_DOCX);
        }

        @Test
        void anEntryThatUnpacksHugeIsNotReadWhole() throws IOException {
            // 80 MB of spaces pack into about 80 KB: content.xml beyond the limit refuses the file
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("mimetype"));
                zip.write(OfficeDocuments.ODT_MIMETYPE.getBytes(StandardCharsets.US_ASCII));
                zip.putNextEntry(new ZipEntry("content.xml"));
                byte[] spaces = new byte[1024 * 1024];
                java.util.Arrays.fill(spaces, (byte) ' ');
                zip.write("<?xml version=\"1.0\"?><x>".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 80; i++) {
                    zip.write(spaces);
                }
                zip.closeEntry();
            }
            assertThat(out.size()).isLessThan(1024 * 1024);
            assertThat(reason("bomb.odt", out.toByteArray())).isEqualTo(Reason.UNREADABLE_ODT);
        }

        @Test
        void entitiesAreNotResolved() {
            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                    + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                    + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
                    + "<text:p>&e;</text:p></office:text></office:body></office:document-content>";
            byte[] odt = zip("mimetype", OfficeDocuments.ODT_MIMETYPE, "content.xml", xxe);
            try {
                assertThat(reader.read("x.odt", odt).plainText()).doesNotContain("root:");
            } catch (DocumentRejectedException e) {
                assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_ODT);
            }
        }

        private Reason reason(String name, byte[] bytes) {
            try {
                reader.read(name, bytes);
                throw new AssertionError("not refused: " + name);
            } catch (DocumentRejectedException e) {
                return e.reason();
            }
        }
    }

    private static byte[] zip(String... namesAndTexts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
