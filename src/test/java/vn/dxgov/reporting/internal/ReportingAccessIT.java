package vn.dxgov.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.time.LocalDate;
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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.security.Role;

/**
 * Who may do what, proven through both doors: the pages (MockMvc with a real form login, session and CSRF token) and
 * the API (HTTP Basic). An editor of agency A can neither read nor change agency B's draft; a leader reads and
 * cannot write; a viewer sees nothing of reporting. Also the pages themselves: the landing page per role, the form
 * with htmx saving and inline errors, submission, return, the plan's schedule page and user administration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(ReportingTestConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingAccessIT extends ReportingSupport {

    static final LocalDate TODAY = LocalDate.of(2025, 11, 20);

    @Autowired
    MockMvc mvc;

    long plan;
    ReportingPeriod p2025;
    List<Long> required;
    long agencyA;
    long agencyB;
    String editorA;
    String editorB;
    String leader;
    Submission draftB;

    @BeforeAll
    void setUp() throws IOException {
        ReportingTestConfig.CLOCK.set(TODAY, 9);
        data.resetPlans();
        data.ensureUnits();
        plan = importSeed(SEED_001, "001.txt", true);
        String steering = user("st", Role.STEERING, null);
        p2025 = as(steering, () -> reporting.periods(plan)).stream().filter(p -> p.period().equals("2025")).findFirst().orElseThrow();
        required = reporting.requiredAgencies(p2025.id());
        agencyA = required.get(0);
        agencyB = required.get(1);
        editorA = user("eda", Role.EDITOR, agencyA);
        editorB = user("edb", Role.EDITOR, agencyB);
        leader = user("ld", Role.LEADER, null);
        draftB = as(editorB, () -> reporting.open(p2025.id(), agencyB));
        as(editorB, () -> reporting.save(draftB.id(), new ReportInput("Bản nháp của B", List.of(), List.of())));
    }

    @BeforeEach
    void today() {
        ReportingTestConfig.CLOCK.set(TODAY, 9);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    MockHttpSession login(String username) throws Exception {
        return login(mvc, username);
    }

    String page(MockHttpSession session, String path, int expected) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString();
    }

    MvcResult postForm(MockHttpSession session, MockHttpServletRequestBuilder request, int expected) throws Exception {
        return mvc.perform(request.session(session).with(csrf())).andExpect(status().is(expected)).andReturn();
    }

    String narrativeOfB() {
        return jdbc.sql("select narrative from submission where id = ?").param(draftB.id()).query(String.class).single();
    }

    // ===== an editor of agency A and agency B's draft =====

    @Test
    void anEditorCannotReadOrChangeAnotherAgencysDraftThroughTheApi() {
        String b = "/api/v1/submissions/" + draftB.id();
        assertThat(call(editorA, "GET", b, null).status()).isEqualTo(404);
        assertThat(call(editorA, "GET", b + "/history", null).status()).isEqualTo(404);
        assertThat(call(editorA, "GET", b + "/evidence", null).status()).isEqualTo(404);
        Answer put = call(editorA, "PUT", b, Map.of("narrative", "ghi đè"));
        assertThat(put.status()).isEqualTo(403);
        assertThat(put.body().get("message").asText()).isNotBlank();
        assertThat(call(editorA, "POST", b + "/submit", null).status()).isEqualTo(403);
        assertThat(call(editorA, "POST", b + "/approve", null).status()).isEqualTo(403);
        assertThat(call(editorA, "POST", b + "/return", Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(call(editorA, "POST", "/api/v1/periods/" + p2025.id() + "/submissions?agency=" + agencyB, null).status())
                .isEqualTo(403);
        assertThat(call(editorA, "GET", "/api/v1/todo?agency=" + agencyB, null).status()).isEqualTo(403);
        assertThat(call(editorA, "GET", "/api/v1/agencies/" + agencyB + "/submissions", null).status()).isEqualTo(403);
        // the period's matrix shows the editor only its own agency
        Answer matrix = call(editorA, "GET", "/api/v1/periods/" + p2025.id() + "/submissions", null);
        assertThat(matrix.status()).isEqualTo(200);
        assertThat(matrix.body().get("rows")).hasSize(1);
        assertThat(matrix.body().get("rows").get(0).get("agencyId").asLong()).isEqualTo(agencyA);
        // the owner reads it
        Answer own = call(editorB, "GET", b, null);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().get("submission").get("narrative").asText()).isEqualTo("Bản nháp của B");
        assertThat(own.body().get("editable").asBoolean()).isTrue();
        assertThat(narrativeOfB()).isEqualTo("Bản nháp của B");
    }

    @Test
    void anEditorCannotReadOrChangeAnotherAgencysDraftThroughThePages() throws Exception {
        MockHttpSession a = login(editorA);
        String b = "/reporting/submissions/" + draftB.id();
        String notFound = page(a, b, 404);
        assertThat(notFound).doesNotContain("Bản nháp của B");
        postForm(a, post(b).param("narrative", "ghi đè"), 403);
        postForm(a, post(b + "/submit").param("narrative", "ghi đè"), 403);
        postForm(a, post(b + "/approve"), 403);
        postForm(a, post("/reporting/periods/" + p2025.id() + "/open").param("agency", Long.toString(agencyB)), 403);
        // without the CSRF token nothing is even considered
        mvc.perform(post(b).session(a).param("narrative", "ghi đè")).andExpect(status().isForbidden());
        assertThat(narrativeOfB()).isEqualTo("Bản nháp của B");
        // the owner sees it
        assertThat(page(login(editorB), b, 200)).contains("Bản nháp của B");
    }

    // ===== leaders and viewers =====

    @Test
    void aLeaderReadsEverythingAndWritesNothing() throws Exception {
        String b = "/api/v1/submissions/" + draftB.id();
        assertThat(call(leader, "GET", b, null).status()).isEqualTo(200);
        assertThat(call(leader, "GET", b, null).body().get("editable").asBoolean()).isFalse();
        assertThat(call(leader, "GET", "/api/v1/inbox", null).status()).isEqualTo(200);
        assertThat(call(leader, "GET", "/api/v1/todo?agency=" + agencyB, null).status()).isEqualTo(200);
        assertThat(call(leader, "PUT", b, Map.of("narrative", "lãnh đạo sửa")).status()).isEqualTo(403);
        assertThat(call(leader, "POST", b + "/submit", null).status()).isEqualTo(403);
        assertThat(call(leader, "POST", b + "/approve", null).status()).isEqualTo(403);
        assertThat(call(leader, "POST", b + "/return", Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(call(leader, "POST", "/api/v1/periods/" + p2025.id() + "/submissions?agency=" + agencyB, null).status())
                .isEqualTo(403);
        assertThat(call(leader, "PUT", "/api/v1/plans/" + plan + "/schedule", Map.of("frequency", "ANNUAL",
                "agencyDue", List.of("05/12"), "firstYear", 2022, "lastYear", 2025)).status()).isEqualTo(403);

        MockHttpSession session = login(leader);
        String landing = page(session, "/reporting", 200);
        assertThat(landing).contains("id=\"periods\"").contains("period-" + p2025.id()).contains("Chỉ xem");
        String form = page(session, "/reporting/submissions/" + draftB.id(), 200);
        assertThat(form).contains("Bản nháp của B").doesNotContain("id=\"save\"").doesNotContain("id=\"approve\"");
        postForm(session, post("/reporting/submissions/" + draftB.id()).param("narrative", "lãnh đạo sửa"), 403);
        postForm(session, post("/reporting/submissions/" + draftB.id() + "/approve"), 403);
        assertThat(narrativeOfB()).isEqualTo("Bản nháp của B");
    }

    @Test
    void aViewerSeesNothingOfReporting() throws Exception {
        for (String path : List.of("/api/v1/submissions/" + draftB.id(), "/api/v1/inbox", "/api/v1/todo?agency=" + agencyB,
                "/api/v1/plans/" + plan + "/periods", "/api/v1/plans/" + plan + "/schedule",
                "/api/v1/periods/" + p2025.id() + "/submissions")) {
            assertThat(call("viewer", "GET", path, null).status()).as(path).isEqualTo(403);
        }
        assertThat(call("viewer", "PUT", "/api/v1/submissions/" + draftB.id(), Map.of("narrative", "x")).status()).isEqualTo(403);
        MockHttpSession session = login("viewer");
        page(session, "/reporting", 403);
        page(session, "/reporting/submissions/" + draftB.id(), 403);
        page(session, "/reporting/periods/" + p2025.id(), 403);
        page(session, "/plans/" + plan + "/reporting", 403);
    }

    // ===== the pages at work =====

    @Test
    void anEditorFillsInSavesWithHtmxAndSubmitsThenTheSteeringDepartmentReturnsIt() throws Exception {
        MockHttpSession a = login(editorA);
        String landing = page(a, "/reporting", 200);
        assertThat(landing).contains("id=\"todo\"").contains("todo-" + p2025.id()).contains("Mở báo cáo").contains("còn 15 ngày");
        MvcResult opened = postForm(a, post("/reporting/periods/" + p2025.id() + "/open"), 302);
        String url = opened.getResponse().getRedirectedUrl();
        assertThat(url).matches("/reporting/submissions/\\d+");
        long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        String form = page(a, url, 200);
        assertThat(form).contains("id=\"save\"").contains("id=\"submit\"").contains("excel-panel-" + id);

        ReportForm lines = as(editorA, () -> reporting.form(id));
        ReportForm.TaskLine task = lines.tasks().stream().filter(ReportForm.TaskLine::required).findFirst().orElseThrow();
        String k = "k." + task.taskId() + ".";
        // a bad percentage: the fragment again with the message at the field, nothing saved
        String bad = postForm(a, post(url).header("HX-Request", "true").param(k + "status", "IN_PROGRESS")
                .param(k + "percent", "nhiều").param("narrative", "Đánh giá"), 422).getResponse().getContentAsString();
        assertThat(bad).startsWith("<form id=\"report-form\"").contains("is-invalid").contains("Nhập số nguyên từ 0 đến 100")
                .contains("value=\"nhiều\"");
        // done at 40%: refused by the service's rule
        String inconsistent = postForm(a, post(url).header("HX-Request", "true").param(k + "status", "DONE")
                .param(k + "percent", "40"), 422).getResponse().getContentAsString();
        assertThat(inconsistent).contains("100");
        assertThat(as(editorA, () -> reporting.find(id)).orElseThrow().narrative()).isNull();
        // saved in place
        String saved = postForm(a, post(url).header("HX-Request", "true").param(k + "status", "IN_PROGRESS")
                .param(k + "percent", "30").param(k + "narrative", "Đang lắp đặt").param("narrative", "Đánh giá chung"), 200)
                .getResponse().getContentAsString();
        assertThat(saved).startsWith("<form id=\"report-form\"").contains("Đã lưu báo cáo").contains("Đang lắp đặt");
        assertThat(as(editorA, () -> reporting.find(id)).orElseThrow().narrative()).isEqualTo("Đánh giá chung");

        // submitting with required lines empty: the page lists them
        long missing = lines.targets().stream().filter(ReportForm.TargetLine::required).count()
                + lines.tasks().stream().filter(ReportForm.TaskLine::required).count() - 1;
        if (missing > 0) {
            String refused = postForm(a, post(url + "/submit"), 422).getResponse().getContentAsString();
            assertThat(refused).contains("form-problem").contains("chưa");
        }
        as(editorA, () -> reporting.save(id, complete(reporting.form(id))));
        MvcResult submitted = postForm(a, post(url + "/submit"), 302);
        assertThat(submitted.getResponse().getRedirectedUrl()).isEqualTo(url);
        assertThat(as(editorA, () -> reporting.find(id)).orElseThrow().status()).isEqualTo(SubmissionStatus.SUBMITTED);
        assertThat(page(a, url, 200)).doesNotContain("id=\"save\"").contains("Đã gửi");

        // the steering department sees it in the inbox and returns it with a reason
        MockHttpSession st = login("steering");
        assertThat(page(st, "/reporting", 200)).contains("inbox-" + id);
        String noReason = postForm(st, post(url + "/return").param("reason", " "), 422).getResponse().getContentAsString();
        assertThat(noReason).contains("Cần ghi lý do");
        postForm(st, post(url + "/return").param("reason", "Bổ sung minh chứng cho nhiệm vụ"), 302);
        assertThat(page(a, url, 200)).contains("Bổ sung minh chứng cho nhiệm vụ").contains("Gửi lại báo cáo");
        assertThat(page(a, "/reporting", 200)).contains("Bị trả lại");
    }

    @Test
    void thePlansReportingPageShowsTheScheduleAndLetsTheSteeringDepartmentEditIt() throws Exception {
        MockHttpSession st = login("steering");
        String html = page(st, "/plans/" + plan + "/reporting", 200);
        assertThat(html).contains("05/12").contains("15/12").contains("schedule-form").contains("period-row-" + p2025.id());
        String bad = postForm(st, post("/plans/" + plan + "/reporting/schedule").param("frequency", "SEMI_ANNUAL")
                .param("agencyDue", "30/06").param("consolidationDue", "").param("firstYear", "2022").param("lastYear", "20x5")
                .param("reminderDaysBefore", "7, 3").param("reminderDaysAfter", "1"), 422).getResponse().getContentAsString();
        assertThat(bad).contains("Nhập năm");
        String bad2 = postForm(st, post("/plans/" + plan + "/reporting/schedule").param("frequency", "SEMI_ANNUAL")
                .param("agencyDue", "30/06").param("consolidationDue", "").param("firstYear", "2022").param("lastYear", "2025")
                .param("reminderDaysBefore", "7, 3").param("reminderDaysAfter", "1"), 422).getResponse().getContentAsString();
        assertThat(bad2).contains("schedule-problems").contains("Cần 2 hạn báo cáo");
        // an editor reads the schedule but cannot save it
        MockHttpSession a = login(editorA);
        assertThat(page(a, "/plans/" + plan + "/reporting", 200)).contains("05/12").doesNotContain("schedule-form");
        postForm(a, post("/plans/" + plan + "/reporting/schedule").param("frequency", "ANNUAL").param("agencyDue", "01/12")
                .param("firstYear", "2022").param("lastYear", "2025"), 403);
        assertThat(as(editorA, () -> reporting.activeSchedule(plan)).orElseThrow().agencyDue()).containsExactly("05/12");
        // the period page for the steering department offers to open a report for an agency
        assertThat(page(st, "/reporting/periods/" + p2025.id(), 200)).contains("open-for-agency").contains("matrix-row");
    }

    // ===== user administration =====

    @Test
    void anAdministratorCreatesUsers() throws Exception {
        String name = "moi-" + run;
        String strong = "Kế-hoạch-số-2025-tỉnh";
        Map<String, Object> user = Map.of("username", name, "password", strong, "displayName", "Cán bộ mới",
                "role", "EDITOR", "agencyId", agencyA, "email", "Moi@Example.VN");
        assertThat(call("steering", "POST", "/api/v1/users", user).status()).isEqualTo(403);
        assertThat(call("steering", "GET", "/api/v1/users", null).status()).isEqualTo(403);
        Answer created = call("admin", "POST", "/api/v1/users", user);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().get("role").asText()).isEqualTo("EDITOR");
        assertThat(created.body().get("agencyId").asLong()).isEqualTo(agencyA);
        assertThat(created.body().get("email").asText()).isEqualTo("moi@example.vn");
        assertThat(created.text()).doesNotContain(strong);
        assertThat(call("admin", "POST", "/api/v1/users", user).status()).isEqualTo(409);
        Answer invalid = call("admin", "POST", "/api/v1/users", Map.of("username", "x y", "password", "ngan",
                "displayName", "", "role", "EDITOR"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("details")).hasSize(4);
        Answer list = call("admin", "GET", "/api/v1/users", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains(name).doesNotContain("password");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'user.create'").query(Integer.class).single()).isPositive();
        // the new user can log in and works for its agency
        mvc.perform(get("/api/v1/todo").with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.httpBasic(name, strong))).andExpect(status().isOk());
        // the password policy: a common password, the demo password typed, one holding the name: 400, one message each
        for (String[] weak : new String[][] {{"password", "Mật khẩu cần ít nhất 10 ký tự."},
                {"12345678", "Mật khẩu cần ít nhất 10 ký tự."}, {"matkhau123", "Mật khẩu này quá phổ biến nên dễ bị đoán; hãy chọn mật khẩu khác."},
                {"dxgov-demo", "Mật khẩu này quá phổ biến nên dễ bị đoán; hãy chọn mật khẩu khác."},
                {"x" + name + "-B-2025!", "Mật khẩu không được chứa tên đăng nhập."}}) {
            Answer refusedWeak = call("admin", "POST", "/api/v1/users", Map.of("username", name + "-b", "password", weak[0],
                    "displayName", "Cán bộ", "role", "VIEWER"));
            assertThat(refusedWeak.status()).as(weak[0]).isEqualTo(400);
            assertThat(refusedWeak.body().get("details").get(0).asText()).isEqualTo("password: " + weak[1]);
        }
        assertThat(users.find(name + "-b")).isEmpty();

        MockHttpSession admin = login("admin");
        assertThat(page(admin, "/admin/users", 200)).contains(name).contains("user-form");
        String refused = postForm(admin, post("/admin/users").param("username", "ab").param("password", "12345678")
                .param("displayName", "A").param("role", "EDITOR"), 422).getResponse().getContentAsString();
        assertThat(refused).contains("is-invalid").contains("phải thuộc một cơ quan");
        // the form comes back with what was typed and a message at each bad field, never with the password
        assertThat(refused).contains("value=\"ab\"").contains("Tên đăng nhập gồm 3–40 ký tự")
                .contains("value=\"A\"").doesNotContain("12345678");
        String weakForm = postForm(admin, post("/admin/users").param("username", "ld2-" + run).param("password", "12345678")
                .param("displayName", "Lãnh đạo").param("role", "LEADER"), 422).getResponse().getContentAsString();
        assertThat(weakForm).contains("Mật khẩu cần ít nhất 10 ký tự.").doesNotContain("12345678");
        postForm(admin, post("/admin/users").param("username", "ld2-" + run).param("password", strong)
                .param("displayName", "Lãnh đạo").param("role", "LEADER"), 302);
        assertThat(users.find("ld2-" + run)).isPresent();
        page(login("steering"), "/admin/users", 403);
    }
}
