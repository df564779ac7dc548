package vn.dxgov.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.security.Role;

/**
 * Issue 8: numbers typed into an agency's web report form are read with the number grammar of the person's language.
 * In Vietnamese "1.300" is one thousand three hundred and "1.250.300" one million two hundred fifty thousand three
 * hundred (they were saved as 1.3 and refused); "1.3" and "12.5" are refused with how to write them, and the form
 * comes back with what was typed; in English "1,300.5" is 1300.5.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(ReportingTestConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingNumbersIT extends ReportingSupport {

    static final LocalDate TODAY = LocalDate.of(2025, 11, 20);

    @Autowired
    MockMvc mvc;

    ReportingPeriod p2025;
    long agency;
    String editor;
    long submission;
    String url;
    ReportForm.TargetLine valueLine;
    ReportForm.TargetLine ratioLine;

    @BeforeAll
    void setUp() throws IOException {
        ReportingTestConfig.CLOCK.set(TODAY, 9);
        data.resetPlans();
        data.ensureUnits();
        long plan = importSeed(SEED_001, "001.txt", true);
        String steering = user("st", Role.STEERING, null);
        p2025 = as(steering, () -> reporting.periods(plan)).stream().filter(p -> p.period().equals("2025")).findFirst()
                .orElseThrow();
        // an agency whose form has a plain value line and a ratio line
        for (long candidate : reporting.requiredAgencies(p2025.id())) {
            String e = user("num" + candidate, Role.EDITOR, candidate);
            var s = as(e, () -> reporting.open(p2025.id(), candidate));
            ReportForm form = as(e, () -> reporting.form(s.id()));
            var value = form.targets().stream().filter(l -> !l.ratio() && !l.yesNo() && !l.locked()).findFirst();
            var ratio = form.targets().stream().filter(l -> l.ratio() && !l.locked()).findFirst();
            if (value.isPresent() && ratio.isPresent()) {
                agency = candidate;
                editor = e;
                submission = s.id();
                valueLine = value.get();
                ratioLine = ratio.get();
                break;
            }
        }
        assertThat(editor).as("an agency of seed 001 with a value line and a ratio line").isNotNull();
        url = "/reporting/submissions/" + submission;
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

    String postForm(MockHttpSession session, MockHttpServletRequestBuilder request, int expected) throws Exception {
        return mvc.perform(request.session(session).with(csrf())).andExpect(status().is(expected)).andReturn()
                .getResponse().getContentAsString();
    }

    String v(ReportForm.TargetLine l) {
        return "t." + l.targetId() + ".value";
    }

    String num(ReportForm.TargetLine l) {
        return "t." + l.targetId() + ".num";
    }

    String den(ReportForm.TargetLine l) {
        return "t." + l.targetId() + ".den";
    }

    ReportForm.TargetLine stored(ReportForm.TargetLine line) {
        return as(editor, () -> reporting.form(submission)).targets().stream()
                .filter(l -> l.targetId() == line.targetId()).findFirst().orElseThrow();
    }

    @Test
    void vietnameseThousandsAreStoredAsThousands() throws Exception {
        MockHttpSession s = login(editor);
        postForm(s, post(url).param(v(valueLine), "1.250.300").param(num(ratioLine), "1.300")
                .param(den(ratioLine), "1.250.300"), 302);
        assertThat(stored(valueLine).value()).isEqualByComparingTo("1250300");
        assertThat(stored(ratioLine).numerator()).isEqualByComparingTo("1300");
        assertThat(stored(ratioLine).denominator()).isEqualByComparingTo("1250300");
        // the page shows them back the same way, and the ratio as a percentage with one decimal (0,1%, not 76,92 %)
        String page = mvc.perform(get(url).session(s)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"1.250.300\"").contains("value=\"1.300\"").contains("0,1%");

        postForm(s, post(url).param(v(valueLine), "1.300").param(num(ratioLine), "12,5")
                .param(den(ratioLine), "1.234,5"), 302);
        assertThat(stored(valueLine).value()).isEqualByComparingTo("1300");
        assertThat(stored(ratioLine).numerator()).isEqualByComparingTo("12.5");
        assertThat(stored(ratioLine).denominator()).isEqualByComparingTo("1234.5");
    }

    @Test
    void whatFitsNeitherGrammarIsRefusedWithHowToWriteItAndTheInputKept() throws Exception {
        MockHttpSession s = login(editor);
        postForm(s, post(url).param(v(valueLine), "700"), 302);
        String refused = postForm(s, post(url).header("HX-Request", "true").param(v(valueLine), "1.3")
                .param(num(ratioLine), "12.5").param(den(ratioLine), "100"), 422);
        assertThat(refused).contains("is-invalid")
                .contains("“1.3” không phải là số viết kiểu Việt Nam: viết 1.300 (một nghìn ba trăm) hoặc 1,3 (một phẩy ba)")
                .contains("“12.5” không phải là số viết kiểu Việt Nam: viết 12.500 (mười hai nghìn năm trăm) hoặc 12,5 (mười hai phẩy năm)")
                .contains("value=\"1.3\"").contains("value=\"12.5\"").contains("value=\"100\"");
        // nothing was saved: not 1.3, not 13, not 1300
        assertThat(stored(valueLine).value()).isEqualByComparingTo("700");

        String refusedPage = postForm(s, post(url).param(v(valueLine), "1,2,3"), 422);
        assertThat(refusedPage).contains("“1,2,3” không phải là số viết kiểu Việt Nam").contains("value=\"1,2,3\"");
        assertThat(stored(valueLine).value()).isEqualByComparingTo("700");
    }

    @Test
    void anEnglishFormReadsTheEnglishGrammar() throws Exception {
        MockHttpSession s = login(editor);
        Cookie english = new Cookie("dxgov-lang", "en");
        postForm(s, post(url).cookie(english).param(v(valueLine), "1,300.5").param(num(ratioLine), "1,300")
                .param(den(ratioLine), "1,250,300"), 302);
        assertThat(stored(valueLine).value()).isEqualByComparingTo("1300.5");
        assertThat(stored(ratioLine).numerator()).isEqualByComparingTo("1300");
        assertThat(stored(ratioLine).denominator()).isEqualByComparingTo("1250300");
        String page = mvc.perform(get(url).session(s).cookie(english)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"1,300.5\"").contains("value=\"1,250,300\"");

        // "1.250.300" is not English: refused, with the English way to write it
        String refused = postForm(s, post(url).cookie(english).param(v(valueLine), "1.250.300"), 422);
        assertThat(refused).contains("“1.250.300” is not a number written the English way: write 1,250,300")
                .contains("value=\"1.250.300\"");
        assertThat(stored(valueLine).value()).isEqualByComparingTo("1300.5");
    }

    @Test
    void aPercentageOfTaskProgressTakesThePercentSign() throws Exception {
        ReportForm form = as(editor, () -> reporting.form(submission));
        List<ReportForm.TaskLine> tasks = form.tasks().stream().filter(t -> !t.locked()).toList();
        assertThat(tasks).isNotEmpty();
        String k = "k." + tasks.get(0).taskId() + ".";
        MockHttpSession s = login(editor);
        postForm(s, post(url).param(k + "status", "IN_PROGRESS").param(k + "percent", "40 %"), 302);
        assertThat(as(editor, () -> reporting.form(submission)).tasks().stream()
                .filter(t -> t.taskId() == tasks.get(0).taskId()).findFirst().orElseThrow().percentComplete()).isEqualTo(40);
        String refused = postForm(s, post(url).param(k + "status", "IN_PROGRESS").param(k + "percent", "40,5"), 422);
        assertThat(refused).contains("Nhập số nguyên từ 0 đến 100").contains("value=\"40,5\"");
    }
}
