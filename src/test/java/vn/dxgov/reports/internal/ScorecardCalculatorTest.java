package vn.dxgov.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dxgov.reports.internal.HandBuiltYear.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.reports.Scorecard;
import vn.dxgov.reports.Scorecard.AgencyScore;
import vn.dxgov.shared.Period;
import vn.dxgov.tasks.Recurrence;
import vn.dxgov.tasks.Task;

/** The scorecard on a hand-built year whose every figure is worked out in {@link HandBuiltYear}. */
class ScorecardCalculatorTest {

    static AgencyScore row(Scorecard sc, long agencyId) {
        return sc.rows().stream().filter(r -> r.agencyId() == agencyId).findFirst().orElseThrow();
    }

    @Test
    void ratesOnAHandBuiltYear() {
        Scorecard sc = ScorecardCalculator.compute("CTr", 2024, List.of(HandBuiltYear.build(false)));

        // A: S1 on time, S2 late by a day → 1/2; targets achieved + off track → 1/2; tasks done + delayed → 1/2
        AgencyScore a = row(sc, A);
        assertThat(a.reportsDue()).isEqualTo(2);
        assertThat(a.reportsOnTime()).isEqualTo(1);
        assertThat(a.reportsLate()).isEqualTo(1);
        assertThat(a.reportsMissing()).isZero();
        assertThat(a.onTimeRate()).isEqualByComparingTo("50.0");
        assertThat(a.targetsWithData()).isEqualTo(2);
        assertThat(a.targetsMet()).isEqualTo(1);
        assertThat(a.targetRate()).isEqualByComparingTo("50.0");
        assertThat(a.tasksRunning()).isEqualTo(2);
        assertThat(a.tasksOnTime()).isEqualTo(1);
        assertThat(a.score()).isEqualByComparingTo("50.0");

        // B: both on time (S1 at 23:30 Vietnam time on the deadline day); on track; no-data target not counted;
        // a yearly task in progress is on time
        AgencyScore b = row(sc, B);
        assertThat(b.onTimeRate()).isEqualByComparingTo("100.0");
        assertThat(b.targetsWithData()).isEqualTo(1);
        assertThat(b.targetRate()).isEqualByComparingTo("100.0");
        assertThat(b.taskRate()).isEqualByComparingTo("100.0");
        assertThat(b.score()).isEqualByComparingTo("100.0");

        // C: S1 late, S2 opened but never submitted (missing); at risk; a task in progress after its last year
        // (overdue) and a task never reported
        AgencyScore c = row(sc, C);
        assertThat(c.reportsLate()).isEqualTo(1);
        assertThat(c.reportsMissing()).isEqualTo(1);
        assertThat(c.onTimeRate()).isEqualByComparingTo("0.0");
        assertThat(c.targetRate()).isEqualByComparingTo("0.0");
        assertThat(c.tasksRunning()).isEqualTo(2);
        assertThat(c.tasksOnTime()).isZero();
        assertThat(c.score()).isEqualByComparingTo("0.0");

        // E reports on time and leads nothing: its score is its on-time rate alone (re-weighted)
        AgencyScore e = row(sc, E);
        assertThat(e.targetRate()).isNull();
        assertThat(e.taskRate()).isNull();
        assertThat(e.score()).isEqualByComparingTo("100.0");

        // the collective is never scored
        assertThat(sc.rows()).noneMatch(r -> r.agencyId() == D);
        assertThat(sc.asOf()).isEqualTo(java.time.LocalDate.of(2024, 12, 31));
        assertThat(sc.demo()).isFalse();
    }

    @Test
    void leagueTableOrderAndSharedRanks() {
        Scorecard sc = ScorecardCalculator.compute("CTr", 2024, List.of(HandBuiltYear.build(true)));
        // B and E both score 100; equal on-time rate; B has a target rate, E none → B first, both rank 1
        assertThat(sc.rows()).extracting(AgencyScore::agencyName)
                .containsExactly("Sở Kế hoạch và Đầu tư", "Sở Tư pháp", "Sở Thông tin và Truyền thông", "Sở Y tế");
        assertThat(sc.rows()).extracting(AgencyScore::rank).containsExactly(1, 1, 3, 4);
        assertThat(sc.demo()).isTrue();
    }

    @Test
    void compositeScoreWeightsAndReweighting() {
        assertThat(ScorecardCalculator.score(new java.math.BigDecimal("80"), new java.math.BigDecimal("50"),
                new java.math.BigDecimal("100"))).isEqualByComparingTo("74.0"); // (80·30 + 50·40 + 100·30) / 100
        assertThat(ScorecardCalculator.score(new java.math.BigDecimal("80"), null, new java.math.BigDecimal("50")))
                .isEqualByComparingTo("65.0"); // (80·30 + 50·30) / 60
        assertThat(ScorecardCalculator.score(null, null, null)).isNull();
        assertThat(ScorecardCalculator.rate(1, 3)).isEqualByComparingTo("33.3");
        assertThat(ScorecardCalculator.rate(0, 0)).isNull();
    }

    @Test
    void taskOnTimeRules() {
        Task ends2024 = HandBuiltYear.task(9, "X", "x", 2023, 2024, null, A);
        Task starts2025 = HandBuiltYear.task(9, "X", "x", 2024, 2025, null, A);
        Task yearly = HandBuiltYear.task(9, "X", "x", null, null, Recurrence.ANNUAL, A);
        Period p = Period.parse("2024");
        PlanYear.Progress inProgress = new PlanYear.Progress(p, TaskProgressStatus.IN_PROGRESS, 50, null);
        PlanYear.Progress notStarted = new PlanYear.Progress(p, TaskProgressStatus.NOT_STARTED, 0, null);
        PlanYear.Progress done = new PlanYear.Progress(p, TaskProgressStatus.DONE, 100, null);
        PlanYear.Progress stopped = new PlanYear.Progress(p, TaskProgressStatus.STOPPED, 10, null);
        // while 2024 runs, in progress is on time even in the last year; once it is over, it is overdue
        assertThat(ScorecardCalculator.onTime(ends2024, inProgress, 2024, false)).isTrue();
        assertThat(ScorecardCalculator.onTime(ends2024, inProgress, 2024, true)).isFalse();
        assertThat(ScorecardCalculator.onTime(starts2025, inProgress, 2024, true)).isTrue();
        assertThat(ScorecardCalculator.onTime(yearly, inProgress, 2024, true)).isTrue();
        assertThat(ScorecardCalculator.onTime(ends2024, done, 2024, true)).isTrue();
        assertThat(ScorecardCalculator.onTime(starts2025, stopped, 2024, false)).isFalse();
        assertThat(ScorecardCalculator.onTime(starts2025, null, 2024, false)).isFalse();
        // not started: fine in its start year while the year runs; late when it should have started before
        assertThat(ScorecardCalculator.onTime(starts2025, notStarted, 2024, false)).isTrue();
        assertThat(ScorecardCalculator.onTime(ends2024, notStarted, 2024, false)).isFalse();
        assertThat(ScorecardCalculator.onTime(starts2025, notStarted, 2024, true)).isFalse();
    }
}
