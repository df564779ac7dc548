package vn.dxgov.reporting.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.shared.VietText;

/** The form workbook without a database: what is written, what reads back, every kind of cell problem. */
class FormWorkbookTest {

    static final byte[] SECRET = "test-secret".getBytes();

    static Texts texts() {
        ReloadableResourceBundleMessageSource m = new ReloadableResourceBundleMessageSource();
        m.setBasenames("classpath:messages", "classpath:i18n/reports");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        m.setDefaultLocale(VietText.VI);
        return new Texts(m, VietText.VI);
    }

    static ReportForm form(SubmissionStatus status, boolean lockFirstTarget) {
        Submission s = new Submission(41, 7, 3, "2025", 11, 5L, status, "Tóm tắt cũ", null, null, null, null, null,
                null, false, false, 1, LocalDate.of(2025, 12, 5));
        List<ReportForm.TargetLine> targets = List.of(
                new ReportForm.TargetLine(101, "1", "100% hồ sơ được số hóa", 201, "TH-HS", "%", true, false, true,
                        null, null, null, null, lockFirstTarget),
                new ReportForm.TargetLine(102, "2", "700 doanh nghiệp số", 202, "TH-DNS", "doanh nghiệp", false, false,
                        true, new BigDecimal("350"), null, null, "ước tính", false),
                new ReportForm.TargetLine(103, "3", "Hình thành nền tảng dữ liệu", 203, "TH-NTDL", null, false, true,
                        false, null, null, null, null, false));
        List<ReportForm.TaskLine> tasks = List.of(
                new ReportForm.TaskLine(301, "IV.2.1", "Xây dựng trung tâm điều hành thông minh", "2021-2022", true,
                        null, null, null, false),
                new ReportForm.TaskLine(302, "I.2", "Tuyên truyền về chuyển đổi số", "Hàng năm", false,
                        TaskProgressStatus.IN_PROGRESS, 40, "đang làm", false));
        return new ReportForm(s, targets, tasks);
    }

    static byte[] download(ReportForm form) {
        FormSeal seal = ExcelForms.seal(form);
        FormContext c = new FormContext(form, "CTr 01 · Chuyển đổi số tỉnh Thanh Hóa", "Năm 2025",
                "Sở Thông tin và Truyền thông", LocalDate.of(2025, 12, 5), "Nháp", LocalDateTime.of(2025, 11, 20, 9, 0));
        return FormWorkbookWriter.write(c, seal.checksum(SECRET), seal);
    }

