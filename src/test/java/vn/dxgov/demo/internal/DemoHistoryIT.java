package vn.dxgov.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.analytics.StatusAssessment;
import vn.dxgov.reporting.SubmissionAction;
import vn.dxgov.analytics.TargetStatus;
import vn.dxgov.analytics.TargetStatuses;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserDirectory;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.SeedImports;
import vn.dxgov.support.TestData;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.units.AdminUnits;

/**
 * The demonstration history on the real seed plans 001 (annual reports due 05/12) and 004 (half-yearly): reports
 * of every past period with a plausible timeline, values and statuses, all marked demo; written once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(vn.dxgov.support.TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoHistoryIT {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicatorData;
    @Autowired
    ObjectMapper json;
    @Autowired
    DemoHistory history;
    @Autowired
    Reporting reporting;
    @Autowired
    DataValueStore values;
    @Autowired
    TargetCatalog targets;
    @Autowired
    TargetStatuses statuses;
    @Autowired
    AdminUnits units;
    @Autowired
    UserDirectory users;

    long plan001;
    long plan004;
    List<DemoHistory.Outcome> first;

    @BeforeAll
    void load() throws IOException {
        // the story depends on the date (DemoCalendar): pinned to 04/12/2026, seed 001's 2026 report due tomorrow
        vn.dxgov.support.TestClock.CLOCK.set(TODAY, 9);
        data.resetPlans();
        data.ensureUnits();
        indicatorData.reset();
        plan001 = SeedImports.importAndPublish(port, SeedImports.SEED_001);
        plan004 = SeedImports.importAndPublish(port, SeedImports.SEED_004);
        first = history.loadAll();
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyPastPeriodOfSeed001HasReportsWithAPlausibleTimeline() {
        assertThat(first).filteredOn(o -> o.planId() == plan001).singleElement()
                .satisfies(o -> assertThat(o.reports()).isGreaterThan(20));
        List<ReportingPeriod> periods = asSteering(() -> reporting.periods(plan001));
        // 2022–2025 as the plan says; the period of the current year is there too while the plan runs on
        assertThat(periods).extracting(ReportingPeriod::period).startsWith("2022", "2023", "2024", "2025");
        List<Submission> all = new ArrayList<>();
        for (ReportingPeriod p : periods.subList(0, 4)) {
            List<Submission> reports = asSteering(() -> reporting.forPeriod(p.id()));
            int required = asSteering(() -> reporting.requiredAgencies(p.id())).size();
            assertThat(reports).as(p.period()).isNotEmpty().allMatch(Submission::demo);
            // a few agencies never report
            assertThat(reports.size()).as(p.period()).isLessThanOrEqualTo(required).isGreaterThan(required * 3 / 4);
            if (!p.period().equals("2025")) {
                assertThat(reports).as(p.period()).extracting(Submission::status).containsOnly(SubmissionStatus.APPROVED);
            }
            for (Submission s : reports) {
                if (s.firstSubmittedAt() != null) {
                    LocalDate submitted = LocalDate.ofInstant(s.firstSubmittedAt(), VIETNAM);
                    assertThat(s.late()).as("late flag of #" + s.id()).isEqualTo(submitted.isAfter(p.agencyDueOn()));
                    assertThat(Duration.between(p.agencyDueOn().atStartOfDay(), submitted.atStartOfDay()).abs().toDays())
                            .isLessThanOrEqualTo(12);
                }
            }
            all.addAll(reports);
        }
        // the latest period is still being processed: something waits for the steering department
        List<Submission> latest = asSteering(() -> reporting.forPeriod(periods.get(3).id()));
        assertThat(latest).extracting(Submission::status).contains(SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED);
        assertThat(asSteering(() -> reporting.inbox())).anyMatch(s -> s.planId() == plan001 && s.demo());
        // some reports are late, most are not
        long late = all.stream().filter(Submission::late).count();
        assertThat(late).isGreaterThan(0).isLessThan(all.size() / 3);
        // some went back to the agency with a reason and came back
        Submission returned = all.stream().filter(s -> asSteering(() -> reporting.history(s.id())).stream()
                .anyMatch(e -> e.action() == SubmissionAction.RETURN)).findFirst().orElseThrow();
        List<Reporting.Event> events = asSteering(() -> reporting.history(returned.id()));
        assertThat(events).extracting(Reporting.Event::action).containsSubsequence(SubmissionAction.CREATE, SubmissionAction.SUBMIT, SubmissionAction.RETURN);
        assertThat(events).filteredOn(e -> e.action() == SubmissionAction.RETURN).allSatisfy(e -> {
            assertThat(e.reason()).isNotBlank();
            assertThat(e.actor()).isEqualTo("steering");
        });
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).at()).isAfterOrEqualTo(events.get(i - 1).at());
        }
        assertThat(events.get(0).actor()).startsWith("bt.");
    }

    @Test
    void approvedValuesAreDemoLockedAndTheTargetsGetVariedStatuses() {
        Submission approved = asSteering(() -> reporting.forPeriod(reporting.periods(plan001).get(1).id())).stream()
                .filter(s -> !values.forSubmission(s.id()).isEmpty()).findFirst().orElseThrow();
        assertThat(values.forSubmission(approved.id())).allSatisfy(v -> {
            assertThat(v.demo()).isTrue();
            assertThat(v.locked()).isTrue();
            assertThat(v.source()).isEqualTo(ValueSource.DEMO);
            assertThat(v.period()).isEqualTo("2023");
        });

        long thanhHoa = units.find("38", TODAY).orElseThrow().id();
        List<Long> ids = targets.forPlan(plan001, TargetFilter.ALL).stream().map(Target::id).toList();
        List<StatusAssessment> assessed = statuses.assessAll(ids, thanhHoa, TODAY);
        Set<TargetStatus> seen = EnumSet.noneOf(TargetStatus.class);
        assessed.stream().filter(a -> a.status() != TargetStatus.NO_DATA).forEach(a -> {
            seen.add(a.status());
            assertThat(a.demo()).as("target #" + a.targetId()).isTrue();
        });
        assertThat(seen).as("statuses of seed 001").hasSizeGreaterThanOrEqualTo(3);
        // a series starts at the 2021 baseline, written directly as demo data of the province valid then
        Target measured = targets.find(assessed.stream().filter(a -> a.status() != TargetStatus.NO_DATA)
                .findFirst().orElseThrow().targetId()).orElseThrow();
        List<DataValue> baseline = values.find(List.of(measured.indicatorId()), List.of(), List.of("2021"));
        assertThat(baseline).singleElement().satisfies(v -> {
            assertThat(v.demo()).isTrue();
            assertThat(v.submissionId()).isNull();
        });
    }

    @Test
    void seed004GetsDemoValuesAndFuturePeriodsStayEmpty() {
        // seed 004 names no agency the reports could come from: its targets get demo values of the province directly
        assertThat(first).filteredOn(o -> o.planId() == plan004).singleElement()
                .satisfies(o -> assertThat(o.values()).isPositive());
        List<Long> indicatorIds = targets.forPlan(plan004, TargetFilter.ALL).stream().map(Target::indicatorId)
                .filter(java.util.Objects::nonNull).toList();
        assertThat(values.find(indicatorIds, List.of(), List.of("2024"))).isNotEmpty().allMatch(DataValue::demo);
        // nothing is invented for a period that has not begun; a period whose deadline has not come is open: drafts,
        // perhaps a few early submissions, nothing approved (DemoTodayIT pins the clock for the whole story)
        LocalDate today = TODAY;
        for (ReportingPeriod p : asSteering(() -> reporting.periods(plan001))) {
            List<Submission> reports = asSteering(() -> reporting.forPeriod(p.id()));
            if (vn.dxgov.shared.Period.parse(p.period()).start().isAfter(today)) {
                assertThat(reports).as(p.period()).isEmpty();
            } else if (!p.agencyDueOn().isBefore(today)) {
                assertThat(reports).as(p.period()).noneMatch(s -> s.status() == SubmissionStatus.APPROVED);
            }
        }
    }

    @Test
    void bothCountsOfACompoundTargetGetDemoValues() throws Exception {
        long plan000 = SeedImports.importAndPublish(port, SeedImports.SEED_000);
        history.loadAll();
        Target compound = targets.forPlan(plan000, TargetFilter.ALL).stream().filter(Target::compoundCount)
                .findFirst().orElseThrow();
        long thanhHoa = units.find("38", TODAY).orElseThrow().id();
        StatusAssessment a = statuses.assess(compound.id(), thanhHoa, TODAY);
        assertThat(a.splits()).hasSize(2).allSatisfy(s -> {
            assertThat(s.status()).isNotEqualTo(TargetStatus.NO_DATA);
            assertThat(s.latestYear()).isEqualTo(2025);
        });
        assertThat(a.status()).isNotEqualTo(TargetStatus.NO_DATA);
        assertThat(a.demo()).isTrue();
    }

    @Test
    void demoAccounts() {
        // every editor named in a report exists, belongs to the agency and can sign in with the demo password
        Submission any = asSteering(() -> reporting.forPeriod(reporting.periods(plan001).get(0).id())).get(0);
        String editor = asSteering(() -> reporting.history(any.id())).get(0).actor();
        assertThat(users.find(editor)).hasValueSatisfying(u -> {
            assertThat(u.role()).isEqualTo(Role.EDITOR);
            assertThat(u.agencyId()).isEqualTo(any.agencyId());
        });
        JsonNode own = get(editor, "/api/v1/submissions/" + any.id());
        assertThat(own.at("/submission/demo").asBoolean()).isTrue();
        assertThat(users.find("lanhdao")).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.LEADER));
    }

    @Test
    void theHistoryIsWrittenOnce() {
        int before = asSteering(() -> reporting.forPeriod(reporting.periods(plan001).get(0).id())).size();
        List<DemoHistory.Outcome> again = history.loadAll();
        assertThat(again).allMatch(DemoHistory.Outcome::skipped);
        assertThat(asSteering(() -> reporting.forPeriod(reporting.periods(plan001).get(0).id()))).hasSize(before);
    }

    @Test
    void timelinesHaveTheIntendedShares() {
        // over 1,000 past reports: about 15% late, about 10% returned and resubmitted, all approved, in order
        LocalDate due = LocalDate.of(2024, 12, 5);
        int late = 0;
        int returned = 0;
        for (int i = 0; i < 1000; i++) {
            String key = "plan|agency " + i + "|2024";
            List<vn.dxgov.reporting.DemoReports.Step> steps = DemoStory.timeline(key, due, false, 0.5, "bt.x");
            assertThat(steps).as(key).isNotEmpty();
            assertThat(steps.get(steps.size() - 1).action()).isEqualTo(SubmissionAction.APPROVE);
            for (int k = 1; k < steps.size(); k++) {
                assertThat(steps.get(k).at()).isAfter(steps.get(k - 1).at());
            }
            if (steps.get(0).at().isAfter(due.plusDays(1).atStartOfDay(VIETNAM).toInstant())) {
                late++;
            }
            if (steps.stream().anyMatch(st -> st.action() == SubmissionAction.RETURN)) {
                returned++;
            }
        }
        assertThat(late).isBetween(100, 200);
        assertThat(returned).isBetween(60, 140);
        // and the same key always gives the same timeline
        assertThat(DemoStory.timeline("k", due, true, 0.5, "bt.x")).isEqualTo(DemoStory.timeline("k", due, true, 0.5, "bt.x"));
        assertThat(DemoHistory.initials("Sở Thông tin và Truyền thông")).isEqualTo("sttvtt");
        assertThat(DemoHistory.initials("Đài Phát thanh và Truyền hình tỉnh")).isEqualTo("dptvtht");
    }

    // ----- helpers

    private <T> T asSteering(Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "steering", null, AuthorityUtils.createAuthorityList("ROLE_STEERING")));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private JsonNode get(String user, String path) {
        return RestClient.create("http://localhost:" + port).get().uri(path)
                .headers(h -> h.setBasicAuth(user, "dxgov-demo")).retrieve().body(JsonNode.class);
    }
}
