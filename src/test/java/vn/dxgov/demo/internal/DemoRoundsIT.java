package vn.dxgov.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.assessment.Assessments.Result;
import vn.dxgov.assessment.Assessments.Round;
import vn.dxgov.assessment.Assessments.RoundStatus;
import vn.dxgov.assessment.DemoRounds;
import vn.dxgov.assignments.Assignments;
import vn.dxgov.support.Http;
import vn.dxgov.support.TestClock;
import vn.dxgov.support.TestData;
import vn.dxgov.units.UnitLevel;

/**
 * The demonstration assessment rounds on 04/12/2026: Thanh Hóa's communes of 2024 (before the reform) and 2025
 * (after it), the provincial DTI of 2024 (63 provinces) and 2025 (34), all published and demo, ranked with varied
 * classifications, shown with the "Dữ liệu minh họa" badge and a coloured map, written once, never fed into targets.
 * The rounds are deleted afterwards: the test contexts share one database and other classes read the rankings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoRoundsIT {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Autowired
    DemoAssessments demo;
    @Autowired
    DemoRounds demoRounds;
    @Autowired
    Assessments assessments;
    @Autowired
    Assignments assignments;
    @Autowired
    vn.dxgov.assessment.CriteriaSets sets;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    List<Round> written;
    long millis;
    SortedMap<Integer, Integer> completionsBefore;
    List<Assignments.FeedWrite> feedBefore;

    @BeforeAll
    void load() {
        TestClock.CLOCK.set(TODAY, 9);
        data.ensureUnits();
        completionsBefore = assignments.completions("38", UnitLevel.COMMUNE);
        feedBefore = assignments.feedTargets();
        long t0 = System.nanoTime();
        written = demo.loadAll();
        millis = (System.nanoTime() - t0) / 1_000_000;
    }

    @AfterAll
    void removeTheDemoRounds() {
        jdbc.sql("delete from assessment_round where demo").update();
    }

    Round round(String name) {
        return demoRounds.find(name).orElseThrow(() -> new AssertionError("no demo round " + name));
    }

    @Test
    void theRoundsExistPublishedAndDemoInTheTimeBudget() {
        System.out.println("Demo rounds written in " + millis + " ms: " + written.stream()
                .map(r -> r.name() + " " + r.unitCount()).toList());
        assertThat(written).hasSize(4).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(RoundStatus.PUBLISHED);
            assertThat(r.demo()).isTrue();
            assertThat(r.publishedAt()).isBefore(TestClock.CLOCK.instant());
            assertThat(r.submittedCount()).isEqualTo(r.unitCount());
        });
        Round before = round("Đánh giá chuyển đổi số cấp xã tỉnh Thanh Hóa năm 2024 (trước sắp xếp, minh họa)");
        assertThat(before.level()).isEqualTo(UnitLevel.COMMUNE);
        assertThat(before.referenceDate()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(before.unitCount()).isGreaterThan(500); // 549 commune-level units of 27 districts
        Round after = round("Đánh giá chuyển đổi số cấp xã tỉnh Thanh Hóa năm 2025 (sau sắp xếp, minh họa)");
        assertThat(after.unitCount()).isEqualTo(166);
        assertThat(after.criteriaSetCode()).isEqualTo("XA-CDS-MAU");
        Round dti2024 = round("Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2024 (trước sắp xếp, minh họa)");
        assertThat(dti2024.unitCount()).isEqualTo(63);
        assertThat(dti2024.criteriaSetCode()).isEqualTo("DTI-922-TINH");
        Round dti2025 = round("Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2025 (sau sắp xếp, minh họa)");
        assertThat(dti2025.unitCount()).isEqualTo(34);
        // the DTI of the last full year is the newest publication: the round the rankings page shows first
        assertThat(dti2025.publishedAt()).isAfter(after.publishedAt());
        // the start-time budget: well under 20 s on the 2-core machine
        assertThat(millis).isLessThan(20_000);
    }

    @Test
    void resultsAreRankedWithVariedClassificationsAndSomeMandatoryCriteriaMissed() {
        for (Round r : written) {
            List<Result> results = assessments.results(r.id()).results();
            assertThat(results).as(r.name()).hasSize(r.unitCount());
            for (int i = 1; i < results.size(); i++) {
                assertThat(results.get(i).rank()).isGreaterThanOrEqualTo(results.get(i - 1).rank());
                assertThat(results.get(i).total()).isLessThanOrEqualTo(results.get(i - 1).total());
            }
            assertThat(results.get(0).rank()).isEqualTo(1);
            assertThat(results.stream().map(Result::total).distinct().count()).as(r.name()).isGreaterThan(r.unitCount() / 3);
        }
        List<Result> communes = assessments.results(round(
                "Đánh giá chuyển đổi số cấp xã tỉnh Thanh Hóa năm 2024 (trước sắp xếp, minh họa)").id()).results();
        Set<String> classes = new HashSet<>();
        communes.forEach(x -> classes.add(x.classificationCode()));
        assertThat(classes).contains("HOAN_THANH", "KHA").hasSizeGreaterThanOrEqualTo(3);
        assertThat(communes).anyMatch(x -> !x.mandatoryMet())
                .anyMatch(x -> !x.mandatoryMet() && x.total().intValue() >= 80); // strong, yet not complete
        // deterministic: the same units get the same totals on every machine (keyed by code and year, not by id)
        var doc = sets.find("XA-CDS-MAU", 2025).orElseThrow().document();
        var unit = new Assessments.Participant(1, "16390", "Xã Minh Sơn", null, null, null, null, null, null, 0, 0);
        var again = new Assessments.Participant(99, "16390", "Xã Minh Sơn", null, null, null, null, null, null, 0, 0);
        assertThat(DemoScores.answers(doc, unit, 2024)).isEqualTo(DemoScores.answers(doc, again, 2024))
                .isNotEqualTo(DemoScores.answers(doc, unit, 2025));
    }

    @Test
    void aSecondRunWritesNothing() {
        assertThat(demo.loadAll()).isEmpty();
        assertThat(jdbc.sql("select count(*) from assessment_round where demo").query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void theRankingsPageShowsTheBadgeAndAColouredMap() throws Exception {
        MockHttpSession viewer = login("viewer");
        Round dti2025 = round("Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2025 (sau sắp xếp, minh họa)");
        String html = page(viewer, "/rankings?round=" + dti2025.id());
        assertThat(html).contains("id=\"rank-demo\"").contains("Dữ liệu minh họa");
        assertColoured(html, 33); // Quảng Ninh (22) has no outline
        Round before = round("Đánh giá chuyển đổi số cấp xã tỉnh Thanh Hóa năm 2024 (trước sắp xếp, minh họa)");
        assertThat(page(viewer, "/rankings?round=" + before.id())).contains("id=\"rank-demo\"");
        assertColoured(page(viewer, "/rankings?round=" + round(
                "Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2024 (trước sắp xếp, minh họa)").id()), 62);
        // on a fresh start (only demo rounds) the page without filters is the DTI of 2025 with its map
        boolean fresh = jdbc.sql("select count(*) from assessment_round where status = 'PUBLISHED' and not demo")
                .query(Integer.class).single() == 0;
        if (fresh) {
            assertColoured(page(viewer, "/rankings"), 33);
        }
        // the round page, a unit's profile and its history carry the badge too
        assertThat(page(viewer, "/assessment/rounds/" + before.id())).contains("id=\"round-demo\"");
        long unit = assessments.results(before.id()).results().get(0).unitId();
        assertThat(page(viewer, "/rankings/units/" + unit)).contains("id=\"unit-demo\"");
        assertThat(assessments.history(unit)).isNotEmpty().allMatch(Assessments.HistoryEntry::demo);
    }

    @Test
    void demoRoundsNeverFeedTargets() {
        List<Result> communes = assessments.results(round(
                "Đánh giá chuyển đổi số cấp xã tỉnh Thanh Hóa năm 2024 (trước sắp xếp, minh họa)").id()).results();
        assertThat(communes).anyMatch(x -> "HOAN_THANH".equals(x.classificationCode()));
        // the completions targets are fed from leave the demo rounds out, and so does the feed itself
        assertThat(assignments.completions("38", UnitLevel.COMMUNE)).isEqualTo(completionsBefore);
        assertThat(assignments.feedTargets()).isEqualTo(feedBefore);
    }

    // ----- helpers

    /** The map island of the page draws the round: boundary files and at least {@code min} units with features. */
    void assertColoured(String html, int min) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"rank-map-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("map island").isTrue();
        JsonNode map = json.readTree(m.group(1));
        assertThat(map.path("files").size()).isPositive();
        int drawn = 0;
        for (JsonNode u : map.path("units")) {
            if (u.path("hasBoundary").asBoolean() && !u.path("featureCodes").isEmpty()) {
                drawn++;
            }
        }
        assertThat(drawn).isGreaterThanOrEqualTo(min);
    }

    MockHttpSession login(String user) throws Exception {
        MvcResult r = mvc.perform(formLogin("/login").user(user).password(Http.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) r.getRequest().getSession(false);
    }

    String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
