package vn.dxgov.reporting.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
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
import vn.dxgov.security.Role;
import vn.dxgov.security.UserDirectory;
import vn.dxgov.support.Http;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.TestClock;
import vn.dxgov.support.TestData;
import vn.dxgov.support.TestUsers;
import vn.dxgov.units.AgencyDirectory;

/**
 * The Excel round-trip end to end on the embedded database with seed 001: download through the API, fill in with
 * POI, upload, values stored with source EXCEL; every kind of error by sheet, row and column with nothing saved;
 * refusals (not a workbook, not a form, another agency's or period's form, a tampered identity, a submitted
 * report); the page and its htmx fragment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExcelRoundTripIT {

    static final LocalDate TODAY = LocalDate.of(2025, 11, 20);

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicators;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Reporting reporting;
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
    ReportingPeriod p2025;
    ReportingPeriod p2024;
    long agencyA;
    long agencyB;
    String editorA;
    String editorB;
    String steering;

    @BeforeAll
    void seed() throws IOException {
        TestClock.CLOCK.set(TODAY, 9);
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
        List<ReportingPeriod> periods = as(steering, () -> reporting.periods(planId));
        p2025 = periods.stream().filter(p -> p.period().equals("2025")).findFirst().orElseThrow();
        p2024 = periods.stream().filter(p -> p.period().equals("2024")).findFirst().orElseThrow();
        // A: the agency with the most target lines (and some tasks); B: another one
        List<Long> required = reporting.requiredAgencies(p2025.id());
        record Size(long agency, int targets, int tasks) {
        }
        List<Size> sizes = required.stream().map(a -> {
            Submission s = as(steering, () -> reporting.open(p2025.id(), a));
            ReportForm f = as(steering, () -> reporting.form(s.id()));
            return new Size(a, f.targets().size(), f.tasks().size());
        }).sorted(Comparator.comparingInt(Size::targets).reversed()).toList();
        Size a = sizes.stream().filter(s -> s.tasks() > 0).findFirst().orElseThrow();
        agencyA = a.agency();
        agencyB = sizes.stream().filter(s -> s.agency() != agencyA && s.targets() > 0).findFirst().orElseThrow().agency();
        editorA = user("edA", Role.EDITOR, agencyA);
        editorB = user("edB", Role.EDITOR, agencyB);
    }

    @BeforeEach
    void today() {
        TestClock.CLOCK.set(TODAY, 9);
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

    /** A fresh draft report of an agency for a period (previous drafts of the test are emptied). */
    Submission draft(ReportingPeriod period, long agency) {
        Submission s = as(steering, () -> reporting.open(period.id(), agency));
        jdbc.sql("delete from data_value_version where data_value_id in (select id from data_value where submission_id = ?)")
                .param(s.id()).update();
        jdbc.sql("delete from data_value where submission_id = ?").param(s.id()).update();
        jdbc.sql("delete from task_progress where submission_id = ?").param(s.id()).update();
        jdbc.sql("update submission set status = 'DRAFT', narrative = null, first_submitted_at = null, submitted_at = null"
                + " where id = ?").param(s.id()).update();
        indicators.reload();
        return s;
    }

    byte[] download(String user, long submissionId) {
        Http.Answer a = http.get(user, "/api/v1/submissions/" + submissionId + "/excel");
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(a.disposition()).contains("attachment").contains(".xlsx");
        return a.bytes();
    }

    Http.Answer upload(String user, long submissionId, byte[] bytes) {
        return http.upload(user, "/api/v1/submissions/" + submissionId + "/excel", "bao-cao.xlsx", bytes);
    }

    static byte[] edit(byte[] bytes, Consumer<Workbook> change) throws IOException {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            change.accept(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    static Cell cell(Sheet s, int row, int col) {
        Row r = s.getRow(row) == null ? s.createRow(row) : s.getRow(row);
        return r.getCell(col) == null ? r.createCell(col) : r.getCell(col);
    }

    /** Fills every line of the form sheet: ratios 45/50, yes/no "Có", numbers "1.234,5"; tasks in progress at 60 %. */
    static void fill(Workbook wb, ReportForm form) {
        Sheet t = wb.getSheet("Chỉ tiêu");
        for (int i = 0; i < form.targets().size(); i++) {
            ReportForm.TargetLine l = form.targets().get(i);
            int r = FormLayout.FIRST_ROW + i;
            if (l.ratio()) {
                cell(t, r, FormLayout.T_NUMERATOR).setCellValue("45");
                cell(t, r, FormLayout.T_DENOMINATOR).setCellValue(50);
            } else if (l.yesNo()) {
                cell(t, r, FormLayout.T_VALUE).setCellValue("Có");
            } else {
                cell(t, r, FormLayout.T_VALUE).setCellValue("1.234,5");
            }
            cell(t, r, FormLayout.T_COMMENT).setCellValue("Số liệu từ Excel " + (i + 1));
        }
        Sheet k = wb.getSheet("Nhiệm vụ");
        for (int i = 0; i < form.tasks().size(); i++) {
            int r = FormLayout.FIRST_ROW + i;
            cell(k, r, FormLayout.K_STATUS).setCellValue("Đang triển khai");
            cell(k, r, FormLayout.K_PERCENT).setCellValue(60);
            cell(k, r, FormLayout.K_NARRATIVE).setCellValue("Đang thực hiện theo kế hoạch");
        }
        cell(wb.getSheet("Thông tin"), FormLayout.INFO_NARRATIVE_ROW, 1).setCellValue("Tóm tắt từ tệp Excel.");
    }

    int stored(long submissionId) {
        return jdbc.sql("select count(*) from data_value where submission_id = ?").param(submissionId)
                .query(Integer.class).single()
                + jdbc.sql("select count(*) from task_progress where submission_id = ?").param(submissionId)
                .query(Integer.class).single();
    }

    // ----- the round trip

    @Test
    void downloadFillUploadStoresEveryValueWithSourceExcel() throws IOException {
        Submission s = draft(p2025, agencyA);
        ReportForm form = as(editorA, () -> reporting.form(s.id()));
        byte[] filled = edit(download(editorA, s.id()), wb -> fill(wb, form));

        Http.Answer a = upload(editorA, s.id(), filled);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.body().get("saved").asBoolean()).isTrue();
        assertThat(a.body().get("changedTargets").asInt()).isEqualTo(form.targets().size());
        assertThat(a.body().get("changedTasks").asInt()).isEqualTo(form.tasks().size());
        assertThat(a.body().get("message").asText()).startsWith("Đã lưu số liệu từ tệp Excel");

        ReportForm after = as(editorA, () -> reporting.form(s.id()));
        assertThat(after.submission().narrative()).isEqualTo("Tóm tắt từ tệp Excel.");
        for (ReportForm.TargetLine l : after.targets()) {
            if (l.ratio()) {
                assertThat(l.numerator()).as(l.text()).isEqualByComparingTo("45");
                assertThat(l.denominator()).isEqualByComparingTo("50");
                assertThat(l.value()).isEqualByComparingTo("90");
            } else if (l.yesNo()) {
                assertThat(l.value()).isEqualByComparingTo(BigDecimal.ONE);
            } else {
                assertThat(l.value()).as(l.text()).isEqualByComparingTo("1234.5");
            }
            assertThat(l.comment()).startsWith("Số liệu từ Excel");
        }
        assertThat(after.tasks()).allSatisfy(l -> {
            assertThat(l.status()).isEqualTo(TaskProgressStatus.IN_PROGRESS);
            assertThat(l.percentComplete()).isEqualTo(60);
            assertThat(l.narrative()).isEqualTo("Đang thực hiện theo kế hoạch");
        });
        assertThat(jdbc.sql("select distinct source from data_value where submission_id = ?").param(s.id())
                .query(String.class).list()).containsExactly("EXCEL");

        // downloaded again, the stored values are in the form; uploading it unchanged changes nothing
        byte[] again = download(editorA, s.id());
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(again))) {
            assertThat(wb.getSheet("Nhiệm vụ").getRow(1).getCell(FormLayout.K_STATUS).getStringCellValue())
                    .isEqualTo("Đang triển khai");
        }
        Http.Answer unchanged = upload(editorA, s.id(), again);
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.body().get("saved").asBoolean()).isFalse();
        assertThat(unchanged.body().get("message").asText()).contains("không có số liệu nào khác");
    }

    @Test
    void everyBadCellIsReportedBySheetRowAndColumnAndNothingIsSaved() throws IOException {
        Submission s = draft(p2025, agencyA);
        ReportForm form = as(editorA, () -> reporting.form(s.id()));
        int ratioRow = indexOf(form, true);
        int plainRow = indexOf(form, false);
        byte[] bad = edit(download(editorA, s.id()), wb -> {
            fill(wb, form); // everything else valid, so that only the errors below stop the upload
            Sheet t = wb.getSheet("Chỉ tiêu");
            if (plainRow >= 0) {
                cell(t, FormLayout.FIRST_ROW + plainRow, FormLayout.T_VALUE).setCellValue("12,5a");
            }
            if (ratioRow >= 0) {
                cell(t, FormLayout.FIRST_ROW + ratioRow, FormLayout.T_DENOMINATOR).setCellValue(0);
            }
            cell(t, FormLayout.FIRST_ROW, FormLayout.T_TEXT).setCellValue("Chỉ tiêu đã bị sửa");
            cell(t, FormLayout.FIRST_ROW + form.targets().size() + 1, 0).setCellValue(9999);
            Sheet k = wb.getSheet("Nhiệm vụ");
            cell(k, FormLayout.FIRST_ROW, FormLayout.K_STATUS).setCellValue("Gần xong");
            cell(k, FormLayout.FIRST_ROW, FormLayout.K_PERCENT).setCellValue(150);
        });
        int before = stored(s.id());

        Http.Answer a = upload(editorA, s.id(), bad);
        assertThat(a.status()).as(a.text()).isEqualTo(422);
        assertThat(a.body().get("saved").asBoolean()).isFalse();
        assertThat(a.body().get("message").asText()).contains("chưa lưu số liệu nào");
        List<String> details = json.convertValue(a.body().get("details"), List.class);
        String first = "Chỉ tiêu!C" + (FormLayout.FIRST_ROW + 1) + ": ô khóa đã bị sửa";
        assertThat(details).anySatisfy(d -> assertThat(d).startsWith(first));
        if (plainRow >= 0) {
            assertThat(details).contains("Chỉ tiêu!G" + (FormLayout.FIRST_ROW + plainRow + 1) + ": “12,5a” không phải là "
                    + "số viết kiểu Việt Nam: dấu chấm tách từng nhóm ba chữ số hàng nghìn, dấu phẩy là dấu thập phân, "
                    + "ví dụ 1.250.300 hoặc 1.234,5.");
        }
        if (ratioRow >= 0) {
            assertThat(details).contains("Chỉ tiêu!I" + (FormLayout.FIRST_ROW + ratioRow + 1) + ": mẫu số \"0\" phải lớn hơn 0");
        }
        assertThat(details).contains("Chỉ tiêu!A" + (FormLayout.FIRST_ROW + form.targets().size() + 2)
                + ": dòng thêm vào biểu mẫu; không thêm dòng, chỉ điền vào các dòng có sẵn");
        assertThat(details).anySatisfy(d -> assertThat(d).startsWith("Nhiệm vụ!F2: \"Gần xong\" không phải trạng thái"));
        assertThat(details).contains("Nhiệm vụ!G2: \"150\": % hoàn thành phải là số nguyên từ 0 đến 100");
        JsonNode problem = a.body().get("problems").get(0);
        assertThat(problem.get("sheet").asText()).isEqualTo("Chỉ tiêu");
        assertThat(problem.get("row").asInt()).isPositive();
        assertThat(problem.get("column").asText()).matches("[A-K]");
        // nothing saved: not the valid lines either
        assertThat(stored(s.id())).isEqualTo(before);
        assertThat(as(editorA, () -> reporting.form(s.id())).submission().narrative()).isNull();
    }

    static int indexOf(ReportForm form, boolean ratio) {
        for (int i = 0; i < form.targets().size(); i++) {
            ReportForm.TargetLine l = form.targets().get(i);
            if (l.ratio() == ratio && !l.yesNo()) {
                return i;
            }
        }
        return -1;
    }

    // ----- refusals

    @Test
    void aFileThatIsNotAWorkbookIsRefused() {
        Submission s = draft(p2025, agencyA);
        Http.Answer a = http.upload(editorA, "/api/v1/submissions/" + s.id() + "/excel", "bao-cao.xlsx",
                "Đây không phải bảng tính".getBytes(StandardCharsets.UTF_8));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("message").asText())
                .isEqualTo("Tệp \"bao-cao.xlsx\" không phải là bảng tính Excel (.xlsx). Hãy tải biểu mẫu Excel của báo cáo, "
                        + "điền số liệu, lưu dạng .xlsx rồi tải lên.");
        Http.Answer empty = http.upload(editorA, "/api/v1/submissions/" + s.id() + "/excel", "rong.xlsx", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void aWorkbookThatIsNotADxgovFormIsRefused() throws IOException {
        Submission s = draft(p2025, agencyA);
        byte[] other;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Chỉ tiêu").createRow(0).createCell(0).setCellValue("ID");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            other = out.toByteArray();
        }
        Http.Answer a = upload(editorA, s.id(), other);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("message").asText()).contains("không phải biểu mẫu báo cáo của dxgov");
    }

    @Test
    void anotherAgencysFormIsRefusedNamingBoth() throws IOException {
        Submission mine = draft(p2025, agencyA);
        Submission theirs = draft(p2025, agencyB);
        byte[] formOfB = download(editorB, theirs.id());
        int before = stored(mine.id());
        Http.Answer a = upload(editorA, mine.id(), formOfB);
        assertThat(a.status()).isEqualTo(409);
        String nameA = agencies.find(agencyA).orElseThrow().name();
        String nameB = agencies.find(agencyB).orElseThrow().name();
        assertThat(a.body().get("message").asText())
                .isEqualTo("Tệp này là biểu mẫu của " + nameB + " (kỳ 2025), không phải của " + nameA
                        + ". Mỗi cơ quan tải lên biểu mẫu của chính mình.");
        assertThat(stored(mine.id())).isEqualTo(before);
        // and an editor cannot download or upload another agency's report at all (reporting answers 404: it does not
        // tell an editor which other reports exist)
        assertThat(http.get(editorA, "/api/v1/submissions/" + theirs.id() + "/excel").status()).isIn(403, 404);
        assertThat(upload(editorA, theirs.id(), formOfB).status()).isIn(403, 404);
        assertThat(stored(theirs.id())).isZero();
    }

    @Test
    void anotherPeriodsFormIsRefused() {
        Submission s2025 = draft(p2025, agencyA);
        Submission s2024 = draft(p2024, agencyA);
        Http.Answer a = upload(editorA, s2025.id(), download(editorA, s2024.id()));
        assertThat(a.status()).isEqualTo(409);
        assertThat(a.body().get("message").asText())
                .isEqualTo("Tệp này là biểu mẫu kỳ Năm 2024, không phải kỳ Năm 2025. Hãy tải biểu mẫu của kỳ Năm 2025.");
    }

    @Test
    void aTamperedIdentityIsRefused() throws IOException {
        Submission mine = draft(p2025, agencyA);
        Submission theirs = draft(p2025, agencyB);
        ReportForm form = as(editorA, () -> reporting.form(mine.id()));
        // someone edits the hidden sheet to pass a filled-in form off as another agency's report
        byte[] tampered = edit(download(editorA, mine.id()), wb -> {
            fill(wb, form);
            Sheet meta = wb.getSheet("dxgov");
            for (Row r : meta) {
                if (r.getCell(0).getStringCellValue().equals("agency")) {
                    r.getCell(1).setCellValue(Long.toString(agencyB));
                }
                if (r.getCell(0).getStringCellValue().equals("submission")) {
                    r.getCell(1).setCellValue(Long.toString(theirs.id()));
                }
            }
        });
        Http.Answer a = upload(editorB, theirs.id(), tampered);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("message").asText()).contains("đã bị sửa hoặc không đọc được (mã kiểm tra không khớp)");
        // a changed checksum alone is caught too
        byte[] badSum = edit(download(editorA, mine.id()), wb -> {
            for (Row r : wb.getSheet("dxgov")) {
                if (r.getCell(0).getStringCellValue().equals("checksum")) {
                    r.getCell(1).setCellValue("0".repeat(64));
                }
            }
        });
        assertThat(upload(editorA, mine.id(), badSum).status()).isEqualTo(400);
        assertThat(stored(mine.id())).isZero();
        assertThat(stored(theirs.id())).isZero();
    }

    @Test
    void aSubmittedReportTakesNoUpload() throws IOException {
        Submission s = draft(p2025, agencyA);
        ReportForm form = as(editorA, () -> reporting.form(s.id()));
        byte[] filled = edit(download(editorA, s.id()), wb -> fill(wb, form));
        assertThat(upload(editorA, s.id(), filled).status()).isEqualTo(200);
        as(editorA, () -> reporting.submit(s.id()));
        Http.Answer a = upload(editorA, s.id(), filled);
        assertThat(a.status()).isEqualTo(409);
        assertThat(a.body().get("message").asText()).contains("chỉ nhập được số liệu khi báo cáo là nháp hoặc bị trả lại");
    }

    // ----- the page

    @Test
    void thePageDownloadsAndTheUploadAnswersWithTheErrorTable() throws Exception {
        Submission s = draft(p2025, agencyA);
        byte[] form = mvc.perform(get("/reporting/submissions/{id}/excel", s.id()).with(httpBasic(editorA, Http.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String page = mvc.perform(get("/reporting/submissions/{id}/excel/upload", s.id()).with(httpBasic(editorA, Http.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Tải biểu mẫu Excel").contains("excel-upload").contains("name=\"file\"");

        byte[] bad = edit(form, wb -> cell(wb.getSheet("Nhiệm vụ"), 1, FormLayout.K_PERCENT).setCellValue(-5));
        String fragment = mvc.perform(multipart("/reporting/submissions/{id}/excel", s.id())
                        .file(new MockMultipartFile("file", "bao-cao.xlsx", ExcelForms.XLSX, bad))
                        .header("HX-Request", "true").with(csrf()).with(httpBasic(editorA, Http.PASSWORD)))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).contains("excel-problems").contains("Nhiệm vụ").contains("G2")
                .contains("% hoàn thành phải là số nguyên từ 0 đến 100").doesNotContain("<html");

        String notAWorkbook = mvc.perform(multipart("/reporting/submissions/{id}/excel", s.id())
                        .file(new MockMultipartFile("file", "x.xlsx", ExcelForms.XLSX, "abc".getBytes()))
                        .header("HX-Request", "true").with(csrf()).with(httpBasic(editorA, Http.PASSWORD)))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(notAWorkbook).contains("không phải là bảng tính Excel");

        byte[] good = edit(form, wb -> cell(wb.getSheet("Nhiệm vụ"), 1, FormLayout.K_STATUS).setCellValue("Hoàn thành"));
        String ok = mvc.perform(multipart("/reporting/submissions/{id}/excel", s.id())
                        .file(new MockMultipartFile("file", "bao-cao.xlsx", ExcelForms.XLSX, good))
                        .with(csrf()).with(httpBasic(editorA, Http.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ok).contains("<html").contains("excel-ok").contains("Đã lưu số liệu từ tệp Excel: 0 chỉ tiêu và 1 nhiệm vụ");

        // another agency's editor sees the error page, not the report
        int denied = mvc.perform(get("/reporting/submissions/{id}/excel", s.id()).with(httpBasic(editorB, Http.PASSWORD)))
                .andReturn().getResponse().getStatus();
        assertThat(denied).isIn(403, 404);
    }

    // ----- LibreOffice

    /** A form opened and saved again by LibreOffice still uploads (skipped when soffice is not installed). */
    @Test
    void aFormSavedAgainByLibreOfficeStillUploads() throws Exception {
        Path soffice = Path.of("/usr/bin/soffice");
        Assumptions.assumeTrue(Files.isExecutable(soffice), "LibreOffice (soffice) is not installed");
        Submission s = draft(p2025, agencyA);
        ReportForm form = as(editorA, () -> reporting.form(s.id()));
        byte[] filled = edit(download(editorA, s.id()), wb -> fill(wb, form));
        Path dir = Files.createTempDirectory("dxgov-lo");
        Path in = dir.resolve("form.xlsx");
        Files.write(in, filled);
        Path outDir = Files.createDirectories(dir.resolve("out"));
        Process p = new ProcessBuilder(soffice.toString(), "--headless", "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir.toString(), in.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        byte[] resaved = Files.readAllBytes(outDir.resolve("form.xlsx"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(resaved))) {
            // LibreOffice keeps the identification sheet hidden (it writes "very hidden" back as "hidden")
            assertThat(wb.getSheetVisibility(wb.getSheetIndex("dxgov"))).isNotEqualTo(org.apache.poi.ss.usermodel.SheetVisibility.VISIBLE);
            assertThat(wb.getSheet("Nhiệm vụ").getDataValidations()).isNotEmpty();
        }
        Http.Answer a = upload(editorA, s.id(), resaved);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.body().get("saved").asBoolean()).isTrue();
    }
}
