package vn.dxgov.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import vn.dxgov.reports.AnnualReport;

/** The consolidated report of the hand-built year as figures, .docx, .pdf and .xlsx. */
class AnnualDocumentsTest {

    static final AnnualReport REPORT = AnnualReportBuilder.build(HandBuiltYear.build(true));

    @Test
    void figures() {
        AnnualReport.Summary s = REPORT.summary();
        assertThat(s.agencies()).isEqualTo(4);
        assertThat(s.reportsDue()).isEqualTo(8);
        assertThat(s.reportsOnTime()).isEqualTo(5);
        assertThat(s.reportsLate()).isEqualTo(2);
        assertThat(s.reportsMissing()).isEqualTo(1);
        assertThat(s.targetsByStatus()).extracting(AnnualReport.Count::count).containsExactly(2, 1, 1, 1, 1);
        assertThat(REPORT.tasksByStatus()).extracting(c -> c.code() + "=" + c.count())
                .containsExactly("NOT_STARTED=0", "IN_PROGRESS=2", "DONE=1", "DELAYED=1", "STOPPED=0", "NO_REPORT=1");
        assertThat(REPORT.tasksBehind()).extracting(AnnualReport.TaskRow::code).containsExactly("IV.2", "IV.4");
        assertThat(REPORT.tasksBehind().get(1).statusLabel()).isEqualTo("Quá hạn (chưa hoàn thành)");
        // missing first, then late, by name
        assertThat(REPORT.lateAgencies()).extracting(r -> r.agencyName() + " " + r.period() + " " + r.statusLabel())
                .containsExactly("Sở Y tế 6 tháng cuối năm 2024 Chưa gửi báo cáo",
                        "Sở Thông tin và Truyền thông 6 tháng cuối năm 2024 Gửi muộn 1 ngày",
                        "Sở Y tế 6 tháng đầu năm 2024 Gửi muộn 10 ngày");
        AnnualReport.TargetRow second = REPORT.targets().get(1);
        assertThat(second.current()).isEqualTo("41,5% (2024)");
        assertThat(second.target()).isEqualTo("≥ 80%");
        assertThat(second.statusLabel()).isEqualTo("Chậm tiến độ");
        assertThat(REPORT.header().authority()).isEqualTo("UBND TỈNH THANH HÓA");
        assertThat(REPORT.header().issuer()).isEqualTo("SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
        assertThat(REPORT.header().numberLine()).startsWith("Số:").endsWith("/BC-STTTT");
        assertThat(REPORT.header().placeDate()).isEqualTo("Thanh Hóa, ngày      tháng      năm 2024");
        assertThat(REPORT.header().subtitle()).isEqualTo("Kết quả thực hiện Chương trình hành động thực hiện Nghị quyết "
                + "số 06-NQ/TU về chuyển đổi số tỉnh Thanh Hóa năm 2024");
    }

    @Test
    void docxHasTheAdministrativeLayout() throws Exception {
        byte[] bytes = AnnualDocx.render(REPORT);
        dump("annual.docx", bytes);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            String all = text.getText();
            assertThat(all).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "UBND TỈNH THANH HÓA", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "/BC-STTTT", "BÁO CÁO",
                    "Kết quả thực hiện Chương trình hành động", "Số liệu minh họa", "Nơi nhận:", "KT. GIÁM ĐỐC",
                    "PHÓ GIÁM ĐỐC", "Thanh Hóa, ngày");
            // the header table: issuing body left, motto right
            XWPFTable header = doc.getTables().get(0);
            assertThat(header.getRow(0).getCell(0).getText()).contains("SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
            assertThat(header.getRow(0).getCell(1).getText()).contains("Độc lập - Tự do - Hạnh phúc");
            // a target row with value, target, deadline and status
            XWPFTable targets = doc.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(1).getText().equals("Chỉ tiêu")).findFirst().orElseThrow();
            assertThat(targets.getRow(2).getTableCells().stream().map(c -> c.getText()).collect(Collectors.toList()))
                    .containsExactly("2", "2. 80% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng",
                            "41,5% (2024)", "≥ 80%", "2025", "Chậm tiến độ");
            // A4, margins 20-30-20-15 mm, Times New Roman
            var sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(((BigInteger) sect.getPgMar().getLeft()).intValue()).isEqualTo(1701);
            assertThat(((BigInteger) sect.getPgMar().getRight()).intValue()).isEqualTo(850);
            assertThat(((BigInteger) sect.getPgMar().getTop()).intValue()).isEqualTo(1134);
            assertThat(doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                    .filter(r -> r.text() != null && !r.text().isEmpty()).map(r -> r.getFontFamily()).distinct())
                    .containsExactly("Times New Roman");
        }
    }

    /** -Ddxgov.dump=/tmp/out writes the documents there to look at them. */
    static void dump(String name, byte[] bytes) throws java.io.IOException {
        String dir = System.getProperty("dxgov.dump");
        if (dir != null) {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
            java.nio.file.Files.write(java.nio.file.Path.of(dir, name), bytes);
        }
    }

    @Test
    void pdfEmbedsAFontWithVietnameseGlyphs() throws Exception {
        byte[] bytes = AnnualPdf.render(REPORT);
        dump("annual.pdf", bytes);
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(bytes);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder all = new StringBuilder();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                all.append(extractor.getTextFromPage(p)).append('\n');
            }
            String text = all.toString();
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "UBND TỈNH THANH HÓA", "BÁO CÁO", "Số liệu minh họa", "Sở Y tế", "Chậm tiến độ", "KT. GIÁM ĐỐC");
            assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("LiberationSerif");
        } finally {
            reader.close();
        }
    }

    @Test
    void xlsxHasTheSameTables() throws Exception {
        byte[] bytes = AnnualXlsx.render(REPORT);
        dump("annual.xlsx", bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(wb.getSheetName(0)).isEqualTo("Tổng hợp");
            var summary = wb.getSheet("Tổng hợp");
            assertThat(summary.getRow(1).getCell(0).getStringCellValue()).startsWith("Số liệu minh họa");
            // title, demo note, blank, header; 7 report lines, 5 target statuses, the tasks, 6 task statuses;
            // a blank row, then the day judged
            assertThat(summary.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Cơ quan, đơn vị phải báo cáo");
            assertThat(summary.getRow(11).getCell(0).getStringCellValue()).isEqualTo("Chỉ tiêu: đã đạt");
            assertThat(summary.getRow(11).getCell(1).getNumericCellValue()).isEqualTo(2);
            assertThat(summary.getRow(16).getCell(0).getStringCellValue()).isEqualTo("Nhiệm vụ triển khai trong năm");
            assertThat(summary.getRow(22).getCell(0).getStringCellValue()).isEqualTo("Nhiệm vụ: chưa báo cáo");
            assertThat((Object) summary.getRow(23)).isNull();
            assertThat(summary.getLastRowNum()).isEqualTo(24);
            assertThat(summary.getRow(24).getCell(0).getStringCellValue()).startsWith("Đánh giá đến ngày ");
            var targets = wb.getSheet("Chỉ tiêu");
            // title, demo note, blank, header, then rows
            assertThat(targets.getRow(3).getCell(2).getStringCellValue()).isEqualTo("Chỉ tiêu");
            assertThat(targets.getRow(5).getCell(2).getStringCellValue())
                    .isEqualTo("80% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng");
            assertThat(targets.getRow(5).getCell(6).getStringCellValue()).isEqualTo("Chậm tiến độ");
            assertThat(wb.getSheet("Báo cáo muộn").getRow(4).getCell(1).getStringCellValue()).isEqualTo("Sở Y tế");
            assertThat(wb.getSheet("Báo cáo muộn").getRow(4).getCell(2).getStringCellValue())
                    .isEqualTo("6 tháng cuối năm 2024");
            assertThat(wb.getSheet("Nhiệm vụ").getRow(4).getCell(0).getStringCellValue()).isEqualTo("IV.2");
        }
    }

    @Test
    void scorecardWorkbook() throws Exception {
        var sc = ScorecardCalculator.compute("CTr", 2024, java.util.List.of(HandBuiltYear.build(false)));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(ScorecardXlsx.render(sc)))) {
            var s = wb.getSheetAt(0);
            assertThat(s.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Cơ quan, đơn vị");
            assertThat(s.getRow(3).getCell(1).getStringCellValue()).isEqualTo("Sở Kế hoạch và Đầu tư");
            assertThat(s.getRow(3).getCell(13).getNumericCellValue()).isEqualTo(100.0);
        }
    }
}
