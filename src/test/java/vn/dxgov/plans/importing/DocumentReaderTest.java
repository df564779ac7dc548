package vn.dxgov.plans.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import vn.dxgov.plans.importing.DocumentBlock.Paragraph;
import vn.dxgov.plans.importing.DocumentBlock.Row;
import vn.dxgov.plans.importing.DocumentRejectedException.Reason;

class DocumentReaderTest {

    private final DocumentReader reader = new DocumentReader();

    private DocumentText text(String filename, String content) {
        return reader.read(filename, content.getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class PlainTextAndMarkdown {

        @Test
        void paragraphsKeepTheirLineNumbersAndTheBomIsStripped() {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] body = "KẾ HOẠCH\r\n\r\nChuyển đổi số  năm 2024\r\n".getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, all, 0, bom.length);
            System.arraycopy(body, 0, all, bom.length, body.length);
            DocumentText doc = reader.read("kh.txt", all);
            assertThat(doc.format()).isEqualTo(DocumentText.Format.TEXT);
            assertThat(doc.paragraphs()).extracting(Paragraph::line, Paragraph::text)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "KẾ HOẠCH"),
                            org.assertj.core.groups.Tuple.tuple(3, "Chuyển đổi số năm 2024"));
        }

        @Test
        void decomposedUnicodeIsNormalised() {
            String nfd = java.text.Normalizer.normalize("Thanh Hóa", java.text.Normalizer.Form.NFD);
            assertThat(text("a.txt", nfd).paragraphs().get(0).text()).isEqualTo("Thanh Hóa");
        }

        @Test
        void markdownMarkupIsCleaned() {
            DocumentText doc = text("a.md", String.join("\n",
                    "## **II. MỤC TIÊU**",
                    "Số: ~~11507~~/UBND-KGVX",
                    "Hạ tầng kỹ thuật (năm 2019 xếp thứ 36/63)<sup>2</sup>; *xếp thứ 30/63*",
                    "<sup>2</sup> Kết quả xếp hạng VIETNAM ICT INDEX 2019",
                    "*a) Phát triển chính quyền số*",
                    "* một mục __gạch dưới__ và \\*sao\\* giữ lại, snake_case giữ lại",
                    "Xem [cổng](https://example.vn) hoặc <https://dichvucong.gov.vn> &amp; hơn nữa"));
            assertThat(doc.format()).isEqualTo(DocumentText.Format.MARKDOWN);
            List<Paragraph> p = doc.paragraphs();
            assertThat(p.get(0).text()).isEqualTo("II. MỤC TIÊU");
            assertThat(p.get(0).heading()).isTrue();
            assertThat(p.get(1).text()).isEqualTo("Số: 11507/UBND-KGVX");
            assertThat(p.get(2).text()).isEqualTo("Hạ tầng kỹ thuật (năm 2019 xếp thứ 36/63); xếp thứ 30/63");
            assertThat(p.get(3).footnote()).isTrue();
            assertThat(p.get(3).text()).startsWith("Kết quả xếp hạng");
            assertThat(p.get(4).text()).isEqualTo("a) Phát triển chính quyền số");
            assertThat(p.get(5).text()).isEqualTo("- một mục gạch dưới và *sao* giữ lại, snake_case giữ lại");
            assertThat(p.get(6).text()).isEqualTo("Xem cổng hoặc https://dichvucong.gov.vn & hơn nữa");
            assertThat(p.get(6).raw()).contains("[cổng]");
        }

        @Test
        void markdownTablesWithHtmlInCells() {
            DocumentText doc = text("a.md", String.join("\n",
                    "Bảng 1",
                    "| TT | Nhiệm vụ | Chủ trì |",
                    "|---|:---:|---|",
                    "| 1 | Xây dựng <br> kho dữ liệu | Sở A<br>Sở B |",
                    "| 2 | <ul style=\"list-style-type: none\"><li>Việc một</li><li>Việc hai</li></ul> | Sở \\| C |",
                    "",
                    "Đoạn văn",
                    "| a | b |",
                    "| c | d |"));
            List<Row> rows = doc.rows();
            assertThat(rows).hasSize(5);
            assertThat(rows.get(0).cells()).containsExactly("TT", "Nhiệm vụ", "Chủ trì");
            assertThat(rows.get(1).cell(1)).isEqualTo("Xây dựng\nkho dữ liệu");
            assertThat(rows.get(1).cell(2, "; ")).isEqualTo("Sở A; Sở B");
            assertThat(rows.get(2).cell(1)).isEqualTo("- Việc một\n- Việc hai");
            assertThat(rows.get(2).cell(2)).isEqualTo("Sở | C");
            assertThat(rows).extracting(Row::table).containsExactly(0, 0, 0, 1, 1);
            assertThat(rows).extracting(Row::line).containsExactly(2, 4, 5, 8, 9);
        }

        @Test
        void tabSeparatedRowsAndTheLastLineWithoutNewline() {
            DocumentText doc = text("a.txt", String.join("\n",
                    "Phụ lục 02",
                    "TT\tNhiệm vụ\tChủ trì",
                    "VII Bảo đảm an toàn, an ninh mạng\t\t",
                    "",
                    "1\tMở rộng hệ thống\tSở Thông tin và Truyền thông",
                    "\tNgày: 21/10",
                    "4\tHoàn thiện\tSở Thông tin và Truyền thông\t"));
            List<Row> rows = doc.rows();
            assertThat(rows).extracting(Row::line).containsExactly(2, 3, 5, 7);
            assertThat(rows).extracting(Row::table).containsExactly(0, 0, 0, 1);
            assertThat(rows.get(1).cell(0)).isEqualTo("VII Bảo đảm an toàn, an ninh mạng");
            assertThat(rows.get(3).cells()).startsWith("4", "Hoàn thiện", "Sở Thông tin và Truyền thông");
            assertThat(doc.paragraphs()).extracting(Paragraph::text).containsExactly("Phụ lục 02", "Ngày: 21/10");
        }
    }

    @Nested
    class Docx {

        @Test
        void bodyInOrderWithListLabelsAndTableCells() {
            byte[] bytes = new DocxBuilder()
                    .bold("KẾ HOẠCH")
                    .paragraph("Mục tiêu đến năm 2026")
                    .list(STNumberFormat.LOWER_LETTER, "%1)", "Về chính quyền số", "Về kinh tế số")
                    .list(STNumberFormat.BULLET, "•", "100% hồ sơ được số hóa")
                    .table(List.of(
                            List.of("TT", "Nhiệm vụ", "Chủ trì"),
                            List.of("1", "Xây dựng kho dữ liệu", "Sở Tài chính\nSở Nội vụ")))
                    .twoLines("Dòng một", "Dòng hai")
                    .bytes();
            DocumentText doc = reader.read("kh.docx", bytes);
            assertThat(doc.format()).isEqualTo(DocumentText.Format.DOCX);
            assertThat(doc.paragraphs()).extracting(Paragraph::line, Paragraph::text).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(1, "KẾ HOẠCH"),
                    org.assertj.core.groups.Tuple.tuple(2, "Mục tiêu đến năm 2026"),
                    org.assertj.core.groups.Tuple.tuple(3, "a) Về chính quyền số"),
                    org.assertj.core.groups.Tuple.tuple(4, "b) Về kinh tế số"),
                    org.assertj.core.groups.Tuple.tuple(5, "- 100% hồ sơ được số hóa"),
                    org.assertj.core.groups.Tuple.tuple(8, "Dòng một"),
                    org.assertj.core.groups.Tuple.tuple(8, "Dòng hai"));
            assertThat(doc.paragraphs().get(0).heading()).isTrue();
            List<Row> rows = doc.rows();
            assertThat(rows).extracting(Row::line).containsExactly(6, 7);
            assertThat(rows.get(1).cell(2)).isEqualTo("Sở Tài chính\nSở Nội vụ");
            assertThat(rows.get(1).cell(2, "; ")).isEqualTo("Sở Tài chính; Sở Nội vụ");
        }

        @Test
        void recognisedByContentNotByName() {
            byte[] bytes = new DocxBuilder().paragraph("KẾ HOẠCH").bytes();
            assertThat(reader.read("upload.bin", bytes).format()).isEqualTo(DocumentText.Format.DOCX);
        }
    }

    @Nested
    class Rejections {

        private Reason reason(String filename, byte[] bytes) {
            try {
                reader.read(filename, bytes);
            } catch (DocumentRejectedException e) {
                assertThat(e.getMessage()).isNotBlank();
                assertThat(e.englishMessage()).isNotBlank();
                return e.reason();
            }
            throw new AssertionError("not rejected");
        }

        @Test
        void emptyAndWhitespace() {
            assertThat(reason("a.txt", new byte[0])).isEqualTo(Reason.EMPTY);
            assertThat(reason("a.txt", " \n\t \r\n\u00a0 ".getBytes(StandardCharsets.UTF_8))).isEqualTo(Reason.EMPTY);
            assertThat(reason("a.txt", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'})).isEqualTo(Reason.EMPTY);
        }

        @Test
        void binaryGarbage() {
            byte[] random = new byte[4096];
            new Random(42).nextBytes(random);
            assertThat(reason("a.txt", random)).isEqualTo(Reason.BINARY);
            byte[] controls = new byte[200];
            for (int i = 0; i < controls.length; i++) {
                controls[i] = (byte) (i % 2 == 0 ? 0x01 : 'a');
            }
            assertThat(reason("a.md", controls)).isEqualTo(Reason.BINARY);
        }

        @Test
        void legacyEncodingsAreNotUtf8() {
            assertThat(reason("a.txt", "Thái Nguyên, café".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(Reason.NOT_UTF8);
            if (Charset.isSupported("windows-1258")) {
                byte[] cp1258 = "Kế hoạch chuyển đổi số tỉnh Nghệ An".getBytes(Charset.forName("windows-1258"));
                assertThat(reason("a.txt", cp1258)).isEqualTo(Reason.NOT_UTF8);
            }
            assertThat(reason("a.txt", "Kế hoạch".getBytes(StandardCharsets.UTF_16))).isEqualTo(Reason.NOT_UTF8);
            try {
                reader.read("a.txt", "Thái Nguyên".getBytes(StandardCharsets.ISO_8859_1));
            } catch (DocumentRejectedException e) {
                assertThat(e.getMessage()).contains("UTF-8").contains("Windows-1258");
            }
        }

        @Test
        void oldWordPdfAndBrokenDocx() {
            byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0};
            assertThat(reason("kh.doc", ole2)).isEqualTo(Reason.UNREADABLE_DOC);
            assertThatThrownBy(() -> reader.read("kh.doc", ole2)).hasMessageContaining(".docx");
            assertThat(reason("kh.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(Reason.PDF_UNREADABLE);
            assertThat(reason("kh.docx", new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8})).isEqualTo(Reason.UNREADABLE_DOCX);
            assertThat(reason("kh.docx", "KẾ HOẠCH".getBytes(StandardCharsets.UTF_8))).isEqualTo(Reason.UNREADABLE_DOCX);
        }
    }
}
