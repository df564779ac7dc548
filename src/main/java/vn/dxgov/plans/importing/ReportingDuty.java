package vn.dxgov.plans.importing;

import java.util.List;

/**
 * A recurring reporting obligation stated in the plan ("trước ngày 05/12 hằng năm báo cáo kết quả ...").
 *
 * @param who          the agency that reports, when the document says it, else null
 * @param frequency    ANNUAL, SEMI_ANNUAL, QUARTERLY or MONTHLY
 * @param dueDayMonths due days as "dd/MM" ("05/12"), empty when none is given
 */
public record ReportingDuty(int line, String text, String who, String frequency, List<String> dueDayMonths) {

    public ReportingDuty {
        dueDayMonths = List.copyOf(dueDayMonths);
    }
}
