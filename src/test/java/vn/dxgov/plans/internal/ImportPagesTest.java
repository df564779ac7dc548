package vn.dxgov.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.dxgov.support.TestData;

/** The import page: upload, progress polling until done, the report, failures and duplicates, who may import. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ImportPagesTest {

    static final RequestPostProcessor STEERING = user("steering").roles("STEERING");
    static final RequestPostProcessor VIEWER = user("viewer").roles("VIEWER");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    ImportRepository imports;

    @BeforeEach
    void clean() {
        data.resetPlans();
        data.ensureUnits();
    }

    @Test
    void uploadShowsProgressThenTheReport() throws Exception {
        String form = page(get("/imports").with(STEERING));
        assertThat(form).contains("accept=\".pdf,.docx,.doc,.odt,.md,.txt,").contains("tối đa 10 MB").contains("Chưa có lần nhập nào")
                .contains("id=\"import-help\"").contains("nhận dạng chữ (OCR)").contains("Cần kiểm tra");

        long id = upload("001.txt", new ClassPathResource("seed/plans/001_16196319a76d78f9.txt").getContentAsByteArray());
        String done = waitUntilDone(id);
        assertThat(done).contains("data-status=\"SUCCEEDED\"").doesNotContain("every 700ms")
                .contains("Đã tạo kế hoạch nháp").contains("id=\"review-plan\"").contains("id=\"publish\"")
                .contains("Chương trình").contains("Thanh Hóa")
                .contains("Đến năm 2025").contains("Đến năm 2030")
                .contains("mục I").contains("mục VII")
                .contains("id=\"report-notes\"").contains("id=\"report-agencies\"")
                .contains("Sở Thông tin và Truyền thông");
        assertThat(cell(done, "summary-targets")).contains("19");
        assertThat(cell(done, "summary-tasks")).contains("103");

        // the whole page (not only the polled fragment) and the recent imports list
        assertThat(page(get("/imports/" + id).with(STEERING))).contains("<html").contains("Báo cáo nhập")
                .contains("Xong");
        assertThat(page(get("/imports").with(STEERING))).contains("001.txt").contains("Thành công");

        // the same document again: nothing changed, with a link to the existing plan
        long again = upload("001-again.txt", new ClassPathResource("seed/plans/001_16196319a76d78f9.txt").getContentAsByteArray());
        String duplicate = waitUntilDone(again);
        assertThat(duplicate).contains("data-status=\"DUPLICATE\"").contains("không có gì thay đổi")
                .contains("id=\"existing-plan\"");
    }

    @Test
    void anOdtIsImportedLikeItsTextWithNoReadingSection() throws Exception {
        byte[] odt = new ClassPathResource("fixtures/seed-001-libreoffice.odt").getContentAsByteArray();
        String done = waitUntilDone(upload("ke-hoach.odt", odt));
        assertThat(done).contains("data-status=\"SUCCEEDED\"");
        assertThat(cell(done, "summary-targets")).contains("19");
        assertThat(cell(done, "summary-tasks")).contains("103");
        // a document without pages read without OCR: nothing about pages or confidence
        assertThat(done).doesNotContain("id=\"report-reading\"").doesNotContain("id=\"import-pages\"");
    }

    @Test
    void aPagedImportShowsItsPageWhileRunning() throws Exception {
        long id = imports.start("quet.pdf", 1000, "steering");
        imports.step(id, "read");
        imports.pages(id, 3, 12, true);
        imports.pages(id, 4, 12, false); // a later text page does not take back that OCR was needed
        String running = page(get("/imports/" + id).header("HX-Request", "true").with(STEERING));
        assertThat(running).contains("data-status=\"RUNNING\"").contains("hx-trigger=\"every 700ms\"")
                .contains("Đang đọc trang 5/12").contains("(nhận dạng chữ - OCR)")
                .contains("<progress").contains("value=\"4\"").contains("max=\"12\"").doesNotContain("style=");
        String json = new String(mvc.perform(get("/api/v1/imports/" + id).with(STEERING)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"pages\":{\"done\":4,\"total\":12,\"ocr\":true");
        imports.finish(id, vn.dxgov.plans.ImportStatus.FAILED, null, "x", java.util.List.of(), null);
    }

    @Test
    void theReportShowsOcrConfidenceAndTheLinesToCheck() throws Exception {
        long id = upload("001.txt", new ClassPathResource("seed/plans/001_16196319a76d78f9.txt").getContentAsByteArray());
        waitUntilDone(id);
        ImportReport stored = imports.find(id).orElseThrow().report();
        vn.dxgov.plans.importing.ReadingInfo info = new vn.dxgov.plans.importing.ReadingInfo(12, 9, 87.54, java.util.List.of(
                new vn.dxgov.plans.importing.ReadingInfo.LowConfidenceLine(41, 3, "Sở Thông tin và Truvền thông", 54.25),
                new vn.dxgov.plans.importing.ReadingInfo.LowConfidenceLine(230, 11, "IV.2.1 Xây dưng kho dữ liệu", 61.0)));
        ImportReport withReading = new ImportReport(stored.summary(), stored.notes(), stored.agencies(),
                ImportReport.Reading.of(info), null);
        imports.finish(id, vn.dxgov.plans.ImportStatus.SUCCEEDED, imports.find(id).orElseThrow().planId(), "ok",
                java.util.List.of(), withReading);

        String html = page(get("/imports/" + id).with(STEERING));
        assertThat(cell(html, "reading-pages")).contains("12");
        assertThat(cell(html, "reading-ocr-pages")).contains("9");
        assertThat(cell(html, "reading-confidence")).contains("87,5 %");
        assertThat(html).contains("Cần kiểm tra (2)").contains("Sở Thông tin và Truvền thông").contains("54,3 %")
                .contains("IV.2.1 Xây dưng kho dữ liệu");
        assertThat(page(get("/imports/" + id).param("lang", "en").with(STEERING))).contains("87.5 %").contains("To check (2)");
        // the API's import record carries it too
        String json = new String(mvc.perform(get("/api/v1/imports/" + id).with(STEERING)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"reading\":{\"pages\":12,\"ocrPages\":9,\"meanConfidence\":87.54")
                .contains("\"page\":3");
    }

    @Test
    void aFailedImportSaysWhy() throws Exception {
        long id = upload("empty.txt", new byte[0]);
        String failed = waitUntilDone(id);
        assertThat(failed).contains("data-status=\"FAILED\"").contains("Tệp rỗng").contains("Nhập tệp khác")
                .doesNotContain("id=\"review-plan\"");

        String english = page(get("/imports/" + id).param("lang", "en").with(STEERING));
        assertThat(english).contains("Import of empty.txt").contains("Import another file").contains("Done")
                .doesNotContain("Nhập tệp khác");
    }

    @Test
    void noFileIsAskedForAgain() throws Exception {
        String html = new String(mvc.perform(multipart("/imports").with(STEERING).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(html).contains("Chưa chọn tệp");
    }

    @Test
    void onlyTheSteeringDepartmentImports() throws Exception {
        mvc.perform(get("/imports").with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "x.txt", "text/plain", "x".getBytes()))
                .with(VIEWER).with(csrf())).andExpect(status().isForbidden());
        assertThat(page(get("/plans").with(VIEWER))).doesNotContain("href=\"/imports\"");
    }

    private long upload(String name, byte[] bytes) throws Exception {
        String location = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", name, "text/plain", bytes))
                        .with(STEERING).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/imports/\\d+");
        return Long.parseLong(location.substring("/imports/".length()));
    }

    /** Polls like the page does (htmx fragment requests) until the import is no longer running. */
    private String waitUntilDone(long id) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            String fragment = page(get("/imports/" + id).header("HX-Request", "true").with(STEERING));
            assertThat(fragment).startsWith("<div id=\"import-status\"");
            if (!fragment.contains("data-status=\"RUNNING\"")) {
                return fragment;
            }
            assertThat(fragment).contains("hx-trigger=\"every 700ms\"");
            assertThat(System.currentTimeMillis()).as("import finished in time").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return new String(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static String cell(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>(.*?)</dd>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1);
    }
}
