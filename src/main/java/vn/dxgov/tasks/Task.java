package vn.dxgov.tasks;

import java.util.List;
import vn.dxgov.shared.Pillar;

/**
 * A task or project (nhiệm vụ, dự án) of a plan.
 *
 * @param code          code path from the section's Roman numeral, e.g. "IV.2.1"
 * @param section       the section's Roman numeral, e.g. "IV"
 * @param groupTitle    the heading row the task sits under, e.g. "Phát triển hạ tầng số"
 * @param timeFrameText the time frame as written ("2022-2025", "Hàng năm")
 * @param recurrence    ANNUAL for yearly tasks, otherwise null
 * @param legalBasis    the document the task rests on, when the plan cites one
 */
public record Task(long id, long planId, int position, String code, String section, String sectionTitle,
                   String groupTitle, String title, String timeFrameText, Integer startYear, Integer endYear,
                   Recurrence recurrence, String scope, String legalBasis, Pillar pillar, List<Long> leadAgencyIds,
                   List<Long> cooperatingAgencyIds, Integer sourceLine) {

    /** True when the task is planned to run in the year (yearly tasks run every year). */
    public boolean runsIn(int year) {
        if (recurrence == Recurrence.ANNUAL && startYear == null) {
            return true;
        }
        if (startYear == null && endYear == null) {
            return false;
        }
        int from = startYear == null ? endYear : startYear;
        int to = endYear == null ? from : endYear;
        return year >= from && year <= to;
    }
}
