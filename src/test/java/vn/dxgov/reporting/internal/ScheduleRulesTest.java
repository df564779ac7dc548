package vn.dxgov.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dxgov.plans.PlanImported;
import vn.dxgov.reporting.Frequency;
import vn.dxgov.shared.Period;

/** Deadlines, checks and schedules read from a document's duties, without the database. */
class ScheduleRulesTest {

    static List<String> keys(List<ScheduleRules.Problem> problems) {
        return problems.stream().map(ScheduleRules.Problem::key).toList();
    }

    @Test
    void aDueDayMonthFallsInThePeriodsLastMonthOrAfter() {
        assertThat(ScheduleRules.dueDate(Period.parse("2025"), MonthDay.of(12, 5))).isEqualTo(LocalDate.of(2025, 12, 5));
        assertThat(ScheduleRules.dueDate(Period.parse("2025S1"), MonthDay.of(6, 30))).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(ScheduleRules.dueDate(Period.parse("2025S2"), MonthDay.of(12, 15))).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(ScheduleRules.dueDate(Period.parse("2025Q1"), MonthDay.of(3, 15))).isEqualTo(LocalDate.of(2025, 3, 15));
        // a report on the year just ended
        assertThat(ScheduleRules.dueDate(Period.parse("2025"), MonthDay.of(1, 15))).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(ScheduleRules.dueDate(Period.parse("2025-01"), MonthDay.of(2, 5))).isEqualTo(LocalDate.of(2025, 2, 5));
        assertThat(ScheduleRules.dueDate(Period.parse("2025-12"), MonthDay.of(1, 5))).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @Test
    void periodsAndDefaults() {
        assertThat(ScheduleRules.periods(Frequency.SEMI_ANNUAL, 2024, 2025)).extracting(Period::code)
                .containsExactly("2024S1", "2024S2", "2025S1", "2025S2");
        assertThat(ScheduleRules.defaultDue(Frequency.ANNUAL)).containsExactly("15/12");
        assertThat(ScheduleRules.defaultDue(Frequency.SEMI_ANNUAL)).containsExactly("15/06", "15/12");
        assertThat(ScheduleRules.defaultDue(Frequency.QUARTERLY)).containsExactly("15/03", "15/06", "15/09", "15/12");
        assertThat(ScheduleRules.defaultDue(Frequency.MONTHLY)).hasSize(12).startsWith("15/01").endsWith("15/12");
        assertThat(ScheduleRules.normalise(List.of("5/12", " 30 / 6 "))).containsExactly("05/12", "30/06");
    }

    @Test
    void checks() {
        assertThat(ScheduleRules.check(Frequency.ANNUAL, List.of("05/12"), List.of("15/12"), 2022, 2025, List.of(7, 3, 1), List.of(1))).isEmpty();
        assertThat(keys(ScheduleRules.check(Frequency.SEMI_ANNUAL, List.of("30/06"), null, 2022, 2025, null, null)))
                .containsExactly("reporting.schedule.error.agencyCount");
        assertThat(keys(ScheduleRules.check(Frequency.ANNUAL, List.of("31/02"), null, 2022, 2025, null, null)))
                .containsExactly("reporting.schedule.error.date");
        assertThat(keys(ScheduleRules.check(Frequency.ANNUAL, List.of("29/02"), null, 2022, 2025, null, null)))
                .containsExactly("reporting.schedule.error.date");
        assertThat(keys(ScheduleRules.check(Frequency.ANNUAL, List.of("12-05"), null, 2022, 2025, null, null)))
                .containsExactly("reporting.schedule.error.date");
        assertThat(keys(ScheduleRules.check(Frequency.ANNUAL, List.of("15/12"), List.of("05/12"), 2022, 2025, null, null)))
                .containsExactly("reporting.schedule.error.consolidationBefore");
        assertThat(keys(ScheduleRules.check(Frequency.ANNUAL, List.of("15/12"), List.of("15/12"), 2022, 2025, null, null)))
                .containsExactly("reporting.schedule.error.consolidationBefore");
        assertThat(keys(ScheduleRules.check(Frequency.ANNUAL, List.of("05/12"), null, 2026, 2025, null, null)))
                .containsExactly("reporting.schedule.error.years");
        assertThat(keys(ScheduleRules.check(Frequency.ANNUAL, List.of("05/12"), null, 1990, 2025, null, null)))
                .containsExactly("reporting.schedule.error.years");
        assertThat(keys(ScheduleRules.check(Frequency.ANNUAL, List.of("05/12"), null, 2000, 2099, null, null)))
                .containsExactly("reporting.schedule.error.years");
        assertThat(keys(ScheduleRules.check(Frequency.ANNUAL, List.of("05/12"), null, 2022, 2025, List.of(-1), List.of(400))))
                .containsExactly("reporting.schedule.error.reminder", "reporting.schedule.error.reminder");
        assertThat(keys(ScheduleRules.check(null, List.of("05/12"), null, 2022, 2025, null, null)))
                .containsExactly("reporting.schedule.error.frequency");
    }

    static PlanImported.Duty duty(String who, String frequency, String... due) {
        return new PlanImported.Duty(1, "báo cáo " + String.join(", ", due), who, frequency, List.of(due));
    }

    @Test
    void seed001AgenciesBy0512AndConsolidationBy1512() {
        PlanImported plan = new PlanImported(1, "38", 2022, 2025, LocalDate.of(2022, 1, 20), List.of(
                duty("Sở Thông tin và Truyền thông", "ANNUAL", "15/12"),
                duty("Các sở, ban, ngành cấp tỉnh", "ANNUAL", "05/12"),
                duty("UBND các huyện, thị xã, thành phố", "ANNUAL", "05/12")));
        DutySchedule.Proposal p = DutySchedule.from(plan, 2025).orElseThrow();
        assertThat(p.frequency()).isEqualTo(Frequency.ANNUAL);
        assertThat(p.agencyDue()).containsExactly("05/12");
        assertThat(p.consolidationDue()).containsExactly("15/12");
        assertThat(p.firstYear()).isEqualTo(2022);
        assertThat(p.lastYear()).isEqualTo(2025);
        assertThat(p.needsReview()).isFalse();
        // a later "today" extends the schedule to the current year
        assertThat(DutySchedule.from(plan, 2027).orElseThrow().lastYear()).isEqualTo(2027);
    }

    @Test
    void seed004HalfYearly() {
        PlanImported plan = new PlanImported(1, "38", 2023, 2025, LocalDate.of(2023, 3, 1), List.of(
                duty("Các Phòng, Ban, đơn vị trực thuộc UBND thành phố", "SEMI_ANNUAL", "30/6", "15/12")));
        DutySchedule.Proposal p = DutySchedule.from(plan, 2025).orElseThrow();
        assertThat(p.frequency()).isEqualTo(Frequency.SEMI_ANNUAL);
        assertThat(p.agencyDue()).containsExactly("30/06", "15/12");
        assertThat(p.consolidationDue()).isNull();
        assertThat(p.firstYear()).isEqualTo(2023);
    }

    @Test
    void quarterlyWithoutDatesUsesTheDefaultAndAsksForReview() {
        PlanImported plan = new PlanImported(1, "19", 2021, 2025, null, List.of(
                duty("Đảng đoàn Hội đồng nhân dân tỉnh", "QUARTERLY")));
        DutySchedule.Proposal p = DutySchedule.from(plan, 2025).orElseThrow();
        assertThat(p.frequency()).isEqualTo(Frequency.QUARTERLY);
        assertThat(p.agencyDue()).containsExactly("15/03", "15/06", "15/09", "15/12");
        assertThat(p.needsReview()).isTrue();
        assertThat(p.reviewNote()).contains("15");
        assertThat(p.firstYear()).isEqualTo(2021);
    }

    @Test
    void consolidationNotAfterTheAgenciesIsDropped() {
        PlanImported plan = new PlanImported(1, null, null, null, null, List.of(
                duty("Sở Khoa học và Công nghệ", "ANNUAL", "01/12"),
                duty("Các sở, ngành", "ANNUAL", "05/12")));
        DutySchedule.Proposal p = DutySchedule.from(plan, 2026).orElseThrow();
        assertThat(p.agencyDue()).containsExactly("05/12");
        assertThat(p.consolidationDue()).isNull();
        assertThat(p.needsReview()).isTrue();
        assertThat(p.firstYear()).isEqualTo(2026);
        assertThat(p.lastYear()).isEqualTo(2026);
    }

    @Test
    void theIssueYearAsWrittenWhenTheDateIsIncomplete() {
        PlanImported plan = new PlanImported(1, "38", null, 2025, null, List.of(duty("Các sở, ban, ngành", "ANNUAL", "05/12")));
        assertThat(DutySchedule.from(plan, DutySchedule.yearIn("ngày /01/2022"), 2025).orElseThrow().firstYear()).isEqualTo(2022);
        assertThat(DutySchedule.yearIn("ngày tháng năm 2021")).isEqualTo(2021);
        assertThat(DutySchedule.yearIn("ngày / /")).isNull();
        assertThat(DutySchedule.yearIn(null)).isNull();
    }

    @Test
    void noDutiesNoSchedule() {
        assertThat(DutySchedule.from(new PlanImported(1, null, 2022, 2025, null, List.of()), 2025)).isEmpty();
        assertThat(DutySchedule.from(new PlanImported(1, null, 2022, 2025, null,
                List.of(new PlanImported.Duty(1, "định kỳ báo cáo", null, null, List.of()))), 2025)).isEmpty();
    }
}
