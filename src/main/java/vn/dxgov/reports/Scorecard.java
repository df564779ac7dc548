package vn.dxgov.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A league table of agencies for a year.
 *
 * @param scope   what it covers: the plan's title, or the province's name
 * @param asOf    the day the figures are judged on: the end of the year, or today while the year runs
 * @param demo    true when any figure comes from demonstration data (Số liệu minh họa)
 * @param weights the weights of the composite score, in percent: reports, targets, tasks
 * @param rows    best first (by score, then on-time rate, then target rate, then name)
 */
public record Scorecard(String scope, List<Long> planIds, int year, LocalDate asOf, boolean demo, Weights weights,
                        List<AgencyScore> rows) {

    public record Weights(int reports, int targets, int tasks) {
    }

    /**
     * One agency's line. Rates are percentages with one decimal, null when there is nothing to count.
     *
     * @param rank           1 for the best; agencies with the same score share a rank
     * @param reportsDue     reports due in the year whose deadline has passed (a missing report counts)
     * @param reportsOnTime  first submitted by the deadline
     * @param reportsLate    first submitted after the deadline
     * @param reportsMissing not submitted at all
     * @param targetsWithData targets the agency leads that have a status other than no data
     * @param targetsMet     of those, achieved or on track
     * @param tasksRunning   tasks the agency leads that run in the year
     * @param tasksOnTime    of those, on time by the agency's latest progress in the year
     * @param score          weighted mean of the available rates (0–100), null when none is available
     */
    public record AgencyScore(int rank, long agencyId, String agencyName, int reportsDue, int reportsOnTime,
                              int reportsLate, int reportsMissing, BigDecimal onTimeRate, int targetsWithData,
                              int targetsMet, BigDecimal targetRate, int tasksRunning, int tasksOnTime,
                              BigDecimal taskRate, BigDecimal score) {
    }
}
