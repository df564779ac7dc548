package vn.dxgov.reporting;

import java.time.LocalDate;

/** One period of a schedule (kỳ báo cáo) with its deadlines. */
public record ReportingPeriod(long id, long scheduleId, long planId, String period, LocalDate agencyDueOn,
                              LocalDate consolidationDueOn, Status status) {

    public enum Status {
        OPEN, CLOSED
    }
}
