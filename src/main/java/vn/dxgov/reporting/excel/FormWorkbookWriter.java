package vn.dxgov.reporting.excel;

import static vn.dxgov.reporting.excel.FormLayout.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportForm.TargetLine;
import vn.dxgov.reporting.ReportForm.TaskLine;

/**
 * Writes an agency's report form as an .xlsx workbook: "Thông tin" (what the form is, the general narrative),
 * "Chỉ tiêu" (one row per target: locked key columns, unlocked value, numerator and denominator, comment, and a
 * formula showing the ratio), "Nhiệm vụ" (one row per task: status from a drop-down list, percent complete 0–100,
 * narrative), and the very hidden sheet "dxgov" with the form's identity and checksum. Sheets are protected so
 * only input cells can be edited; the protection is a convenience, the upload checks everything again.
 */
final class FormWorkbookWriter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final CellStyle header;
    private final CellStyle key;
    private final CellStyle keyCenter;
    private final CellStyle input;
    private final CellStyle inputNumber;
    private final CellStyle disabled;
    private final CellStyle percent;
    private final CellStyle title;
    private final CellStyle label;
    private final CellStyle text;
    private final CellStyle note;

    private final boolean editable;

    private FormWorkbookWriter(boolean editable) {
        this.editable = editable;
        Font bold = wb.createFont();
        bold.setBold(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        Font red = wb.createFont();
        red.setItalic(true);
        red.setColor(IndexedColors.DARK_RED.getIndex());

        header = style(true, IndexedColors.PALE_BLUE, true);
        header.setFont(bold);
        header.setAlignment(HorizontalAlignment.CENTER);
        key = style(true, IndexedColors.GREY_25_PERCENT, true);
        keyCenter = style(true, IndexedColors.GREY_25_PERCENT, true);
        keyCenter.setAlignment(HorizontalAlignment.CENTER);
        input = style(false, IndexedColors.LIGHT_YELLOW, true);
        inputNumber = style(false, IndexedColors.LIGHT_YELLOW, true);
        inputNumber.setDataFormat(wb.createDataFormat().getFormat("General"));
        disabled = style(true, IndexedColors.GREY_40_PERCENT, true);
        percent = style(true, IndexedColors.GREY_25_PERCENT, true);
        percent.setDataFormat(wb.createDataFormat().getFormat("0.0"));
        title = wb.createCellStyle();
        title.setFont(big);
        title.setLocked(true);
        label = wb.createCellStyle();
        label.setFont(bold);
        label.setVerticalAlignment(VerticalAlignment.TOP);
        label.setWrapText(true);
        text = wb.createCellStyle();
        text.setWrapText(true);
        text.setVerticalAlignment(VerticalAlignment.TOP);
        note = wb.createCellStyle();
        note.setFont(red);
        note.setWrapText(true);
    }

    private CellStyle style(boolean locked, IndexedColors fill, boolean border) {
        CellStyle s = wb.createCellStyle();
        s.setLocked(locked);
        s.setWrapText(true);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        s.setFillForegroundColor(fill.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        if (border) {
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            short grey = IndexedColors.GREY_50_PERCENT.getIndex();
            s.setBottomBorderColor(grey);
            s.setTopBorderColor(grey);
            s.setLeftBorderColor(grey);
            s.setRightBorderColor(grey);
        }
        return s;
    }

    /** The workbook's bytes. */
    static byte[] write(FormContext context, String checksum, FormSeal seal) {
        FormWorkbookWriter w = new FormWorkbookWriter(context.editable());
        try (XSSFWorkbook wb = w.wb) {
            w.info(context);
            w.targets(context.form().targets());
            w.tasks(context.form().tasks());
            w.meta(seal, checksum);
            wb.setActiveSheet(0);
            wb.setSelectedTab(0);
            wb.setForceFormulaRecalculation(true);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.lockStructure();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void info(FormContext c) {
        XSSFSheet s = wb.createSheet(INFO);
        s.setColumnWidth(0, 26 * 256);
        s.setColumnWidth(1, 90 * 256);
        Row r0 = s.createRow(0);
        cell(r0, 0, "BIỂU MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN", title);
        s.addMergedRegion(new CellRangeAddress(0, 0, 0, 1));
        ReportForm form = c.form();
        String[][] rows = {
                {"Kế hoạch", c.planTitle()},
                {"Kỳ báo cáo", c.periodLabel()},
                {"Cơ quan báo cáo", c.agencyName()},
                {"Hạn gửi báo cáo", c.dueOn() == null ? "" : DAY.format(c.dueOn())},
                {"Trạng thái báo cáo", c.statusLabel()},
                {"Mã báo cáo", "#" + form.submission().id()},
                {"Ngày tải biểu mẫu", c.generatedAt() == null ? "" : MINUTE.format(c.generatedAt())},
        };
        int r = 2;
        for (String[] kv : rows) {
            Row row = s.createRow(r++);
            cell(row, 0, kv[0], label);
            cell(row, 1, kv[1], text);
        }
        // row 9: the report's general narrative, the one input of this sheet
        Row nar = s.createRow(INFO_NARRATIVE_ROW);
        cell(nar, 0, "Thuyết minh chung", label);
        cell(nar, 1, form.submission().narrative(), editable ? input : key);
        nar.setHeightInPoints(90);
        int h = INFO_NARRATIVE_ROW + 2;
        String[] help = {
                "Hướng dẫn",
                "1. Điền số liệu vào các ô nền vàng ở trang \"Chỉ tiêu\" và \"Nhiệm vụ\"; các cột nền xám là cột khóa, không sửa.",
                "2. Chỉ tiêu tỷ lệ (%): nhập tử số và mẫu số, cột \"Tỷ lệ (%)\" tự tính; chỉ tiêu khác: nhập vào cột \"Giá trị\".",
                "3. Số viết theo kiểu Việt Nam (12,5 hoặc 1.234,5) hoặc kiểu Excel tiếng Anh (12.5) đều được.",
                "4. Trạng thái nhiệm vụ: chọn trong danh sách; % hoàn thành là số nguyên từ 0 đến 100.",
                "5. Không thêm, xóa hay đổi thứ tự dòng, không đổi tên trang tính. Lưu dạng .xlsx rồi tải lên ở trang báo cáo.",
                "6. Khi tải lên, hệ thống kiểm tra mọi ô; nếu còn lỗi thì không lưu gì và liệt kê từng ô cần sửa.",
        };
        for (int i = 0; i < help.length; i++) {
            Row row = s.createRow(h + i);
            cell(row, 0, i == 0 ? help[i] : "", label);
            if (i > 0) {
                cell(row, 1, help[i], text);
            }
        }
        if (form.submission().demo()) {
            Row row = s.createRow(h + help.length + 1);
            cell(row, 1, "Số liệu minh họa (dữ liệu mẫu, không phải số liệu thật).", note);
        }
        protect(s);
    }

    private void targets(List<TargetLine> lines) {
        XSSFSheet s = wb.createSheet(TARGETS);
        headerRow(s, T_HEADERS, T_WIDTHS);
        DataValidationHelper dv = s.getDataValidationHelper();
        CellRangeAddressList yesNoCells = new CellRangeAddressList();
        int r = FIRST_ROW;
        for (TargetLine t : lines) {
            Row row = s.createRow(r);
            number(row, T_ID, t.targetId(), keyCenter);
            cell(row, T_CODE, t.label() != null ? t.label() : t.targetCode(), keyCenter);
            cell(row, T_TEXT, t.text(), key);
            cell(row, T_INDICATOR, t.indicatorCode(), key);
            cell(row, T_UNIT, t.unit(), keyCenter);
            cell(row, T_REQUIRED, t.required() ? YES : NO, keyCenter);
            boolean open = editable && !t.locked();
            if (t.ratio()) {
                cell(row, T_VALUE, null, disabled);
                decimal(row, T_NUMERATOR, t.numerator(), open ? inputNumber : key);
                decimal(row, T_DENOMINATOR, t.denominator(), open ? inputNumber : key);
                String h = column(T_NUMERATOR) + (r + 1);
                String k = column(T_DENOMINATOR) + (r + 1);
                Cell f = row.createCell(T_PERCENT);
                f.setCellFormula("IF(AND(ISNUMBER(" + h + "),ISNUMBER(" + k + ")," + k + "<>0)," + h + "/" + k
                        + "*100,\"\")");
                f.setCellStyle(percent);
            } else {
                if (t.yesNo()) {
                    BigDecimal v = t.value();
                    cell(row, T_VALUE, v == null ? null : v.signum() != 0 ? YES : NO, open ? input : key);
                    if (open) {
                        yesNoCells.addCellRangeAddress(r, T_VALUE, r, T_VALUE);
                    }
                } else {
                    decimal(row, T_VALUE, t.value(), open ? inputNumber : key);
                }
                cell(row, T_NUMERATOR, null, disabled);
                cell(row, T_DENOMINATOR, null, disabled);
                cell(row, T_PERCENT, null, disabled);
            }
            cell(row, T_COMMENT, t.comment(), open ? input : key);
            r++;
        }
        if (yesNoCells.countRanges() > 0) {
            DataValidation v = dv.createValidation(dv.createExplicitListConstraint(new String[]{YES, NO}), yesNoCells);
            strict(v, "Có hoặc Không", "Chọn Có (đã đạt/đã hoàn thành) hoặc Không.");
            s.addValidationData(v);
        }
        finish(s);
    }

    private void tasks(List<TaskLine> lines) {
        XSSFSheet s = wb.createSheet(TASKS);
        headerRow(s, K_HEADERS, K_WIDTHS);
        int r = FIRST_ROW;
        CellRangeAddressList statusCells = new CellRangeAddressList();
        CellRangeAddressList percentCells = new CellRangeAddressList();
        for (TaskLine t : lines) {
            Row row = s.createRow(r);
            number(row, K_ID, t.taskId(), keyCenter);
            cell(row, K_CODE, t.taskCode(), keyCenter);
            cell(row, K_TITLE, t.title(), key);
            cell(row, K_TIME, t.timeFrame(), keyCenter);
            cell(row, K_REQUIRED, t.required() ? YES : NO, keyCenter);
            boolean open = editable && !t.locked();
            cell(row, K_STATUS, t.status() == null ? null : TaskStatusLabels.label(t.status()), open ? input : key);
            Cell p = row.createCell(K_PERCENT);
            if (t.percentComplete() != null) {
                p.setCellValue(t.percentComplete());
            }
            p.setCellStyle(open ? inputNumber : key);
            cell(row, K_NARRATIVE, t.narrative(), open ? input : key);
            if (open) {
                statusCells.addCellRangeAddress(r, K_STATUS, r, K_STATUS);
                percentCells.addCellRangeAddress(r, K_PERCENT, r, K_PERCENT);
            }
            r++;
        }
        DataValidationHelper dv = s.getDataValidationHelper();
        if (statusCells.countRanges() > 0) {
            DataValidation v = dv.createValidation(
                    dv.createExplicitListConstraint(TaskStatusLabels.labels().toArray(String[]::new)), statusCells);
            strict(v, "Trạng thái", "Chọn một trạng thái trong danh sách.");
            s.addValidationData(v);
        }
        if (percentCells.countRanges() > 0) {
            DataValidation v = dv.createValidation(dv.createIntegerConstraint(
                    DataValidationConstraint.OperatorType.BETWEEN, "0", "100"), percentCells);
            strict(v, "% hoàn thành", "Nhập số nguyên từ 0 đến 100.");
            s.addValidationData(v);
        }
        finish(s);
    }

    private static void strict(DataValidation v, String title, String message) {
        v.setShowErrorBox(true);
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.createErrorBox(title, message);
        v.setShowPromptBox(true);
        v.createPromptBox(title, message);
        v.setEmptyCellAllowed(true);
        v.setSuppressDropDownArrow(true); // in XSSF: true shows the arrow
    }

    private void meta(FormSeal seal, String checksum) {
        XSSFSheet s = wb.createSheet(META);
        String[][] rows = {
                {"kind", KIND},
                {"format", FORMAT},
                {"submission", Long.toString(seal.submissionId())},
                {"reportingPeriod", Long.toString(seal.reportingPeriodId())},
                {"plan", Long.toString(seal.planId())},
                {"agency", Long.toString(seal.agencyId())},
                {"period", seal.period()},
                {"targets", FormSeal.ids(seal.targetIds())},
                {"tasks", FormSeal.ids(seal.taskIds())},
                {"checksum", checksum},
        };
        for (int i = 0; i < rows.length; i++) {
            Row row = s.createRow(i);
            row.createCell(0).setCellValue(rows[i][0]);
            row.createCell(1).setCellValue(rows[i][1]);
        }
        protect(s);
        wb.setSheetVisibility(wb.getSheetIndex(s), SheetVisibility.VERY_HIDDEN);
    }

    private void headerRow(XSSFSheet s, String[] headers, int[] widths) {
        Row h = s.createRow(0);
        h.setHeightInPoints(32);
        for (int i = 0; i < headers.length; i++) {
            cell(h, i, headers[i], header);
            s.setColumnWidth(i, widths[i] * 256);
        }
    }

    private void finish(XSSFSheet s) {
        s.createFreezePane(0, FIRST_ROW);
        int last = Math.max(s.getLastRowNum(), FIRST_ROW);
        int cols = s.getRow(0).getLastCellNum();
        s.setAutoFilter(new CellRangeAddress(0, last, 0, cols - 1));
        s.getPrintSetup().setLandscape(true);
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
        s.setRepeatingRows(new CellRangeAddress(0, 0, 0, cols - 1));
        protect(s);
    }

    private static void protect(XSSFSheet s) {
        // a random password: the protection keeps people from editing key cells by mistake; it is not the check
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        s.protectSheet(HexFormat.of().formatHex(b));
        s.lockFormatColumns(false);
        s.lockFormatRows(false);
        s.lockAutoFilter(false);
        s.lockSort(true);
        s.lockInsertRows(true);
        s.lockDeleteRows(true);
        s.lockSelectLockedCells(false);
        s.lockSelectUnlockedCells(false);
    }

    private static void cell(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null && !value.isEmpty()) {
            c.setCellValue(value.length() > SpreadsheetVersion.EXCEL2007.getMaxTextLength()
                    ? value.substring(0, SpreadsheetVersion.EXCEL2007.getMaxTextLength()) : value);
        }
        c.setCellStyle(style);
    }

    private static void number(Row row, int col, long value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    private static void decimal(Row row, int col, BigDecimal value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null) {
            c.setCellValue(value.doubleValue());
        }
        c.setCellStyle(style);
    }
}
