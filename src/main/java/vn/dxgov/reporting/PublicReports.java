package vn.dxgov.reporting;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * What the reporting cycle shows to everyone, a visitor without a login included (the public portal): only what the
 * steering department approved, of published plans, and never a report's narrative, evidence or who entered what.
 * A plan that is not published (a draft, a superseded version) answers nothing, whoever asks.
 */
public interface PublicReports {

    /**
     * The latest approved progress of each task, per reporting agency: the line of the latest period whose report is
     * approved now (a report reopened after approval no longer counts).
     *
     * @param period the reporting period's code ("2024", "2025S1")
     * @param demo   the report is demonstration data
     */
    record TaskProgress(long taskId, long agencyId, String period, TaskProgressStatus status, Integer percentComplete,
                        boolean demo) {
    }

    /** The approved progress of a published plan's tasks, in task and period order (empty for an unpublished plan). */
    List<TaskProgress> approvedProgress(long planId);

    /**
     * One agency's reports over some plans, counting only periods whose agency deadline is before the day asked.
     *
     * @param due      reports due (a missing report counts)
     * @param onTime   first submitted by the deadline
     * @param late     first submitted after it
     * @param missing  not submitted at all
     * @param approved approved now
     * @param demo     any of its reports is demonstration data
     */
    record AgencyReports(long agencyId, int due, int onTime, int late, int missing, int approved, boolean demo) {
    }

    /** Per agency that must report on any of these (published) plans, the reports due before {@code asOf}. */
    List<AgencyReports> agencyReports(Collection<Long> planIds, LocalDate asOf);
}
