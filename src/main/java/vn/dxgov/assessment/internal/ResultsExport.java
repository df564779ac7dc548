package vn.dxgov.assessment.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.dxgov.assessment.Assessments.Result;
import vn.dxgov.assessment.Assessments.Results;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.shared.Csv;
import vn.dxgov.shared.Numbers;

/**
 * Results of a round as CSV ({@link Csv}: UTF-8 with BOM, CRLF, formulas neutralised) and .xlsx: one row per unit,
 * ranked, with its main groups. The .xlsx is for people (numeric cells, shown by Excel in the reader's own settings);
 * the CSV is for programs, so its numbers are machine numbers ("812.25", {@link Numbers#machine}) whatever the
 * language, never "812,25" inside a comma-separated line.
 */
final class ResultsExport {

    private ResultsExport() {
    }

    static List<String> header(CriteriaSetDocument doc) {
        List<String> h = new ArrayList<>(List.of("Hạng", "Mã đơn vị", "Đơn vị", "Tổng điểm", "Chỉ số (điểm/tối đa)",
                "Xếp loại", "Đạt mọi tiêu chí bắt buộc", "Hạng kỳ trước", "Thay đổi hạng"));
        for (CriteriaSetDocument.Node n : doc.topNodes()) {
            h.add(n.code() + " " + n.name());
        }
        return h;
    }

    static List<Object> row(CriteriaSetDocument doc, Result r) {
        List<Object> v = new ArrayList<>(List.of(r.rank(), r.unitCode(), r.unitName(), r.total()));
        v.add(r.index());
        v.add(r.classificationName());
        v.add(r.mandatoryMet() ? "có" : "không");
        v.add(r.previousRank());
        v.add(r.rankChange());
        for (CriteriaSetDocument.Node n : doc.topNodes()) {
            v.add(r.points().get(n.code()));
        }
        return v;
    }

    static byte[] csv(CriteriaSetDocument doc, Results results) {
        return Csv.write(header(doc), results.results().stream().map(r -> row(doc, r)).toList());
    }

    static byte[] xlsx(CriteriaSetDocument doc, Results results) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            Sheet s = wb.createSheet("Kết quả");
            Row title = s.createRow(0);
            title.createCell(0).setCellValue(results.round().name() + (results.published() ? "" : " (tạm tính, chưa công bố)"));
            title.getCell(0).setCellStyle(bold);
            Row h = s.createRow(2);
            List<String> header = header(doc);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
                h.getCell(i).setCellStyle(bold);
            }
            int n = 3;
            for (Result r : results.results()) {
                Row row = s.createRow(n++);
                List<Object> v = row(doc, r);
                for (int i = 0; i < v.size(); i++) {
                    Object o = v.get(i);
                    if (o instanceof BigDecimal d) {
                        row.createCell(i).setCellValue(d.doubleValue());
                    } else if (o instanceof Integer k) {
                        row.createCell(i).setCellValue(k);
                    } else if (o != null) {
                        row.createCell(i).setCellValue(o.toString());
                    }
                }
            }
            s.setColumnWidth(2, 40 * 256);
            s.createFreezePane(0, 3);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
