package vn.dxgov.reports.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.dxgov.analytics.StatusAssessment;
import vn.dxgov.analytics.TargetStatus;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.reports.Scorecard;
import vn.dxgov.reports.Scorecard.AgencyScore;
import vn.dxgov.shared.VietText;
import vn.dxgov.targets.Target;
import vn.dxgov.tasks.Recurrence;
import vn.dxgov.tasks.Task;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyKind;

/**
 * The scorecard formula (docs/METHODS.md, "Scorecard"), without any I/O so it can be tested on hand-built cases.
 * <ul>
 *   <li>reports: of the agency's reports due in the year (periods of the year whose deadline has passed, for which
 *       the agency is required), those first submitted on or before the deadline (Vietnam time); a missing report
 *       is not on time;</li>
 *   <li>targets: of the targets the agency leads that have data (status other than no data), those achieved or on
 *       track for the plan's province on the end of the year (today while it runs);</li>
 *   <li>tasks: of the tasks the agency leads that run in the year, those on time by the latest progress the agency
 *       reported in the year: done; in progress, unless the task's last year is over; not started, while the year
 *       runs and the task was planned to start this year; delayed, stopped, overdue or not reported are not;</li>
 *   <li>score: the weighted mean of the rates the agency has (reports 30, targets 40, tasks 30), re-weighted over
 *       the available ones.</li>
 * </ul>
 */
final class ScorecardCalculator {

    static final Scorecard.Weights WEIGHTS = new Scorecard.Weights(30, 40, 30);
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private ScorecardCalculator() {
    }

    /** Counts of one agency, summed over plans. */
    static final class Tally {
        final long agencyId;
        final String name;
        int due;
        int onTime;
        int late;
        int missing;
        int targetsWithData;
        int targetsMet;
        int tasks;
        int tasksOnTime;

        Tally(long agencyId, String name) {
            this.agencyId = agencyId;
            this.name = name;
        }
    }

    static Scorecard compute(String scope, int year, List<PlanYear> plans) {
        Map<Long, Tally> tallies = new LinkedHashMap<>();
        LocalDate asOf = null;
        boolean demo = false;
        for (PlanYear py : plans) {
            asOf = py.asOf();
            demo |= py.demo();
            reports(py, tallies);
            targets(py, tallies);
            tasks(py, tallies);
        }
        List<AgencyScore> unranked = new ArrayList<>();
        for (Tally t : tallies.values()) {
            BigDecimal reportRate = rate(t.onTime, t.due);
            BigDecimal targetRate = rate(t.targetsMet, t.targetsWithData);
            BigDecimal taskRate = rate(t.tasksOnTime, t.tasks);
            unranked.add(new AgencyScore(0, t.agencyId, t.name, t.due, t.onTime, t.late, t.missing, reportRate,
                    t.targetsWithData, t.targetsMet, targetRate, t.tasks, t.tasksOnTime, taskRate,
                    score(reportRate, targetRate, taskRate)));
        }
        unranked.sort(LEAGUE);
        List<AgencyScore> ranked = new ArrayList<>(unranked.size());
        for (int i = 0; i < unranked.size(); i++) {
            AgencyScore a = unranked.get(i);
            int rank = i + 1;
            if (i > 0 && same(a.score(), unranked.get(i - 1).score())) {
                rank = ranked.get(i - 1).rank();
            }
            ranked.add(new AgencyScore(rank, a.agencyId(), a.agencyName(), a.reportsDue(), a.reportsOnTime(),
                    a.reportsLate(), a.reportsMissing(), a.onTimeRate(), a.targetsWithData(), a.targetsMet(),
                    a.targetRate(), a.tasksRunning(), a.tasksOnTime(), a.taskRate(), a.score()));
        }
        return new Scorecard(scope, plans.stream().map(p -> p.plan().id()).toList(), year, asOf, demo, WEIGHTS,
                List.copyOf(ranked));
    }

