package vn.dxgov.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.dxgov.support.TestData;
import vn.dxgov.support.TestUsers;
import vn.dxgov.units.AdminUnits;

/**
 * The cascade pages: "Liên kết chỉ tiêu quốc gia" where a province's steering department confirms or rejects the
 * suggested links (viewers read, another province gets 404), the links from the plan page, the placeholder of a
 * cited plan not in dxgov yet, and "Thực hiện ở địa phương" of the national plan.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TargetLinkPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanImportService importer;
    @Autowired
    TestUsers testUsers;
    @Autowired
    AdminUnits units;
    @Autowired
    UserDetailsService accounts;

    CascadeFixture f;
    long national;
    long planA;

    @BeforeEach
    void documents() {
        data.resetPlans();
        data.ensureUnits();
        f = new CascadeFixture(importer, testUsers, units);
        national = f.importNational(f.steeringA, "71-NQ-CP.txt", CascadeFixture.resolution71()).planId();
        planA = f.importAs(f.steeringA, "95-KH-UBND.txt", CascadeFixture.planA()).planId();
    }

    @Test
    void theSteeringDepartmentConfirmsASuggestionOnThePage() throws Exception {
        String plan = page(f.steeringA, "/plans/" + planA, 200);
        assertThat(plan).contains("id=\"plan-target-links\"", "/plans/" + planA + "/target-links");

        String before = page(f.steeringA, "/plans/" + planA + "/target-links", 200);
        assertThat(before).contains("Liên kết chỉ tiêu quốc gia", "71/NQ-CP", "Quy mô kinh tế số đạt tối thiểu 30% GDP");
        int suggestions = jdbc.sql("select count(*) from target_link where plan_id = ?").param(planA).query(Integer.class).single();
        assertThat(suggestions).isPositive();
        assertThat(occurrences(before, "confirm-link")).isEqualTo(suggestions);
        assertThat(occurrences(before, "Gợi ý (")).isEqualTo(suggestions);

        long[] pair = jdbc.sql("select target_id, national_target_id from target_link where plan_id = ? order by score desc limit 1")
                .param(planA).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        MvcResult done = mvc.perform(as(f.steeringA, post("/plans/" + planA + "/target-links").with(csrf())
                .param("targetId", String.valueOf(pair[0])).param("nationalTargetId", String.valueOf(pair[1]))
                .param("decision", "CONFIRMED"))).andReturn();
        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/plans/" + planA + "/target-links#target-" + pair[0]);
        assertThat(done.getFlashMap().get("notice")).isEqualTo("Đã xác nhận liên kết chỉ tiêu.");

        String after = page(f.steeringA, "/plans/" + planA + "/target-links", 200);
        assertThat(occurrences(after, "confirm-link")).isEqualTo(suggestions - 1);
        assertThat(after).contains("Đã xác nhận", f.steeringA + ", ");
        assertThat(jdbc.sql("select decided_by from target_link where target_id = ? and national_target_id = ?")
                .params(pair[0], pair[1]).query(String.class).single()).isEqualTo(f.steeringA);
    }

    @Test
    void viewersReadAnotherProvinceDoesNotSee() throws Exception {
        page(f.viewerA, "/plans/" + planA + "/target-links", 404); // a draft does not exist for a viewer
        page(f.steeringB, "/plans/" + planA + "/target-links", 404);
        mvc.perform(as(f.steeringA, post("/plans/" + planA + "/publish").with(csrf()))).andReturn();
        String viewer = page(f.viewerA, "/plans/" + planA + "/target-links", 200);
        assertThat(viewer).contains("Gợi ý (").doesNotContain("confirm-link", "manual-link", "suggest-again");
        long[] pair = jdbc.sql("select target_id, national_target_id from target_link where plan_id = ? limit 1")
                .param(planA).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        int refused = mvc.perform(as(f.viewerA, post("/plans/" + planA + "/target-links").with(csrf())
                .param("targetId", String.valueOf(pair[0])).param("nationalTargetId", String.valueOf(pair[1]))
                .param("decision", "CONFIRMED"))).andReturn().getResponse().getStatus();
        assertThat(refused).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from target_link where status = 'CONFIRMED'").query(Integer.class).single()).isZero();
    }

    @Test
    void theNationalPlanShowsTheProvinceTargetsBehindEachOfItsTargets() throws Exception {
        long[] pair = jdbc.sql("select target_id, national_target_id from target_link where plan_id = ? order by score desc limit 1")
                .param(planA).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        mvc.perform(as(f.steeringA, post("/plans/" + planA + "/target-links").with(csrf())
                .param("targetId", String.valueOf(pair[0])).param("nationalTargetId", String.valueOf(pair[1]))
                .param("decision", "CONFIRMED"))).andReturn();
        String draftOnly = page(f.nationalLeader, "/plans/" + national + "/implementation", 200);
        assertThat(occurrences(draftOnly, "behind-row")).as("a draft plan's targets are not shown").isZero();

        mvc.perform(as(f.steeringA, post("/plans/" + planA + "/publish").with(csrf()))).andReturn();
        assertThat(page(f.nationalLeader, "/plans/" + national, 200)).contains("id=\"plan-implementation\"");
        String view = page(f.nationalLeader, "/plans/" + national + "/implementation", 200);
        assertThat(occurrences(view, "behind-row")).isEqualTo(1);
        assertThat(view).contains("Thanh Hóa", "95/KH-UBND", "data-status=\"NO_DATA\"", "/targets/" + pair[0]);
        // the province sees its own line
        assertThat(occurrences(page(f.viewerA, "/plans/" + national + "/implementation", 200), "behind-row")).isEqualTo(1);
        assertThat(occurrences(page(f.steeringB, "/plans/" + national + "/implementation", 200), "behind-row")).isZero();
    }

    @Test
    void aProvinceSeesANationalReferenceWithoutItsEditButtons() throws Exception {
        // a province reads the national plan it imported as a reference, but edits and publishing are national users'
        String asProvince = page(f.steeringA, "/plans/" + national, 200);
        assertThat(asProvince).doesNotContain("id=\"edit-plan\"").doesNotContain("edit-target");
        assertThat(asProvince).contains("id=\"plan-implementation\"");
    }

    @Test
    void aCitedPlanNotInDxgovIsShownAsAPlaceholder() throws Exception {
        long early = f.importAs(f.steeringA, "kh-57.txt", CascadeFixture.local("TỈNH THANH HÓA", "Thanh Hóa",
                "30/KH-UBND", "10/02/2025", "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
                List.of("Kinh tế số chiếm 25% trở lên trong GRDP của tỉnh"))).planId();
        String plan = page(f.steeringA, "/plans/" + early, 200);
        assertThat(plan).contains("57-NQ/TW", "id=\"plan-parent-missing\"", "chưa có trong hệ thống");
        assertThat(page(f.steeringA, "/plans/" + planA, 200)).doesNotContain("plan-parent-missing");
    }

    private String page(String user, String path, int expected) throws Exception {
        MvcResult r = mvc.perform(as(user, get(path))).andReturn();
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(expected);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        UserDetails user = accounts.loadUserByUsername(username);
        RequestPostProcessor auth = authentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return request.with(auth);
    }

    private static int occurrences(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
