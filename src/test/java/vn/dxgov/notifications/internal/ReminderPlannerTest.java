package vn.dxgov.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dxgov.plans.PlanStatus;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Schedule;
import vn.dxgov.reporting.SubmissionStatus;

/** Which reminders fall on which day, against a hand-written fake of the reporting module. */
class ReminderPlannerTest {

    static final LocalDate DUE = LocalDate.of(2025, 12, 5);

    FakeReporting reporting;
    FakePlans plans;
    ReminderPlanner planner;
    ReportingPeriod p2025;

    @BeforeEach
    void setUp() {
        reporting = new FakeReporting();
        plans = new FakePlans();
        planner = new ReminderPlanner(reporting::asReporting, plans);
        plans.add(1, "Chương trình chuyển đổi số tỉnh Thanh Hóa", PlanStatus.PUBLISHED);
        Schedule annual = reporting.schedule(10, 1, List.of(7, 3, 1), List.of(1, 3, 7));
        // agencies 101..105: none yet, submitted, draft, returned, approved
        p2025 = reporting.period(100, annual, "2025", DUE, 101L, 102L, 103L, 104L, 105L);
        reporting.submission(1, p2025, 102, SubmissionStatus.SUBMITTED);
        reporting.submission(2, p2025, 103, SubmissionStatus.DRAFT);
        reporting.submission(3, p2025, 104, SubmissionStatus.RETURNED);
        reporting.submission(4, p2025, 105, SubmissionStatus.APPROVED);
        // the period of the year before is long past
        reporting.period(99, annual, "2024", LocalDate.of(2024, 12, 5), 101L);
    }

    @Test
    void remindsAgenciesThatHaveNotSubmittedSevenThreeAndOneDaysBefore() {
        for (int d : new int[] {7, 3, 1}) {
            List<ReminderPlanner.Due> due = planner.plan(DUE.minusDays(d));
            assertThat(due).extracting(x -> x.period().id(), ReminderPlanner.Due::agencyId, ReminderPlanner.Due::kind,
                            ReminderPlanner.Due::offsetDays)
                    .containsExactly(tuple(100L, 101L, ReminderPlanner.Kind.BEFORE, d),
                            tuple(100L, 103L, ReminderPlanner.Kind.BEFORE, d),
                            tuple(100L, 104L, ReminderPlanner.Kind.BEFORE, d));
            assertThat(due).allSatisfy(x -> assertThat(x.planTitle()).isEqualTo("Chương trình chuyển đổi số tỉnh Thanh Hóa"));
        }
        List<ReminderPlanner.Due> week = planner.plan(DUE.minusDays(7));
        assertThat(week.get(0).submission()).isNull();
        assertThat(week.get(1).submission().status()).isEqualTo(SubmissionStatus.DRAFT);
        assertThat(week.get(2).submission().status()).isEqualTo(SubmissionStatus.RETURNED);
    }

    @Test
    void remindsOverdueAgenciesAfterTheDeadline() {
        for (int d : new int[] {1, 3, 7}) {
            assertThat(planner.plan(DUE.plusDays(d)))
                    .extracting(ReminderPlanner.Due::agencyId, ReminderPlanner.Due::kind, ReminderPlanner.Due::offsetDays)
                    .containsExactly(tuple(101L, ReminderPlanner.Kind.AFTER, d), tuple(103L, ReminderPlanner.Kind.AFTER, d),
                            tuple(104L, ReminderPlanner.Kind.AFTER, d));
        }
    }

    @Test
    void nothingOnOtherDays() {
        for (LocalDate day : List.of(DUE.minusDays(8), DUE.minusDays(6), DUE.minusDays(2), DUE, DUE.plusDays(2),
                DUE.plusDays(8), DUE.plusDays(30))) {
            assertThat(planner.plan(day)).as(day.toString()).isEmpty();
        }
    }

    @Test
    void theDeadlineItselfWhenTheScheduleAsksForDayZero() {
        Schedule monthly = reporting.schedule(11, 1, List.of(0), List.of(0, 2));
        reporting.period(200, monthly, "2025-11", DUE, 101L);
        assertThat(planner.plan(DUE)).extracting(ReminderPlanner.Due::kind, ReminderPlanner.Due::offsetDays)
                .containsExactly(tuple(ReminderPlanner.Kind.BEFORE, 0));
    }

    @Test
    void eachScheduleHasItsOwnDays() {
        Schedule quarterly = reporting.schedule(12, 1, List.of(10), List.of());
        reporting.period(300, quarterly, "2025Q4", DUE.plusDays(3), 101L, 102L);
        // 8 December: AFTER 3 for the annual period; the quarterly period (due 8/12) asks for nothing on its deadline
        assertThat(planner.plan(DUE.plusDays(3))).extracting(x -> x.period().id()).containsOnly(100L);
        // 28 November: BEFORE 7 for the annual period, BEFORE 10 for the quarterly one
        assertThat(planner.plan(DUE.minusDays(7)))
                .extracting(x -> x.period().id(), ReminderPlanner.Due::agencyId, ReminderPlanner.Due::offsetDays)
                .containsExactly(tuple(100L, 101L, 7), tuple(100L, 103L, 7), tuple(100L, 104L, 7),
                        tuple(300L, 101L, 10), tuple(300L, 102L, 10));
    }

    @Test
    void closedPeriodsInactiveSchedulesAndUnpublishedPlansAreNotReminded() {
        Schedule inactive = new Schedule(20, 1, vn.dxgov.reporting.Frequency.ANNUAL, List.of("05/12"), List.of(),
                2025, 2025, List.of(7), List.of(), null, false);
        reporting.schedules.add(inactive);
        reporting.period(400, inactive, "2025", DUE, 201L);
        reporting.periods.add(new ReportingPeriod(401, 10, 1, "2025b", DUE, null, ReportingPeriod.Status.CLOSED));
        reporting.required.put(401L, List.of(202L));
        plans.add(2, "Kế hoạch nháp", PlanStatus.DRAFT);
        Schedule ofDraft = reporting.schedule(30, 2, List.of(7), List.of());
        reporting.period(500, ofDraft, "2025", DUE, 203L);

        assertThat(planner.plan(DUE.minusDays(7))).extracting(ReminderPlanner.Due::agencyId)
                .containsExactly(101L, 103L, 104L);
    }

    @Test
    void withoutTheReportingModuleThereIsNothingToRemind() {
        assertThat(new ReminderPlanner(() -> null, plans).plan(DUE.minusDays(7))).isEmpty();
    }

    @Test
    void offsetsIgnoreDuplicatesAndNegativeDays() {
        Schedule s = new Schedule(1, 1, vn.dxgov.reporting.Frequency.ANNUAL, List.of("05/12"), List.of(), 2025, 2025,
                List.of(3, 3, -1), List.of(3, 0), null, true);
        assertThat(ReminderPlanner.offsets(s, DUE, DUE.minusDays(3)))
                .containsExactly(new ReminderPlanner.Offset(ReminderPlanner.Kind.BEFORE, 3));
        assertThat(ReminderPlanner.offsets(s, DUE, DUE.plusDays(1))).isEmpty();
        assertThat(ReminderPlanner.offsets(s, DUE, DUE)).isEmpty();
    }
}
