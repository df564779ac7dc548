package vn.dxgov.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserDirectory;
import vn.dxgov.support.Http;
import vn.dxgov.support.TestClock;
import vn.dxgov.support.TestData;
import vn.dxgov.units.AgencyDirectory;

/**
 * Issue 14's assessment form cases as page tests (MockMvc, the real embedded PostgreSQL): the "open a round" form
 * posted with a criteria set of another level, a year that is not a number, comes back with every typed value and a
 * message per field in words (Vietnamese, or English in the English UI), never "level: … COMMUNE …"; "Đính kèm"
 * without a file keeps the points and evidence typed on the self-assessment form, and with a file saves them; a unit
 * not yet tied to its People's Committee says so where its fields are greyed out. Today is 20/11/2025.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentFormsIT {

    static final String PW = Http.PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    TestData data;
    @Autowired
    UserDirectory users;
    @Autowired
    AgencyDirectory agencies;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MockMvc mvc;

    Http http;
    long set;
    long round;
    long tied;      // a commune tied to its People's Committee, with an editor
    long untied;    // a commune without an agency
    String editor;
    final String run = Long.toString(System.nanoTime() % 100000, 36);

    @BeforeAll
    void setUp() {
        TestClock.CLOCK.set(LocalDate.of(2025, 11, 20), 9);
        http = new Http(port, json);
        data.ensureUnits();
        for (JsonNode s : http.get("viewer", "/api/v1/criteria-sets").body()) {
            if (s.get("code").asString().equals(CriteriaTemplates.COMMUNE_CODE) && s.get("year").asInt() == 2025) {
                set = s.get("id").asLong();
            }
        }
        assertThat(set).isPositive();
        Map<String, Object> d = new HashMap<>();
        d.put("name", "Đợt thử biểu mẫu " + run);
        d.put("criteriaSetId", set);
        d.put("year", 2025);
        d.put("level", "COMMUNE");
        d.put("referenceDate", "2025-12-31");
        d.put("deadline", "2025-12-15");
        d.put("provinceCode", "38");
        Http.Answer r = http.call("steering", "POST", "/api/v1/assessment-rounds", d);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        round = r.body().get("id").asLong();
        JsonNode list = http.call("steering", "GET", "/api/v1/assessment-rounds/" + round + "/units", null).body();
        tied = list.get(0).get("unitId").asLong();
        untied = -1;
        for (JsonNode u : list) {
            if (u.get("agencyId") == null || u.get("agencyId").isNull()) {
                if (u.get("unitId").asLong() != tied) {
                    untied = u.get("unitId").asLong();
                    break;
                }
            }
        }
        assertThat(untied).as("a commune without an agency").isPositive();
        long agency = tx.execute(st -> agencies.resolve("UBND xã biểu mẫu " + run, "38").get(0).agency().id());
        assertThat(http.call("steering", "PUT", "/api/v1/assessment/unit-agencies/" + tied, Map.of("agencyId", agency)).status())
                .isEqualTo(200);
        editor = "bm-" + run;
        users.ensure(editor, PW, "Cán bộ xã biểu mẫu", Role.EDITOR, agency, null);
    }

    String body(org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request, String user, int expected) throws Exception {
        // unescaped as a browser shows it (Thymeleaf writes "Đánh" as "Đ&aacute;nh" in an attribute)
        return org.springframework.web.util.HtmlUtils.htmlUnescape(mvc.perform(request.with(httpBasic(user, PW)).with(csrf()))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The text a person reads: no tags, no attribute values (option values are codes on purpose). */
    /**
     * The page's words, without its scripts and without the criteria sets' names in the set list (other tests of the
     * shared database name theirs with level codes, "… COMMUNE 1P5J").
     */
    static String visible(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("(?s)<select[^>]*id=\"r-set\".*?</select>", " ").replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ");
    }

    MockHttpServletRequestBuilder roundPost(String level, String year, String lang) {
        MockHttpServletRequestBuilder b = post("/assessment/rounds/new").param("name", "Đánh giá huyện thử " + run)
                .param("criteriaSetId", Long.toString(set)).param("level", level).param("year", year)
                .param("referenceDate", "2024-12-31").param("deadline", "2025-12-20").param("provinceCode", "Thanh Hóa");
        return lang == null ? b : b.param("lang", lang);
    }

    @Test
    void theRoundFormKeepsEverythingAndSaysTheLevelInWords() throws Exception {
        String page = body(roundPost("DISTRICT", "2025", null), "steering", 422);
        assertThat(page).contains("id=\"round-errors\"")
                .contains("value=\"Đánh giá huyện thử " + run + "\"")
                .contains("value=\"2025\"").contains("value=\"2024-12-31\"").contains("value=\"2025-12-20\"")
                .contains("value=\"Thanh Hóa\"")
                .containsPattern("<option value=\"DISTRICT\" selected=\"selected\"")
                .containsPattern("<option value=\"" + set + "\" selected=\"selected\"");
        // the message at the level field, in words
        assertThat(page).containsPattern("(?s)id=\"r-level\".*?invalid-feedback\">[^<]*dành cho cấp xã, không phải cấp huyện");
        String text = visible(page);
        assertThat(text).doesNotContain("COMMUNE").doesNotContain("DISTRICT").doesNotContain("level:")
                .doesNotContain(" the ").doesNotContain("criteria set");

        String english = visible(body(roundPost("DISTRICT", "2025", "en"), "steering", 422));
        assertThat(english).contains("the criteria set is for the commune level, not the district level")
                .doesNotContain("dành cho").doesNotContain("COMMUNE");
    }

    @Test
    void aYearThatIsNotANumberComesBackAsTypedWithItsMessage() throws Exception {
        String page = body(roundPost("COMMUNE", "20x5", null), "steering", 422);
        assertThat(page).contains("value=\"20x5\"").contains("value=\"Đánh giá huyện thử " + run + "\"")
                .containsPattern("(?s)id=\"r-year\".*?invalid-feedback\">Năm đánh giá là một số, ví dụ 2025.");
        assertThat(visible(page)).doesNotContain("typeMismatch").doesNotContain("NumberFormatException");
    }

    @Test
    void aProvinceLevelRoundDoesNotAskForAProvince() throws Exception {
        String page = body(get("/assessment/rounds/new"), "steering", 200);
        assertThat(page).contains("Đợt đánh giá cấp tỉnh gồm mọi tỉnh: để trống ô này.");
        assertThat(page).containsPattern("<input[^>]*id=\"r-province\"[^>]*>").doesNotContainPattern("<input[^>]*id=\"r-province\"[^>]*required");
    }

    @Test
    void attachWithoutAFileKeepsThePointsTypedAndWithAFileSavesThem() throws Exception {
        String path = "/assessment/rounds/" + round + "/units/" + tied;
        var noFile = multipart(path + "/evidence/NT.1")
                .file(new MockMultipartFile("file_NT.1", "", "application/octet-stream", new byte[0]))
                .param("yes_NT.1", "true").param("value_NT.2", "3").param("num_HT.1", "15").param("den_HT.1", "20")
                .param("evidence_NT.1", "Kế hoạch 12/KH-UBND ngày 05/3/2025");
        String page = body(noFile, editor, 422);
        assertThat(page).contains("id=\"self-form\"")
                .contains("value=\"3\"").contains("value=\"15\"").contains("value=\"20\"")
                .contains("Kế hoạch 12/KH-UBND ngày 05/3/2025")
                .containsPattern("<option value=\"true\" selected=\"selected\"")
                .containsPattern("(?s)<input type=\"file\" class=\"form-control is-invalid\" name=\"file_NT.1\"[^>]*>.*?Chưa chọn tệp: chọn tệp minh chứng rồi bấm Đính kèm.");
        JsonNode before = http.call(editor, "GET", "/api/v1/assessment-rounds/" + round + "/units/" + tied, null).body();
        assertThat(before.at("/files/NT.1").isMissingNode()).as("nothing attached").isTrue();

        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        var withFile = multipart(path + "/evidence/NT.1")
                .file(new MockMultipartFile("file_NT.1", "ke-hoach.pdf", "application/pdf", pdf))
                .param("yes_NT.1", "true").param("value_NT.2", "3").param("num_HT.1", "15").param("den_HT.1", "20")
                .param("evidence_NT.1", "Kế hoạch 12/KH-UBND ngày 05/3/2025");
        var saved = mvc.perform(withFile.with(httpBasic(editor, PW)).with(csrf())).andReturn().getResponse();
        String answer = org.springframework.web.util.HtmlUtils.htmlUnescape(saved.getContentAsString(StandardCharsets.UTF_8));
        assertThat(saved.getStatus()).as(answer.contains("unit-errors") ? answer.substring(answer.indexOf("unit-errors"),
                Math.min(answer.length(), answer.indexOf("unit-errors") + 600)) : answer).isEqualTo(302);
        JsonNode view = http.call(editor, "GET", "/api/v1/assessment-rounds/" + round + "/units/" + tied, null).body();
        assertThat(view.at("/files/NT.1/0/filename").asString()).isEqualTo("ke-hoach.pdf");
        assertThat(view.toString()).contains("Kế hoạch 12/KH-UBND ngày 05/3/2025");
        JsonNode nt2 = null;
        for (JsonNode l : view.get("lines")) {
            if (l.get("code").asString().equals("NT.2")) {
                nt2 = l;
            }
        }
        assertThat(nt2).isNotNull();
        assertThat(nt2.at("/input/value").decimalValue()).isEqualByComparingTo("3");
    }

    @Test
    void aUnitNotTiedToItsPeoplesCommitteeSaysWhyItsFieldsAreGreyedOut() throws Exception {
        String page = body(get("/assessment/rounds/" + round + "/units/" + untied), "steering", 200);
        assertThat(page).containsPattern("(?s)id=\"read-only-reason\"[^>]*>\\s*Đơn vị chưa được gắn với Ủy ban nhân dân")
                .contains("Gắn UBND cho đơn vị chưa có cơ quan")
                .contains("aria-describedby=\"read-only-reason\"");
        String english = body(get("/assessment/rounds/" + round + "/units/" + untied).param("lang", "en"), "steering", 200);
        assertThat(english).contains("not yet tied to its People's Committee");
        // the unit's own staff see the form open, with no such note
        assertThat(body(get("/assessment/rounds/" + round + "/units/" + tied), editor, 200)).doesNotContain("id=\"read-only-reason\"");
    }
}
