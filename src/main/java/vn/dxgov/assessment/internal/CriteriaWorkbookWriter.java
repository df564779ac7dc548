package vn.dxgov.assessment.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.assessment.CriteriaSetDocument.Classification;
import vn.dxgov.assessment.CriteriaSetDocument.Node;
import vn.dxgov.assessment.CriteriaSetDocument.Rule;

/**
 * A criteria set written as the workbook {@link CriteriaFiles} reads back: sheets "Bộ tiêu chí", "Tiêu chí",
 * "Xếp loại" and a "Hướng dẫn" on how to fill them in.
 */
final class CriteriaWorkbookWriter {

    private CriteriaWorkbookWriter() {
    }

    static byte[] write(CriteriaSetDocument d) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            Sheet info = wb.createSheet(CriteriaFiles.INFO);
            Object[] values = {d.code(), d.year(), d.name(), d.level() == null ? null : d.level().name(), d.description(),
                    d.isExample() ? "có" : "không", d.maxPoints()};
            for (int i = 0; i < CriteriaFiles.INFO_KEYS.size(); i++) {
                Row r = info.createRow(i);
                Cell k = r.createCell(0);
                k.setCellValue(CriteriaFiles.INFO_KEYS.get(i));
                k.setCellStyle(bold);
                put(r.createCell(1), values[i]);
            }
            info.setColumnWidth(0, 30 * 256);
            info.setColumnWidth(1, 80 * 256);

            Sheet crit = wb.createSheet(CriteriaFiles.CRITERIA);
            headerRow(crit, CriteriaFiles.COLUMNS, bold);
            int[] n = {1};
            writeNodes(crit, d.topNodes(), null, n);
            int[] widths = {12, 12, 60, 12, 10, 10, 14, 24, 16, 12, 40};
            for (int i = 0; i < widths.length; i++) {
                crit.setColumnWidth(i, widths[i] * 256);
            }
            crit.createFreezePane(0, 1);

            Sheet lv = wb.createSheet(CriteriaFiles.LEVELS);
            headerRow(lv, CriteriaFiles.LEVEL_COLUMNS, bold);
            int i = 1;
            for (Classification c : d.classificationList()) {
                Row r = lv.createRow(i++);
                put(r.createCell(0), c.code());
                put(r.createCell(1), c.name());
                put(r.createCell(2), c.minPoints());
                put(r.createCell(3), c.mandatoryRequired() ? "có" : "không");
            }
            lv.setColumnWidth(1, 40 * 256);
            lv.setColumnWidth(3, 30 * 256);

            guide(wb.createSheet(CriteriaFiles.GUIDE));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sheet "Hướng dẫn": how to fill in the other sheets. */
    private static void guide(Sheet guide) {
        String[] lines = {
                "Mỗi dòng của trang \"Tiêu chí\" là một nhóm hoặc một tiêu chí; \"Thuộc nhóm\" là mã của nhóm cha (trống: cấp trên cùng).",
                "Nhóm là dòng có tiêu chí con: điểm tối đa của nhóm bằng tổng điểm tối đa các tiêu chí con; nhóm không có quy tắc.",
                "Quy tắc: YES_NO (có/không), STEPS (bậc theo số lượng), RATIO (a/b × điểm tối đa), THRESHOLDS (ngưỡng),",
                "INDICATOR (từ giá trị chỉ số của đơn vị, ghi mã chỉ số), MANUAL (người thẩm định chấm).",
                "Bậc điểm: mức=điểm cách nhau bởi dấu chấm phẩy, ví dụ 4=20; 3=15; 2=10; 1=5 (4 cuộc họp trở lên được 20 điểm).",
                "Bắt buộc: có/không; tiêu chí bắt buộc đạt khi điểm ≥ \"Điểm đạt\" (trống: bằng điểm tối đa).",
                "Xếp loại: mức cao nhất mà tổng điểm đạt \"Điểm tối thiểu\" (và mọi tiêu chí bắt buộc khi cột cuối là \"có\")."};
        for (int j = 0; j < lines.length; j++) {
            guide.createRow(j).createCell(0).setCellValue(lines[j]);
        }
    }

    private static void writeNodes(Sheet s, List<Node> nodes, String parent, int[] n) {
        for (Node node : nodes) {
            Row r = s.createRow(n[0]++);
            Rule rule = node.rule();
            Object[] v = {node.code(), parent, node.name(), node.maxPoints(), node.isMandatory() ? "có" : null,
                    node.passPoints(), rule == null ? null : rule.type().name(),
                    rule == null ? null : CriteriaValues.stepsText(rule.stepList()), rule == null ? null : rule.indicator(),
                    rule != null && rule.lower() ? "có" : null, node.note()};
            for (int i = 0; i < v.length; i++) {
                put(r.createCell(i), v[i]);
            }
            writeNodes(s, node.kids(), node.code(), n);
        }
    }

    private static void headerRow(Sheet s, List<String> cols, CellStyle bold) {
        Row h = s.createRow(0);
        for (int i = 0; i < cols.size(); i++) {
            Cell c = h.createCell(i);
            c.setCellValue(cols.get(i));
            c.setCellStyle(bold);
        }
    }

    private static void put(Cell c, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof BigDecimal b) {
            c.setCellValue(b.doubleValue());
        } else if (v instanceof Number num) {
            c.setCellValue(num.doubleValue());
        } else {
            c.setCellValue(v.toString());
        }
    }
}
