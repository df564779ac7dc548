package vn.dxgov.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.dxgov.plans.PlanStatus;
import vn.dxgov.plans.PlanType;
import vn.dxgov.shared.Pillar;
import vn.dxgov.support.TestData;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.SplitLevel;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetDraft;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.targets.TargetSplit;
import vn.dxgov.tasks.Recurrence;
import vn.dxgov.tasks.Task;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.tasks.TaskDraft;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;

/**
 * The server-rendered pages on the real (embedded) database: plan tree, plan page grouping and filters, review
 * with validation and publication, who sees what, the agency page and the English switch.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanPagesTest {

    static final String PROVINCE = "T9";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData testData;
    @Autowired
    PlanRepository planRepository;
    @Autowired
    AgencyDirectory agencies;
    @Autowired
    TargetCatalog targets;
    @Autowired
    TaskCatalog tasks;

    long resolution;
    long programme;
    long draft;
    long draftToPublish;
    Agency ict;
    Agency planning;
    Agency finance;
    Agency telcos;
    long ictTarget;
    long draftTarget;
    long centreTask;

    static final RequestPostProcessor VIEWER = user("viewer").roles("VIEWER");
    static final RequestPostProcessor STEERING = user("steering").roles("STEERING");

    @BeforeAll
    void data() {
        testData.resetPlans();
        ict = agency("Sở Thông tin và Truyền thông");
        planning = agency("Sở Kế hoạch và Đầu tư");
        finance = agency("Sở Tài chính");
        telcos = agency("Các doanh nghiệp viễn thông");

        resolution = plan(PlanType.RESOLUTION, "99-NQ/TU", "Nghị quyết về chuyển đổi số tỉnh Thử Nghiệm đến năm 2025",
                LocalDate.of(2021, 11, 10), null);
        programme = plan(PlanType.PROGRAMME, null, "Chương trình hành động thực hiện Nghị quyết 99-NQ/TU", null, "ngày /01/2022");
        planRepository.setParent(programme, resolution);
        planRepository.publish(resolution, "test");
        planRepository.publish(programme, "test");
        draft = plan(PlanType.PLAN, "7/KH-UBND", "Kế hoạch nháp chuyển đổi số năm 2026", LocalDate.of(2026, 1, 5), null);
        draftToPublish = plan(PlanType.PLAN, "8/KH-UBND", "Kế hoạch công bố thử", LocalDate.of(2026, 2, 5), null);

        List<Target> ts = targets.addAll(programme, List.of(
                target("Kinh tế số chiếm 20% trở lên trong GRDP của tỉnh Thanh Hóa", TargetKind.PERCENT,
                        Comparison.AT_LEAST, "20", "%", 2025, Pillar.DIGITAL_ECONOMY, List.of(), planning, ict),
                target("Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến đạt 80%", TargetKind.PERCENT,
                        Comparison.AT_LEAST, "80", "%", 2025, Pillar.DIGITAL_GOVERNMENT, List.of(), ict, null),
                target("Tỉnh thuộc nhóm 10 tỉnh dẫn đầu cả nước về chuyển đổi số", TargetKind.RANK,
                        Comparison.AT_MOST, "10", null, 2030, Pillar.FOUNDATION, List.of(), ict, null),
                target("Tỷ lệ văn bản điện tử: 90% cấp tỉnh, 80% cấp huyện, 60% cấp xã", TargetKind.PERCENT,
                        Comparison.AT_LEAST, "90", "%", 2030, Pillar.DIGITAL_GOVERNMENT, List.of(
                                new TargetSplit(SplitLevel.PROVINCE, "cấp tỉnh", Comparison.AT_LEAST, new BigDecimal("90")),
                                new TargetSplit(SplitLevel.DISTRICT, "cấp huyện", Comparison.AT_LEAST, new BigDecimal("80")),
                                new TargetSplit(SplitLevel.COMMUNE, "cấp xã", Comparison.AT_LEAST, new BigDecimal("60"))),
                        ict, finance),
                target("Có 3.000 doanh nghiệp công nghệ số", TargetKind.COUNT, Comparison.AT_LEAST, "3000",
                        "doanh nghiệp", 2030, Pillar.DIGITAL_ECONOMY, List.of(), planning, null)));
        ictTarget = ts.get(1).id();
        List<Task> ks = tasks.addAll(programme, List.of(
                task("I.1", "I", "Nâng cao nhận thức về chuyển đổi số", null, "Tuyên truyền về chuyển đổi số trên báo chí",
                        "Hằng năm", null, null, Recurrence.ANNUAL, Pillar.FOUNDATION, ict, null, "Chuyên mục trên đài, báo"),
                task("IV.2.1", "IV", "Phát triển hạ tầng số", "Hạ tầng dữ liệu", "Xây dựng trung tâm dữ liệu tỉnh",
                        "2022-2025", 2022, 2025, null, Pillar.DIGITAL_GOVERNMENT, ict, finance, null),
                task("IV.2.2", "IV", "Phát triển hạ tầng số", "Hạ tầng dữ liệu", "Phủ sóng 5G toàn tỉnh",
                        "2026-2030", 2026, 2030, null, Pillar.DIGITAL_SOCIETY, telcos, ict, null)));
        centreTask = ks.get(1).id();
        draftTarget = targets.addAll(draft, List.of(target("Chỉ tiêu nháp: 95% người dân có danh tính số",
                TargetKind.PERCENT, Comparison.AT_LEAST, "95", "%", 2026, Pillar.DIGITAL_SOCIETY, List.of(), ict, null)))
                .get(0).id();
    }

    // ----- plan list

    @Test
    void homeRedirectsToThePlanList() throws Exception {
        mvc.perform(get("/").with(VIEWER)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/plans"));
    }

    @Test
    void planListShowsTheTreeAndHidesDraftsFromViewers() throws Exception {
        String html = page(get("/plans").with(VIEWER));
        int parent = html.indexOf("Nghị quyết về chuyển đổi số tỉnh Thử Nghiệm");
        int child = html.indexOf("Chương trình hành động thực hiện Nghị quyết 99-NQ/TU");
        assertThat(parent).isPositive();
        assertThat(child).isGreaterThan(parent);
        assertThat(rowOf(html, programme)).contains("plan-child").contains("tháng 01/2022 (chưa ghi ngày)").doesNotContain("ngày /01/2022").contains("5").contains("3");
        assertThat(rowOf(html, resolution)).contains("10/11/2021").contains("99-NQ/TU").contains("Đã công bố");
        assertThat(html).doesNotContain("Kế hoạch nháp chuyển đổi số năm 2026").doesNotContain("status-draft");

        String steering = page(get("/plans").with(STEERING));
        assertThat(rowOf(steering, draft)).contains("Kế hoạch nháp chuyển đổi số năm 2026").contains("Nháp");
    }

    // ----- plan page

    @Test
    void planPageGroupsTargetsByPillarThenDeadlineAndTasksBySection() throws Exception {
        String html = page(get("/plans/" + programme).with(VIEWER));
        // header: the parent plan as a link, the source document
        assertThat(html).contains("Thực hiện").contains("href=\"/plans/" + resolution + "\"")
                .contains("/api/v1/plans/" + programme + "/source");
        // pillars in order, each with its deadline years
        int gov = html.indexOf("id=\"pillar-DIGITAL_GOVERNMENT\"");
        int eco = html.indexOf("id=\"pillar-DIGITAL_ECONOMY\"");
        int foundation = html.indexOf("id=\"pillar-FOUNDATION\"");
        assertThat(gov).isPositive().isLessThan(eco);
        assertThat(eco).isLessThan(foundation);
        String economy = html.substring(eco, foundation);
        assertThat(economy).contains("Kinh tế số").contains("Đến năm 2025").contains("Đến năm 2030");
        assertThat(economy.indexOf("Đến năm 2025")).isLessThan(economy.indexOf("Kinh tế số chiếm 20%"));
        assertThat(economy.indexOf("Kinh tế số chiếm 20%")).isLessThan(economy.indexOf("Đến năm 2030"));
        assertThat(economy.indexOf("Đến năm 2030")).isLessThan(economy.indexOf("3.000 doanh nghiệp công nghệ số"));
        // values: comparison symbol and unit, rank, per-level split, Vietnamese thousands
        assertThat(html).contains("≥ 20%").contains("Top 10").contains("Tỉnh 90% · Huyện 80% · Xã 60%")
                .contains("≥ 3.000 doanh nghiệp");
        // lead and cooperating agencies link to their pages
        assertThat(html).contains("href=\"/agencies/" + planning.id() + "\"").contains("href=\"/agencies/" + ict.id() + "\"");
        // tasks by section with the group heading row, time frames
        int sectionI = html.indexOf("id=\"section-I\"");
        int sectionIV = html.indexOf("id=\"section-IV\"");
        assertThat(sectionI).isPositive().isLessThan(sectionIV);
        String iv = html.substring(sectionIV);
        assertThat(iv).contains("Phát triển hạ tầng số").contains("task-group-row").contains("Hạ tầng dữ liệu")
                .contains("IV.2.1").contains("2022–2025").contains("2026–2030");
        assertThat(html.substring(sectionI, sectionIV)).contains("Hằng năm").contains("Chuyên mục trên đài, báo");
        assertThat(html).contains("5/5").contains("3/3");
        // viewers get no review controls
        assertThat(html).doesNotContain("edit-target").doesNotContain("edit-task").doesNotContain("id=\"publish\"");
    }

    @Test
    void filtersNarrowTargetsAndTasks() throws Exception {
        // agency: targets and tasks it leads or cooperates on
        String byAgency = page(get("/plans/" + programme).param("agency", String.valueOf(finance.id())).with(VIEWER));
        assertThat(count(byAgency, "target-count")).isEqualTo("1/5");
        assertThat(count(byAgency, "task-count")).isEqualTo("1/3");
        assertThat(byAgency).contains("Xây dựng trung tâm dữ liệu tỉnh").doesNotContain("Phủ sóng 5G toàn tỉnh");
        // pillar
        String byPillar = page(get("/plans/" + programme).param("pillar", "DIGITAL_ECONOMY").with(VIEWER));
        assertThat(count(byPillar, "target-count")).isEqualTo("2/5");
        assertThat(count(byPillar, "task-count")).isEqualTo("0/3");
        assertThat(byPillar).contains("Không có nhiệm vụ nào khớp bộ lọc.");
        // year: deadline year of targets, a year tasks run in (yearly tasks run every year)
        String byYear = page(get("/plans/" + programme).param("year", "2030").with(VIEWER));
        assertThat(count(byYear, "target-count")).isEqualTo("3/5");
        assertThat(count(byYear, "task-count")).isEqualTo("2/3");
        assertThat(byYear).contains("Phủ sóng 5G toàn tỉnh").contains("Tuyên truyền về chuyển đổi số")
                .doesNotContain("Xây dựng trung tâm dữ liệu tỉnh");
        // text without diacritics
        String byText = page(get("/plans/" + programme).param("q", "thanh hoa").with(VIEWER));
        assertThat(count(byText, "target-count")).isEqualTo("1/5");
        assertThat(byText).contains("Kinh tế số chiếm 20%");
        String taskText = page(get("/plans/" + programme).param("q", "trung tam du lieu").with(VIEWER));
        assertThat(count(taskText, "task-count")).isEqualTo("1/3");
        // the filter form keeps its values (bookmarkable GET)
        assertThat(byYear).containsPattern("<option value=\"2030\" selected=\"selected\">2030</option>");

        // htmx: only the results fragment, and the URL to push
        var result = mvc.perform(get("/plans/" + programme).param("pillar", "DIGITAL_ECONOMY").param("q", "")
                        .header("HX-Request", "true").with(VIEWER))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Push-Url", "/plans/" + programme + "?pillar=DIGITAL_ECONOMY"))
                .andReturn();
        String fragment = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).startsWith("<div id=\"results\"").doesNotContain("<html").contains("2/5");
    }

    // ----- who may review

    @Test
    void viewerCannotSeeDraftsNorReview() throws Exception {
        mvc.perform(get("/plans/" + draft).with(VIEWER)).andExpect(status().isNotFound());
        mvc.perform(get("/plans/" + programme + "/targets/" + ictTarget + "/edit").with(VIEWER))
                .andExpect(status().isForbidden());
        mvc.perform(put("/plans/" + programme + "/targets/" + ictTarget).with(VIEWER).with(csrf())
                .param("text", "x").param("kind", "PERCENT").param("pillar", "DIGITAL_GOVERNMENT"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/plans/" + programme + "/tasks/" + centreTask).with(VIEWER).with(csrf())
                .param("title", "x").param("pillar", "DIGITAL_GOVERNMENT"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/plans/" + draftToPublish + "/publish").with(VIEWER).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/agencies/" + ict.id()).with(VIEWER).with(csrf()).param("name", "x").param("kind", "OTHER"))
                .andExpect(status().isForbidden());
        // the unchanged target
        assertThat(targets.find(ictTarget).orElseThrow().value()).isEqualByComparingTo("80");
        // and a review post without the CSRF token is refused even for the steering department
        mvc.perform(put("/plans/" + programme + "/targets/" + ictTarget).with(STEERING)
                .param("text", "x").param("kind", "PERCENT").param("pillar", "DIGITAL_GOVERNMENT"))
                .andExpect(status().isForbidden());
    }

    @Test
    void steeringEditsATargetWithValidationAndPublishes() throws Exception {
        String planPage = page(get("/plans/" + draft).with(STEERING));
        assertThat(planPage).contains("edit-target").contains("id=\"publish\"").contains("Nháp")
                .contains("hx-headers=\"{&quot;X-CSRF-TOKEN&quot;");

        String form = page(get("/plans/" + draft + "/targets/" + draftTarget + "/edit").header("HX-Request", "true")
                .with(STEERING));
        assertThat(form).startsWith("<div class=\"list-group-item target-item target-edit\"")
                .contains("hx-put=\"/plans/" + draft + "/targets/" + draftTarget + "\"")
                .contains(ict.name()).contains("name=\"lead\"");

        // without JavaScript the edit links open whole pages with the same forms
        assertThat(page(get("/plans/" + draft + "/targets/" + draftTarget + "/edit").with(STEERING)))
                .contains("<html").contains("Sửa chỉ tiêu").contains("method=\"post\"").contains("name=\"_csrf\"");
        assertThat(page(get("/plans/" + programme + "/tasks/" + centreTask + "/edit").with(STEERING)))
                .contains("<html").contains("Sửa nhiệm vụ").contains("Xây dựng trung tâm dữ liệu tỉnh");
        assertThat(page(get("/plans/" + programme + "/tasks/" + centreTask + "/row").header("HX-Request", "true")
                .with(STEERING))).startsWith("<tr class=\"task-row\"").contains("2022–2025");

        // a percentage of 150 comes back to the form with the message next to the value
        var bad = mvc.perform(put("/plans/" + draft + "/targets/" + draftTarget).header("HX-Request", "true")
                        .with(STEERING).with(csrf())
                        .param("text", "95% người dân có danh tính số").param("kind", "PERCENT")
                        .param("comparison", "AT_LEAST").param("value", "150").param("unit", "%")
                        .param("deadlineYear", "2026").param("pillar", "DIGITAL_SOCIETY")
                        .param("lead", String.valueOf(ict.id())))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("Dữ liệu gửi lên chưa hợp lệ.").contains("is-invalid")
                .contains("tỷ lệ phần trăm phải từ 0 đến 100").contains("value=\"150\"");
        assertThat(targets.find(draftTarget).orElseThrow().value()).isEqualByComparingTo("95");

        // "96.5" is not how Vietnamese writes ninety-six and a half: refused with how to write it, the input kept
        var notVietnamese = mvc.perform(put("/plans/" + draft + "/targets/" + draftTarget).header("HX-Request", "true")
                        .with(STEERING).with(csrf())
                        .param("text", "95% người dân có danh tính số").param("kind", "PERCENT")
                        .param("comparison", "AT_LEAST").param("value", "96.5").param("unit", "%")
                        .param("deadlineYear", "2026").param("pillar", "DIGITAL_SOCIETY")
                        .param("lead", String.valueOf(ict.id())))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(notVietnamese).contains("is-invalid")
                .contains("“96.5” không phải là số viết kiểu Việt Nam: viết 96.500 (chín mươi sáu nghìn năm trăm) hoặc "
                        + "96,5 (chín mươi sáu phẩy năm)")
                .contains("value=\"96.5\"");
        assertThat(targets.find(draftTarget).orElseThrow().value()).isEqualByComparingTo("95");

        // every field with its own message at once, each input kept as typed; what was typed is shown, never
        // interpreted as a message template
        String several = new String(mvc.perform(put("/plans/" + draft + "/targets/" + draftTarget)
                        .header("HX-Request", "true").with(STEERING).with(csrf())
                        .param("text", " ").param("kind", "PERCENT").param("comparison", "AT_LEAST")
                        .param("value", "${9*9}{x}").param("unit", "%").param("deadlineYear", "năm 2026")
                        .param("pillar", "").param("lead", String.valueOf(ict.id())))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        org.jsoup.nodes.Document severalForm = org.jsoup.Jsoup.parse(several);
        assertThat(severalForm.select(".form-problems").text()).isEqualTo("Dữ liệu gửi lên chưa hợp lệ.");
        assertThat(severalForm.select("textarea.is-invalid + .invalid-feedback").text()).isEqualTo("Bắt buộc.");
        assertThat(severalForm.select("[name=deadlineYear]").attr("value")).isEqualTo("năm 2026");
        assertThat(severalForm.select("[name=deadlineYear].is-invalid + .invalid-feedback").text())
                .isEqualTo("Năm phải là số, ví dụ 2025.");
        assertThat(severalForm.select("[name=value]").attr("value")).isEqualTo("${9*9}{x}");
        assertThat(severalForm.select("[name=value].is-invalid ~ .invalid-feedback").text())
                .startsWith("“${9*9}{x}”").doesNotContain("81");
        assertThat(severalForm.select("select[name=pillar].is-invalid ~ .invalid-feedback").text()).isEqualTo("Bắt buộc.");
        assertThat(targets.find(draftTarget).orElseThrow().value()).isEqualByComparingTo("95");

        // "9,6" with a Vietnamese decimal comma, a new cooperating agency: saved and shown as a row again
        String ok = page(put("/plans/" + draft + "/targets/" + draftTarget).header("HX-Request", "true")
                .with(STEERING).with(csrf())
                .param("text", "Người dân có danh tính số").param("kind", "PERCENT").param("comparison", "AT_LEAST")
                .param("value", "96,5").param("unit", "%").param("deadlineYear", "2027").param("pillar", "DIGITAL_SOCIETY")
                .param("lead", String.valueOf(ict.id())).param("cooperating", String.valueOf(finance.id())));
        assertThat(ok).startsWith("<div class=\"list-group-item target-item").contains("≥ 96,5%")
                .contains("Người dân có danh tính số").contains("Đã lưu.");
        Target saved = targets.find(draftTarget).orElseThrow();
        assertThat(saved.value()).isEqualByComparingTo("96.5");
        assertThat(saved.deadlineYear()).isEqualTo(2027);
        assertThat(saved.cooperatingAgencyIds()).containsExactly(finance.id());

        // without JavaScript the same form posts and redirects back to the plan
        mvc.perform(post("/plans/" + draft + "/targets/" + draftTarget).with(STEERING).with(csrf())
                        .param("text", "Người dân có danh tính số").param("kind", "PERCENT").param("value", "97")
                        .param("unit", "%").param("deadlineYear", "2027").param("pillar", "DIGITAL_SOCIETY"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/plans/" + draft + "#target-" + draftTarget));

        // a task edit with an end before its start
        String badTask = new String(mvc.perform(put("/plans/" + programme + "/tasks/" + centreTask)
                        .header("HX-Request", "true").with(STEERING).with(csrf())
                        .param("code", "IV.2.1").param("title", "Xây dựng trung tâm dữ liệu tỉnh")
                        .param("startYear", "2025").param("endYear", "2022").param("pillar", "DIGITAL_GOVERNMENT"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(badTask).startsWith("<tr").contains("năm kết thúc trước năm bắt đầu");

        // publish
        mvc.perform(post("/plans/" + draftToPublish + "/publish").with(STEERING).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/plans/" + draftToPublish));
        assertThat(planRepository.find(draftToPublish).orElseThrow().status()).isEqualTo(PlanStatus.PUBLISHED);
        assertThat(page(get("/plans").with(VIEWER))).contains("Kế hoạch công bố thử");
    }

    @Test
    void steeringEditsPlanMetadata() throws Exception {
        assertThat(page(get("/plans/" + draft + "/edit").with(STEERING))).contains("Kế hoạch nháp chuyển đổi số năm 2026");
        var bad = mvc.perform(post("/plans/" + draft + "/edit").with(STEERING).with(csrf())
                        .param("type", "PLAN").param("title", " ").param("periodStart", "2026").param("periodEnd", "2025"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("Bắt buộc.");
        mvc.perform(post("/plans/" + draft + "/edit").with(STEERING).with(csrf())
                        .param("type", "PLAN").param("number", "7/KH-UBND").param("title", "Kế hoạch nháp chuyển đổi số năm 2026")
                        .param("issuedOn", "2026-01-05").param("periodStart", "2026").param("periodEnd", "2026"))
                .andExpect(status().is3xxRedirection());
        assertThat(planRepository.find(draft).orElseThrow().periodEnd()).isEqualTo(2026);
    }

    // ----- agencies

    @Test
    void agencyPageListsWhatItLeadsAndCooperatesOn() throws Exception {
        String html = page(get("/agencies/" + ict.id()).with(VIEWER));
        assertThat(html).contains(ict.name())
                .contains("Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến đạt 80%")
                .contains("Xây dựng trung tâm dữ liệu tỉnh").contains("Phủ sóng 5G toàn tỉnh")
                .contains("role-lead").contains("role-cooperating")
                .contains("Chương trình hành động thực hiện Nghị quyết 99-NQ/TU")
                // the draft plan's target is not shown to a viewer
                .doesNotContain("danh tính số")
                .doesNotContain("id=\"agency-edit\"");
        assertThat(page(get("/agencies/" + ict.id()).with(STEERING))).contains("id=\"agency-edit\"");

        String list = page(get("/agencies").param("q", "so thong tin").with(VIEWER));
        assertThat(list).contains(ict.name()).doesNotContain(finance.name());

        var bad = mvc.perform(post("/agencies/" + telcos.id()).with(STEERING).with(csrf()).param("name", " ")
                .param("kind", "BUSINESS")).andExpect(status().is(422)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("Bắt buộc.").contains("is-invalid");
        mvc.perform(post("/agencies/" + telcos.id()).with(STEERING).with(csrf())
                        .param("name", "Các doanh nghiệp viễn thông trên địa bàn").param("kind", "BUSINESS")
                        .param("aliases", "DN viễn thông\nDoanh nghiệp viễn thông"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/agencies/" + telcos.id()));
        Agency renamed = agencies.find(telcos.id()).orElseThrow();
        assertThat(renamed.name()).isEqualTo("Các doanh nghiệp viễn thông trên địa bàn");
        assertThat(renamed.needsReview()).isFalse();
    }

    @Test
    void missingPagesAreFriendly() throws Exception {
        String html = new String(mvc.perform(get("/plans/999999").with(VIEWER)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(html).contains("Không tìm thấy kế hoạch #999999.").contains("Về trang chủ");
    }

    // ----- English

    @Test
    void englishSwitchChangesTheLabels() throws Exception {
        String vi = page(get("/plans/" + programme).with(VIEWER));
        assertThat(vi).contains("Chỉ tiêu").contains("Đến năm 2025").contains("Chủ trì:").contains("lang=\"vi\"");
        String en = page(get("/plans/" + programme).param("lang", "en").with(VIEWER));
        assertThat(en).contains("lang=\"en\"").contains("Targets").contains("Tasks").contains("Digital economy")
                .contains("By 2025").contains("Lead:").contains("Every year").contains("≥ 3,000 doanh nghiệp")
                .doesNotContain("Đến năm 2025");
        assertThat(page(get("/plans").param("lang", "en").with(VIEWER))).contains("Plans").contains("Published");
    }

    // -----

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return new String(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static String rowOf(String html, long planId) {
        int start = html.indexOf("id=\"plan-row-" + planId + "\"");
        assertThat(start).as("row of plan %d", planId).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static String count(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1).trim();
    }

    private Agency agency(String name) {
        return agencies.resolve(name, PROVINCE).get(0).agency();
    }

    private long plan(PlanType type, String number, String title, LocalDate issuedOn, String issuedOnText) {
        String sha = Integer.toHexString(title.hashCode());
        String digest = (sha + "0".repeat(64)).substring(0, 64);
        String textDigest = ("f" + sha + "0".repeat(64)).substring(0, 64);
        byte[] bytes = title.getBytes(StandardCharsets.UTF_8);
        return planRepository.insert(new PlanRepository.NewPlan(type, number, title, "UBND tỉnh Thử Nghiệm", issuedOn,
                issuedOnText, PROVINCE, "Thử Nghiệm", 2021, 2025, 2030, null, "plan.txt", "text/plain; charset=UTF-8",
                digest, textDigest, bytes, title, "test"));
    }

    private static TargetDraft target(String text, TargetKind kind, Comparison c, String value, String unit, int year,
                                      Pillar pillar, List<TargetSplit> splits, Agency lead, Agency cooperating) {
        return new TargetDraft(null, text, text, kind, c, new BigDecimal(value), unit, year, null, null, pillar, splits,
                List.of(lead.id()), cooperating == null ? List.of() : List.of(cooperating.id()), 10);
    }

    private static TaskDraft task(String code, String section, String sectionTitle, String group, String title,
                                  String timeFrame, Integer start, Integer end, Recurrence recurrence, Pillar pillar,
                                  Agency lead, Agency cooperating, String scope) {
        return new TaskDraft(code, section, sectionTitle, group, title, timeFrame, start, end, recurrence, scope, null,
                pillar, List.of(lead.id()), cooperating == null ? List.of() : List.of(cooperating.id()), 20);
    }
}
