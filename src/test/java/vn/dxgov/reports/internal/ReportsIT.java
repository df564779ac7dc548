package vn.dxgov.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.reports.AnnualReport;
import vn.dxgov.reports.AnnualReports;
import vn.dxgov.reports.Scorecard;
import vn.dxgov.reports.Scorecards;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserDirectory;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.support.Http;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.TestClock;
import vn.dxgov.support.TestData;
import vn.dxgov.support.TestUsers;
import vn.dxgov.units.AgencyDirectory;

/**
 * The scorecard and the consolidated report on the embedded database with seed 001 and reports submitted through
 * the real workflow on fixed days of 2024: agency A on time (4/12), B late (10/12), C never; judged on 1/3/2025.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT {

    static final LocalDate JUDGED = LocalDate.of(2025, 3, 1);

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicators;
    @Autowired
    ObjectMapper json;
    @Autowired
    Reporting reporting;
    @Autowired
    Scorecards scorecards;
    @Autowired
    AnnualReports annual;
    @Autowired
    UserDirectory users;
    @Autowired
    TestUsers testUsers;
    @Autowired
    AgencyDirectory agencies;
    @Autowired
    MockMvc mvc;

    final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    Http http;
    long planId;
    long a;
    long b;
    long c;
    List<Long> required;
    String steering;
    String leader;
    String editorA;

    @BeforeAll
    void seed() throws IOException {
        TestClock.CLOCK.set(LocalDate.of(2024, 11, 1), 9);
        http = new Http(port, json);
        data.resetPlans();
        indicators.reset();
        data.ensureUnits();
        byte[] seed = new ClassPathResource("seed/plans/001_16196319a76d78f9.txt").getContentAsByteArray();
        Http.Answer imported = http.upload("steering", "/api/v1/imports", "001.txt", seed);
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        planId = imported.body().get("planId").asLong();
        assertThat(http.call("steering", "POST", "/api/v1/plans/" + planId + "/publish", null).status()).isEqualTo(200);
        steering = user("st", Role.STEERING, null);
        leader = user("ld", Role.LEADER, null);
        ReportingPeriod p2024 = as(steering, () -> reporting.periods(planId)).stream()
                .filter(p -> p.period().equals("2024")).findFirst().orElseThrow();
        assertThat(p2024.agencyDueOn()).isEqualTo(LocalDate.of(2024, 12, 5));
        required = reporting.requiredAgencies(p2024.id());
        // three agencies that lead tasks in 2024
        List<Long> withTasks = required.stream().filter(id -> {
            Submission s = as(steering, () -> reporting.open(p2024.id(), id));
            return !as(steering, () -> reporting.form(s.id())).tasks().isEmpty();
        }).toList();
        a = withTasks.get(0);
        b = withTasks.get(1);
        c = withTasks.get(2);
        editorA = user("edA", Role.EDITOR, a);

        TestClock.CLOCK.set(LocalDate.of(2024, 12, 4), 10);
        fillAndSubmit(p2024, a, TaskProgressStatus.DONE, 100);
        TestClock.CLOCK.set(LocalDate.of(2024, 12, 10), 10);
        fillAndSubmit(p2024, b, TaskProgressStatus.DELAYED, 30);
        // C opened its report (above) and never submitted it
    }

    @BeforeEach
    void judged() {
        TestClock.CLOCK.set(JUDGED, 9);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    String user(String name, Role role, Long agencyId) {
        return testUsers.ensure(name, run, role, agencyId);
    }

    <T> T as(String username, Supplier<T> work) {
        return testUsers.as(username, work);
    }

    void fillAndSubmit(ReportingPeriod period, long agency, TaskProgressStatus status, int percent) {
        as(steering, () -> {
            Submission s = reporting.open(period.id(), agency);
            ReportForm form = reporting.form(s.id());
            List<ReportInput.TargetValue> values = form.targets().stream().filter(l -> !l.locked())
                    .map(l -> l.ratio()
                            ? new ReportInput.TargetValue(l.targetId(), null, BigDecimal.valueOf(45), BigDecimal.valueOf(50), null, l.split(), null)
                            : new ReportInput.TargetValue(l.targetId(), l.yesNo() ? BigDecimal.ONE : BigDecimal.valueOf(12), null, null, null, l.split(), null))
                    .toList();
            List<ReportInput.TaskProgress> progress = form.tasks().stream()
                    .map(l -> new ReportInput.TaskProgress(l.taskId(), status, percent, "Báo cáo thử"))
                    .toList();
            reporting.save(s.id(), new ReportInput("Báo cáo năm 2024.", values, progress));
            return reporting.submit(s.id());
        });
    }

    static Scorecard.AgencyScore row(Scorecard sc, long agencyId) {
        return sc.rows().stream().filter(r -> r.agencyId() == agencyId).findFirst().orElseThrow();
    }

    // ----- the scorecard

    @Test
    void scorecardRatesFromSubmissionsOnFixedDays() {
        Scorecard sc = as(steering, () -> scorecards.forPlan(planId, 2024));
        assertThat(sc.asOf()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(sc.year()).isEqualTo(2024);
        assertThat(sc.demo()).isFalse();
        Scorecard.AgencyScore ra = row(sc, a);
        assertThat(ra.reportsDue()).isEqualTo(1);
        assertThat(ra.reportsOnTime()).isEqualTo(1);
        assertThat(ra.onTimeRate()).isEqualByComparingTo("100.0");
        assertThat(ra.tasksRunning()).isPositive();
        assertThat(ra.tasksOnTime()).isEqualTo(ra.tasksRunning()); // every task done
        assertThat(ra.taskRate()).isEqualByComparingTo("100.0");

        Scorecard.AgencyScore rb = row(sc, b);
        assertThat(rb.reportsLate()).isEqualTo(1);
        assertThat(rb.onTimeRate()).isEqualByComparingTo("0.0");
        assertThat(rb.tasksOnTime()).isZero(); // delayed
        Scorecard.AgencyScore rc = row(sc, c);
        assertThat(rc.reportsMissing()).isEqualTo(1);
        assertThat(rc.onTimeRate()).isEqualByComparingTo("0.0");
        assertThat(rc.targetsWithData()).isZero();

        // every required agency is in the table with its one report of 2024
        assertThat(sc.rows()).extracting(Scorecard.AgencyScore::agencyId).containsAll(required);
        assertThat(sc.rows()).filteredOn(r -> required.contains(r.agencyId()))
                .allSatisfy(r -> assertThat(r.reportsDue()).isEqualTo(1));
        // league order: A first; B (late, delayed) before C (nothing)
        assertThat(sc.rows().get(0).agencyId()).isEqualTo(a);
        assertThat(sc.rows().get(0).rank()).isEqualTo(1);
        assertThat(sc.rows().indexOf(rb)).isLessThan(sc.rows().indexOf(rc));
        for (int i = 1; i < sc.rows().size(); i++) {
            assertThat(sc.rows().get(i).rank()).isGreaterThanOrEqualTo(sc.rows().get(i - 1).rank());
        }
    }

    @Test
    void whileTheYearRunsReportsNotYetDueDoNotCount() {
        TestClock.CLOCK.set(LocalDate.of(2024, 11, 20), 9);
        Scorecard sc = as(steering, () -> scorecards.forPlan(planId, 2024));
        assertThat(sc.asOf()).isEqualTo(LocalDate.of(2024, 11, 20));
        assertThat(sc.rows()).allSatisfy(r -> {
            assertThat(r.reportsDue()).isZero();
            assertThat(r.onTimeRate()).isNull();
        });
    }

    @Test
    void scorecardApiXlsxAndWhoMaySeeIt() throws IOException {
        Http.Answer ok = http.get(steering, "/api/v1/reports/scorecard?plan=" + planId + "&year=2024");
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        JsonNode first = ok.body().get("rows").get(0);
        assertThat(first.get("agencyId").asLong()).isEqualTo(a);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("onTimeRate").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(ok.body().get("weights").get("targets").asInt()).isEqualTo(40);
        assertThat(http.get(leader, "/api/v1/reports/scorecard?plan=" + planId + "&year=2024").status()).isEqualTo(200);
        assertThat(http.get("admin", "/api/v1/reports/scorecard?plan=" + planId + "&year=2024").status()).isEqualTo(200);
        Http.Answer province = http.get(steering, "/api/v1/reports/scorecard?province=38&year=2024");
        assertThat(province.status()).as(province.text()).isEqualTo(200);
        assertThat(province.body().get("scope").asText()).isEqualTo("Thanh Hóa");

        Http.Answer editor = http.get(editorA, "/api/v1/reports/scorecard?plan=" + planId + "&year=2024");
        assertThat(editor.status()).isEqualTo(403);
        assertThat(editor.body().get("message").asText()).contains("Chỉ Sở điều hành, lãnh đạo và quản trị viên");
        assertThat(http.get("viewer", "/api/v1/reports/scorecard?plan=" + planId + "&year=2024").status()).isEqualTo(403);
        assertThat(http.get(steering, "/api/v1/reports/scorecard?year=2024").status()).isEqualTo(400);

        Http.Answer xlsx = http.get(steering, "/api/v1/reports/scorecard.xlsx?plan=" + planId + "&year=2024");
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            assertThat(wb.getSheetAt(0).getRow(3).getCell(1).getStringCellValue())
                    .isEqualTo(agencies.find(a).orElseThrow().name());
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> as(editorA, () -> scorecards.forPlan(planId, 2024)))
                .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).status().value()).isEqualTo(403);
    }

    @Test
    void scorecardPageSortsByColumnAndRefusesEditors() throws Exception {
        String page = mvc.perform(get("/reports/scorecard").param("plan", Long.toString(planId)).param("year", "2024")
                        .param("sort", "name").param("dir", "asc").with(httpBasic(steering, Http.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("scorecard-table").contains("sort=score").contains("Cơ quan, đơn vị ▲");
        Scorecard sc = as(steering, () -> scorecards.forPlan(planId, 2024));
        List<String> byName = ReportPageModel.sorted(sc, "name", false).stream()
                .map(Scorecard.AgencyScore::agencyName).toList();
        int last = -1;
        for (String name : byName) {
            int at = page.indexOf(">" + name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("\"", "&quot;").replace("'", "&#39;") + "<");
            assertThat(at).as(name).isGreaterThan(last);
            last = at;
        }
        String index = mvc.perform(get("/reports").with(httpBasic(leader, Http.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(index).contains("/reports/plans/" + planId + "/annual/2024.docx")
                .contains("/reports/plans/" + planId + "/annual/2024.pdf")
                .contains("/reports/scorecard?plan=" + planId + "&amp;year=2024");
        mvc.perform(get("/reports/scorecard").with(httpBasic(editorA, Http.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/reports").with(httpBasic(editorA, Http.PASSWORD))).andExpect(status().isForbidden());
    }

    // ----- the consolidated report

    @Test
    void annualReportFigures() {
        AnnualReport r = as(steering, () -> annual.annual(planId, 2024));
        assertThat(r.summary().agencies()).isEqualTo(required.size());
        assertThat(r.summary().reportsDue()).isEqualTo(required.size());
        assertThat(r.summary().reportsOnTime()).isEqualTo(1);
        assertThat(r.summary().reportsLate()).isEqualTo(1);
        assertThat(r.summary().reportsMissing()).isEqualTo(required.size() - 2);
        assertThat(r.targets()).hasSize(19);
        assertThat(r.lateAgencies()).extracting(AnnualReport.AgencyRow::agencyId).contains(b, c).doesNotContain(a);
        AnnualReport.AgencyRow lateB = r.lateAgencies().stream().filter(x -> x.agencyId() == b).findFirst().orElseThrow();
        assertThat(lateB.submittedOn()).isEqualTo(LocalDate.of(2024, 12, 10));
        assertThat(lateB.statusLabel()).isEqualTo("Gửi muộn 5 ngày");
        assertThat(r.header().issuer()).isEqualTo("SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
        assertThat(r.header().authority()).isEqualTo("UBND TỈNH THANH HÓA");
        assertThat(r.demo()).isFalse();
    }

    @Test
    void annualReportAsDocxPdfAndXlsx() throws Exception {
        String base = "/api/v1/reports/plans/" + planId + "/annual/2024";
        Http.Answer docx = http.get(steering, base + ".docx");
        assertThat(docx.status()).as(docx.text()).isEqualTo(200);
        assertThat(docx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.bytes()));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "BÁO CÁO", "Kết quả thực hiện", "năm 2024", "Nơi nhận:", "KT. GIÁM ĐỐC")
                    .doesNotContain("Số liệu minh họa");
            XWPFTable targets = doc.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(1).getText().equals("Chỉ tiêu")).findFirst().orElseThrow();
            assertThat(targets.getRows()).hasSize(20);
            assertThat(targets.getRows()).anySatisfy(row -> assertThat(row.getCell(1).getText()).contains("Kinh tế số chiếm 20%"));
        }

        Http.Answer pdf = http.get(leader, base + ".pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        PdfReader reader = new PdfReader(pdf.bytes());
        try {
            String page1 = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(page1).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "UBND TỈNH THANH HÓA", "BÁO CÁO");
        } finally {
            reader.close();
        }

        // the words, read back as a leader reads them (PDFBox for the PDF, POI for the .docx): seed 001's compound
        // count target with each split's unit, its "nhóm 10" rank targets, a title with one "năm" per year
        AnnualReport figures0 = as(steering, () -> annual.annual(planId, 2024));
        assertThat(figures0.header().subtitle()).startsWith("Kết quả thực hiện năm 2024 ")
                .endsWith("đến năm 2025, định hướng đến năm 2030");
        assertThat(figures0.targets()).extracting(AnnualReport.TargetRow::target)
                .contains("huyện, thị xã, thành phố: ≥ 6 huyện; xã, phường, thị trấn: ≥ 300 xã", "nhóm 10");
        for (String text : List.of(AnnualWordsTest.pdfText(pdf.bytes()), AnnualWordsTest.docxText(docx.bytes()))) {
            assertThat(text).contains("Kết quả thực hiện năm 2024", "xã, phường, thị trấn: ≥ 300 xã", "nhóm 10")
                    .doesNotContain("300 huyện", "hạng ≤", "Xếp hạng", "DISTRICT", "COMMUNE", "{0}", "??")
                    .doesNotContainPattern("năm \\d{4} năm \\d{4}")
                    .doesNotContainPattern("\\d hạng");
            figures0.targets().stream().filter(t -> t.target().equals("nhóm 10") && !t.current().startsWith("Chưa"))
                    .forEach(t -> assertThat(t.current()).startsWith("hạng ").satisfies(c -> assertThat(text).contains(c)));
        }

        Http.Answer xlsx = http.get(steering, base + ".xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            assertThat(wb.getSheet("Chỉ tiêu").getLastRowNum()).isEqualTo(2 + 19);
            assertThat(wb.getSheet("Báo cáo muộn").getLastRowNum()).isEqualTo(2 + required.size() - 1);
        }
        Http.Answer figures = http.get(steering, base);
        assertThat(figures.status()).isEqualTo(200);
        assertThat(figures.body().get("summary").get("reportsOnTime").asInt()).isEqualTo(1);

        // pages serve the same files; editors and viewers get 403
        mvc.perform(get("/reports/plans/{id}/annual/2024.docx", planId).with(httpBasic(steering, Http.PASSWORD)))
                .andExpect(status().isOk());
        assertThat(http.get(editorA, base + ".pdf").status()).isEqualTo(403);
        assertThat(http.get("viewer", base + ".docx").status()).isEqualTo(403);
        mvc.perform(get("/reports/plans/{id}/annual/2024.pdf", planId).with(httpBasic(editorA, Http.PASSWORD)))
                .andExpect(status().isForbidden());
    }
}
