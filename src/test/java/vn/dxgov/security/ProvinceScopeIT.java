package vn.dxgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.support.Http;
import vn.dxgov.support.TestData;
import vn.dxgov.support.TestUsers;

/**
 * Province-scoped roles end to end: a steering official of Thái Nguyên (19) cannot read, edit, publish, approve or
 * list the drafts and reports of a Thanh Hóa (38) plan, through the API or the pages; Thanh Hóa's own officials can;
 * a national leader reads both provinces; a province administrator administers the users of its province only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvinceScopeIT {

    static final String THANH_HOA = "38";
    static final String THAI_NGUYEN = "19";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    UserDirectory users;
    @Autowired
    TestUsers testUsers;
    @Autowired
    Reporting reporting;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    Http http;

    String steeringTh;
    String steeringTn;
    String leaderTh;
    String leaderNational;
    String adminTh;
    String adminNational;
    String editorTh;

    long planTh;
    long draftPlanTh;
    long planTn;
    long targetTh;
    long agencyTh;
    Submission draftReport;
    Submission submittedReport;

    String user(String name, Role role, Long agencyId, String province) {
        return testUsers.ensure(name, run, role, agencyId, province);
    }

    @BeforeAll
    void setUp() throws IOException {
        data.resetPlans();
        data.ensureUnits();
        http = new Http(port, json);
        steeringTh = user("st-th", Role.STEERING, null, THANH_HOA);
        steeringTn = user("st-tn", Role.STEERING, null, THAI_NGUYEN);
        leaderTh = user("ld-th", Role.LEADER, null, THANH_HOA);
        leaderNational = user("ld-nat", Role.LEADER, null, null);
        adminTh = user("ad-th", Role.ADMIN, null, THANH_HOA);
        adminNational = user("ad-nat", Role.ADMIN, null, null);

        planTh = importSeed(steeringTh, "seed/plans/001_16196319a76d78f9.txt", "001.txt");
        draftPlanTh = importSeed(steeringTh, "seed/plans/004_0476a1d53eff913d.txt", "004.txt");
        planTn = importSeed(steeringTn, "seed/plans/002_26a007337e16e28d.txt", "002.txt");
        assertThat(jdbc.sql("select province_code from plan where id = ?").param(planTh).query(String.class).single())
                .isEqualTo(THANH_HOA);
        assertThat(jdbc.sql("select province_code from plan where id = ?").param(planTn).query(String.class).single())
                .isEqualTo(THAI_NGUYEN);
        assertThat(http.call(steeringTh, "POST", "/api/v1/plans/" + planTh + "/publish", null).status()).isEqualTo(200);
        assertThat(http.call(steeringTn, "POST", "/api/v1/plans/" + planTn + "/publish", null).status()).isEqualTo(200);
        targetTh = http.get(steeringTh, "/api/v1/plans/" + planTh + "/targets").body().get(0).get("id").asLong();

        ReportingPeriod p2025 = testUsers.as(steeringTh, () -> reporting.periods(planTh)).stream()
                .filter(p -> p.period().equals("2025")).findFirst().orElseThrow();
        List<Long> required = reporting.requiredAgencies(p2025.id());
        agencyTh = required.get(0);
        long agencyTh2 = required.get(1);
        editorTh = user("ed-th", Role.EDITOR, agencyTh, THANH_HOA);
        String editorTh2 = user("ed-th2", Role.EDITOR, agencyTh2, THANH_HOA);
        draftReport = testUsers.as(editorTh, () -> reporting.open(p2025.id(), agencyTh));
        testUsers.as(editorTh, () -> reporting.save(draftReport.id(),
                new ReportInput("Bản nháp của Thanh Hóa", List.of(), List.of())));
        Submission other = testUsers.as(editorTh2, () -> reporting.open(p2025.id(), agencyTh2));
        testUsers.as(editorTh2, () -> reporting.save(other.id(), complete(reporting.form(other.id()))));
        submittedReport = testUsers.as(editorTh2, () -> reporting.submit(other.id()));
    }

    /** Every required line of a report filled in: values for targets, a status for tasks. */
    static ReportInput complete(ReportForm form) {
        List<ReportInput.TargetValue> values = form.targets().stream().filter(l -> l.required() && !l.locked())
                .map(l -> l.ratio()
                        ? new ReportInput.TargetValue(l.targetId(), null, BigDecimal.valueOf(45), BigDecimal.valueOf(50), null, l.split(), null)
                        : new ReportInput.TargetValue(l.targetId(), l.yesNo() ? BigDecimal.ONE : BigDecimal.valueOf(12), null, null, null, l.split(), null))
                .toList();
        List<ReportInput.TaskProgress> progress = form.tasks().stream().filter(ReportForm.TaskLine::required)
                .map(l -> new ReportInput.TaskProgress(l.taskId(), TaskProgressStatus.IN_PROGRESS, 60, "Đang triển khai"))
                .toList();
        return new ReportInput("Cơ quan đã triển khai các nhiệm vụ được giao.", values, progress);
    }

    long importSeed(String user, String resource, String filename) throws IOException {
        Http.Answer a = http.upload(user, "/api/v1/imports", filename, new ClassPathResource(resource).getContentAsByteArray());
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        return a.body().get("planId").asLong();
    }

    List<Long> ids(JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("id").asLong()));
        return out;
    }

    String narrative(long submissionId) {
        return jdbc.sql("select narrative from submission where id = ?").param(submissionId).query(String.class).single();
    }

    @Test
    void anotherProvincesSteeringOfficialNeitherSeesNorChangesThanhHoasPlans() {
        assertThat(ids(http.get(steeringTn, "/api/v1/plans").body())).containsExactly(planTn);
        assertThat(ids(http.get(steeringTh, "/api/v1/plans").body())).containsExactlyInAnyOrder(planTh, draftPlanTh);
        for (long id : List.of(planTh, draftPlanTh)) {
            assertThat(http.get(steeringTn, "/api/v1/plans/" + id).status()).isEqualTo(404);
            assertThat(http.get(steeringTn, "/api/v1/plans/" + id + "/targets").status()).isEqualTo(404);
            assertThat(http.get(steeringTn, "/api/v1/plans/" + id + "/source").status()).isEqualTo(404);
            assertThat(http.call(steeringTn, "POST", "/api/v1/plans/" + id + "/publish", null).status()).isEqualTo(404);
            assertThat(http.call(steeringTn, "PUT", "/api/v1/plans/" + id,
                    Map.of("type", "PLAN", "title", "Đã sửa bởi tỉnh khác", "provinceName", "Thái Nguyên")).status())
                    .isEqualTo(404);
        }
        assertThat(http.get(steeringTn, "/api/v1/targets/" + targetTh).status()).isEqualTo(404);
        assertThat(http.call(steeringTn, "PUT", "/api/v1/targets/" + targetTh, Map.of("text", "x")).status()).isEqualTo(404);
        // nothing changed: the draft is still a draft, with its title
        assertThat(jdbc.sql("select status from plan where id = ?").param(draftPlanTh).query(String.class).single())
                .isEqualTo("DRAFT");
        // the pages answer the same: no such plan
        assertThat(http.get(steeringTn, "/plans/" + draftPlanTh).status()).isEqualTo(404);
        assertThat(http.get(steeringTn, "/plans/" + planTh).status()).isEqualTo(404);
        assertThat(http.get(steeringTn, "/plans/" + planTh + "/edit").status()).isEqualTo(404);
        assertThat(http.get(steeringTn, "/plans").text()).doesNotContain("/plans/" + planTh + "\"")
                .doesNotContain("/plans/" + draftPlanTh + "\"").contains("/plans/" + planTn);
        // Thanh Hóa's own steering official sees its draft on the page
        assertThat(http.get(steeringTh, "/plans/" + draftPlanTh).status()).isEqualTo(200);
        // a province's official cannot move its plan into another province either
        Http.Answer moved = http.call(steeringTn, "PUT", "/api/v1/plans/" + planTn,
                Map.of("type", "RESOLUTION", "title", "Chuyển sang Thanh Hóa", "provinceName", "Thanh Hóa"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(403);
        assertThat(jdbc.sql("select province_code from plan where id = ?").param(planTn).query(String.class).single())
                .isEqualTo(THAI_NGUYEN);
    }

    @Test
    void anotherProvincesOfficialReadsNoneOfThanhHoasFiguresThroughAnalytics() {
        // figures follow their unit's province: Thanh Hóa (unit code 38) and what lies below it do not exist for
        // Thái Nguyên, approved or pending; its own province and a national leader read as before
        // a national indicator, which both provinces read: what is refused is Thanh Hóa's unit, not the indicator
        Http.Answer made = http.call(adminNational, "POST", "/api/v1/indicators", Map.of("code", "NATAN" + run.toUpperCase(),
                "name", "Chỉ số quốc gia " + run, "valueType", "NUMBER", "unit", "hồ sơ", "direction", "HIGHER",
                "unitAggregation", "SUM", "periodAggregation", "SUM"));
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        long indicator = made.body().get("id").asLong();
        for (String path : List.of("/api/v1/analytics/series?indicator=" + indicator + "&unitCode=38&type=YEAR&from=2021&to=2025",
                "/api/v1/analytics/value?indicator=" + indicator + "&unitCode=38&period=2025",
                "/api/v1/analytics/breakdown?indicator=" + indicator + "&unitCode=38&level=COMMUNE&period=2025",
                "/api/v1/analytics/series?indicator=" + indicator + "&unitCode=38&type=YEAR&from=2021&to=2025&view=PENDING")) {
            Http.Answer refused = http.get(steeringTn, path);
            assertThat(refused.status()).as(path + " " + refused.text()).isEqualTo(404);
            assertThat(refused.text()).doesNotContain("\"points\"").doesNotContain("\"value\":");
            Http.Answer own = http.get(steeringTh, path);
            assertThat(own.status()).as(path + " " + own.text()).isEqualTo(200);
            assertThat(http.get(leaderNational, path.replace("&view=PENDING", "")).status()).as(path).isEqualTo(200);
        }
        // Thái Nguyên's own province (unit code 19) stays readable to its official
        assertThat(http.get(steeringTn, "/api/v1/analytics/series?indicator=" + indicator
                + "&unitCode=19&type=YEAR&from=2021&to=2025").status()).isEqualTo(200);
    }

    @Test
    void anotherProvincesSteeringOfficialCannotImportThanhHoasDocument() throws IOException {
        Http.Answer a = http.upload(steeringTn, "/api/v1/imports", "000.txt",
                new ClassPathResource("seed/plans/000_f654baa895e59210.txt").getContentAsByteArray());
        assertThat(a.status()).as(a.text()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from plan where source_filename = '000.txt'").query(Integer.class).single())
                .isZero();
        // the list of imports shows a province's own imports only
        JsonNode imports = http.get(steeringTn, "/api/v1/imports").body();
        imports.forEach(i -> assertThat(i.get("planId").isNull() || i.get("planId").asLong() == planTn)
                .as(i.toString()).isTrue());
    }

    @Test
    void anotherProvincesSteeringOfficialNeitherReadsNorApprovesThanhHoasReports() {
        String draft = "/api/v1/submissions/" + draftReport.id();
        String submitted = "/api/v1/submissions/" + submittedReport.id();
        assertThat(http.get(steeringTn, draft).status()).isEqualTo(404);
        assertThat(http.get(steeringTn, draft + "/history").status()).isEqualTo(404);
        assertThat(http.call(steeringTn, "PUT", draft, Map.of("narrative", "ghi đè")).status()).isEqualTo(404);
        assertThat(narrative(draftReport.id())).isEqualTo("Bản nháp của Thanh Hóa");
        assertThat(http.call(steeringTn, "POST", submitted + "/approve", null).status()).isEqualTo(404);
        assertThat(http.call(steeringTn, "POST", submitted + "/return", Map.of("reason", "không")).status()).isEqualTo(404);
        assertThat(jdbc.sql("select status from submission where id = ?").param(submittedReport.id())
                .query(String.class).single()).isEqualTo("SUBMITTED");
        assertThat(http.get(steeringTn, "/api/v1/plans/" + planTh + "/periods").status()).isEqualTo(404);
        assertThat(http.get(steeringTn, "/api/v1/periods/" + submittedReport.reportingPeriodId() + "/submissions").status())
                .isEqualTo(404);
        assertThat(http.get(steeringTn, "/api/v1/agencies/" + agencyTh + "/submissions").status()).isEqualTo(404);
        assertThat(http.get(steeringTn, "/api/v1/agencies/" + agencyTh).status()).isEqualTo(404);
        // the inbox lists its own province's reports only
        assertThat(ids(http.get(steeringTn, "/api/v1/inbox").body())).doesNotContain(submittedReport.id());
        assertThat(ids(http.get(steeringTh, "/api/v1/inbox").body())).contains(submittedReport.id());
        // the pages: the report and the inbox
        assertThat(http.get(steeringTn, "/reporting/submissions/" + draftReport.id()).status()).isEqualTo(404);
        assertThat(http.get(steeringTn, "/reporting").text()).doesNotContain("/reporting/submissions/" + submittedReport.id());
        assertThat(http.get(steeringTh, "/reporting").text()).contains("/reporting/submissions/" + submittedReport.id());
        // Thanh Hóa's steering official reads the draft
        assertThat(http.get(steeringTh, draft).status()).isEqualTo(200);
    }

    @Test
    void aNationalLeaderReadsEveryProvinceAndAProvinceLeaderItsOwn() {
        assertThat(ids(http.get(leaderNational, "/api/v1/plans").body())).containsExactlyInAnyOrder(planTh, planTn);
        assertThat(http.get(leaderNational, "/api/v1/plans/" + planTn).status()).isEqualTo(200);
        assertThat(http.get(leaderNational, "/api/v1/submissions/" + submittedReport.id()).status()).isEqualTo(200);
        assertThat(ids(http.get(leaderNational, "/api/v1/inbox").body())).contains(submittedReport.id());
        // a leader reads, never writes, wherever it reads
        assertThat(http.call(leaderNational, "POST", "/api/v1/submissions/" + submittedReport.id() + "/approve", null)
                .status()).isEqualTo(403);
        // a role that never publishes is refused before any plan is looked up
        assertThat(http.call(leaderNational, "POST", "/api/v1/plans/" + draftPlanTh + "/publish", null).status())
                .isEqualTo(403);
        assertThat(http.get(leaderNational, "/api/v1/plans/" + draftPlanTh).status()).isEqualTo(404);
        assertThat(ids(http.get(leaderTh, "/api/v1/plans").body())).containsExactly(planTh);
        assertThat(http.get(leaderTh, "/api/v1/plans/" + planTn).status()).isEqualTo(404);
        assertThat(http.get(leaderTh, "/api/v1/submissions/" + submittedReport.id()).status()).isEqualTo(200);
    }

    @Test
    void aProvinceAdministratorAdministersTheUsersOfItsProvinceOnly() {
        JsonNode listed = http.get(adminTh, "/api/v1/users").body();
        assertThat(listed).isNotEmpty();
        listed.forEach(u -> assertThat(u.get("provinceCode").asText()).as(u.toString()).isEqualTo(THANH_HOA));
        List<String> names = new ArrayList<>();
        listed.forEach(u -> names.add(u.get("username").asText()));
        assertThat(names).contains(steeringTh, editorTh).doesNotContain(steeringTn, leaderNational, adminNational);

        Http.Answer other = http.call(adminTh, "POST", "/api/v1/users", Map.of("username", "tn-" + run,
                "password", "mat-khau-dai-du", "displayName", "Người Thái Nguyên", "role", "STEERING",
                "provinceCode", THAI_NGUYEN));
        assertThat(other.status()).as(other.text()).isEqualTo(403);
        Http.Answer national = http.call(adminTh, "POST", "/api/v1/users", Map.of("username", "root-" + run,
                "password", "mat-khau-dai-du", "displayName", "Siêu quản trị", "role", "ADMIN"));
        // no province given: the administrator's own, so never a national user, nor a super-administrator
        assertThat(national.status()).as(national.text()).isEqualTo(201);
        assertThat(users.find("root-" + run).orElseThrow().provinceCode()).isEqualTo(THANH_HOA);
        assertThat(users.find("tn-" + run)).isEmpty();

        // the super-administrator creates users of any province and national ones
        Http.Answer tn = http.call(adminNational, "POST", "/api/v1/users", Map.of("username", "tn2-" + run,
                "password", "mat-khau-dai-du", "displayName", "Người Thái Nguyên", "role", "VIEWER",
                "provinceCode", THAI_NGUYEN));
        assertThat(tn.status()).as(tn.text()).isEqualTo(201);
        assertThat(users.find("tn2-" + run).orElseThrow().provinceCode()).isEqualTo(THAI_NGUYEN);
        List<String> all = new ArrayList<>();
        http.get(adminNational, "/api/v1/users").body().forEach(u -> all.add(u.get("username").asText()));
        assertThat(all).contains(steeringTh, steeringTn, leaderNational, "tn2-" + run);
        // the province administrator's page lists its province's users only
        String page = http.get(adminTh, "/admin/users").text();
        assertThat(page).contains(steeringTh).doesNotContain(steeringTn).doesNotContain("tn2-" + run);
    }
}
