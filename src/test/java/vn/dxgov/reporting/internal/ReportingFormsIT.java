package vn.dxgov.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorTypes;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.security.Role;
import vn.dxgov.targets.TargetCatalog;

/**
 * Issue 14's reporting and plan cases as page tests (MockMvc, the real embedded PostgreSQL, the seed documents): the
 * notice after approve or return shows once; a percentage above 100 comes back at its numerator with both figures
 * kept and the reason in words (Vietnamese, or English in the English UI), never "#1 (T26 · …) … / numerator exceeds
 * denominator"; evidence posted without a file says so at the file; a plan whose document dates it "ngày tháng năm
 * 2021" shows "năm 2021 (chưa ghi ngày)". Today is 20 November 2025.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(ReportingTestConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingFormsIT extends ReportingSupport {

    static final LocalDate TODAY = LocalDate.of(2025, 11, 20);

    @Autowired
    MockMvc mvc;
    @Autowired
    TargetCatalog targets;
    @Autowired
    IndicatorCatalog indicators;

    long plan001;
    long plan004;
    ReportingPeriod p2025;
    List<Long> required;
    String steering;

    @BeforeAll
    void importSeeds() throws IOException {
        ReportingTestConfig.CLOCK.set(TODAY, 9);
        data.resetPlans();
        data.ensureUnits();
        plan001 = importSeed(SEED_001, "001.txt", true);
        plan004 = importSeed(SEED_004, "004.txt", true);
        steering = user("stf", Role.STEERING, null);
        p2025 = as(steering, () -> reporting.periods(plan001)).stream().filter(p -> p.period().equals("2025")).findFirst().orElseThrow();
        required = reporting.requiredAgencies(p2025.id());
    }

    MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request, String user) throws Exception {
        return mvc.perform(request.with(httpBasic(user, PASSWORD)).with(csrf())).andReturn().getResponse();
    }

    static String text(MockHttpServletResponse r) throws Exception {
        return HtmlUtils.htmlUnescape(r.getContentAsString(StandardCharsets.UTF_8));
    }

    static int count(String page, String text) {
        int n = 0;
        for (int i = page.indexOf(text); i >= 0; i = page.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    /** The page a redirect leads to, with the redirect's flash attributes, as a browser would see it next. */
    String after(MvcResult redirect, String user) throws Exception {
        assertThat(redirect.getResponse().getStatus()).isEqualTo(302);
        var next = get(redirect.getResponse().getRedirectedUrl()).flashAttrs(redirect.getFlashMap());
        return text(send(next, user));
    }

    @Test
    void approveAndReturnSayItOnce() throws Exception {
        long a = required.get(0);
        long b = required.get(1);
        String editorA = user("fa", Role.EDITOR, a);
        String editorB = user("fb", Role.EDITOR, b);
        Submission sa = as(editorA, () -> fillAndSubmit(p2025.id(), a));
        Submission sb = as(editorB, () -> fillAndSubmit(p2025.id(), b));

        MvcResult approved = mvc.perform(post("/reporting/submissions/" + sa.id() + "/approve")
                .with(httpBasic(steering, PASSWORD)).with(csrf())).andReturn();
        String page = after(approved, steering);
        assertThat(count(page, "Đã duyệt báo cáo; số liệu đã được khóa.")).as("the approval notice").isEqualTo(1);
        // its fields are read-only, and the page says why and what to do
        assertThat(page).contains("Báo cáo đã được duyệt, số liệu đã khóa nên chỉ xem");

        MvcResult returned = mvc.perform(post("/reporting/submissions/" + sb.id() + "/return").param("reason", "Thiếu số liệu quý IV")
                .with(httpBasic(steering, PASSWORD)).with(csrf())).andReturn();
        assertThat(count(after(returned, steering), "Đã trả lại báo cáo cho cơ quan.")).as("the return notice").isEqualTo(1);
    }

    @Test
    void aPercentageAbove100ComesBackAtItsNumeratorInWords() throws Exception {
        long agency = required.subList(2, required.size()).stream().filter(id -> targets.forAgency(id, List.of(plan001)).stream()
                .anyMatch(t -> t.leadAgencyIds().contains(id) && indicators.forTarget(t.id())
                        .map(i -> i.valueType() == IndicatorTypes.ValueType.RATIO).orElse(false)))
                .findFirst().orElseThrow();
        String editor = user("fr", Role.EDITOR, agency);
        Submission s = as(editor, () -> reporting.open(p2025.id(), agency));
        ReportForm form = as(editor, () -> reporting.form(s.id()));
        ReportForm.TargetLine ratio = form.targets().stream().filter(l -> l.ratio() && !l.locked()
                && (l.unit() == null || l.unit().isBlank() || l.unit().strip().startsWith("%"))).findFirst().orElseThrow();
        String p = "t." + ratio.key() + ".";
        MockHttpServletResponse r = send(post("/reporting/submissions/" + s.id()).param(p + "num", "120").param(p + "den", "100")
                .param("narrative", "Báo cáo thử tỷ lệ"), editor);
        assertThat(r.getStatus()).isEqualTo(422);
        String page = text(r);
        assertThat(page).contains("value=\"120\"").contains("value=\"100\"").contains("Báo cáo thử tỷ lệ")
                .contains("tử số (120) lớn hơn mẫu số (100), tức tỷ lệ trên 100%; kiểm tra lại hai số.")
                .doesNotContain("numerator").doesNotContain("exceeds").doesNotContain("#1 (");
        // the message sits at the numerator's field
        assertThat(page).containsPattern("(?s)name=\"" + java.util.regex.Pattern.quote(p) + "num\".{0,1500}?tử số \\(120\\) lớn hơn mẫu số");

        String english = text(send(post("/reporting/submissions/" + s.id()).param(p + "num", "120").param(p + "den", "100")
                .param("lang", "en"), editor));
        assertThat(english).contains("the numerator (120) is larger than the denominator (100)").doesNotContain("lớn hơn mẫu số");
    }

    @Test
    void evidenceWithoutAFileSaysSoAtTheFile() throws Exception {
        long agency = required.get(2);
        String editor = user("fe", Role.EDITOR, agency);
        Submission s = as(editor, () -> reporting.open(p2025.id(), agency));
        MockHttpServletResponse r = send(multipart("/reporting/submissions/" + s.id() + "/evidence")
                .file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0])), editor);
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(text(r)).containsPattern("(?s)id=\"evidence-file\"[^>]*>\\s*<div class=\"invalid-feedback\" id=\"evidence-error\">"
                + "Chưa chọn tệp: chọn tệp minh chứng rồi bấm Tải lên.").doesNotContain("trường \"file\"");
    }

    @Test
    void aPlanDatedWithoutItsDaySaysWhatItKnows() throws Exception {
        String page = text(send(get("/plans/" + plan004), "steering"));
        assertThat(page).containsPattern("(?s)Ngày ban hành</dt>\\s*<dd[^>]*>năm 2021 \\(chưa ghi ngày\\)</dd>");
        assertThat(page).doesNotContainPattern(">\\s*ngày\\s+tháng\\s+năm 2021\\s*<");
        String list = text(send(get("/plans"), "steering"));
        assertThat(list).contains("năm 2021 (chưa ghi ngày)").doesNotContainPattern(">\\s*ngày\\s+tháng\\s+năm 2021\\s*<");
        String english = text(send(get("/plans/" + plan004).param("lang", "en"), "steering"));
        assertThat(english).contains("2021 (no day given)");
    }
}
