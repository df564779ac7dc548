package vn.dxgov.reports.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import vn.dxgov.reports.AnnualReport;
import vn.dxgov.reports.AnnualReport.AgencyRow;
import vn.dxgov.reports.AnnualReport.Count;
import vn.dxgov.reports.AnnualReport.TargetRow;
import vn.dxgov.reports.AnnualReport.TaskRow;
import vn.dxgov.shared.VietText;

/** The tables of the annual report as a workbook: summary, targets, tasks, late or missing reports. */
final class AnnualXlsx {

    private AnnualXlsx() {
    }

    static byte[] render(AnnualReport r) {
        try (Sheets x = new Sheets()) {
            summary(x, r);
            targets(x, r);
            tasks(x, r);
            lateReports(x, r);
            return x.bytes();
        }
    }

    /** "Tổng hợp": the agencies' reports, the targets by status, the tasks by status, and the day judged. */
    private static void summary(Sheets x, AnnualReport r) {
        AnnualReport.Summary s = r.summary();
        List<Object[]> lines = new ArrayList<>(List.of(
                new Object[]{"Cơ quan, đơn vị phải báo cáo", s.agencies()},
                new Object[]{"Báo cáo đã đến hạn", s.reportsDue()},
                new Object[]{"Báo cáo gửi đúng hạn", s.reportsOnTime()},
                new Object[]{"Báo cáo gửi muộn", s.reportsLate()},
                new Object[]{"Báo cáo chưa gửi", s.reportsMissing()},
                new Object[]{"Báo cáo chưa đến hạn", s.reportsNotYetDue()},
                new Object[]{"Tổng số chỉ tiêu", s.targets()}));
        for (Count c : s.targetsByStatus()) {
            lines.add(new Object[]{"Chỉ tiêu: " + c.label().toLowerCase(VietText.VI), c.count()});
        }
        lines.add(new Object[]{"Nhiệm vụ triển khai trong năm", s.tasks()});
        for (Count c : r.tasksByStatus()) {
            lines.add(new Object[]{"Nhiệm vụ: " + c.label().toLowerCase(VietText.VI), c.count()});
        }
        XSSFSheet sheet = table(x, "Tổng hợp", r.header().title() + " " + r.header().subtitle(), r.demo(),
                new String[]{"Nội dung", "Số lượng"}, new int[]{60, 14}, lines);
        Row asOf = sheet.createRow(sheet.getLastRowNum() + 2);
        asOf.createCell(0).setCellValue("Đánh giá đến " + Labels.dayInWords(r.asOf()));
    }

    private static void targets(Sheets x, AnnualReport r) {
        List<Object[]> rows = new ArrayList<>();
        for (TargetRow t : r.targets()) {
            rows.add(new Object[]{t.no(), t.code(), t.text(), t.current(), t.target(), t.deadlineYear(),
                    t.statusLabel(), t.explanation(), t.leadAgencies()});
        }
        table(x, "Chỉ tiêu", "Kết quả thực hiện các chỉ tiêu năm " + r.year(), r.demo(),
                new String[]{"STT", "Mã", "Chỉ tiêu", "Kết quả hiện tại", "Mục tiêu", "Thời hạn", "Tình trạng",
                        "Nhận định", "Cơ quan chủ trì"},
                new int[]{6, 8, 60, 18, 18, 9, 18, 50, 30}, rows);
    }

    private static void tasks(Sheets x, AnnualReport r) {
        List<Object[]> rows = new ArrayList<>();
        for (TaskRow t : r.tasksBehind()) {
            rows.add(new Object[]{t.code(), t.title(), t.leadAgencies(), t.timeFrame(), t.statusLabel(),
                    t.percentComplete(), t.narrative()});
        }
        table(x, "Nhiệm vụ", "Nhiệm vụ chậm tiến độ, dừng hoặc quá hạn năm " + r.year(), r.demo(),
                new String[]{"Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian", "Tình trạng", "% hoàn thành",
                        "Diễn giải"},
                new int[]{10, 60, 30, 12, 20, 12, 50}, rows);
    }

    private static void lateReports(Sheets x, AnnualReport r) {
        List<Object[]> rows = new ArrayList<>();
        int no = 1;
        for (AgencyRow a : r.lateAgencies()) {
            rows.add(new Object[]{no++, a.agencyName(), a.period(), Labels.day(a.dueOn()),
                    a.submittedOn() == null ? "" : Labels.day(a.submittedOn()), a.statusLabel()});
        }
        table(x, "Báo cáo muộn", "Cơ quan, đơn vị báo cáo muộn hoặc chưa báo cáo năm " + r.year(), r.demo(),
                new String[]{"STT", "Cơ quan, đơn vị", "Kỳ báo cáo", "Hạn gửi", "Ngày gửi", "Ghi chú"},
                new int[]{6, 50, 18, 12, 12, 22}, rows);
    }

    /** A sheet with its title, demo note and header row ({@link Sheets#start}), then one row per line. */
    private static XSSFSheet table(Sheets x, String name, String title, boolean demo, String[] headers, int[] widths,
                                   List<Object[]> lines) {
        XSSFSheet sheet = x.wb.createSheet(name);
        int row = x.start(sheet, title, demo, headers, widths);
        for (Object[] line : lines) {
            Row rr = sheet.createRow(row++);
            for (int i = 0; i < line.length; i++) {
                x.put(rr, i, line[i]);
            }
        }
        return sheet;
    }
}
