package vn.dxgov.reports.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.dxgov.analytics.StatusAssessment;
import vn.dxgov.plans.Plan;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.shared.Period;
import vn.dxgov.targets.Target;
import vn.dxgov.tasks.Task;
import vn.dxgov.units.Agency;

/**
 * Everything the reports need about one plan in one year, gathered once from the other modules' APIs.
 *
 * @param today       the day the figures are computed
 * @param asOf        the end of the year, or today while the year runs: the day targets are judged on
 * @param provinceName the plan's province ("Thanh Hóa"), null when unknown
 * @param provinceType "Tỉnh" or "Thành phố"
 * @param periods     the plan's reporting periods of the year, in order
 * @param targets     all the plan's targets, document order
 * @param assessments target id → status for the plan's province on {@code asOf} (empty without a province)
 * @param tasks       the plan's tasks that run in the year, document order
 * @param progress    task id → agency id → the latest progress that agency reported in the year
 * @param agencies    every agency mentioned, by id
 */
record PlanYear(Plan plan, int year, LocalDate today, LocalDate asOf, String provinceName, String provinceType,
                List<PeriodFacts> periods, List<Target> targets, Map<Long, StatusAssessment> assessments,
                List<Task> tasks, Map<Long, Map<Long, Progress>> progress, Map<Long, Agency> agencies) {

    /** True when the year is over on {@code today}. */
    boolean yearEnded() {
        return today.isAfter(LocalDate.of(year, 12, 31));
    }

    boolean demo() {
        return periods.stream().anyMatch(p -> p.submissions().values().stream().anyMatch(Submission::demo))
                || assessments.values().stream().anyMatch(StatusAssessment::demo);
    }

    String agencyName(long id) {
        Agency a = agencies.get(id);
        return a == null ? "#" + id : a.name();
    }

    /**
     * One reporting period of the year.
     *
     * @param dueOn       the agencies' deadline
     * @param due         true when the deadline has passed on {@code today} (only then does a missing report count)
     * @param required    the agencies that must report
     * @param submissions agency id → its report, for those that opened one
     */
    record PeriodFacts(ReportingPeriod period, Period code, LocalDate dueOn, boolean due, List<Long> required,
                       Map<Long, Submission> submissions) {
    }

    /** A task's progress as one agency reported it in a period. */
    record Progress(Period period, TaskProgressStatus status, Integer percentComplete, String narrative) {
    }
}
