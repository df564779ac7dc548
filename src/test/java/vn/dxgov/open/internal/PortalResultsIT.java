package vn.dxgov.open.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.assessment.CriteriaSets;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.security.Role;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.SeedImports;
import vn.dxgov.support.TestClock;
import vn.dxgov.support.TestData;
import vn.dxgov.support.TestUsers;

/**
 * The portal's published results as nobody: a published district round of Thanh Hóa with its results table and map
 * (boundaries readable without a login), an open round never shown; the agencies' reporting table only after the
 * province's steering department publishes it at {@code /settings/open} (CSRF, audited), which others may not change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalResultsIT {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicators;
    @Autowired
    Assessments assessments;
    @Autowired
    CriteriaSets sets;
    @Autowired
    TestUsers users;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.dxgov.plans.PlanCatalog plans;
    @Autowired
    vn.dxgov.reporting.Reporting reporting;
    @Autowired
    vn.dxgov.reporting.PublicReports publicReports;

    final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    long publishedRound;
    long openRound;
    String steering;
    String steeringTn;
    String viewer;

    @BeforeAll
    void seed() throws IOException {
        TestClock.CLOCK.set(LocalDate.of(2025, 3, 1), 9);
        data.resetPlans();
        indicators.reset();
        data.ensureUnits();
        jdbc.sql("delete from open_setting").update();
        SeedImports.importAndPublish(port, SeedImports.SEED_001);
        steering = users.ensure("st", run, Role.STEERING, null, "38");
        steeringTn = users.ensure("sttn", run, Role.STEERING, null, "19");
        viewer = users.ensure("vw", run, Role.VIEWER, null, "38");
        long[] rounds = PublishedRounds.make(assessments, sets, run, work -> as(work));
        publishedRound = rounds[0];
        openRound = rounds[1];
    }

    <T> T as(Supplier<T> work) {
        return users.as(steering, work);
    }

    Document page(String path, int expected) throws Exception {
        var res = mvc.perform(get(path)).andExpect(status().is(expected)).andReturn().getResponse();
        assertThat(res.getHeader("Set-Cookie")).isNull();
        return Jsoup.parse(res.getContentAsString());
    }

    @Test
    void publishedRoundWithMapNeverAnOpenOne() throws Exception {
        Document doc = page("/open/thanh-hoa/assessment?round=" + publishedRound, 200);
        assertThat(doc.select("#assessment-round").text()).contains("Đợt công bố " + run);
        assertThat(doc.select("#assessment-results tbody tr")).isNotEmpty();
        assertThat(doc.select("#assessment-results tbody tr").first().text()).contains("83");
        assertThat(doc.text()).doesNotContain("Đợt chưa công bố");
        String island = doc.getElementById("rank-map-data").data();
        assertThat(island).contains("/open/geo/boundaries-districts-38-2020-2025.geojson");
        assertThat(doc.select("a[href=/open/data/round-" + publishedRound + ".csv]")).hasSize(1);
        page("/open/thanh-hoa/assessment?round=" + openRound, 404);
        var geo = mvc.perform(get("/open/geo/boundaries-districts-38-2020-2025.geojson")).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(geo.getContentType()).startsWith("application/geo+json");
        mvc.perform(get("/open/geo/..%2Fdxgov.css")).andExpect(status().is4xxClientError());
        assertThat(page("/open/thanh-hoa", 200).select("#link-assessment")).hasSize(1);
    }

    @Test
    void taskProgressIsPublicWhileItsReportIsApprovedOnly() {
        long planId = as(() -> plans.list()).stream().filter(vn.dxgov.plans.Plan::published).findFirst().orElseThrow().id();
        var period = as(() -> reporting.periods(planId)).stream().filter(p -> p.period().equals("2024")).findFirst()
                .orElseThrow();
        ReportForm form = null;
        for (long agency : reporting.requiredAgencies(period.id())) {
            ReportForm f = as(() -> reporting.form(reporting.open(period.id(), agency).id()));
            if (!f.tasks().isEmpty()) {
                form = f;
                break;
            }
        }
        assertThat(form).isNotNull();
        long submission = form.submission().id();
        List<ReportInput.TargetValue> values = form.targets().stream().filter(l -> !l.locked())
                .map(l -> l.ratio()
                        ? new ReportInput.TargetValue(l.targetId(), null, BigDecimal.valueOf(45), BigDecimal.valueOf(50), null, l.split(), null)
                        : new ReportInput.TargetValue(l.targetId(), l.yesNo() ? BigDecimal.ONE : BigDecimal.valueOf(12), null, null, null, l.split(), null))
                .toList();
        List<ReportInput.TaskProgress> progress = form.tasks().stream()
                .map(l -> new ReportInput.TaskProgress(l.taskId(), TaskProgressStatus.IN_PROGRESS, 40, null)).toList();
        as(() -> {
            reporting.save(submission, new ReportInput(null, values, progress));
            reporting.submit(submission);
            return reporting.approve(submission);
        });
        long task = form.tasks().get(0).taskId();
        assertThat(publicReports.approvedProgress(planId)).anySatisfy(l -> {
            assertThat(l.taskId()).isEqualTo(task);
            assertThat(l.percentComplete()).isEqualTo(40);
            assertThat(l.period()).isEqualTo("2024");
        });
        as(() -> reporting.reopen(submission, "Sửa số liệu"));
        assertThat(publicReports.approvedProgress(planId)).noneMatch(l -> l.taskId() == task);
    }

    @Test
    void agencyTableOnlyWhenTheProvincePublishesIt() throws Exception {
        page("/open/thanh-hoa/agencies", 404);
        assertThat(page("/open/thanh-hoa", 200).select("#link-agencies")).isEmpty();
        mvc.perform(get("/settings/open").accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/settings/open").param("province", "38").param("publishAgencies", "true"))
                .andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(post("/settings/open").with(csrf()).with(httpBasic(viewer, "dxgov-demo"))
                .param("province", "38").param("publishAgencies", "true")).andExpect(status().isForbidden());
        mvc.perform(post("/settings/open").with(csrf()).with(httpBasic(steeringTn, "dxgov-demo"))
                .param("province", "38").param("publishAgencies", "true")).andExpect(status().isNotFound());
        page("/open/thanh-hoa/agencies", 404);

        String settings = mvc.perform(get("/settings/open").with(httpBasic(steering, "dxgov-demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(settings).select("form.open-setting[data-province=38]")).hasSize(1);
        mvc.perform(post("/settings/open").with(csrf()).with(httpBasic(steering, "dxgov-demo"))
                .param("province", "38").param("publishAgencies", "true")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'open.setting.update'")
                .query(Long.class).single()).isEqualTo(1);
        Document table = page("/open/thanh-hoa/agencies", 200);
        assertThat(table.select("#agency-table tbody tr")).isNotEmpty();
        assertThat(page("/open/thanh-hoa", 200).select("#link-agencies")).hasSize(1);
        assertThat(mvc.perform(get("/sitemap.xml")).andReturn().getResponse().getContentAsString())
                .contains("/open/thanh-hoa/agencies", "/open/thanh-hoa/assessment");

        mvc.perform(post("/settings/open").with(csrf()).with(httpBasic(steering, "dxgov-demo"))
                .param("province", "38")).andExpect(status().is3xxRedirection());
        page("/open/thanh-hoa/agencies", 404);
    }
}
