package vn.dxgov.reports.internal;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import vn.dxgov.reports.Scorecard;
import vn.dxgov.reports.Scorecard.AgencyScore;

/** The league table as a workbook. */
final class ScorecardXlsx {

    static final String[] HEADERS = {"Hạng", "Cơ quan, đơn vị", "Báo cáo đến hạn", "Đúng hạn", "Muộn", "Chưa gửi",
            "Tỷ lệ đúng hạn (%)", "Chỉ tiêu có số liệu", "Đạt/đúng tiến độ", "Tỷ lệ chỉ tiêu (%)", "Nhiệm vụ",
            "Đúng tiến độ", "Tỷ lệ nhiệm vụ (%)", "Điểm tổng hợp"};

    private ScorecardXlsx() {
    }

    static byte[] render(Scorecard sc) {
        try (Sheets x = new Sheets()) {
            XSSFSheet s = x.wb.createSheet("Xếp hạng " + sc.year());
            int row = x.start(s, "Bảng xếp hạng cơ quan, đơn vị năm " + sc.year() + " — " + sc.scope(), sc.demo(),
                    HEADERS, new int[]{7, 45, 11, 10, 8, 9, 12, 12, 12, 12, 10, 11, 12, 11});
            for (AgencyScore a : sc.rows()) {
                Row r = s.createRow(row++);
                Object[] v = {a.rank(), a.agencyName(), a.reportsDue(), a.reportsOnTime(), a.reportsLate(),
                        a.reportsMissing(), a.onTimeRate(), a.targetsWithData(), a.targetsMet(), a.targetRate(),
                        a.tasksRunning(), a.tasksOnTime(), a.taskRate(), a.score()};
                for (int i = 0; i < v.length; i++) {
                    x.put(r, i, v[i]);
                }
            }
            Row w = s.createRow(row + 1);
            w.createCell(0).setCellValue("Điểm tổng hợp = " + sc.weights().reports() + "% tỷ lệ báo cáo đúng hạn + "
                    + sc.weights().targets() + "% tỷ lệ chỉ tiêu đạt/đúng tiến độ + " + sc.weights().tasks()
                    + "% tỷ lệ nhiệm vụ đúng tiến độ (chia lại trọng số khi thiếu thành phần). Đánh giá đến "
                    + Labels.dayInWords(sc.asOf()) + ".");
            return x.bytes();
        }
    }
}
