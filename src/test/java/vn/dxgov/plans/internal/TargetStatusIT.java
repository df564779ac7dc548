package vn.dxgov.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.TestData;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.units.AdminUnits;

/**
 * Target status end to end: seed 001 imported, Thanh Hóa's digital-economy share posted through the data-value API
 * (METHODS.md 4.1), the status read through the API and seen on the plan and target pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TargetStatusIT {

    @LocalServerPort
    int port;
    @Autowired
    ImportJobs imports;
    @Autowired
    PlanService plans;
    @Autowired
    TargetCatalog targets;
    @Autowired
    DataValueStore store;
    @Autowired
    AdminUnits units;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicatorData;
    @Autowired
    ObjectMapper json;

    long planId;
    Target digitalEconomy;

    @BeforeEach
    void setUp() throws IOException {
        data.resetPlans();
        data.ensureUnits();
        indicatorData.reset();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "steering", null, AuthorityUtils.createAuthorityList("ROLE_STEERING")));
        byte[] bytes = new ClassPathResource("seed/plans/001_16196319a76d78f9.txt").getContentAsByteArray();
        planId = imports.runNow("001.txt", bytes, Locale.forLanguageTag("vi")).planId();
        SecurityContextHolder.clearContext();
        digitalEconomy = targets.forPlan(planId, TargetFilter.ALL).stream()
                .filter(t -> t.text().startsWith("Kinh tế số chiếm 20%")).findFirst().orElseThrow();
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    RestClient http(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, "dxgov-demo")).build();
    }

    record Answer(int status, String body) {
        JsonNode json(ObjectMapper m) {
            return m.readTree(body);
        }
    }

    Answer get(String user, String path) {
        return http(user).get().uri(path).exchange((req, res) -> new Answer(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    Answer post(String user, String path, String body) {
        return http(user).post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((req, res) -> new Answer(res.getStatusCode().value(),
                        new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** GRDP of the digital economy over GRDP (billion VND): 12.0%, 14.1%, 16.0%, 17.6% for 2021–2024. */
    void postHistory() {
        String code = "T" + digitalEconomy.id();
        String batch = """
                [{"indicatorCode": "%1$s", "unitCode": "38", "period": "2021", "numerator": 31200, "denominator": 260000},
                 {"indicatorCode": "%1$s", "unitCode": "38", "period": "2022", "numerator": 40890, "denominator": 290000},
                 {"indicatorCode": "%1$s", "unitCode": "38", "period": "2023", "numerator": 51200, "denominator": 320000},
                 {"indicatorCode": "%1$s", "unitCode": "38", "period": "2024", "numerator": 61600, "denominator": 350000,
                  "comment": "Cục Thống kê, số ước"}]""".formatted(code);
        Answer a = post("steering", "/api/v1/data-values", batch);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json(json).get("created").asInt()).isEqualTo(4);
    }

    @Test
    void theStatusFollowsTheMethodThroughTheApi() {
        postHistory();
        Answer a = get("steering", "/api/v1/targets/" + digitalEconomy.id() + "/status?asOf=2024-12-15");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode s = a.json(json);
        assertThat(s.get("status").asText()).isEqualTo("AT_RISK");
        assertThat(s.get("unitId").asLong()).isEqualTo(units.find("38", LocalDate.of(2024, 12, 15)).orElseThrow().id());
        assertThat(s.get("latest").decimalValue()).isEqualByComparingTo("17.6");
        assertThat(s.get("latestYear").asInt()).isEqualTo(2024);
        assertThat(s.get("forecast").doubleValue()).isCloseTo(19.6, within(1e-4));
        assertThat(s.get("forecastLow").doubleValue()).isCloseTo(19.0709, within(1e-4));
        assertThat(s.get("forecastHigh").doubleValue()).isCloseTo(20.1291, within(1e-4));
        assertThat(s.get("expected").doubleValue()).isCloseTo(18, within(1e-4));
        assertThat(s.get("indicatorCode").asText()).isEqualTo("T" + digitalEconomy.id());
        assertThat(s.get("explanation").asText()).contains("19,6%").contains("19,1–20,1").contains("≥ 20%");
        assertThat(s.get("demo").asBoolean()).isFalse();

        // the plan: every target judged for Thanh Hóa; only this one has data
        JsonNode plan = get("steering", "/api/v1/plans/" + planId + "/status?asOf=2024-12-15").json(json);
        assertThat(plan.get("targets")).hasSize(19);
        assertThat(plan.get("counts").get("AT_RISK").asInt()).isEqualTo(1);
        assertThat(plan.get("counts").get("NO_DATA").asInt()).isEqualTo(18);
        assertThat(plan.get("unitName").asText()).isEqualTo("Tỉnh Thanh Hóa");

        // 2025, after the merger: the new Thanh Hóa carries the old one's history; 20.4% meets the target
        Answer posted = post("steering", "/api/v1/data-values", """
                [{"indicatorCode": "T%d", "unitCode": "38", "period": "2025", "numerator": 79560, "denominator": 390000}]"""
                .formatted(digitalEconomy.id()));
        assertThat(posted.status()).isEqualTo(200);
        JsonNode after = get("steering", "/api/v1/targets/" + digitalEconomy.id() + "/status?asOf=2025-12-31").json(json);
        assertThat(after.get("unitId").asLong()).isEqualTo(units.find("38", LocalDate.of(2025, 12, 31)).orElseThrow().id());
        assertThat(after.get("status").asText()).isEqualTo("ACHIEVED");
        assertThat(after.get("latest").decimalValue()).isEqualByComparingTo("20.4");

        // the indicator behind the target
        JsonNode indicator = get("steering", "/api/v1/targets/" + digitalEconomy.id() + "/indicator").json(json);
        assertThat(indicator.get("valueType").asText()).isEqualTo("RATIO");
        assertThat(indicator.get("draft").asBoolean()).isTrue();
    }

    /**
     * A hand-built compound count target (≥ 6 districts and ≥ 300 communes by 2025): a draft indicator per split, each
     * split judged on its own series, the worst of them overall. Districts 1, 3, 6 (2022–2024): 6 ≥ 6, achieved.
     * Communes 60, 120, 180: least squares on three points on a line, 240 in 2025 with a zero-width interval, below
     * 300: off track; the straight path from 60 (2022) to 300 (2025) asks for 220 in 2024.
     */
    @Test
    void aCompoundCountTargetIsJudgedSplitBySplit() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "steering", null, AuthorityUtils.createAuthorityList("ROLE_STEERING")));
        String text = "Thử: 06 huyện trở lên và 300 xã trở lên hoàn thành chuyển đổi số";
        Target t = targets.addAll(planId, List.of(new vn.dxgov.targets.TargetDraft(null, text, text,
                vn.dxgov.targets.TargetKind.COUNT,
                vn.dxgov.targets.Comparison.AT_LEAST, new BigDecimal("6"), "huyện", 2025, null, null,
                vn.dxgov.shared.Pillar.DIGITAL_GOVERNMENT, List.of(
                        new vn.dxgov.targets.TargetSplit(vn.dxgov.targets.SplitLevel.DISTRICT, "huyện",
                                vn.dxgov.targets.Comparison.AT_LEAST, new BigDecimal("6")),
                        new vn.dxgov.targets.TargetSplit(vn.dxgov.targets.SplitLevel.COMMUNE, "xã",
                                vn.dxgov.targets.Comparison.AT_LEAST, new BigDecimal("300"))),
                null, null, null))).get(0);
        SecurityContextHolder.clearContext();
        t = targets.find(t.id()).orElseThrow();
        assertThat(t.compoundCount()).isTrue();
        assertThat(t.indicatorId()).isNotNull();
        Long communeIndicator = t.splits().get(1).indicatorId();
        assertThat(communeIndicator).isNotNull().isNotEqualTo(t.indicatorId());
        JsonNode ci = get("steering", "/api/v1/indicators/" + communeIndicator).json(json);
        assertThat(ci.get("code").asText()).isEqualTo("T" + t.id() + "-X");
        assertThat(ci.get("unit").asText()).isEqualTo("xã");
        String path = "/api/v1/targets/" + t.id() + "/status?asOf=2024-12-15";

        JsonNode none = get("steering", path).json(json);
        assertThat(none.get("status").asText()).isEqualTo("NO_DATA");
        assertThat(none.get("splits")).hasSize(2);

        // districts only: the communes have no data, so the target has none either
        Answer districts = post("steering", "/api/v1/data-values", """
                [{"indicatorCode": "T%1$d", "unitCode": "38", "period": "2022", "value": 1},
                 {"indicatorCode": "T%1$d", "unitCode": "38", "period": "2023", "value": 3},
                 {"indicatorCode": "T%1$d", "unitCode": "38", "period": "2024", "value": 6}]""".formatted(t.id()));
        assertThat(districts.status()).as(districts.body()).isEqualTo(200);
        JsonNode half = get("steering", path).json(json);
        assertThat(half.get("splits").get(0).get("status").asText()).isEqualTo("ACHIEVED");
        assertThat(half.get("splits").get(1).get("status").asText()).isEqualTo("NO_DATA");
        assertThat(half.get("status").asText()).isEqualTo("NO_DATA");

        Answer communes = post("steering", "/api/v1/data-values", """
                [{"indicatorCode": "T%1$d-X", "unitCode": "38", "period": "2022", "value": 60},
                 {"indicatorCode": "T%1$d-X", "unitCode": "38", "period": "2023", "value": 120},
                 {"indicatorCode": "T%1$d-X", "unitCode": "38", "period": "2024", "value": 180}]""".formatted(t.id()));
        assertThat(communes.status()).as(communes.body()).isEqualTo(200);
        JsonNode s = get("steering", path).json(json);
        assertThat(s.get("status").asText()).isEqualTo("OFF_TRACK");
        assertThat(s.get("latest").decimalValue()).isEqualByComparingTo("6");
        assertThat(s.get("latestYear").asInt()).isEqualTo(2024);
        JsonNode d = s.get("splits").get(0);
        assertThat(d.get("level").asText()).isEqualTo("DISTRICT");
        assertThat(d.get("label").asText()).isEqualTo("6 huyện");
        assertThat(d.get("indicatorId").asLong()).isEqualTo(t.indicatorId());
        assertThat(d.get("target").decimalValue()).isEqualByComparingTo("6");
        assertThat(d.get("status").asText()).isEqualTo("ACHIEVED");
        assertThat(d.get("latest").decimalValue()).isEqualByComparingTo("6");
        JsonNode c = s.get("splits").get(1);
        assertThat(c.get("level").asText()).isEqualTo("COMMUNE");
        assertThat(c.get("label").asText()).isEqualTo("300 xã");
        assertThat(c.get("indicatorId").asLong()).isEqualTo(communeIndicator);
        assertThat(c.get("status").asText()).isEqualTo("OFF_TRACK");
        assertThat(c.get("latest").decimalValue()).isEqualByComparingTo("180");
        assertThat(c.get("forecast").doubleValue()).isCloseTo(240, within(1e-4));
        assertThat(c.get("forecastLow").doubleValue()).isCloseTo(240, within(1e-4));
        assertThat(c.get("forecastHigh").doubleValue()).isCloseTo(240, within(1e-4));
        assertThat(c.get("expected").doubleValue()).isCloseTo(220, within(1e-4));
        assertThat(s.get("explanation").asText())
                .startsWith("6 huyện: đã đạt: năm 2024 6 huyện, mục tiêu ≥ 6 huyện; 300 xã: chậm tiến độ: năm 2024 180 xã, "
                        + "dự báo năm 2025 240 xã")
                .endsWith("chưa đạt mục tiêu ≥ 300 xã; theo lộ trình năm 2024 cần 220 xã.");

        // 310 communes in 2025 (carried into the new Thanh Hóa after the merger): every split achieved
        assertThat(post("steering", "/api/v1/data-values", """
                [{"indicatorCode": "T%d-X", "unitCode": "38", "period": "2025", "value": 310}]""".formatted(t.id()))
                .status()).isEqualTo(200);
        JsonNode done = get("steering", "/api/v1/targets/" + t.id() + "/status?asOf=2025-12-31").json(json);
        assertThat(done.get("splits").get(0).get("status").asText()).isEqualTo("ACHIEVED");
        assertThat(done.get("splits").get(1).get("status").asText()).isEqualTo("ACHIEVED");
        assertThat(done.get("splits").get(1).get("latest").decimalValue()).isEqualByComparingTo("310");
        assertThat(done.get("status").asText()).isEqualTo("ACHIEVED");

        // 250 communes in 2026, after the deadline: the target stays achieved on its 2025 values, 250 shown apart
        assertThat(post("steering", "/api/v1/data-values", """
                [{"indicatorCode": "T%d-X", "unitCode": "38", "period": "2026", "value": 250}]""".formatted(t.id()))
                .status()).isEqualTo(200);
        JsonNode later = get("steering", "/api/v1/targets/" + t.id() + "/status?asOf=2027-03-01").json(json);
        assertThat(later.get("status").asText()).isEqualTo("ACHIEVED");
        JsonNode laterCommunes = later.get("splits").get(1);
        assertThat(laterCommunes.get("status").asText()).isEqualTo("ACHIEVED");
        assertThat(laterCommunes.get("latest").decimalValue()).isEqualByComparingTo("310");
        assertThat(laterCommunes.get("latestYear").asInt()).isEqualTo(2025);
        assertThat(laterCommunes.get("afterDeadline").decimalValue()).isEqualByComparingTo("250");
        assertThat(laterCommunes.get("afterDeadlineYear").asInt()).isEqualTo(2026);
        assertThat(later.get("explanation").asText())
                .endsWith("300 xã: đã đạt: năm 2025 310 xã, mục tiêu ≥ 300 xã; sau hạn: năm 2026 đạt 250 xã "
                        + "(không tính vào đánh giá).");

        // a target that is not a compound count answers without splits, as before
        JsonNode plain = get("steering", "/api/v1/targets/" + digitalEconomy.id() + "/status?asOf=2024-12-15").json(json);
        assertThat(plain.get("splits")).isEmpty();
    }

    /**
     * METHODS.md "After the deadline": 17.6% in 2024, 19.5% in 2025 (the deadline year, below 20%), 21% in 2026.
     * Judged on 1/3/2027 the target stays off track on its 2025 value; 21% is shown as after the deadline, in the
     * API, the explanation, the plan page and the target page.
     */
    @Test
    void aValueAfterTheDeadlineNeverTurnsAMissedTargetIntoAchieved() {
        postHistory();
        Answer posted = post("steering", "/api/v1/data-values", """
                [{"indicatorCode": "T%1$d", "unitCode": "38", "period": "2025", "numerator": 78000, "denominator": 400000},
                 {"indicatorCode": "T%1$d", "unitCode": "38", "period": "2026", "numerator": 88200, "denominator": 420000}]"""
                .formatted(digitalEconomy.id()));
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        JsonNode s = get("steering", "/api/v1/targets/" + digitalEconomy.id() + "/status?asOf=2027-03-01").json(json);
        assertThat(s.get("status").asText()).isEqualTo("OFF_TRACK");
        assertThat(s.get("latest").decimalValue()).isEqualByComparingTo("19.5");
        assertThat(s.get("latestYear").asInt()).isEqualTo(2025);
        assertThat(s.get("afterDeadline").decimalValue()).isEqualByComparingTo("21");
        assertThat(s.get("afterDeadlineYear").asInt()).isEqualTo(2026);
        assertThat(s.get("forecast").isNull()).isTrue();
        assertThat(s.get("explanation").asText()).isEqualTo("Đã hết thời hạn năm 2025: năm 2025 19,5%, chưa đạt mục "
                + "tiêu ≥ 20%; sau hạn: năm 2026 đạt 21% (không tính vào đánh giá).");
        // before 2026 is over nothing is after the deadline
        JsonNode dec2025 = get("steering", "/api/v1/targets/" + digitalEconomy.id() + "/status?asOf=2025-12-31").json(json);
        assertThat(dec2025.get("status").asText()).isEqualTo("OFF_TRACK");
        assertThat(dec2025.get("afterDeadline").isNull()).isTrue();
        // the plan's statuses count it off track, not achieved
        JsonNode plan = get("steering", "/api/v1/plans/" + planId + "/status?asOf=2027-03-01").json(json);
        assertThat(plan.get("counts").get("ACHIEVED").asInt()).isZero();
        assertThat(plan.get("counts").get("OFF_TRACK").asInt()).isEqualTo(1);

        String target = get("steering", "/targets/" + digitalEconomy.id() + "?asOf=2027-03-01").body();
        assertThat(target).contains("data-status=\"OFF_TRACK\"").contains("Sau hạn (năm 2026)")
                .contains("id=\"status-after-deadline\"").contains("không tính vào đánh giá")
                .contains("sau thời hạn, không tính vào đánh giá");
        String english = get("steering", "/targets/" + digitalEconomy.id() + "?asOf=2027-03-01&lang=en").body();
        assertThat(english).contains("After the deadline (2026)").contains("not part of the judgement");
        // the plan page judges today (2026 or later): its row names the 2026 value as after the deadline
        assertThat(get("steering", "/plans/" + planId).body()).contains("Sau hạn: 2026 đạt 21")
                .contains("target-after-deadline");
    }

    @Test
    void draftsAreJudgedOnlyForTheSteeringDepartment() {
        assertThat(get("viewer", "/api/v1/targets/" + digitalEconomy.id() + "/status").status()).isEqualTo(404);
        assertThat(get("viewer", "/api/v1/plans/" + planId + "/status").status()).isEqualTo(404);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "steering", null, AuthorityUtils.createAuthorityList("ROLE_STEERING")));
        plans.publish(planId);
        SecurityContextHolder.clearContext();
        Answer a = get("viewer", "/api/v1/targets/" + digitalEconomy.id() + "/status?asOf=2024-12-15");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json(json).get("status").asText()).isEqualTo("NO_DATA");
    }

    @Test
    void thePlanPageShowsBadgesAndTheTargetPageTheChart() {
        postHistory();
        // one demo value makes the status "demo"
        long thanhHoa = units.find("38", LocalDate.now()).orElseThrow().id();
        int year = LocalDate.now().getYear();
        store.write(List.of(new DataValueInput(digitalEconomy.indicatorId() == null
                ? targets.find(digitalEconomy.id()).orElseThrow().indicatorId() : digitalEconomy.indicatorId(), thanhHoa,
                String.valueOf(year), null, new BigDecimal("10"), new BigDecimal("100"), null)), ValueSource.DEMO, null, true);
        String page = get("steering", "/plans/" + planId).body();
        assertThat(page).contains("status-badge").contains("data-status=\"NO_DATA\"")
                .contains("href=\"/targets/" + digitalEconomy.id() + "\"").contains("Dữ liệu minh họa");
        String target = get("steering", "/targets/" + digitalEconomy.id()).body();
        // the version-less WebJars address the page writes is served (WebConfig: URLs are not rewritten when written)
        assertThat(get("steering", "/webjars/echarts/echarts.min.js").status()).isEqualTo(200);
        assertThat(target).contains("id=\"target-chart\"").contains("/webjars/echarts/echarts.min.js")
                .contains("target-chart-data").contains("Dữ liệu minh họa").contains("17,6")
                .contains("href=\"/indicators/" + targets.find(digitalEconomy.id()).orElseThrow().indicatorId() + "\"")
                .contains("Bản nháp");
        String english = get("steering", "/targets/" + digitalEconomy.id() + "?lang=en").body();
        assertThat(english).contains("Yearly values");
        assertThat(get("viewer", "/targets/" + digitalEconomy.id()).status()).isEqualTo(404);
    }
}
