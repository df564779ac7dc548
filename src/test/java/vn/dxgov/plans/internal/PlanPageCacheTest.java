package vn.dxgov.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.dxgov.plans.PlanType;
import vn.dxgov.shared.Pillar;
import vn.dxgov.support.TestData;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetDraft;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;

/**
 * The plan page's ETag (PageStamp) on the real database: a browser that has the page gets 304 while nothing changed,
 * and never another user's, another role's, another session's or another language's page; any write since renders
 * it anew; the statuses judged once per stamp are the ones judged afresh.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanPageCacheTest {

    static final String PROVINCE = "T9";
    static final RequestPostProcessor STEERING = user("steering").roles("STEERING");

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
    PlanStatuses statuses;
    @Autowired
    PlanService catalog;
    @Autowired
    PageStamp stamp;
    @Autowired
    Results results;

    long plan;
    Agency ict;

    @BeforeAll
    void data() {
        testData.resetPlans();
        ict = agencies.resolve("Sở Thông tin và Truyền thông", PROVINCE).get(0).agency();
        String title = "Kế hoạch thử bộ nhớ đệm trang kế hoạch";
        byte[] bytes = title.getBytes(StandardCharsets.UTF_8);
        plan = planRepository.insert(new PlanRepository.NewPlan(PlanType.PLAN, "13/KH-UBND", title, "UBND tỉnh Thử Nghiệm",
                LocalDate.of(2026, 1, 5), null, PROVINCE, "Thử Nghiệm", 2021, 2025, 2030, null, "plan.txt",
                "text/plain; charset=UTF-8", "c".repeat(64), "d".repeat(64), bytes, title, "test"));
        planRepository.publish(plan, "test");
        targets.addAll(plan, List.of(target("Tỷ lệ hồ sơ trực tuyến đạt 80%")));
    }

    @Test
    void aRepeatedRequestOfTheSameSessionIs304UntilSomethingIsWritten() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletResponse first = page(STEERING, session, null, null);
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getHeader("ETag")).startsWith("W/\"");
        assertThat(first.getHeader("Cache-Control")).isEqualTo("private, no-cache");
        assertThat(first.getContentAsString()).contains("Tỷ lệ hồ sơ trực tuyến đạt 80%");

        String etag = cached(STEERING, session);
        MockHttpServletResponse again = page(STEERING, session, etag, null);
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsString()).isEmpty();
        assertThat(again.getHeader("ETag")).isEqualTo(etag);

        // a new target: the stamp (the page tables' write number) moves, the page is rendered with it
        targets.addAll(plan, List.of(target("Có 500 doanh nghiệp công nghệ số")));
        MockHttpServletResponse changed = page(STEERING, session, etag, null);
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(changed.getContentAsString()).contains("Có 500 doanh nghiệp công nghệ số");
        assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
    }

    @Test
    void anotherUserRoleSessionOrLanguageNeverGetsTheCachedPage() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String etag = cached(STEERING, session);

        // another person in the same role, the same name in another role, a new login, English
        assertThat(page(user("steering.tn").roles("STEERING"), session, etag, null).getStatus()).isEqualTo(200);
        assertThat(page(user("steering").roles("VIEWER"), session, etag, null).getStatus()).isEqualTo(200);
        // a new login is a new session; with sessions in PostgreSQL (Spring Session) MockMvc's session object is not
        // the one the page sees (that comes with the cookie), so the key is checked on two requests of their own
        PageStamp.Stamp now = new PageStamp.Stamp(1, 1);
        var one = new org.springframework.mock.web.MockHttpServletRequest("GET", "/plans/" + plan);
        one.setSession(new MockHttpSession());
        var two = new org.springframework.mock.web.MockHttpServletRequest("GET", "/plans/" + plan);
        two.setSession(new MockHttpSession());
        assertThat(PageStamp.etag(now, one, Locale.ROOT, LocalDate.now()))
                .isNotEqualTo(PageStamp.etag(now, two, Locale.ROOT, LocalDate.now()));
        MockHttpServletResponse english = page(STEERING, session, etag, Locale.ENGLISH);
        assertThat(english.getStatus()).isEqualTo(200);
        assertThat(english.getHeader("ETag")).isNotEqualTo(etag);
        // a filtered page is another page
        assertThat(mvc.perform(get("/plans/{id}", plan).param("q", "doanh nghiệp").with(STEERING).session(session)
                .header("If-None-Match", etag)).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void statusesKeptPerStampAreTheOnesJudgedAfresh() {
        var p = catalog.require(plan);
        List<Long> ids = targets.forPlan(plan, vn.dxgov.targets.TargetFilter.ALL).stream().map(t -> t.id()).toList();
        LocalDate today = LocalDate.now();
        var fresh = statuses.rows(p, ids, today, Locale.forLanguageTag("vi-VN"), vn.dxgov.analytics.ValueView.APPROVED);
        PageStamp.Stamp s = stamp.now();
        var kept = statuses.rows(p, ids, today, Locale.forLanguageTag("vi-VN"), s, vn.dxgov.analytics.ValueView.APPROVED);
        var keptAgain = statuses.rows(p, ids, today, Locale.forLanguageTag("vi-VN"), s,
                vn.dxgov.analytics.ValueView.APPROVED);
        assertThat(kept).isEqualTo(fresh);
        assertThat(keptAgain).isSameAs(kept);
    }

    @Test
    void theApiAnswersAreTaggedAndKeptPerStampToo() throws Exception {
        // (the status API's tag and kept judgements: TargetStatusIT, whose figure writes must show at once; the test
        // province T9 has no unit to judge for)
        for (String path : List.of("/api/v1/plans/" + plan)) {
            MockHttpServletResponse first = api(path, null);
            assertThat(first.getStatus()).as(path).isEqualTo(200);
            String etag = first.getHeader("ETag");
            assertThat(etag).as(path).startsWith("W/\"");
            MockHttpServletResponse again = api(path, etag);
            for (int i = 0; i < 5 && again.getStatus() == 200; i++) { // a background write of the shared context
                etag = again.getHeader("ETag");
                again = api(path, etag);
            }
            assertThat(again.getStatus()).as(path).isEqualTo(304);
            assertThat(again.getContentAsString()).isEmpty();
            // another user never gets the 304 of this one's tag
            assertThat(mvc.perform(get(path).with(user("steering.tn").roles("STEERING", "ADMIN"))
                    .header("If-None-Match", etag)).andReturn().getResponse().getStatus()).isEqualTo(200);
            // a write moves the stamp: the answer is read again (not the kept one) and shows it
            String text = "Thêm chỉ tiêu " + path.length() + " cho API";
            targets.addAll(plan, List.of(target(text)));
            MockHttpServletResponse changed = api(path, etag);
            assertThat(changed.getStatus()).as(path).isEqualTo(200);
            assertThat(changed.getContentAsString()).as(path).contains(text);
            assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
        }
    }

    @Test
    void thePageLinksItsAgenciesAsBefore() throws Exception {
        String html = page(STEERING, new MockHttpSession(), null, null).getContentAsString();
        assertThat(html).contains("<span class=\"text-muted\">Chủ trì:</span>")
                .contains("<a href=\"/agencies/" + ict.id() + "\">" + ict.name() + "</a>");
    }

    @Test
    void theResultsRenderedOnceAreWhatEachReaderWouldGetAndNeverAnotherRolesOrLanguages() throws Exception {
        String steering = results(page(STEERING, new MockHttpSession(), null, null).getContentAsString());
        assertThat(results.size()).isPositive();
        // another steering official, another session: the same bytes (taken from the kept part)
        String again = results(page(user("steering.tn").roles("STEERING"), new MockHttpSession(), null, null)
                .getContentAsString());
        assertThat(again).isEqualTo(steering).contains("edit-target");
        // a viewer (no edit buttons) and an English reader get parts of their own
        String viewer = results(page(user("viewer").roles("VIEWER"), new MockHttpSession(), null, null)
                .getContentAsString());
        assertThat(viewer).doesNotContain("edit-target").contains("Tỷ lệ hồ sơ trực tuyến đạt 80%");
        String english = results(page(STEERING, new MockHttpSession(), null, Locale.ENGLISH).getContentAsString());
        assertThat(english).contains(">Targets<").doesNotContain(">Chỉ tiêu<");
        // htmx asks for the results alone: the same part
        String partial = mvc.perform(get("/plans/{id}", plan).with(STEERING).header("HX-Request", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(partial.strip()).isEqualTo(steering.strip());
        // no session id, CSRF token or nonce in a part shared between readers
        assertThat(steering).doesNotContain("jsessionid").doesNotContain("_csrf").doesNotContain("nonce");
        // a write: the kept part is not used again, the page shows it
        targets.addAll(plan, List.of(target("Chỉ tiêu thêm sau khi trang đã được giữ")));
        assertThat(results(page(user("steering.tn").roles("STEERING"), new MockHttpSession(), null, null)
                .getContentAsString())).contains("Chỉ tiêu thêm sau khi trang đã được giữ");
    }

    /** The results part of a plan page, from its opening tag to the end of the main element. */
    private static String results(String html) {
        int from = html.indexOf("<div id=\"results\"");
        int to = html.indexOf("</main>", from);
        assertThat(from).as("results part").isNotNegative();
        return to < 0 ? html.substring(from) : html.substring(from, to);
    }

    private MockHttpServletResponse api(String path, String ifNoneMatch) throws Exception {
        var request = get(path).with(STEERING);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /**
     * The ETag of a page its session has just been answered 304 for. Other beans of the shared test context may write
     * in the background now and then (any write changes every tag): ask again until two requests fall in a quiet
     * moment, five times at most.
     */
    private String cached(RequestPostProcessor who, MockHttpSession session) throws Exception {
        String etag = page(who, session, null, null).getHeader("ETag");
        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse r = page(who, session, etag, null);
            if (r.getStatus() == 304) {
                return etag;
            }
            assertThat(r.getStatus()).isEqualTo(200);
            etag = r.getHeader("ETag");
        }
        throw new AssertionError("never 304 in five tries");
    }

    private MockHttpServletResponse page(RequestPostProcessor who, MockHttpSession session, String ifNoneMatch,
                                         Locale locale) throws Exception {
        var request = get("/plans/{id}", plan).with(who).session(session);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (locale != null) {
            request.param("lang", locale.getLanguage());
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private TargetDraft target(String text) {
        return new TargetDraft(null, text, text, TargetKind.PERCENT, Comparison.AT_LEAST, new BigDecimal("80"), "%", 2025,
                null, null, Pillar.DIGITAL_GOVERNMENT, List.of(), List.of(ict.id()), List.of(), 10);
    }
}