    static byte[] edit(byte[] bytes, Consumer<Workbook> change) throws IOException {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            change.accept(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    static Cell cell(Workbook wb, String sheet, String ref) {
        org.apache.poi.ss.util.CellReference r = new org.apache.poi.ss.util.CellReference(ref);
        Sheet s = wb.getSheet(sheet);
        Row row = s.getRow(r.getRow()) == null ? s.createRow(r.getRow()) : s.getRow(r.getRow());
        Cell c = row.getCell(r.getCol());
        return c == null ? row.createCell(r.getCol()) : c;
    }

    static FormWorkbookReader.Result read(byte[] bytes, ReportForm form) throws IOException {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var id = FormWorkbookReader.identity(wb).orElseThrow();
            FormSeal seal = new FormSeal(Long.parseLong(id.get("submission")), Long.parseLong(id.get("reportingPeriod")),
                    Long.parseLong(id.get("plan")), Long.parseLong(id.get("agency")), id.get("period"),
                    FormSeal.parseIds(id.get("targets")), FormSeal.parseIds(id.get("tasks")));
            assertThat(seal.verify(id.get("checksum"), SECRET)).isTrue();
            return FormWorkbookReader.read(wb, form, seal, true, texts());
        }
    }

    @Test
    void writesVietnameseSheetsLockedKeysUnlockedInputsAndAHiddenIdentity() throws IOException {
        ReportForm form = form(SubmissionStatus.DRAFT, false);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download(form)))) {
            assertThat(wb.getSheetName(0)).isEqualTo("Thông tin");
            assertThat(wb.getSheetName(1)).isEqualTo("Chỉ tiêu");
            assertThat(wb.getSheetName(2)).isEqualTo("Nhiệm vụ");
            assertThat(wb.getSheetVisibility(3)).isEqualTo(SheetVisibility.VERY_HIDDEN);
            XSSFSheet t = wb.getSheet("Chỉ tiêu");
            assertThat(t.getProtect()).isTrue();
            assertThat(t.getPaneInformation().isFreezePane()).isTrue();
            assertThat(t.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Nội dung chỉ tiêu");
            assertThat(t.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(101);
            assertThat(t.getRow(1).getCell(2).getCellStyle().getLocked()).isTrue();
            assertThat(t.getRow(1).getCell(7).getCellStyle().getLocked()).isFalse(); // numerator of a ratio
            assertThat(t.getRow(1).getCell(6).getCellStyle().getLocked()).isTrue();  // value of a ratio: disabled
            assertThat(t.getRow(1).getCell(9).getCellFormula()).contains("H2/I2*100");
            assertThat(t.getRow(2).getCell(6).getNumericCellValue()).isEqualTo(350);
            assertThat(t.getRow(2).getCell(6).getCellStyle().getLocked()).isFalse();
            assertThat(t.getRow(1).getCell(2).getCellStyle().getWrapText()).isTrue();
            assertThat(t.getColumnWidth(2)).isGreaterThan(40 * 256);
            XSSFSheet k = wb.getSheet("Nhiệm vụ");
            assertThat(k.getDataValidations()).anySatisfy(v -> assertThat(v.getValidationConstraint()
                    .getExplicitListValues()).containsExactly("Chưa triển khai", "Đang triển khai", "Hoàn thành",
                    "Chậm tiến độ", "Dừng"));
            assertThat(k.getDataValidations()).anySatisfy(v -> {
                assertThat(v.getValidationConstraint().getFormula1()).isEqualTo("0");
                assertThat(v.getValidationConstraint().getFormula2()).isEqualTo("100");
            });
            assertThat(k.getRow(2).getCell(5).getStringCellValue()).isEqualTo("Đang triển khai");
            CellStyle status = k.getRow(1).getCell(5).getCellStyle();
            assertThat(status.getLocked()).isFalse();
            assertThat(wb.getSheet("Thông tin").getRow(4).getCell(1).getStringCellValue())
                    .isEqualTo("Sở Thông tin và Truyền thông");
            assertThat(wb.isStructureLocked()).isTrue();
        }
    }

    @Test
    void readsBackFilledValuesOnlyForChangedLines() throws IOException {
        ReportForm form = form(SubmissionStatus.DRAFT, false);
        byte[] filled = edit(download(form), wb -> {
            cell(wb, "Chỉ tiêu", "H2").setCellValue("1.234,5");
            cell(wb, "Chỉ tiêu", "I2").setCellValue(2000);
            cell(wb, "Chỉ tiêu", "K2").setCellValue("theo Cổng dịch vụ công");
            cell(wb, "Chỉ tiêu", "G4").setCellValue("Có");
            cell(wb, "Nhiệm vụ", "F2").setCellValue("Hoàn thành");
            cell(wb, "Nhiệm vụ", "G2").setCellValue(100);
            cell(wb, "Nhiệm vụ", "H2").setCellValue("Đã vận hành IOC");
            cell(wb, "Thông tin", "B10").setCellValue("Năm 2025 hoàn thành cơ bản các nhiệm vụ.");
        });
        FormWorkbookReader.Result r = read(filled, form);
        assertThat(r.problems()).isEmpty();
        assertThat(r.changedTargets()).isEqualTo(2);
        assertThat(r.changedTasks()).isEqualTo(1);
        ReportInput in = r.input();
        assertThat(in.narrative()).isEqualTo("Năm 2025 hoàn thành cơ bản các nhiệm vụ.");
        ReportInput.TargetValue ratio = in.targets().get(0);
        assertThat(ratio.targetId()).isEqualTo(101);
        assertThat(ratio.numerator()).isEqualByComparingTo("1234.5");
        assertThat(ratio.denominator()).isEqualByComparingTo("2000");
        assertThat(ratio.comment()).isEqualTo("theo Cổng dịch vụ công");
        assertThat(in.targets().get(1).targetId()).isEqualTo(103);
        assertThat(in.targets().get(1).value()).isEqualByComparingTo("1");
        ReportInput.TaskProgress task = in.tasks().get(0);
        assertThat(task.taskId()).isEqualTo(301);
        assertThat(task.status()).isEqualTo(TaskProgressStatus.DONE);
        assertThat(task.percentComplete()).isEqualTo(100);
        assertThat(task.narrative()).isEqualTo("Đã vận hành IOC");
    }

    @Test
    void anUntouchedFormChangesNothing() throws IOException {
        ReportForm form = form(SubmissionStatus.DRAFT, false);
        FormWorkbookReader.Result r = read(download(form), form);
        assertThat(r.problems()).isEmpty();
        assertThat(r.changed()).isFalse();
    }

    @Test
    void reportsEveryBadCellWithSheetRowAndColumn() throws IOException {
        ReportForm form = form(SubmissionStatus.DRAFT, false);
        byte[] bad = edit(download(form), wb -> {
            cell(wb, "Chỉ tiêu", "H2").setCellValue("12,5a");          // not a number
            cell(wb, "Chỉ tiêu", "G3").setCellValue("nhiều");          // not a number
            cell(wb, "Chỉ tiêu", "C3").setCellValue("800 doanh nghiệp số"); // key cell changed
            cell(wb, "Chỉ tiêu", "G4").setCellValue("có lẽ");           // yes/no
            cell(wb, "Nhiệm vụ", "F2").setCellValue("Xong rồi");        // status not in the list
            cell(wb, "Nhiệm vụ", "G2").setCellValue(120);               // percent out of range
            cell(wb, "Nhiệm vụ", "G3").setCellValue("12,5");            // not a whole number
            cell(wb, "Nhiệm vụ", "A5").setCellValue(999);               // added row
        });
        FormWorkbookReader.Result r = read(bad, form);
        assertThat(r.problems()).extracting(CellProblem::text).containsExactly(
                "Chỉ tiêu!H2: “12,5a” không phải là số viết kiểu Việt Nam: dấu chấm tách từng nhóm ba chữ số hàng nghìn, "
                        + "dấu phẩy là dấu thập phân, ví dụ 1.250.300 hoặc 1.234,5.",
                "Chỉ tiêu!I2: đã có tử số nhưng thiếu mẫu số",
                "Chỉ tiêu!C3: ô khóa đã bị sửa: biểu mẫu ghi \"700 doanh nghiệp số\", tệp ghi \"800 doanh nghiệp số\". "
                        + "Không sửa các cột nền xám (nếu biểu mẫu đã thay đổi, hãy tải biểu mẫu mới)",
                "Chỉ tiêu!G3: “nhiều” không phải là số viết kiểu Việt Nam: dấu chấm tách từng nhóm ba chữ số hàng nghìn, "
                        + "dấu phẩy là dấu thập phân, ví dụ 1.250.300 hoặc 1.234,5.",
                "Chỉ tiêu!G4: \"có lẽ\": chọn Có hoặc Không",
                "Nhiệm vụ!F2: \"Xong rồi\" không phải trạng thái; chọn một trong: Chưa triển khai, Đang triển khai, "
                        + "Hoàn thành, Chậm tiến độ, Dừng",
                "Nhiệm vụ!G2: \"120\": % hoàn thành phải là số nguyên từ 0 đến 100",
                "Nhiệm vụ!G3: \"12,5\": % hoàn thành phải là số nguyên từ 0 đến 100",
                "Nhiệm vụ!A5: dòng thêm vào biểu mẫu; không thêm dòng, chỉ điền vào các dòng có sẵn");
        assertThat(r.problems().get(0).sheet()).isEqualTo("Chỉ tiêu");
        assertThat(r.problems().get(0).row()).isEqualTo(2);
        assertThat(r.problems().get(0).column()).isEqualTo("H");
        assertThat(r.problems().get(0).value()).isEqualTo("12,5a");
    }

    @Test
    void reportsRemovedRowsChangedIdsAndRatioMistakes() throws IOException {
        ReportForm form = form(SubmissionStatus.DRAFT, false);
        byte[] bad = edit(download(form), wb -> {
            Sheet t = wb.getSheet("Chỉ tiêu");
            t.removeRow(t.getRow(3));                                   // row of target 103 removed
            cell(wb, "Chỉ tiêu", "G2").setCellValue(80);                // value on a ratio line
            cell(wb, "Chỉ tiêu", "I2").setCellValue(0);                 // denominator 0, numerator missing
            cell(wb, "Chỉ tiêu", "H3").setCellValue(5);                 // numerator on a plain line
            cell(wb, "Nhiệm vụ", "A3").setCellValue(777);               // id changed
            cell(wb, "Nhiệm vụ", "G2").setCellValue(30);                // percent without status
        });
        FormWorkbookReader.Result r = read(bad, form);
        assertThat(r.problems()).extracting(CellProblem::text).containsExactly(
                "Chỉ tiêu!G2: chỉ tiêu tỷ lệ: nhập tử số và mẫu số, để trống cột Giá trị",
                "Chỉ tiêu!H2: đã có mẫu số nhưng thiếu tử số",
                "Chỉ tiêu!I2: mẫu số \"0\" phải lớn hơn 0",
                "Chỉ tiêu!H3: chỉ tiêu không phải tỷ lệ: nhập vào cột Giá trị, để trống tử số và mẫu số",
                "Chỉ tiêu!4: dòng của ID 103 đã bị xóa; không xóa dòng của biểu mẫu",
                "Nhiệm vụ!F2: chưa chọn trạng thái (bắt buộc khi có % hoàn thành, diễn giải, hoặc đã báo cáo trước đó)",
                "Nhiệm vụ!A3: ô ID đã bị sửa: dòng này phải là ID 302, tệp ghi \"777\" (dòng bị thêm, xóa hoặc đổi thứ tự?)");
    }

    @Test
    void approvedLinesCannotChange() throws IOException {
        ReportForm form = form(SubmissionStatus.DRAFT, true);
        byte[] bytes = download(form);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(wb.getSheet("Chỉ tiêu").getRow(1).getCell(7).getCellStyle().getLocked()).isTrue();
        }
        byte[] bad = edit(bytes, wb -> {
            cell(wb, "Chỉ tiêu", "H2").setCellValue(5);
            cell(wb, "Chỉ tiêu", "I2").setCellValue(10);
        });
        assertThat(read(bad, form).problems()).extracting(CellProblem::text)
                .containsExactly("Chỉ tiêu!H2: dòng đã được duyệt, không sửa được (đang lưu: \"\")");
    }

    @Test
    void numbersInNumericCellsAndPercentFormatsReadAsPeopleMeanThem() throws IOException {
        ReportForm form = form(SubmissionStatus.DRAFT, false);
        byte[] filled = edit(download(form), wb -> {
            cell(wb, "Chỉ tiêu", "G3").setCellValue(12.5);
            Cell p = cell(wb, "Nhiệm vụ", "G3");
            CellStyle pct = wb.createCellStyle();
            pct.cloneStyleFrom(p.getCellStyle());
            pct.setDataFormat(wb.createDataFormat().getFormat("0%"));
            p.setCellStyle(pct);
            p.setCellValue(0.6);
            cell(wb, "Nhiệm vụ", "F3").setCellValue("dang trien khai");
        });
        FormWorkbookReader.Result r = read(filled, form);
        assertThat(r.problems()).isEmpty();
        assertThat(r.input().targets()).singleElement().satisfies(t -> assertThat(t.value()).isEqualByComparingTo("12.5"));
        assertThat(r.input().tasks()).singleElement().satisfies(t -> {
            assertThat(t.percentComplete()).isEqualTo(60);
            assertThat(t.status()).isEqualTo(TaskProgressStatus.IN_PROGRESS);
        });
    }

    @Test
    void textCellsAreReadWithTheNumberGrammarAndNumericCellsStayNumeric() throws IOException {
        ReportForm form = form(SubmissionStatus.DRAFT, false);
        byte[] bytes = download(form);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            // the stored 350 is written as a number, not as text
            assertThat(wb.getSheet("Chỉ tiêu").getRow(2).getCell(6).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
        }
        byte[] filled = edit(bytes, wb -> {
            cell(wb, "Chỉ tiêu", "H2").setCellValue("1.300");       // text cells, as typed into a cell formatted as text
            cell(wb, "Chỉ tiêu", "I2").setCellValue("1.250.300");
            cell(wb, "Chỉ tiêu", "G3").setCellValue("1.234,5");
            cell(wb, "Nhiệm vụ", "F3").setCellValue("Đang triển khai");
            cell(wb, "Nhiệm vụ", "G3").setCellValue("60%");
        });
        FormWorkbookReader.Result r = read(filled, form);
        assertThat(r.problems()).isEmpty();
        assertThat(r.input().targets()).extracting(ReportInput.TargetValue::targetId).containsExactly(101L, 102L);
        ReportInput.TargetValue ratio = r.input().targets().get(0);
        assertThat(ratio.numerator()).isEqualByComparingTo("1300");
        assertThat(ratio.denominator()).isEqualByComparingTo("1250300");
        assertThat(r.input().targets().get(1).value()).isEqualByComparingTo("1234.5");
        assertThat(r.input().tasks()).singleElement().satisfies(t -> assertThat(t.percentComplete()).isEqualTo(60));

        byte[] wrong = edit(bytes, wb -> {
            cell(wb, "Chỉ tiêu", "H2").setCellValue("1.3");
            cell(wb, "Chỉ tiêu", "I2").setCellValue("12.5");
            cell(wb, "Chỉ tiêu", "G3").setCellValue("70%");        // a % only where the target is a percentage
        });
        assertThat(read(wrong, form).problems()).extracting(CellProblem::text).containsExactly(
                "Chỉ tiêu!H2: “1.3” không phải là số viết kiểu Việt Nam: viết 1.300 (một nghìn ba trăm) hoặc 1,3 (một phẩy ba). "
                        + "Dấu chấm tách từng nhóm ba chữ số hàng nghìn, dấu phẩy là dấu thập phân.",
                "Chỉ tiêu!I2: “12.5” không phải là số viết kiểu Việt Nam: viết 12.500 (mười hai nghìn năm trăm) hoặc 12,5 "
                        + "(mười hai phẩy năm). Dấu chấm tách từng nhóm ba chữ số hàng nghìn, dấu phẩy là dấu thập phân.",
                "Chỉ tiêu!G3: “70%” không phải là số viết kiểu Việt Nam: dấu chấm tách từng nhóm ba chữ số hàng nghìn, "
                        + "dấu phẩy là dấu thập phân, ví dụ 1.250.300 hoặc 1.234,5.");
    }

    @Test
    void theChecksumCoversTheIdentity() {
        FormSeal seal = ExcelForms.seal(form(SubmissionStatus.DRAFT, false));
        String sum = seal.checksum(SECRET);
        assertThat(seal.verify(sum, SECRET)).isTrue();
        assertThat(seal.verify(sum, "other".getBytes())).isFalse();
        FormSeal otherAgency = new FormSeal(seal.submissionId(), seal.reportingPeriodId(), seal.planId(), 12,
                seal.period(), seal.targetIds(), seal.taskIds());
        assertThat(otherAgency.verify(sum, SECRET)).isFalse();
    }
}