    /** Best first: score, then on-time rate, then target rate (nulls last), then name in Vietnamese order. */
    static final Comparator<AgencyScore> LEAGUE = Comparator
            .comparing(AgencyScore::score, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(AgencyScore::onTimeRate, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(AgencyScore::targetRate, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(AgencyScore::agencyName, VietText.collator());

    private static Tally tally(Map<Long, Tally> tallies, PlanYear py, long agencyId) {
        return tallies.computeIfAbsent(agencyId, id -> new Tally(id, py.agencyName(id)));
    }

    private static boolean counts(PlanYear py, long agencyId) {
        Agency a = py.agencies().get(agencyId);
        return a == null || a.kind() != AgencyKind.COLLECTIVE;
    }

    static void reports(PlanYear py, Map<Long, Tally> tallies) {
        for (PlanYear.PeriodFacts p : py.periods()) {
            if (!p.due()) {
                continue;
            }
            for (long agencyId : p.required()) {
                if (!counts(py, agencyId)) {
                    continue;
                }
                Tally t = tally(tallies, py, agencyId);
                t.due++;
                switch (timeliness(p.submissions().get(agencyId), p.dueOn())) {
                    case ON_TIME -> t.onTime++;
                    case LATE -> t.late++;
                    case MISSING -> t.missing++;
                }
            }
        }
    }

    enum Timeliness { ON_TIME, LATE, MISSING }

    /** On time when first submitted on or before the deadline day (Vietnam time). */
    static Timeliness timeliness(Submission s, LocalDate periodDue) {
        if (s == null || s.firstSubmittedAt() == null) {
            return Timeliness.MISSING;
        }
        LocalDate due = s.dueOn() != null ? s.dueOn() : periodDue;
        LocalDate first = s.firstSubmittedAt().atZone(VIETNAM).toLocalDate();
        return first.isAfter(due) ? Timeliness.LATE : Timeliness.ON_TIME;
    }

    static void targets(PlanYear py, Map<Long, Tally> tallies) {
        for (Target target : py.targets()) {
            StatusAssessment a = py.assessments().get(target.id());
            for (long agencyId : target.leadAgencyIds()) {
                if (!counts(py, agencyId)) {
                    continue;
                }
                Tally t = tally(tallies, py, agencyId);
                if (a == null || a.status() == TargetStatus.NO_DATA) {
                    continue;
                }
                t.targetsWithData++;
                if (a.status() == TargetStatus.ACHIEVED || a.status() == TargetStatus.ON_TRACK) {
                    t.targetsMet++;
                }
            }
        }
    }

    static void tasks(PlanYear py, Map<Long, Tally> tallies) {
        for (Task task : py.tasks()) {
            Map<Long, PlanYear.Progress> byAgency = py.progress().getOrDefault(task.id(), Map.of());
            for (long agencyId : task.leadAgencyIds()) {
                if (!counts(py, agencyId)) {
                    continue;
                }
                Tally t = tally(tallies, py, agencyId);
                t.tasks++;
                if (onTime(task, byAgency.get(agencyId), py.year(), py.yearEnded())) {
                    t.tasksOnTime++;
                }
            }
        }
    }

    /** Whether a task is on time in a year by the latest progress reported (null: not reported). */
    static boolean onTime(Task task, PlanYear.Progress latest, int year, boolean yearEnded) {
        if (latest == null) {
            return false;
        }
        boolean lastYear = task.endYear() != null ? task.endYear() <= year
                : task.recurrence() == Recurrence.ANNUAL ? false : task.startYear() != null && task.startYear() <= year;
        boolean overdue = lastYear && yearEnded;
        TaskProgressStatus s = latest.status();
        return switch (s) {
            case DONE -> true;
            case IN_PROGRESS -> !overdue;
            case NOT_STARTED -> !overdue && !yearEnded && (task.startYear() == null || task.startYear() >= year);
            case DELAYED, STOPPED -> false;
        };
    }

    static BigDecimal rate(int part, int whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    static BigDecimal score(BigDecimal reports, BigDecimal targets, BigDecimal tasks) {
        BigDecimal sum = BigDecimal.ZERO;
        int weights = 0;
        if (reports != null) {
            sum = sum.add(reports.multiply(BigDecimal.valueOf(WEIGHTS.reports())));
            weights += WEIGHTS.reports();
        }
        if (targets != null) {
            sum = sum.add(targets.multiply(BigDecimal.valueOf(WEIGHTS.targets())));
            weights += WEIGHTS.targets();
        }
        if (tasks != null) {
            sum = sum.add(tasks.multiply(BigDecimal.valueOf(WEIGHTS.tasks())));
            weights += WEIGHTS.tasks();
        }
        return weights == 0 ? null : sum.divide(BigDecimal.valueOf(weights), 1, RoundingMode.HALF_UP);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
