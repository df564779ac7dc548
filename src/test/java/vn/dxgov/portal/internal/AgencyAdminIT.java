package vn.dxgov.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserDirectory;
import vn.dxgov.support.Http;
import vn.dxgov.support.TestData;
import vn.dxgov.support.TestUsers;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.AgencyKind;
import vn.dxgov.units.AgencyMatch;

/**
 * The agency page (what it leads and co-operates on, its reports with status and lateness, its scorecard line) and the
 * steering department's add, rename and merge, on seed plan 001 of Thanh Hóa (38) and 002 of Thái Nguyên (19), with
 * real users of each province, on the real database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyAdminIT {

    static final String THANH_HOA = "38";
    static final String THAI_NGUYEN = "19";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    TestUsers testUsers;
    @Autowired
    UserDirectory users;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    Reporting reporting;
    @Autowired
    AgencyDirectory agencies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;

    final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

    String steeringTh;
    String steeringTn;
    String leaderTh;
    String viewerTh;
    String adminNational;
    String editorA;
    String editorB;
    long planTh;
    long planTn;
    long agencyA;
    long agencyB;
    long agencyTn;
    Submission submittedA;
    Submission draftB;

    @BeforeAll
    void setUp() throws IOException {
        data.resetPlans();
        data.ensureUnits();
        Http http = new Http(port, json);
        steeringTh = testUsers.ensure("ag-st-th", run, Role.STEERING, null, THANH_HOA);
        steeringTn = testUsers.ensure("ag-st-tn", run, Role.STEERING, null, THAI_NGUYEN);
        leaderTh = testUsers.ensure("ag-ld-th", run, Role.LEADER, null, THANH_HOA);
        viewerTh = testUsers.ensure("ag-vw-th", run, Role.VIEWER, null, THANH_HOA);
        adminNational = testUsers.ensure("ag-ad", run, Role.ADMIN, null, null);
        planTh = importAndPublish(http, steeringTh, "seed/plans/001_16196319a76d78f9.txt", "001.txt");
        planTn = importAndPublish(http, steeringTn, "seed/plans/002_26a007337e16e28d.txt", "002.txt");

        ReportingPeriod p2025 = testUsers.as(steeringTh, () -> reporting.periods(planTh)).stream()
                .filter(p -> p.period().equals("2025")).findFirst().orElseThrow();
        List<Long> required = reporting.requiredAgencies(p2025.id());
        agencyA = required.get(0);
        agencyB = required.get(1);
        editorA = testUsers.ensure("ag-ed-a", run, Role.EDITOR, agencyA, THANH_HOA);
        editorB = testUsers.ensure("ag-ed-b", run, Role.EDITOR, agencyB, THANH_HOA);
        Submission a = testUsers.as(editorA, () -> reporting.open(p2025.id(), agencyA));
        testUsers.as(editorA, () -> reporting.save(a.id(), complete(reporting.form(a.id()))));
        submittedA = testUsers.as(editorA, () -> reporting.submit(a.id()));
        draftB = testUsers.as(editorB, () -> reporting.open(p2025.id(), agencyB));
        testUsers.as(editorB, () -> reporting.save(draftB.id(), new ReportInput("Bản nháp", List.of(), List.of())));
        agencyTn = testUsers.as(steeringTn, () -> agencies.create("Sở Khoa học và Công nghệ " + run, AgencyKind.DEPARTMENT,
                THAI_NGUYEN, List.of())).id();
    }

    static long importAndPublish(Http http, String user, String resource, String filename) throws IOException {
        Http.Answer a = http.upload(user, "/api/v1/imports", filename, new ClassPathResource(resource).getContentAsByteArray());
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        long plan = a.body().get("planId").asLong();
        assertThat(http.call(user, "POST", "/api/v1/plans/" + plan + "/publish", null).status()).isEqualTo(200);
        return plan;
    }

    // ----- the page

    @Test
    void theAgencyPageShowsItsWorkItsReportsWithLatenessAndItsScorecardLine() throws Exception {
        String html = page(steeringTh, get("/agencies/" + agencyA), 200);
        Agency a = agencies.find(agencyA).orElseThrow();
        assertThat(html).contains(a.name()).contains("id=\"agency-work-summary\"").contains("role-lead")
                .contains("href=\"/plans/" + planTh + "\"");
        // its report, linked, with its status word and how late it was first submitted
        String reports = section(html, "agency-reports");
        assertThat(reports).contains("href=\"/reporting/submissions/" + submittedA.id() + "\"")
                .contains("Đã gửi");
        long late = ChronoUnit.DAYS.between(submittedA.dueOn(), LocalDate.now(clock));
        if (late > 0) {
            assertThat(reports).contains("Nộp muộn " + vn.dxgov.shared.Numbers.VI.count(late) + " ngày");
        } else {
            assertThat(reports).contains("Đúng hạn");
        }
        // the scorecard line the reports module computes, this year and last
        assertThat(html).contains("hx-get=\"/agencies/" + agencyA + "/scorecard\"");
        String score = section(page(steeringTh, get("/agencies/" + agencyA + "/scorecard"), 200), "agency-scorecard");
        assertThat(score).contains("Kết quả báo cáo").contains("Tỷ lệ đúng hạn").contains("class=\"score-line\"");
        int year = LocalDate.now(clock).getYear();
        if (year <= 2026) {
            // 2025: one report due (its 2025 report, deadline 05/12/2025), submitted (on time or late), none missing
            String y2025 = score.substring(score.indexOf("data-year=\"2025\""));
            assertThat(y2025).contains("score-due\">1<").contains("score-missing\">0<");
        }
        page(viewerTh, get("/agencies/" + agencyA + "/scorecard"), 403);
        page(editorA, get("/agencies/" + agencyA + "/scorecard"), 403);
        page(steeringTn, get("/agencies/" + agencyA + "/scorecard"), 404);
        // a leader of the province reads the same; a viewer reads the work only
        assertThat(page(leaderTh, get("/agencies/" + agencyA), 200)).contains("id=\"agency-reports\"")
                .contains("id=\"agency-scorecard\"");
        String viewer = page(viewerTh, get("/agencies/" + agencyA), 200);
        assertThat(viewer).contains(a.name()).doesNotContain("id=\"agency-reports\"")
                .doesNotContain("id=\"agency-scorecard\"").doesNotContain("id=\"agency-merge\"")
                .doesNotContain("id=\"agency-edit\"");
        // an editor reads its own agency's reports, not another agency's, and no scorecard
        assertThat(page(editorA, get("/agencies/" + agencyA), 200)).contains("id=\"agency-reports\"")
                .doesNotContain("id=\"agency-scorecard\"");
        assertThat(page(editorA, get("/agencies/" + agencyB), 200)).doesNotContain("id=\"agency-reports\"")
                .doesNotContain("/reporting/submissions/" + draftB.id());
        // B never submitted: its draft is overdue, not late
        String b = section(page(steeringTh, get("/agencies/" + agencyB), 200), "agency-reports");
        assertThat(b).contains("/reporting/submissions/" + draftB.id()).contains("Đang soạn");
        if (LocalDate.now(clock).isAfter(draftB.dueOn())) {
            assertThat(b).contains("Quá hạn " + vn.dxgov.shared.Numbers.VI
                    .count(ChronoUnit.DAYS.between(draftB.dueOn(), LocalDate.now(clock))) + " ngày, chưa nộp");
        }
    }

    @Test
    void anotherProvincesAgencyDoesNotExist() throws Exception {
        page(steeringTn, get("/agencies/" + agencyA), 404);
        page(steeringTh, get("/agencies/" + agencyTn), 404);
        assertThat(page(steeringTn, get("/agencies"), 200)).doesNotContain("href=\"/agencies/" + agencyA + "\"")
                .contains("href=\"/agencies/" + agencyTn + "\"");
        assertThat(page(adminNational, get("/agencies/" + agencyTn), 200)).contains("id=\"agency-merge\"");
    }

    @Test
    void editorsAndViewersCannotAddRenameOrMerge() throws Exception {
        page(editorA, get("/agencies/new"), 403);
        page(viewerTh, get("/agencies/new"), 403);
        page(editorA, post("/agencies").with(csrf()).param("name", "Ban Quản lý dự án số").param("kind", "DEPARTMENT")
                .param("province", THANH_HOA), 403);
        page(editorA, post("/agencies/" + agencyA + "/merge").with(csrf()).param("into", String.valueOf(agencyB)), 403);
        page(viewerTh, post("/agencies/" + agencyA + "/merge").with(csrf()).param("into", String.valueOf(agencyB)), 403);
        page(leaderTh, post("/agencies/" + agencyA).with(csrf()).param("name", "X").param("kind", "OTHER"), 403);
        // another province's steering department cannot touch it either (it does not exist for them)
        page(steeringTn, post("/agencies/" + agencyA + "/merge").with(csrf()).param("into", String.valueOf(agencyB)), 404);
        assertThat(agencies.find(agencyA)).isPresent();
        assertThat(page(viewerTh, get("/agencies"), 200)).doesNotContain("id=\"agency-add\"");
        assertThat(page(steeringTh, get("/agencies"), 200)).contains("id=\"agency-add\"");
    }

    // ----- add

    @Test
    void addingAnAgencyChecksItsNameAndProvinceAndKeepsTheInput() throws Exception {
        assertThat(page(steeringTh, get("/agencies/new"), 200)).contains("id=\"agency-new\"");
        String empty = page(steeringTh, post("/agencies").with(csrf()).param("name", " ").param("shortName", "BQL-" + run)
                .param("kind", "DEPARTMENT").param("province", THANH_HOA), 422);
        assertThat(empty).contains("Bắt buộc.").contains("is-invalid").contains("value=\"BQL-" + run + "\"");

        Agency existing = agencies.find(agencyA).orElseThrow();
        String duplicate = page(steeringTh, post("/agencies").with(csrf()).param("name", existing.name().toUpperCase())
                .param("kind", "DEPARTMENT").param("province", THANH_HOA), 422);
        assertThat(duplicate).contains("Tỉnh đã có cơ quan mang tên");

        String otherProvince = page(steeringTh, post("/agencies").with(csrf()).param("name", "Ban Chuyển đổi số " + run)
                .param("kind", "DEPARTMENT").param("province", THAI_NGUYEN), 422);
        assertThat(otherProvince).contains("Bạn chỉ thêm được cơ quan của tỉnh mình.")
                .contains("value=\"Ban Chuyển đổi số " + run + "\"");

        MvcResult ok = mvc.perform(as(steeringTh, post("/agencies").with(csrf())
                .param("name", "Ban Chuyển đổi số " + run).param("shortName", "BCĐS " + run)
                .param("kind", "DEPARTMENT").param("province", THANH_HOA).param("aliases", "Ban CĐS " + run))).andReturn();
        assertThat(ok.getResponse().getStatus()).isEqualTo(302);
        Agency added = agencies.findByName("Ban Chuyển đổi số " + run, THANH_HOA).orElseThrow();
        assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/agencies/" + added.id());
        assertThat(added.needsReview()).isFalse();
        assertThat(added.aliases()).contains("BCĐS " + run, "Ban CĐS " + run);
        // the short name matches a document as an alias does
        assertThat(agencies.findByName("bcds " + run, THANH_HOA).map(Agency::id)).contains(added.id());
        assertThat(auditCount("agency.create", added.id())).isEqualTo(1);
        // the plan review sends here and gets back
        MvcResult back = mvc.perform(as(steeringTh, post("/agencies").with(csrf())
                .param("name", "Trung tâm Dữ liệu " + run).param("kind", "PUBLIC_SERVICE_UNIT")
                .param("province", THANH_HOA).param("back", "/plans/" + planTh))).andReturn();
        assertThat(back.getResponse().getRedirectedUrl()).isEqualTo("/plans/" + planTh);
        MvcResult offsite = mvc.perform(as(steeringTh, post("/agencies").with(csrf())
                .param("name", "Trung tâm Điều hành " + run).param("kind", "PUBLIC_SERVICE_UNIT")
                .param("province", THANH_HOA).param("back", "//evil.example/x"))).andReturn();
        assertThat(offsite.getResponse().getRedirectedUrl()).startsWith("/agencies/");
    }

    // ----- rename

    @Test
    void aRenamedAgencyKeepsItsOldNameAsAnAliasSoImportsStillMatch() throws Exception {
        Agency a = testUsers.as(steeringTh, () -> agencies.create("Sở Văn hóa " + run, AgencyKind.DEPARTMENT, THANH_HOA,
                List.of()));
        MvcResult r = mvc.perform(as(steeringTh, post("/agencies/" + a.id()).with(csrf())
                .param("name", "Sở Văn hóa, Thể thao và Du lịch " + run).param("kind", "DEPARTMENT"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        Agency renamed = agencies.find(a.id()).orElseThrow();
        assertThat(renamed.name()).isEqualTo("Sở Văn hóa, Thể thao và Du lịch " + run);
        assertThat(renamed.aliases()).contains("Sở Văn hóa " + run);
        List<AgencyMatch> matched = testUsers.as(steeringTh, () -> agencies.resolve("Sở Văn hóa " + run, THANH_HOA));
        assertThat(matched).singleElement().satisfies(m -> {
            assertThat(m.agency().id()).isEqualTo(a.id());
            assertThat(m.how()).isEqualTo(AgencyMatch.How.ALIAS);
        });
        // renaming to another agency's name is refused on the name field, with what was typed kept
        Agency other = agencies.find(agencyB).orElseThrow();
        String clash = page(steeringTh, post("/agencies/" + a.id()).with(csrf()).param("name", other.name())
                .param("kind", "DEPARTMENT"), 422);
        assertThat(clash).contains("Tỉnh đã có cơ quan mang tên").contains("is-invalid");
    }

    // ----- merge

    @Test
    void mergingMovesEverythingInOneStepAndTheOldAddressLeadsToTheOther() throws Exception {
        // two agencies of the plan that lead targets or tasks; the merged one has no report, so nothing collides
        ReportingPeriod p2025 = testUsers.as(steeringTh, () -> reporting.periods(planTh)).stream()
                .filter(p -> p.period().equals("2025")).findFirst().orElseThrow();
        List<Long> required = reporting.requiredAgencies(p2025.id());
        long merged = required.get(required.size() - 1);
        long into = required.get(required.size() - 2);
        assertThat(merged).isNotIn(agencyA, agencyB);
        assertThat(into).isNotIn(agencyA, agencyB);
        Agency before = agencies.find(merged).orElseThrow();
        int targetRows = count("select count(*) from target_agency where agency_id = ?", merged);
        int taskRows = count("select count(*) from task_agency where agency_id = ?", merged);
        assertThat(targetRows + taskRows).isPositive();
        String editorMerged = testUsers.ensure("ag-ed-m", run, Role.EDITOR, merged, THANH_HOA);
        jdbc.sql("insert into notification (recipient_agency_id, kind, title) values (?, 'TEST', 'Nhắc báo cáo')")
                .param(merged).update();
        // the task and target lines of both, counted as distinct (target, role) pairs the merged one brings
        int intoLeadsBefore = count("""
                select count(distinct target_id) from target_agency where role = 'LEAD' and agency_id in (?, ?)""", merged, into);

        MvcResult r = mvc.perform(as(steeringTh, post("/agencies/" + merged + "/merge").with(csrf())
                .param("into", String.valueOf(into)))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/agencies/" + into);

        assertThat(agencies.find(merged)).isEmpty();
        assertThat(count("select count(*) from target_agency where agency_id = ?", merged)).isZero();
        assertThat(count("select count(*) from task_agency where agency_id = ?", merged)).isZero();
        assertThat(count("select count(distinct target_id) from target_agency where role = 'LEAD' and agency_id = ?", into))
                .isEqualTo(intoLeadsBefore);
        assertThat(users.find(editorMerged).orElseThrow().agencyId()).isEqualTo(into);
        assertThat(count("select count(*) from notification where recipient_agency_id = ?", into)).isPositive();
        Agency after = agencies.find(into).orElseThrow();
        assertThat(after.aliases()).contains(before.name());
        // documents naming the merged agency now match the one it went into
        assertThat(testUsers.as(steeringTh, () -> agencies.resolve(before.name(), THANH_HOA)))
                .singleElement().satisfies(m -> assertThat(m.agency().id()).isEqualTo(into));
        // the old address redirects; the merged agency's work is now on the other's page
        MvcResult old = mvc.perform(as(viewerTh, get("/agencies/" + merged))).andReturn();
        assertThat(old.getResponse().getStatus()).isEqualTo(302);
        assertThat(old.getResponse().getRedirectedUrl()).isEqualTo("/agencies/" + into);
        page(steeringTn, get("/agencies/" + merged), 404);
        assertThat(auditCount("agency.merge", into)).isEqualTo(1);
        // the reporting duties follow: the merged agency is no longer required, the other is
        assertThat(reporting.requiredAgencies(p2025.id())).doesNotContain(merged).contains(into);
    }

    @Test
    void aMergeThatWouldJoinTwoReportsOfOnePeriodIsRefusedAndChangesNothing() throws Exception {
        String refused = page(steeringTh, post("/agencies/" + agencyA + "/merge").with(csrf())
                .param("into", String.valueOf(agencyB)), 422);
        assertThat(refused).contains("Không gộp được: 1 xung đột")
                .contains("Cả hai cơ quan đều có báo cáo kỳ 2025 của kế hoạch #" + planTh);
        assertThat(agencies.find(agencyA)).isPresent();
        assertThat(reporting.find(submittedA.id()).orElseThrow().agencyId()).isEqualTo(agencyA);
        assertThat(users.find(editorA).orElseThrow().agencyId()).isEqualTo(agencyA);

        String self = page(steeringTh, post("/agencies/" + agencyA + "/merge").with(csrf())
                .param("into", String.valueOf(agencyA)), 422);
        assertThat(self).contains("Không gộp được một cơ quan vào chính nó.").contains("is-invalid");
        String none = page(steeringTh, post("/agencies/" + agencyA + "/merge").with(csrf()), 422);
        assertThat(none).contains("Chọn cơ quan để gộp vào.");
        String otherProvince = page(adminNational, post("/agencies/" + agencyA + "/merge").with(csrf())
                .param("into", String.valueOf(agencyTn)), 422);
        assertThat(otherProvince).contains("Chỉ gộp được hai cơ quan của cùng một tỉnh.");
        // English too
        String english = page(steeringTh, post("/agencies/" + agencyA + "/merge").with(csrf()).param("lang", "en")
                .param("into", String.valueOf(agencyA)), 422);
        assertThat(english).contains("An agency cannot be merged into itself.");
    }

    // ----- the API: the same rules

    @Test
    void theApiAddsAndMergesUnderTheSameRules() throws Exception {
        String body = "{\"name\":\"Phòng Thử API " + run + "\",\"kind\":\"DEPARTMENT\",\"province\":\"38\",\"aliases\":[\"PTA " + run + "\"]}";
        page(editorA, post("/api/v1/agencies").with(csrf()).contentType("application/json").content(body), 403);
        String created = page(steeringTh, post("/api/v1/agencies").with(csrf()).contentType("application/json").content(body), 201);
        long id = json.readTree(created).get("id").asLong();
        page(steeringTh, post("/api/v1/agencies").with(csrf()).contentType("application/json").content(body), 409);
        page(steeringTh, post("/api/v1/agencies").with(csrf()).contentType("application/json")
                .content(body.replace("\"38\"", "\"19\"")), 403);
        String refused = page(steeringTh, post("/api/v1/agencies/" + agencyA + "/merge").with(csrf())
                .contentType("application/json").content("{\"into\":" + agencyB + "}"), 409);
        assertThat(refused).contains("agency.merge.conflict.submission");
        long other = testUsers.as(steeringTh, () -> agencies.create("Phòng Thử API 2 " + run, AgencyKind.DEPARTMENT,
                THANH_HOA, List.of())).id();
        String merged = page(steeringTh, post("/api/v1/agencies/" + id + "/merge").with(csrf())
                .contentType("application/json").content("{\"into\":" + other + "}"), 200);
        assertThat(merged).contains("Phòng Thử API " + run).contains("PTA " + run);
        assertThat(agencies.find(id)).isEmpty();
        assertThat(agencies.mergedInto(id)).contains(other);
    }

    // ----- the import review

    @Test
    void theImportReviewOffersTheProvincesAgenciesForANameItDidNotKnow() throws Exception {
        long importId = jdbc.sql("select id from plan_import where plan_id = ?").param(planTh).query(Long.class).single();
        List<Long> unknown = jdbc.sql("""
                        select distinct a.id from agency a
                         where a.province_code = ? and a.needs_review
                           and exists (select 1 from task_agency k join task t on t.id = k.task_id
                                        where k.agency_id = a.id and t.plan_id = ?)
                         order by a.id""")
                .params(THANH_HOA, planTh).query(Long.class).list();
        org.junit.jupiter.api.Assumptions.assumeTrue(unknown.size() >= 2, "seed 001 names agencies dxgov does not know");
        long unknownName = unknown.get(0);
        long kept = unknown.get(1);
        String review = page(steeringTh, get("/imports/" + importId), 200);
        assertThat(review).contains("action=\"/agencies/" + unknownName + "/merge\"")
                .contains("<option value=\"" + agencyA + "\"")
                .contains("action=\"/agencies/" + kept + "\"");
        // "this is agency X": merged, its name now X's alias, back on the review
        Agency into = testUsers.as(steeringTh, () -> agencies.create("Ban Điều phối " + run, AgencyKind.DEPARTMENT,
                THANH_HOA, List.of()));
        String writtenName = agencies.find(unknownName).orElseThrow().name();
        int tasksBefore = count("select count(*) from task_agency where agency_id = ?", unknownName);
        MvcResult merged = mvc.perform(as(steeringTh, post("/agencies/" + unknownName + "/merge").with(csrf())
                .param("into", String.valueOf(into.id())).param("back", "/imports/" + importId))).andReturn();
        assertThat(merged.getResponse().getRedirectedUrl()).isEqualTo("/imports/" + importId);
        assertThat(count("select count(*) from task_agency where agency_id = ?", into.id())).isEqualTo(tasksBefore);
        assertThat(agencies.find(into.id()).orElseThrow().aliases()).contains(writtenName);
        // "keep as a new agency": reviewed
        Agency k = agencies.find(kept).orElseThrow();
        mvc.perform(as(steeringTh, post("/agencies/" + kept).with(csrf()).param("name", k.name())
                .param("kind", k.kind().name()).param("aliases", String.join(";", k.aliases())))).andReturn();
        assertThat(agencies.find(kept).orElseThrow().needsReview()).isFalse();
        String after = page(steeringTh, get("/imports/" + importId), 200);
        assertThat(after).doesNotContain("action=\"/agencies/" + unknownName + "/merge\"")
                .doesNotContain("action=\"/agencies/" + kept + "/merge\"");
        // the plan's target and task edit forms link to adding an agency of the plan's province
        assertThat(page(steeringTh, get("/agencies/new").param("province", THANH_HOA).param("back", "/plans/" + planTh), 200))
                .contains("value=\"/plans/" + planTh + "\"");
    }

    // ----- helpers

    /** Every required line of a report filled in: values for targets, a status for tasks. */
    static ReportInput complete(vn.dxgov.reporting.ReportForm form) {
        List<ReportInput.TargetValue> values = form.targets().stream().filter(l -> l.required() && !l.locked())
                .map(l -> l.ratio()
                        ? new ReportInput.TargetValue(l.targetId(), null, java.math.BigDecimal.valueOf(45),
                        java.math.BigDecimal.valueOf(50), null, l.split(), null)
                        : new ReportInput.TargetValue(l.targetId(), l.yesNo() ? java.math.BigDecimal.ONE
                        : java.math.BigDecimal.valueOf(12), null, null, null, l.split(), null))
                .toList();
        List<ReportInput.TaskProgress> progress = form.tasks().stream().filter(vn.dxgov.reporting.ReportForm.TaskLine::required)
                .map(l -> new ReportInput.TaskProgress(l.taskId(), vn.dxgov.reporting.TaskProgressStatus.IN_PROGRESS, 60,
                        "Đang triển khai"))
                .toList();
        return new ReportInput("Cơ quan đã triển khai các nhiệm vụ được giao.", values, progress);
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    private int auditCount(String action, long agencyId) {
        return count("select count(*) from audit_event where action = ? and entity_type = 'agency' and entity_id = ?",
                action, String.valueOf(agencyId));
    }

    private String page(String user, MockHttpServletRequestBuilder request, int expected) throws Exception {
        MvcResult r = mvc.perform(as(user, request)).andReturn();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body.length() > 600 ? body.substring(0, 600) : body).isEqualTo(expected);
        return body;
    }

    private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        UserDetails user = accounts.loadUserByUsername(username);
        return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
    }

    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        int end = html.indexOf("</section>", start);
        return html.substring(start, end);
    }
}
