package vn.dxgov.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;
import vn.dxgov.analytics.Analytics;
import vn.dxgov.reporting.SubmissionAction;
import vn.dxgov.analytics.TargetStatuses;
import vn.dxgov.analytics.ValueView;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.StaleValueException;
import vn.dxgov.indicators.ValueState;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.security.Role;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.shared.Period;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.AgencyKind;

/**
 * Figures people can trust (issue 8): each figure is one agency's line, written only by that agency (through its
 * report, by form, API or Excel), counted only once approved, and never shared with a co-operating agency, which
 * reports its contribution beside it. Every door an editor could use against another agency's line is tried.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(ReportingTestConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FigureTrustIT extends ReportingSupport {

    static final LocalDate TODAY = LocalDate.of(2025, 11, 20);

    @Autowired
    MockMvc mvc;
    @Autowired
    TargetCatalog targets;
    @Autowired
    AgencyDirectory agencies;
    @Autowired
    DataValueStore values;
    @Autowired
    Analytics analytics;
    @Autowired
    TargetStatuses statuses;
    @Autowired
    ReportingAgencies reporters;

    long plan;
    ReportingPeriod p2025;
    String steering;
    String leader;
    /** A target with a lead agency (the owner of its figure) and a co-operating agency, measured by a number. */
    Target shared;
    long lead;
    long cooperating;
    /** Another lead agency, with nothing to do with {@link #shared}. */
    long other;
    String editorLead;
    String editorCooperating;
    String editorOther;

    @BeforeAll
    void setUp() throws IOException {
        ReportingTestConfig.CLOCK.set(TODAY, 9);
        data.resetPlans();
        data.ensureUnits();
        plan = importSeed(SEED_001, "001.txt", true);
        steering = user("st", Role.STEERING, null);
        leader = user("ld", Role.LEADER, null);
        p2025 = as(steering, () -> reporting.periods(plan)).stream().filter(p -> p.period().equals("2025"))
                .findFirst().orElseThrow();
        for (Target t : targets.forPlan(plan, TargetFilter.ALL)) {
            Long owner = reporters.owner(t);
            if (owner == null || t.indicatorId() == null || t.compoundCount()
                    || (t.deadlineYear() != null && t.deadlineYear() < 2025)) {
                continue;
            }
            Long co = t.cooperatingAgencyIds().stream().filter(id -> !id.equals(owner))
                    .filter(id -> agencies.find(id).map(a -> a.kind() != AgencyKind.COLLECTIVE).orElse(false))
                    .findFirst().orElse(null);
            if (co != null) {
                shared = t;
                lead = owner;
                cooperating = co;
                break;
            }
        }
        assertThat(shared).as("seed 001 has a target with a lead and a co-operating agency").isNotNull();
        // another agency that owns figures of its own
        other = targets.forPlan(plan, TargetFilter.ALL).stream()
                .filter(t -> t.indicatorId() != null && !t.compoundCount()
                        && (t.deadlineYear() == null || t.deadlineYear() >= 2025))
                .map(reporters::owner).filter(o -> o != null && o != lead && o != cooperating)
                .filter(o -> !shared.cooperatingAgencyIds().contains(o) && !shared.leadAgencyIds().contains(o))
                .findFirst().orElseThrow();
        editorLead = user("lead", Role.EDITOR, lead);
        editorCooperating = user("coop", Role.EDITOR, cooperating);
        editorOther = user("other", Role.EDITOR, other);
    }

    @BeforeEach
    void today() {
        ReportingTestConfig.CLOCK.set(TODAY, 9);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    // ----- helpers

    Submission report(String editor, long agency) {
        return as(editor, () -> reporting.open(p2025.id(), agency));
    }

    ReportForm.TargetLine line(String user, long submissionId) {
        return as(user, () -> reporting.form(submissionId)).targets().stream()
                .filter(l -> l.targetId() == shared.id()).findFirst().orElseThrow();
    }

    static ReportInput value(ReportForm.TargetLine l, String figure, Integer version) {
        BigDecimal v = new BigDecimal(figure);
        return new ReportInput(null, List.of(l.ratio()
                ? new ReportInput.TargetValue(l.targetId(), null, v, BigDecimal.valueOf(1000), null, l.split(), version)
                : new ReportInput.TargetValue(l.targetId(), l.yesNo() ? BigDecimal.ONE : v, null, null, null, l.split(),
                version)), List.of());
    }

    long province(Submission s) {
        return s.unitId();
    }

    List<DataValue> linesOfShared(long unitId) {
        return values.lines(List.of(shared.indicatorId()), List.of(unitId), List.of("2025"));
    }

    Map<Long, Integer> versions(List<DataValue> lines) {
        Map<Long, Integer> out = new HashMap<>();
        lines.forEach(v -> out.put(v.id(), v.version()));
        return out;
    }

    MockHttpSession login(String username) throws Exception {
        return login(mvc, username);
    }

    Map<String, Object> item(long unitId, Object value, Integer version) {
        Map<String, Object> item = new HashMap<>();
        item.put("indicatorId", shared.indicatorId());
        item.put("unitId", unitId);
        item.put("period", "2025");
        ReportForm.TargetLine l = line(steering, report(editorLead, lead).id());
        if (l.ratio()) {
            item.put("numerator", value);
            item.put("denominator", value == null ? null : 1000);
        } else {
            item.put("value", l.yesNo() && value != null ? 1 : value);
        }
        if (version != null) {
            item.put("version", version);
        }
        return item;
    }

    // ----- tests

    @Test
    void anEditorChangesNoLineOfAnotherAgencyThroughAnyDoor() throws Exception {
        Submission mine = report(editorLead, lead);
        ReportForm.TargetLine l = line(editorLead, mine.id());
        as(editorLead, () -> reporting.save(mine.id(), value(l, "700", l.version())));
        long unit = province(mine);
        List<DataValue> before = linesOfShared(unit);
        assertThat(before).singleElement().satisfies(v -> {
            assertThat(v.agencyId()).isEqualTo(lead);
            assertThat(v.state()).isEqualTo(ValueState.DRAFT);
        });
        long lineId = before.get(0).id();
        int historyBefore = values.history(lineId).size();
        String sub = "/api/v1/submissions/" + mine.id();

        // the batch API: write, delete, a version, another unit of the province
        for (Map<String, Object> item : List.of(item(unit, 999, null), item(unit, null, null),
                item(unit, 1, before.get(0).version()))) {
            Answer a = call(editorOther, "POST", "/api/v1/data-values", List.of(item));
            assertThat(a.status()).as(a.text()).isEqualTo(403);
            assertThat(a.text()).contains("không phải số liệu cơ quan bạn báo cáo");
        }
        // the report of the other agency, through the API
        assertThat(call(editorOther, "PUT", sub, Map.of("narrative", "x", "targets",
                List.of(Map.of("targetId", shared.id(), "value", 1)), "tasks", List.of())).status()).isEqualTo(403);
        assertThat(call(editorOther, "POST", "/api/v1/periods/" + p2025.id() + "/submissions?agency=" + lead, null)
                .status()).isEqualTo(403);
        assertThat(call(editorOther, "POST", sub + "/submit", null).status()).isEqualTo(403);
        for (String step : List.of("/approve", "/return", "/reopen")) {
            assertThat(call(editorOther, "POST", sub + step, Map.of("reason", "x")).status()).isEqualTo(403);
        }
        var evidence = new LinkedMultiValueMap<String, Object>();
        evidence.add("file", new ByteArrayResource("minh chứng".getBytes()) {
            @Override
            public String getFilename() {
                return "a.txt";
            }
        });
        assertThat(call(editorOther, "POST", sub + "/evidence", evidence).status()).isEqualTo(403);
        var excel = new LinkedMultiValueMap<String, Object>();
        excel.add("file", new ByteArrayResource(new byte[] {'P', 'K', 3, 4}) {
            @Override
            public String getFilename() {
                return "bao-cao.xlsx";
            }
        });
        assertThat(call(editorOther, "POST", sub + "/excel", excel).status()).isIn(403, 404);
        // the line's history holds the other agency's draft: refused
        Answer history = call(editorOther, "GET", "/api/v1/data-values/" + lineId + "/history", null);
        assertThat(history.status()).isEqualTo(403);
        assertThat(history.text()).contains("chỉ cơ quan báo cáo");
        // the pages: save and submit another agency's report
        MockHttpSession session = login(editorOther);
        mvc.perform(post("/reporting/submissions/" + mine.id()).session(session).with(csrf())
                .param("t." + l.key() + ".value", "5").param("t." + l.key() + ".num", "5")
                .param("t." + l.key() + ".den", "10")).andExpect(status().isForbidden());
        mvc.perform(post("/reporting/submissions/" + mine.id() + "/submit").session(session).with(csrf()))
                .andExpect(status().isForbidden());
        // the steering department does not overwrite an agency's line directly either: it returns or reopens the report
        Answer direct = call(steering, "POST", "/api/v1/data-values", List.of(item(unit, 5, null)));
        assertThat(direct.status()).as(direct.text()).isEqualTo(403);
        assertThat(direct.text()).contains("thuộc báo cáo của cơ quan khác");

        List<DataValue> after = linesOfShared(unit);
        assertThat(versions(after)).as("nothing changed").isEqualTo(versions(before));
        assertThat(after.get(0).value()).isEqualByComparingTo(before.get(0).value());
        assertThat(values.history(lineId)).as("no version added").hasSize(historyBefore);
        // the owner itself sees the whole history
        assertThat(call(editorLead, "GET", "/api/v1/data-values/" + lineId + "/history", null).body()).hasSize(1);
    }

    @Test
    void aCooperatingAgencysDraftChangesNoStatusIsSeenByNobodyAndIsStoredApart() {
        Submission leadReport = report(editorLead, lead);
        ReportForm.TargetLine l = line(editorLead, leadReport.id());
        long unit = province(leadReport);
        // the lead's figure approved
        if (!l.locked()) {
            as(editorLead, () -> reporting.save(leadReport.id(), ReportingSupport.complete(reporting.form(leadReport.id()))));
            as(editorLead, () -> reporting.save(leadReport.id(), value(l, "300", null)));
            try {
                as(editorLead, () -> reporting.submit(leadReport.id()));
            } catch (ApiException e) {
                throw new AssertionError(e.details().toString(), e);
            }
            as(steering, () -> reporting.approve(leadReport.id()));
        }
        BigDecimal official = analytics.value(shared.indicatorId(), unit, Period.year(2025)).orElseThrow().value();
        var statusBefore = statuses.assess(shared.id(), unit, TODAY);

        // the co-operating agency's form: its own contribution line, empty, the official figure for reference
        Submission coReport = report(editorCooperating, cooperating);
        ReportForm.TargetLine c = line(editorCooperating, coReport.id());
        assertThat(c.contribution()).isTrue();
        assertThat(c.required()).isFalse();
        assertThat(c.value()).as("never pre-filled with the lead's figure").isNull();
        assertThat(c.numerator()).isNull();
        assertThat(c.official()).isEqualByComparingTo(official);
        as(editorCooperating, () -> reporting.save(coReport.id(), value(c, "900", c.version())));

        // stored apart: the lead's line untouched, the contribution on its own line
        List<DataValue> lines = linesOfShared(unit);
        assertThat(lines).hasSize(2);
        DataValue contribution = lines.stream().filter(DataValue::contribution).findFirst().orElseThrow();
        assertThat(contribution.agencyId()).isEqualTo(cooperating);
        assertThat(contribution.state()).isEqualTo(ValueState.DRAFT);
        assertThat(lines.stream().filter(v -> !v.contribution()).findFirst().orElseThrow().agencyId()).isEqualTo(lead);

        // no status, figure or API answer changes, for anyone, and nobody else sees the draft
        assertThat(analytics.value(shared.indicatorId(), unit, Period.year(2025)).orElseThrow().value())
                .isEqualByComparingTo(official);
        assertThat(analytics.value(shared.indicatorId(), unit, Period.year(2025), ValueView.PENDING).orElseThrow()
                .value()).isEqualByComparingTo(official);
        assertThat(statuses.assess(shared.id(), unit, TODAY).status()).isEqualTo(statusBefore.status());
        for (String user : List.of(steering, leader, editorLead, editorOther)) {
            Answer a = call(user, "GET", "/api/v1/data-values?indicator=" + shared.indicatorId() + "&unit=" + unit
                    + "&period=2025", null);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body()).as(user).singleElement().satisfies(v -> {
                assertThat(v.get("contribution").asBoolean()).isFalse();
                assertThat(v.get("value").decimalValue()).isEqualByComparingTo(official);
            });
            Answer analyticsAnswer = call(user, "GET", "/api/v1/analytics/value?indicator=" + shared.indicatorId()
                    + "&unit=" + unit + "&period=2025", null);
            assertThat(analyticsAnswer.body().get("value").decimalValue()).isEqualByComparingTo(official);
        }
        assertThat(call(editorLead, "GET", "/api/v1/data-values/" + contribution.id() + "/history", null).status())
                .isEqualTo(403);
        assertThat(line(editorLead, leadReport.id()).others()).as("a draft is not shown beside the lead's line").isEmpty();
        ReportForm.TargetLine readByLeader = line(leader, coReport.id());
        assertThat(readByLeader.value()).as("a leader reads the report, not its draft figures").isNull();
        assertThat(readByLeader.numerator()).isNull();
        assertThat(call(editorCooperating, "GET", "/api/v1/data-values?indicator=" + shared.indicatorId()
                + "&unit=" + unit + "&period=2025&view=OWN", null).body()).singleElement()
                .satisfies(v -> assertThat(v.get("contribution").asBoolean()).isTrue());

        // once submitted, the lead and the steering department see it beside the official line, marked pending
        // its own required lines (it may lead other targets and tasks) filled in, then sent
        as(editorCooperating, () -> reporting.save(coReport.id(), ReportingSupport.complete(reporting.form(coReport.id()))));
        as(editorCooperating, () -> reporting.submit(coReport.id()));
        ReportForm.TargetLine seen = line(steering, leadReport.id());
        assertThat(seen.others()).singleElement().satisfies(o -> {
            assertThat(o.agencyId()).isEqualTo(cooperating);
            assertThat(o.pending()).isTrue();
        });
        assertThat(line(editorLead, leadReport.id()).others()).hasSize(1);
        // approving the co-operating agency's report locks its contribution only, and still counts nothing
        as(steering, () -> reporting.approve(coReport.id()));
        assertThat(analytics.value(shared.indicatorId(), unit, Period.year(2025)).orElseThrow().value())
                .isEqualByComparingTo(official);
        as(steering, () -> reporting.reopen(leadReport.id(), "Sửa theo số liệu thống kê"));
        ReportForm.TargetLine reopened = line(editorLead, leadReport.id());
        assertThat(reopened.locked()).as("the lead's line is not locked by the other report").isFalse();
        as(editorLead, () -> reporting.save(leadReport.id(), value(reopened, "310", reopened.version())));
        assertThat(as(steering, () -> reporting.history(leadReport.id())).stream()
                .filter(e -> e.action() == SubmissionAction.SAVE).reduce((a, b) -> b).orElseThrow().reason())
                .as("the report's history says which figure changed").contains(reopened.label()).contains("310");
        // a reopened report keeps its approved figure official until the correction is approved
        assertThat(analytics.value(shared.indicatorId(), unit, Period.year(2025)).orElseThrow().value())
                .isEqualByComparingTo(official);
        as(editorLead, () -> reporting.submit(leadReport.id()));
        assertThat(analytics.value(shared.indicatorId(), unit, Period.year(2025)).orElseThrow().value())
                .isEqualByComparingTo(official);
        var preview = analytics.value(shared.indicatorId(), unit, Period.year(2025), ValueView.PENDING).orElseThrow();
        assertThat(preview.pending()).isTrue();
        assertThat(preview.value()).isNotEqualByComparingTo(official);
        assertThat(call(leader, "GET", "/api/v1/analytics/value?indicator=" + shared.indicatorId() + "&unit=" + unit
                + "&period=2025&view=PENDING", null).status()).isEqualTo(403);
        JsonNode steeringPreview = call(steering, "GET", "/api/v1/analytics/value?indicator=" + shared.indicatorId()
                + "&unit=" + unit + "&period=2025&view=PENDING", null).body();
        assertThat(steeringPreview.get("pending").asBoolean()).isTrue();
        as(steering, () -> reporting.approve(leadReport.id()));
        assertThat(analytics.value(shared.indicatorId(), unit, Period.year(2025)).orElseThrow().value())
                .isEqualByComparingTo(preview.value());
    }

    @Test
    void draftsCountNowhereUntilApprovedAndTheBatchApiGoesThroughTheAgencysReport() throws Exception {
        // the "other" agency leads targets of its own: its batch write goes into its report, as a draft
        Target own = targets.forPlan(plan, TargetFilter.ALL).stream()
                .filter(t -> Long.valueOf(other).equals(reporters.owner(t)) && t.indicatorId() != null && !t.compoundCount()
                        && (t.deadlineYear() == null || t.deadlineYear() >= 2025))
                .findFirst().orElseThrow();
        Submission s = report(editorOther, other);
        ReportForm.TargetLine l = as(editorOther, () -> reporting.form(s.id())).targets().stream()
                .filter(x -> x.targetId() == own.id()).findFirst().orElseThrow();
        Map<String, Object> item = new HashMap<>();
        item.put("indicatorId", own.indicatorId());
        item.put("unitId", s.unitId());
        item.put("period", "2025");
        if (l.ratio()) {
            item.put("numerator", 1300);
            item.put("denominator", 1250300);
        } else {
            item.put("value", l.yesNo() ? 1 : 1300);
        }
        item.put("version", l.version());
        Answer written = call(editorOther, "POST", "/api/v1/data-values", List.of(item));
        assertThat(written.status()).as(written.text()).isEqualTo(200);
        JsonNode result = written.body().get("items").get(0);
        assertThat(result.get("state").asText()).isEqualTo("DRAFT");
        assertThat(result.get("submissionId").asLong()).isEqualTo(s.id());
        assertThat(as(editorOther, () -> reporting.history(s.id()))).filteredOn(e -> e.action() == SubmissionAction.SAVE)
                .singleElement().satisfies(e -> {
            assertThat(e.reason()).startsWith("API: ").contains(" · 2025: ").contains("1.300");
        });
        long unit = s.unitId();
        assertThat(analytics.value(own.indicatorId(), unit, Period.year(2025))).as("a draft counts nowhere").isEmpty();
        assertThat(call(steering, "GET", "/api/v1/data-values?indicator=" + own.indicatorId() + "&unit=" + unit,
                null).body()).isEmpty();

        // the same batch again changes nothing, even with the version read before it (idempotent)
        Answer again = call(editorOther, "POST", "/api/v1/data-values", List.of(item));
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.body().get("unchanged").asInt()).isEqualTo(1);
        // a change made from a stale version: 409 with the current line, nothing written
        item.put("version", l.version());
        if (l.ratio()) {
            item.put("numerator", 1301);
        } else if (!l.yesNo()) {
            item.put("value", 1301);
        } else {
            item.put("value", 0);
        }
        Answer conflict = call(editorOther, "POST", "/api/v1/data-values", List.of(item));
        assertThat(conflict.status()).as(conflict.text()).isEqualTo(409);
        assertThat(conflict.body().get("current")).hasSize(1);
        assertThat(conflict.text()).contains("đã sửa số liệu này từ khi bạn mở");

        // the same through the report's save
        ReportForm.TargetLine fresh = as(editorOther, () -> reporting.form(s.id())).targets().stream()
                .filter(x -> x.targetId() == own.id()).findFirst().orElseThrow();
        assertThatThrownBy(() -> as(editorOther, () -> reporting.save(s.id(), value(fresh, "5", fresh.version() - 1))))
                .isInstanceOf(StaleValueException.class);

        // submitted: seen by the steering department's preview only, marked; the batch API takes nothing more
        as(editorOther, () -> reporting.save(s.id(), ReportingSupport.complete(reporting.form(s.id()))));
        as(editorOther, () -> reporting.submit(s.id()));
        assertThat(analytics.value(own.indicatorId(), unit, Period.year(2025))).isEmpty();
        assertThat(analytics.value(own.indicatorId(), unit, Period.year(2025), ValueView.PENDING).orElseThrow().pending())
                .isTrue();
        assertThat(call(leader, "GET", "/api/v1/data-values?indicator=" + own.indicatorId() + "&unit=" + unit
                + "&view=PENDING", null).status()).isEqualTo(403);
        assertThat(call(steering, "GET", "/api/v1/data-values?indicator=" + own.indicatorId() + "&unit=" + unit
                + "&view=PENDING", null).body()).singleElement()
                .satisfies(v -> assertThat(v.get("state").asText()).isEqualTo("SUBMITTED"));
        // the pages: the steering department's preview marks the figure, a leader asking for it gets approved figures
        String preview = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/targets/" + own.id()).param("view", "PENDING").session(login(steering)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("pending-badge").contains("preview-off");
        String leaderPage = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/targets/" + own.id()).param("view", "PENDING").session(login(leader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(leaderPage).doesNotContain("pending-badge").doesNotContain("preview-on");
        String planPreview = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/plans/" + plan).param("view", "PENDING").session(login(steering)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(planPreview).contains("pending-badge");
        item.remove("version");
        Answer closed = call(editorOther, "POST", "/api/v1/data-values", List.of(item));
        assertThat(closed.status()).as(closed.text()).isEqualTo(409);

        as(steering, () -> reporting.approve(s.id()));
        assertThat(analytics.value(own.indicatorId(), unit, Period.year(2025))).isPresent();
        assertThat(call(leader, "GET", "/api/v1/data-values?indicator=" + own.indicatorId() + "&unit=" + unit,
                null).body()).singleElement().satisfies(v -> assertThat(v.get("state").asText()).isEqualTo("APPROVED"));
    }

    @Test
    void theWebFormKeepsThePersonsInputWhenSomeoneChangedTheLineMeanwhile() throws Exception {
        Submission s = report(editorLead, lead);
        if (as(steering, () -> reporting.find(s.id())).orElseThrow().status()
                != vn.dxgov.reporting.SubmissionStatus.DRAFT
                && as(steering, () -> reporting.find(s.id())).orElseThrow().status()
                != vn.dxgov.reporting.SubmissionStatus.RETURNED) {
            as(steering, () -> reporting.reopen(s.id(), "Kiểm tra"));
        }
        ReportForm.TargetLine opened = line(editorLead, s.id());
        // the steering department, on the agency's behalf, changes the line after the editor opened the form
        as(steering, () -> reporting.save(s.id(), value(opened, "640", opened.version())));
        MockHttpSession session = login(editorLead);
        String p = "t." + opened.key() + ".";
        var request = post("/reporting/submissions/" + s.id()).session(session).with(csrf())
                .param(p + "version", Integer.toString(opened.version()));
        request = opened.ratio() ? request.param(p + "num", "641").param(p + "den", "1000")
                : request.param(p + "value", opened.yesNo() ? "1" : "641");
        String html = mvc.perform(request).andExpect(status().isConflict()).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("đã sửa dòng này").contains("641");
        ReportForm.TargetLine now = line(editorLead, s.id());
        assertThat(opened.yesNo() || (opened.ratio() ? now.numerator() : now.value()).compareTo(new BigDecimal("640")) == 0)
                .as("the other change stays").isTrue();
        assertThat(now.version()).isGreaterThan(opened.version());
        // through htmx the form comes back in place (422, as any form to correct), the input kept
        as(steering, () -> reporting.save(s.id(), value(opened, "650", null)));
        String partial = mvc.perform(request.header("HX-Request", "true")).andExpect(status().is(422)).andReturn()
                .getResponse().getContentAsString();
        assertThat(partial).contains("đã sửa dòng này").contains("641").doesNotContain("<html");
    }

    @Test
    void theStoreRefusesAnAgencyLineWrittenWithoutAReport() {
        assertThatThrownBy(() -> values.write(List.of(new vn.dxgov.indicators.DataValueInput(shared.indicatorId(), 1L,
                "2025", BigDecimal.ONE, null, null, null, lead, false, null)), vn.dxgov.indicators.ValueSource.API, null,
                false)).isInstanceOf(IllegalArgumentException.class);
    }
}
