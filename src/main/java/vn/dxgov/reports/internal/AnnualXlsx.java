package vn.dxgov.reports.internal;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import vn.dxgov.reports.AnnualReport;
import vn.dxgov.reports.AnnualReport.AgencyRow;
import vn.dxgov.reports.AnnualReport.Count;
import vn.dxgov.reports.AnnualReport.TargetRow;
import vn.dxgov.reports.AnnualReport.TaskRow;

/** The tables of the annual report as a workbook: summary, targets, tasks, late or missing reports. */
final class AnnualXlsx {

    private AnnualXlsx() {
    }

    static byte[] render(AnnualReport r) {
        try (Sheets x = new Sheets()) {
            String title = r.header().title() + " " + r.header().subtitle();
            AnnualReport.Summary s = r.summary();

            XSSFSheet sum = x.wb.createSheet("Tổng hợp");
            int row = x.start(sum, title, r.demo(), new String[]{"Nội dung", "Số lượng"}, new int[]{60, 14});
            Object[][] lines = {
                    {"Cơ quan, đơn vị phải báo cáo", s.agencies()},
                    {"Báo cáo đã đến hạn", s.reportsDue()},
                    {"Báo cáo gửi đúng hạn", s.reportsOnTime()},
                    {"Báo cáo gửi muộn", s.reportsLate()},
                    {"Báo cáo chưa gửi", s.reportsMissing()},
                    {"Báo cáo chưa đến hạn", s.reportsNotYetDue()},
                    {"Tổng số chỉ tiêu", s.targets()},
            };
            for (Object[] l : lines) {
                Row rr = sum.createRow(row++);
                x.put(rr, 0, l[0]);
                x.put(rr, 1, l[1]);
            }
            for (Count c : s.targetsByStatus()) {
                Row rr = sum.createRow(row++);
                x.put(rr, 0, "Chỉ tiêu: " + c.label().toLowerCase(vn.dxgov.shared.VietText.VI));
                x.put(rr, 1, c.count());
            }
            Row tr = sum.createRow(row++);
            x.put(tr, 0, "Nhiệm vụ triển khai trong năm");
            x.put(tr, 1, s.tasks());
            for (Count c : r.tasksByStatus()) {
                Row rr = sum.createRow(row++);
                x.put(rr, 0, "Nhiệm vụ: " + c.label().toLowerCase(vn.dxgov.shared.VietText.VI));
                x.put(rr, 1, c.count());
            }
            Row asOf = sum.createRow(row + 1);
            asOf.createCell(0).setCellValue("Đánh giá đến ngày " + Labels.day(r.asOf()));

            XSSFSheet targets = x.wb.createSheet("Chỉ tiêu");
            row = x.start(targets, "Kết quả thực hiện các chỉ tiêu năm " + r.year(), r.demo(),
                    new String[]{"STT", "Mã", "Chỉ tiêu", "Kết quả hiện tại", "Mục tiêu", "Thời hạn", "Tình trạng",
                            "Nhận định", "Cơ quan chủ trì"},
                    new int[]{6, 8, 60, 18, 18, 9, 18, 50, 30});
            for (TargetRow t : r.targets()) {
                Row rr = targets.createRow(row++);
                Object[] v = {t.no(), t.code(), t.text(), t.current(), t.target(), t.deadlineYear(), t.statusLabel(),
                        t.explanation(), t.leadAgencies()};
                for (int i = 0; i < v.length; i++) {
                    x.put(rr, i, v[i]);
                }
            }

            XSSFSheet tasks = x.wb.createSheet("Nhiệm vụ");
            row = x.start(tasks, "Nhiệm vụ chậm tiến độ, dừng hoặc quá hạn năm " + r.year(), r.demo(),
                    new String[]{"Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian", "Tình trạng", "% hoàn thành",
                            "Diễn giải"},
                    new int[]{10, 60, 30, 12, 20, 12, 50});
            for (TaskRow t : r.tasksBehind()) {
                Row rr = tasks.createRow(row++);
                Object[] v = {t.code(), t.title(), t.leadAgencies(), t.timeFrame(), t.statusLabel(), t.percentComplete(),
                        t.narrative()};
                for (int i = 0; i < v.length; i++) {
                    x.put(rr, i, v[i]);
                }
            }

            XSSFSheet late = x.wb.createSheet("Báo cáo muộn");
            row = x.start(late, "Cơ quan, đơn vị báo cáo muộn hoặc chưa báo cáo năm " + r.year(), r.demo(),
                    new String[]{"STT", "Cơ quan, đơn vị", "Kỳ báo cáo", "Hạn gửi", "Ngày gửi", "Ghi chú"},
                    new int[]{6, 50, 18, 12, 12, 22});
            int i = 1;
            for (AgencyRow a : r.lateAgencies()) {
                Row rr = late.createRow(row++);
                Object[] v = {i++, a.agencyName(), a.period(), Labels.day(a.dueOn()),
                        a.submittedOn() == null ? "" : Labels.day(a.submittedOn()), a.statusLabel()};
                for (int c = 0; c < v.length; c++) {
                    x.put(rr, c, v[c]);
                }
            }
            return x.bytes();
        }
    }
}
