package vn.dxgov.reporting.excel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.SubmissionStatus;

/** A report form with the names a person needs to recognise it in a spreadsheet. */
record FormContext(ReportForm form, String planTitle, String periodLabel, String agencyName, LocalDate dueOn,
                   String statusLabel, LocalDateTime generatedAt) {

    /** True while the agency may still write into the report (draft, or returned to it). */
    boolean editable() {
        SubmissionStatus s = form.submission().status();
        return s == SubmissionStatus.DRAFT || s == SubmissionStatus.RETURNED;
    }
}
