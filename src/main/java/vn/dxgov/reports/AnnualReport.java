package vn.dxgov.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * The consolidated annual report of a plan: who issues it, the summary, targets with their status, tasks by status,
 * and the agencies that reported late or not at all.
 *
 * @param asOf the day the statuses are judged on (the end of the year, or today while it runs)
 * @param demo true when figures come from demonstration data: every rendering marks it "Số liệu minh họa"
 */
public record AnnualReport(long planId, String planTitle, int year, LocalDate asOf, boolean demo, Header header,
                           Summary summary, List<TargetRow> targets, List<Count> tasksByStatus,
                           List<TaskRow> tasksBehind, List<AgencyRow> lateAgencies) {

    /**
     * The administrative frame of the document.
     *
     * @param authority  the body above the issuer, upper case ("UBND TỈNH THANH HÓA")
     * @param issuer     the issuing body, upper case ("SỞ KHOA HỌC VÀ CÔNG NGHỆ")
     * @param numberLine "Số:      /BC-SKHCN"
     * @param placeDate  "Thanh Hóa, ngày      tháng      năm 2025"
     * @param title      "BÁO CÁO"
     * @param subtitle   "Kết quả thực hiện ... năm 2025"
     * @param signing    "KT. GIÁM ĐỐC"
     * @param signerTitle "PHÓ GIÁM ĐỐC"
     */
    public record Header(String authority, String issuer, String numberLine, String placeDate, String title,
                         String subtitle, String intro, String signing, String signerTitle, List<String> recipients) {
    }

    /**
     * @param reportsDue     agency reports due in the year by now
     * @param reportsNotYetDue reports of the year whose deadline has not come
     */
    public record Summary(int agencies, int reportsDue, int reportsOnTime, int reportsLate, int reportsMissing,
                          int reportsNotYetDue, int targets, List<Count> targetsByStatus, int tasks) {
    }

    /** A count with its code and Vietnamese label. */
    public record Count(String code, String label, int count) {
    }

    /**
     * @param current the latest value with its year ("18,4 % (2025)"), or "Chưa có số liệu"
     * @param target  the committed value ("≥ 20 %")
     */
    public record TargetRow(int no, long targetId, String code, String text, String current, String target,
                            Integer deadlineYear, String status, String statusLabel, String explanation,
                            String leadAgencies) {
    }

    /** A task behind schedule, stopped, overdue or not reported. */
    public record TaskRow(String code, String title, String timeFrame, String leadAgencies, String status,
                          String statusLabel, Integer percentComplete, String narrative) {
    }

    /** An agency that reported late or not at all in a period of the year. */
    public record AgencyRow(long agencyId, String agencyName, String period, LocalDate dueOn, LocalDate submittedOn,
                            String statusLabel) {
    }
}
