package vn.dxgov.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.SeedImports;
import vn.dxgov.support.TestClock;
import vn.dxgov.support.TestData;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;

/**
 * The demonstration history lives on today's date (seed 001: annual reports due 05/12): with the clock pinned to
 * 04/12/2026 and to 15/07/2027, the current period is open with drafts and nothing approved, the last ended one is
 * being approved (some approved, some waiting), the earlier ones are all approved, nothing lies after now, and a
 * second run writes nothing new.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTodayIT {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicatorData;
    @Autowired
    DemoHistory history;
    @Autowired
    Reporting reporting;
    @Autowired
    DataValueStore values;
    @Autowired
    TargetCatalog targets;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theFourthOfDecember2026TheAnnualReportIsDueTomorrow() throws IOException {
        LocalDate today = LocalDate.of(2026, 12, 4);
        long plan = fresh(today);
        long t0 = System.nanoTime();
        List<DemoHistory.Outcome> first = history.loadAll();
        System.out.println("Demo history of seed 001 on " + today + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertThat(first).filteredOn(o -> o.planId() == plan).singleElement()
                .satisfies(o -> assertThat(o.reports()).isGreaterThan(20));
        List<ReportingPeriod> periods = asSteering(() -> reporting.periods(plan));
        assertTheStory(periods, today, "2026", "2025");
        ReportingPeriod current = period(periods, "2026");
        assertThat(current.agencyDueOn()).isEqualTo(LocalDate.of(2026, 12, 5));
        // due tomorrow: some agencies have sent theirs already, on time; the rest are drafts
        List<Submission> now = asSteering(() -> reporting.forPeriod(current.id()));
        assertThat(now).extracting(Submission::status).contains(SubmissionStatus.DRAFT);
        assertThat(now).noneMatch(Submission::late);
        // values run to the last full year; the current year's are only in the drafts
        yearlyValuesRunTo(plan, 2025);
        theSecondRunWritesNothing(plan, periods);
    }

    @Test
    void theFifteenthOfJuly2027() throws IOException {
        LocalDate today = LocalDate.of(2027, 7, 15);
        long plan = fresh(today);
        history.loadAll();
        List<ReportingPeriod> periods = asSteering(() -> reporting.periods(plan));
        assertTheStory(periods, today, "2027", "2026");
        // the 2027 report is due on 05/12/2027: months ahead, so nobody has sent it yet
        assertThat(asSteering(() -> reporting.forPeriod(period(periods, "2027").id())))
                .isNotEmpty().allMatch(s -> s.status() == SubmissionStatus.DRAFT);
        yearlyValuesRunTo(plan, 2026);
        theSecondRunWritesNothing(plan, periods);
    }

    /** Current: open, nothing approved; previous: partly approved, some waiting; earlier: all approved; nothing later. */
    void assertTheStory(List<ReportingPeriod> periods, LocalDate today, String current, String previous) {
        Instant now = TestClock.CLOCK.instant();
        int previousYear = Integer.parseInt(previous);
        for (ReportingPeriod p : periods) {
            List<Submission> reports = asSteering(() -> reporting.forPeriod(p.id()));
            int year = Integer.parseInt(p.period().substring(0, 4));
            assertThat(reports).as(p.period()).allMatch(Submission::demo);
            for (Submission s : reports) {
                // nothing happened after now
                assertThat(s.firstSubmittedAt() == null || !s.firstSubmittedAt().isAfter(now)).as("#" + s.id()).isTrue();
                assertThat(s.decidedAt() == null || !s.decidedAt().isAfter(now)).as("#" + s.id()).isTrue();
            }
            if (p.period().equals(current)) {
                assertThat(p.status()).isEqualTo(ReportingPeriod.Status.OPEN);
                assertThat(reports).as(current).isNotEmpty().noneMatch(s -> s.status() == SubmissionStatus.APPROVED);
            } else if (p.period().equals(previous)) {
                assertThat(reports).as(previous).extracting(Submission::status)
                        .contains(SubmissionStatus.APPROVED, SubmissionStatus.SUBMITTED);
            } else if (year < previousYear) {
                assertThat(reports).as(p.period()).isNotEmpty().extracting(Submission::status)
                        .containsOnly(SubmissionStatus.APPROVED);
            } else {
                assertThat(reports).as("future " + p.period()).isEmpty();
            }
        }
        assertThat(periods).extracting(ReportingPeriod::period).contains(current, previous);
    }

    void yearlyValuesRunTo(long plan, int lastFull) {
        List<Long> indicators = targets.forPlan(plan, TargetFilter.ALL).stream().map(Target::indicatorId)
                .filter(java.util.Objects::nonNull).toList();
        List<DataValue> last = values.find(indicators, List.of(), List.of(String.valueOf(lastFull)));
        assertThat(last).isNotEmpty().allMatch(DataValue::demo);
        // the current year has no value outside a report (the drafts of the open period carry its year-to-date)
        assertThat(values.find(indicators, List.of(), List.of(String.valueOf(lastFull + 1))))
                .allMatch(v -> v.submissionId() != null);
    }

    void theSecondRunWritesNothing(long plan, List<ReportingPeriod> periods) {
        List<Integer> before = new ArrayList<>();
        periods.forEach(p -> before.add(asSteering(() -> reporting.forPeriod(p.id())).size()));
        assertThat(history.loadAll()).allSatisfy(o -> {
            assertThat(o.skipped()).isTrue();
            assertThat(o.reports() + o.values()).isZero();
        });
        List<Integer> after = new ArrayList<>();
        periods.forEach(p -> after.add(asSteering(() -> reporting.forPeriod(p.id())).size()));
        assertThat(after).isEqualTo(before);
    }

    long fresh(LocalDate today) throws IOException {
        TestClock.CLOCK.set(today, 9);
        data.resetPlans();
        data.ensureUnits();
        indicatorData.reset();
        return SeedImports.importAndPublish(port, SeedImports.SEED_001);
    }

    static ReportingPeriod period(List<ReportingPeriod> periods, String code) {
        return periods.stream().filter(p -> p.period().equals(code)).findFirst().orElseThrow();
    }

    private <T> T asSteering(Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "steering", null, AuthorityUtils.createAuthorityList("ROLE_STEERING")));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
