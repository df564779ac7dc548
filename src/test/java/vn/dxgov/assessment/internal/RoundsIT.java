package vn.dxgov.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorDraft;
import vn.dxgov.indicators.IndicatorTypes;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserDirectory;
import vn.dxgov.support.Http;
import vn.dxgov.support.TestClock;
import vn.dxgov.support.TestData;
import vn.dxgov.units.AgencyDirectory;

/**
 * Assessment rounds end to end through the API with HTTP Basic, on the example commune set and Thanh Hóa's communes:
 * opening (166 communes valid on the round's date), self-assessment by each unit's own staff only, submission,
 * review (accept, adjust with a reason), an indicator criterion from the unit's data value, ties (1, 2, 2, 4),
 * classification, publication (read-only afterwards), CSV and .xlsx exports, history with rank changes, deadlines,
 * and the audit trail. Today is 20/11/2025 (the test clock).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoundsIT {

    static final String PW = Http.PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    UserDirectory users;
    @Autowired
    AgencyDirectory agencies;
    @Autowired
    IndicatorCatalog indicators;
    @Autowired
    DataValueStore values;
    @Autowired
    TransactionTemplate tx;

    Http http;
    long set;
    long thanhHoa;
    List<Long> units = new ArrayList<>();   // A, B, C, D: the first four communes of Thanh Hóa
    List<Long> spare = new ArrayList<>();   // two more communes
    Map<Long, String> editors = new HashMap<>();
    long round;
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
    }

    Http.Answer call(String user, String method, String path, Object body) {
        return http.call(user, method, path, body);
    }

    Map<String, Object> roundDraft(String name, int year, LocalDate deadline, List<Long> unitIds) {
        Map<String, Object> d = new HashMap<>();
        d.put("name", name);
        d.put("criteriaSetId", set);
        d.put("year", year);
        d.put("level", "COMMUNE");
        d.put("referenceDate", year + "-12-31");
        d.put("deadline", deadline.toString());
        d.put("provinceCode", "38");
        d.put("unitIds", unitIds);
        return d;
    }

    int audits(String action) {
        return jdbc.sql("select count(*) from audit_event where action = ?").param(action).query(Integer.class).single();
    }

    static Map<String, Object> answer(String criterion, Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("criterion", criterion);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Every criterion at its best (CQS.1 comes from the indicator): 89 points without the indicator. */
    static List<Map<String, Object>> full() {
        return List.of(answer("NT.1", "yes", true, "evidence", "Nghị quyết số 05-NQ/ĐU ngày 10/01/2025"),
                answer("NT.2", "value", 4), answer("TC.1", "yes", true), answer("TC.2", "yes", true),
                answer("HT.1", "numerator", 20, "denominator", 20), answer("HT.2", "value", 85),
                answer("NL.1", "numerator", 12, "denominator", 12), answer("NL.2", "yes", true),
                answer("AT.1", "yes", true), answer("AT.2", "value", 0),
                answer("CQS.2", "numerator", 95, "denominator", 100), answer("KTS.1", "value", 55),
                answer("XHS.1", "numerator", 900, "denominator", 1000), answer("XHS.2", "points", 5));
    }

    /** 5 + 7.5 + 0 + 5 + 6 + 5 + 2.5 + 5 + 5 + 2 + 8 + 6 + 2.5 + xhs2 */
    static List<Map<String, Object>> partial(int xhs2) {
        return List.of(answer("NT.1", "yes", true), answer("NT.2", "value", 3), answer("TC.1", "yes", false),
                answer("TC.2", "yes", true), answer("HT.1", "numerator", 15, "denominator", 20),
                answer("HT.2", "value", 65), answer("NL.1", "numerator", 6, "denominator", 12),
                answer("NL.2", "yes", true), answer("AT.1", "yes", true), answer("AT.2", "value", 1),
                answer("CQS.2", "numerator", 80, "denominator", 100), answer("KTS.1", "value", 30),
                answer("XHS.1", "numerator", 500, "denominator", 1000), answer("XHS.2", "points", xhs2));
    }

    String path(long unit) {
        return "/api/v1/assessment-rounds/" + round + "/units/" + unit;
    }

    @Test
    @Order(1)
    void aRoundCoversThanhHoasCommunesValidOnItsDate() {
        Map<String, Object> d = roundDraft("Đánh giá CĐS cấp xã 2025 (toàn tỉnh)", 2025, LocalDate.of(2025, 12, 15), null);
        assertThat(call("viewer", "POST", "/api/v1/assessment-rounds", d).status()).isEqualTo(403);
        Http.Answer a = call("steering", "POST", "/api/v1/assessment-rounds", d);
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        assertThat(a.body().get("unitCount").asInt()).isEqualTo(166);
        assertThat(a.body().get("status").asString()).isEqualTo("OPEN");
        JsonNode list = call("steering", "GET", "/api/v1/assessment-rounds/" + a.body().get("id").asLong() + "/units", null).body();
        assertThat(list.size()).isEqualTo(166);
        for (int i = 0; i < 4; i++) {
            units.add(list.get(i).get("unitId").asLong());
        }
        for (int i = 4; i < 6; i++) {
            spare.add(list.get(i).get("unitId").asLong());
        }
        thanhHoa = a.body().get("scopeUnitId").asLong();
        for (JsonNode u : list) {   // "Phường Bỉm Sơn", never "Phường Phường Bỉm Sơn"
            assertThat(u.get("unitName").asString()).matches("(Xã|Phường|Đặc khu) \\S.*").doesNotMatch("(\\S+) \\1 .*");
        }

        Map<String, Object> bad = roundDraft("", 2025, LocalDate.of(2025, 12, 15), null);
        bad.put("level", "PROVINCE");
        Http.Answer invalid = call("steering", "POST", "/api/v1/assessment-rounds", bad);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text()).contains("name:").contains("level:");

        // the criteria set is now used by a round: it cannot change any more
        JsonNode doc = call("viewer", "GET", "/api/v1/criteria-sets/" + set, null).body().get("document");
        assertThat(call("steering", "PUT", "/api/v1/criteria-sets/" + set, doc).status()).isEqualTo(409);
    }

    @Test
    @Order(2)
    void eachUnitsStaffSelfAssessOnlyTheirOwnUnit() {
        // agencies (UBND of the commune) and one editor each for A, B and C; D has no agency
        for (int i = 0; i < 3; i++) {
            long unit = units.get(i);
            long agency = tx.execute(st -> agencies.resolve("UBND xã thử " + run + " " + unit, "38").get(0).agency().id());
            assertThat(call("viewer", "PUT", "/api/v1/assessment/unit-agencies/" + unit, Map.of("agencyId", agency)).status()).isEqualTo(403);
            assertThat(call("steering", "PUT", "/api/v1/assessment/unit-agencies/" + unit, Map.of("agencyId", agency)).status()).isEqualTo(200);
            String user = "xa" + i + "-" + run;
            users.ensure(user, PW, "Cán bộ xã " + i, Role.EDITOR, agency, null);
            editors.put(unit, user);
        }
        Http.Answer r = call("steering", "POST", "/api/v1/assessment-rounds",
                roundDraft("Đánh giá CĐS cấp xã 2025 (thí điểm)", 2025, LocalDate.of(2025, 12, 15), units));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        round = r.body().get("id").asLong();
        assertThat(r.body().get("unitCount").asInt()).isEqualTo(4);

        long a = units.get(0);
        long b = units.get(1);
        String edA = editors.get(a);
        int saves = audits("assessment.save");
        Http.Answer saved = call(edA, "PUT", path(a), partial(3));
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.body().at("/selfScore/total").decimalValue()).isEqualByComparingTo("62.5");
        assertThat(saved.body().at("/selfScore/classification/code").asString()).isEqualTo("TRUNG_BINH");
        assertThat(saved.body().get("mayEdit").asBoolean()).isTrue();
        assertThat(saved.body().at("/lines/0/evidence").isNull()).isTrue();
        assertThat(audits("assessment.save")).isEqualTo(saves + 1);

        // another unit's staff, a viewer, the steering department: none of them edits A's self-assessment
        assertThat(call(editors.get(b), "GET", path(a), null).status()).isEqualTo(404);
        assertThat(call(editors.get(b), "PUT", path(a), partial(5)).status()).isEqualTo(404);
        assertThat(call("viewer", "PUT", path(a), partial(5)).status()).isEqualTo(404);
        assertThat(call("steering", "PUT", path(a), partial(5)).status()).isEqualTo(403);
        assertThat(call(editors.get(b), "GET", "/api/v1/assessment-rounds/" + round + "/units", null).body().size()).isEqualTo(1);
        assertThat(audits("assessment.save")).isEqualTo(saves + 1);

        // bad numbers: nothing saved
        Http.Answer bad = call(edA, "PUT", path(a), List.of(answer("HT.1", "numerator", 30, "denominator", 20),
                answer("XYZ", "yes", true), answer("XHS.2", "points", 9)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("HT.1").contains("XYZ").contains("XHS.2");
        assertThat(call(edA, "GET", path(a), null).body().at("/selfScore/total").decimalValue()).isEqualByComparingTo("62.5");

        assertThat(call(edA, "POST", path(a) + "/submit", null).status()).isEqualTo(200);
        assertThat(call(edA, "PUT", path(a), partial(5)).status()).isEqualTo(409);

        assertThat(call(editors.get(b), "PUT", path(b), partial(2)).status()).isEqualTo(200);
        assertThat(call(editors.get(b), "POST", path(b) + "/submit", null).status()).isEqualTo(200);
        long c = units.get(2);
        Http.Answer fullC = call(editors.get(c), "PUT", path(c), full());
        assertThat(fullC.body().at("/selfScore/total").decimalValue()).isEqualByComparingTo("89");
        assertThat(call(editors.get(c), "POST", path(c) + "/submit", null).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void anIndicatorCriterionReadsTheUnitsValue() {
        long c = units.get(2);
        tx.executeWithoutResult(st -> {
            long ind = indicators.findByCode("XA-HS-TRUC-TUYEN").map(i -> i.id()).orElseGet(() -> indicators.create(
                    new IndicatorDraft("XA-HS-TRUC-TUYEN", "Tỷ lệ hồ sơ TTHC xử lý trực tuyến của xã", "%",
                            IndicatorTypes.ValueType.NUMBER, IndicatorTypes.Direction.HIGHER,
                            IndicatorTypes.UnitAggregation.MEAN, IndicatorTypes.PeriodAggregation.LAST, null, 1, null)).id());
            values.write(List.of(new DataValueInput(ind, c, "2025", new BigDecimal("85"), null, null, null)),
                    ValueSource.API, null, false);
        });
        // 85 % ≥ 80 %: 10 points → 99 (the aggregate is refreshed after commit)
        JsonNode view = call("steering", "GET", path(c), null).body();
        for (int i = 0; i < 50 && view.at("/selfScore/points/CQS.1").decimalValue().signum() == 0; i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            view = call("steering", "GET", path(c), null).body();
        }
        assertThat(view.at("/selfScore/points/CQS.1").decimalValue()).isEqualByComparingTo("10");
        assertThat(view.at("/selfScore/total").decimalValue()).isEqualByComparingTo("99");
        assertThat(view.at("/selfScore/classification/code").asString()).isEqualTo("HOAN_THANH");
    }

    @Test
    @Order(4)
    void reviewersAcceptOrAdjustWithAReason() {
        long a = units.get(0);
        long d = units.get(3);
        String review = path(a) + "/reviews/XHS.2";
        assertThat(call(editors.get(a), "PUT", review, Map.of("decision", "ADJUST", "points", 2, "reason", "x")).status()).isEqualTo(403);
        Http.Answer noReason = call("steering", "PUT", review, Map.of("decision", "ADJUST", "points", 2));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text()).contains("reason");
        assertThat(call("steering", "PUT", review, Map.of("decision", "ADJUST", "points", 6, "reason", "quá điểm")).status()).isEqualTo(400);
        int reviews = audits("assessment.review");
        Http.Answer adjusted = call("steering", "PUT", review,
                Map.of("decision", "ADJUST", "points", 2, "reason", "Mô hình chưa được nhân rộng"));
        assertThat(adjusted.status()).as(adjusted.text()).isEqualTo(200);
        assertThat(adjusted.body().at("/selfScore/total").decimalValue()).isEqualByComparingTo("62.5");
        assertThat(adjusted.body().at("/finalScore/total").decimalValue()).isEqualByComparingTo("61.5");
        JsonNode line = null;
        for (JsonNode l : adjusted.body().get("lines")) {
            if (l.get("code").asString().equals("XHS.2")) {
                line = l;
            }
        }
        assertThat(line.get("review").asString()).isEqualTo("ADJUSTED");
        assertThat(line.get("reviewReason").asString()).isEqualTo("Mô hình chưa được nhân rộng");
        assertThat(line.get("reviewedBy").asString()).isEqualTo("steering");
        assertThat(audits("assessment.review")).isEqualTo(reviews + 1);

        long b = units.get(1);
        Http.Answer accepted = call("steering", "PUT", path(b) + "/reviews/XHS.2", Map.of("decision", "ACCEPT"));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().at("/finalScore/total").decimalValue()).isEqualByComparingTo("61.5");
        // D has not submitted while the round is open
        assertThat(call("steering", "PUT", path(d) + "/reviews/NT.1", Map.of("decision", "ACCEPT")).status()).isEqualTo(409);
        // the unit's staff can see the review
        assertThat(call(editors.get(a), "GET", path(a), null).body().at("/finalScore/total").decimalValue()).isEqualByComparingTo("61.5");
    }

    @Test
    @Order(5)
    void tiesShareARankAndResultsArePublishedReadOnly() {
        long a = units.get(0);
        long b = units.get(1);
        long c = units.get(2);
        long d = units.get(3);
        String base = "/api/v1/assessment-rounds/" + round;
        assertThat(call("viewer", "GET", base + "/results", null).status()).isEqualTo(403);
        Http.Answer provisional = call("steering", "GET", base + "/results", null);
        assertThat(provisional.body().get("published").asBoolean()).isFalse();

        assertThat(call(editors.get(a), "GET", path(d), null).status()).isEqualTo(404);
        assertThat(call("steering", "POST", base + "/close", null).status()).isEqualTo(200);
        assertThat(call(editors.get(b), "POST", path(b) + "/return", null).status()).isEqualTo(403);
        assertThat(call("steering", "POST", path(b) + "/return", null).status()).isEqualTo(409);
        // once closed, every unit can be reviewed, also one that never submitted
        assertThat(call("steering", "PUT", path(d) + "/reviews/NT.1", Map.of("decision", "ACCEPT")).status()).isEqualTo(200);

        assertThat(call("viewer", "POST", base + "/publish", null).status()).isEqualTo(403);
        int publishes = audits("assessmentRound.publish");
        Http.Answer published = call("steering", "POST", base + "/publish", null);
        assertThat(published.status()).as(published.text()).isEqualTo(200);
        assertThat(published.body().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(audits("assessmentRound.publish")).isEqualTo(publishes + 1);

        JsonNode results = call("viewer", "GET", base + "/results", null).body();
        assertThat(results.get("published").asBoolean()).isTrue();
        JsonNode rows = results.get("results");
        Map<Long, JsonNode> byUnit = new HashMap<>();
        rows.forEach(r -> byUnit.put(r.get("unitId").asLong(), r));
        assertThat(byUnit.get(c).get("rank").asInt()).isEqualTo(1);
        assertThat(byUnit.get(a).get("rank").asInt()).isEqualTo(2);
        assertThat(byUnit.get(b).get("rank").asInt()).isEqualTo(2);
        assertThat(byUnit.get(d).get("rank").asInt()).isEqualTo(4);
        assertThat(rows.get(0).get("unitId").asLong()).isEqualTo(c);
        assertThat(rows.get(3).get("unitId").asLong()).isEqualTo(d);
        assertThat(byUnit.get(c).get("total").decimalValue()).isEqualByComparingTo("99");
        assertThat(byUnit.get(c).get("classificationName").asString()).isEqualTo("Hoàn thành chuyển đổi số");
        assertThat(byUnit.get(a).get("classificationCode").asString()).isEqualTo("TRUNG_BINH");
        assertThat(byUnit.get(d).get("classificationCode").asString()).isEqualTo("CHUA_DAT");
        assertThat(byUnit.get(d).get("mandatoryMet").asBoolean()).isFalse();
        assertThat(byUnit.get(c).at("/points/CQS").decimalValue()).isEqualByComparingTo("19.5");

        // read-only now
        assertThat(call("steering", "PUT", path(a) + "/reviews/NT.1", Map.of("decision", "ACCEPT")).status()).isEqualTo(409);
        assertThat(call(editors.get(a), "PUT", path(a), partial(5)).status()).isEqualTo(409);
        assertThat(call("steering", "POST", base + "/publish", null).status()).isEqualTo(409);

        Http.Answer csv = call("viewer", "GET", base + "/results.csv", null);
        assertThat(csv.status()).isEqualTo(200);
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFHạng,Mã đơn vị,Đơn vị,Tổng điểm");
        assertThat(text.split("\r\n")).hasSize(5);
        assertThat(text.split("\r\n")[1]).startsWith("1,").contains(",99,"); // machine numbers: 99, not 99.00 or 99,00
        Http.Answer xlsx = call("viewer", "GET", base + "/results.xlsx", null);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.bytes()[0]).isEqualTo((byte) 'P');
    }

    @Test
    @Order(6)
    void historyShowsRankChangesOverTheYears() throws Exception {
        long c = units.get(2);
        long d = units.get(3);
        // D's staff join for 2026
        long agency = tx.execute(st -> agencies.resolve("UBND xã thử " + run + " " + d, "38").get(0).agency().id());
        assertThat(call("steering", "PUT", "/api/v1/assessment/unit-agencies/" + d, Map.of("agencyId", agency)).status()).isEqualTo(200);
        String edD = "xa3-" + run;
        users.ensure(edD, PW, "Cán bộ xã 3", Role.EDITOR, agency, null);
        Http.Answer r = call("steering", "POST", "/api/v1/assessment-rounds",
                roundDraft("Đánh giá CĐS cấp xã 2026 (thí điểm)", 2026, LocalDate.of(2026, 12, 15), units));
        long r2026 = r.body().get("id").asLong();
        assertThat(call(edD, "PUT", "/api/v1/assessment-rounds/" + r2026 + "/units/" + d, full()).status()).isEqualTo(200);
        assertThat(call("steering", "POST", "/api/v1/assessment-rounds/" + r2026 + "/publish", null).status()).isEqualTo(200);
        JsonNode rows = call("viewer", "GET", "/api/v1/assessment-rounds/" + r2026 + "/results", null).body().get("results");
        Map<Long, JsonNode> byUnit = new HashMap<>();
        rows.forEach(x -> byUnit.put(x.get("unitId").asLong(), x));
        assertThat(byUnit.get(d).get("rank").asInt()).isEqualTo(1);
        assertThat(byUnit.get(d).get("previousRank").asInt()).isEqualTo(4);
        assertThat(byUnit.get(d).get("rankChange").asInt()).isEqualTo(3);
        assertThat(byUnit.get(c).get("rank").asInt()).isEqualTo(2);     // three units at 0 points share rank 2
        assertThat(byUnit.get(c).get("rankChange").asInt()).isEqualTo(-1);

        JsonNode history = call("viewer", "GET", "/api/v1/assessment/units/" + d + "/history", null).body();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("year").asInt()).isEqualTo(2025);
        assertThat(history.get(0).get("rank").asInt()).isEqualTo(4);
        assertThat(history.get(1).get("rank").asInt()).isEqualTo(1);
        assertThat(history.get(1).get("rankChange").asInt()).isEqualTo(3);
    }

    @Test
    @Order(7)
    void nothingChangesAfterTheDeadline() {
        long a = units.get(0);
        Http.Answer r = call("steering", "POST", "/api/v1/assessment-rounds",
                roundDraft("Đợt đã hết hạn", 2025, LocalDate.of(2025, 11, 19), List.of(a)));
        long late = r.body().get("id").asLong();
        Http.Answer refused = call(editors.get(a), "PUT", "/api/v1/assessment-rounds/" + late + "/units/" + a, partial(1));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("message").asString()).contains("quá hạn");
        assertThat(call(editors.get(a), "GET", "/api/v1/assessment-rounds/" + late + "/units/" + a, null).body()
                .get("mayEdit").asBoolean()).isFalse();
    }

    // ===== pages (HTTP Basic through MockMvc, CSRF tokens for the forms)

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    static org.springframework.test.web.servlet.request.RequestPostProcessor as(String user) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(user, PW);
    }

    String page(String user, String path, int status) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).with(as(user)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is(status))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    org.springframework.test.web.servlet.MvcResult post(String user, String path, int status, String... params) throws Exception {
        var req = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(as(user))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
        for (int i = 0; i < params.length; i += 2) {
            req = req.param(params[i], params[i + 1]);
        }
        return mvc.perform(req).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is(status)).andReturn();
    }

    @Test
    @Order(8)
    void pagesLetAUnitSelfAssessAndAReviewerReviewOnAPhoneSizedForm() throws Exception {
        long a = units.get(0);
        String edA = editors.get(a);
        String index = page("viewer", "/assessment", 200);
        assertThat(index).contains("Đánh giá CĐS cấp xã 2025 (thí điểm)").doesNotContain("Đánh giá CĐS cấp xã 2025 (toàn tỉnh)");
        assertThat(page("steering", "/assessment", 200)).contains("Đánh giá CĐS cấp xã 2025 (toàn tỉnh)").contains("Mở đợt đánh giá");
        String published = page("viewer", "/assessment/rounds/" + round, 200);
        assertThat(published).contains("id=\"results-table\"").contains("Hoàn thành chuyển đổi số").contains("Đã công bố");
        assertThat(page("viewer", "/assessment/rounds/" + round + "?lang=en", 200)).contains("Ranking").contains("Published");
        assertThat(page("viewer", "/assessment/units/" + units.get(3) + "/history", 200)).contains("▲ 3");
        assertThat(page("viewer", "/assessment/rounds/" + round + "/results.csv", 200)).contains("Hoàn thành chuyển đổi số");
        page("viewer", "/assessment/rounds/" + round + "/results.xlsx", 200);

        // a round opened through the page
        page("viewer", "/assessment/rounds/new", 403);
        var opened = post("steering", "/assessment/rounds/new", 302, "name", "Đợt thử trang", "criteriaSetId", Long.toString(set),
                "year", "2025", "level", "COMMUNE", "referenceDate", "2025-12-31", "deadline", "2025-12-20", "provinceCode", "Thanh Hóa");
        String location = opened.getResponse().getRedirectedUrl();
        long pageRound = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(call("steering", "GET", "/api/v1/assessment-rounds/" + pageRound, null).body().get("unitCount").asInt()).isEqualTo(166);
        assertThat(call("steering", "GET", "/api/v1/assessment-rounds/" + pageRound, null).body().get("scopeUnitId").asLong()).isEqualTo(thanhHoa);
        String invalid = new String(post("steering", "/assessment/rounds/new", 422, "name", "", "criteriaSetId", Long.toString(set),
                "year", "2025", "level", "COMMUNE", "referenceDate", "2025-12-31", "deadline", "2025-12-20", "provinceCode", "Không có tỉnh này")
                .getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        // the message at the field, in words, and what was typed kept (issue 14; more in FormsIT)
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(invalid)).contains("id=\"round-errors\"")
                .contains("nhập tên đợt đánh giá").doesNotContain("name:").contains("value=\"Không có tỉnh này\"");

        String unitPath = "/assessment/rounds/" + pageRound + "/units/" + a;
        String form = page(edA, unitPath, 200);
        assertThat(form).contains("id=\"self-form\"").contains("name=\"yes_NT.1\"").contains("name=\"num_HT.1\"")
                .contains("name=\"points_XHS.2\"").contains("id=\"submit\"").doesNotContain("id=\"review\"");
        page(editors.get(units.get(1)), unitPath, 404);

        String bad = new String(post(edA, unitPath, 200, "yes_NT.1", "true", "value_NT.2", "ba").getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(bad).contains("id=\"unit-errors\"").contains("Tiêu chí NT.2");
        post(edA, unitPath, 302, "yes_NT.1", "true", "value_NT.2", "4", "num_HT.1", "18", "den_HT.1", "20",
                "evidence_NT.1", "Kế hoạch 12/KH-UBND", "action", "submit");
        JsonNode view = call(edA, "GET", "/api/v1/assessment-rounds/" + pageRound + "/units/" + a, null).body();
        assertThat(view.at("/selfScore/total").decimalValue()).isEqualByComparingTo("22.2");   // 5 + 10 + 7.2
        assertThat(view.at("/participant/status").asString()).isEqualTo("SUBMITTED");
        assertThat(view.at("/lines/0/evidence").asString()).isEqualTo("Kế hoạch 12/KH-UBND");

        String reviewPage = page("steering", unitPath, 200);
        assertThat(reviewPage).contains("id=\"review\"");
        post("steering", unitPath + "/reviews/HT.1", 302, "decision", "ADJUST", "points", "6", "reason", "Thiếu minh chứng 2 thôn");
        String noReason = new String(post("steering", unitPath + "/reviews/NT.2", 200, "decision", "ADJUST", "points", "5")
                .getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(noReason).contains("reason");
        assertThat(call("steering", "GET", "/api/v1/assessment-rounds/" + pageRound + "/units/" + a, null).body()
                .at("/finalScore/total").decimalValue()).isEqualByComparingTo("21");
        post(edA, unitPath + "/reviews/NT.1", 403, "decision", "ACCEPT");
    }

    @Test
    @Order(9)
    void unitsAreTiedToTheirPeoplesCommittee() {
        Http.Answer r = call("steering", "POST", "/api/v1/assessment-rounds",
                roundDraft("Đợt gắn cơ quan", 2025, LocalDate.of(2025, 12, 15), spare));
        long id = r.body().get("id").asLong();
        assertThat(call("viewer", "POST", "/api/v1/assessment-rounds/" + id + "/link-agencies", null).status()).isEqualTo(403);
        Http.Answer linked = call("steering", "POST", "/api/v1/assessment-rounds/" + id + "/link-agencies", null);
        assertThat(linked.status()).as(linked.text()).isEqualTo(200);
        assertThat(linked.body().size()).isEqualTo(2);
        JsonNode units = call("steering", "GET", "/api/v1/assessment-rounds/" + id + "/units", null).body();
        for (JsonNode u : units) {
            long agency = u.get("agencyId").asLong();
            String name = agencies.find(agency).orElseThrow().name();
            assertThat(name).startsWith("UBND ").endsWith(u.get("unitName").asString());
        }
        assertThat(call("steering", "POST", "/api/v1/assessment-rounds/" + id + "/link-agencies", null).body().size()).isZero();
    }

    @Test
    @Order(10)
    void aProvincialDtiRoundCoversTheProvincesValidOnItsDate() {
        long dti = 0;
        for (JsonNode s : http.get("viewer", "/api/v1/criteria-sets").body()) {
            if (s.get("code").asString().equals(CriteriaTemplates.DTI_CODE)) {
                dti = s.get("id").asLong();
            }
        }
        Map<String, Object> d = new HashMap<>();
        d.put("name", "DTI 2025");
        d.put("criteriaSetId", dti);
        d.put("year", 2025);
        d.put("level", "PROVINCE");
        d.put("referenceDate", "2025-12-31");
        d.put("deadline", "2026-03-31");
        Http.Answer r = call("steering", "POST", "/api/v1/assessment-rounds", d);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.body().get("unitCount").asInt()).isEqualTo(34);
        d.put("referenceDate", "2024-12-31");
        d.put("name", "DTI 2024");
        d.put("year", 2024);
        assertThat(call("steering", "POST", "/api/v1/assessment-rounds", d).body().get("unitCount").asInt()).isEqualTo(63);
        // a commune-level set cannot be used for provinces
        d.put("criteriaSetId", set);
        assertThat(call("steering", "POST", "/api/v1/assessment-rounds", d).status()).isEqualTo(400);
    }

    @Test
    @Order(11)
    void evidenceFilesBelongToOneCriterionOfOneUnit() throws Exception {
        long a = units.get(0);
        long b = units.get(1);
        String edA = editors.get(a);
        Http.Answer r = call("steering", "POST", "/api/v1/assessment-rounds",
                roundDraft("Đợt có tệp minh chứng", 2025, LocalDate.of(2025, 12, 15), List.of(a, b)));
        long id = r.body().get("id").asLong();
        String base = "/api/v1/assessment-rounds/" + id + "/units/" + a;
        byte[] pdf = "%PDF-1.4 biên bản họp Ban chỉ đạo".getBytes(StandardCharsets.UTF_8);
        assertThat(http.upload(editors.get(b), base + "/evidence/NT.2", "bien-ban.pdf", pdf).status()).isEqualTo(404);
        assertThat(http.upload("steering", base + "/evidence/NT.2", "bien-ban.pdf", pdf).status()).isEqualTo(403);
        assertThat(http.upload(edA, base + "/evidence/KHONG-CO", "bien-ban.pdf", pdf).status()).isEqualTo(404);
        Http.Answer up = http.upload(edA, base + "/evidence/NT.2", "bien-ban.pdf", pdf);
        assertThat(up.status()).as(up.text()).isEqualTo(201);
        long file = up.body().get("id").asLong();
        JsonNode view = call(edA, "GET", base, null).body();
        assertThat(view.at("/files/NT.2/0/filename").asString()).isEqualTo("bien-ban.pdf");
        assertThat(view.at("/files/NT.1").isMissingNode()).isTrue();

        String download = base + "/evidence/files/" + file;
        assertThat(call("steering", "GET", download, null).bytes()).isEqualTo(pdf);
        assertThat(call(edA, "GET", download, null).status()).isEqualTo(200);
        assertThat(call(editors.get(b), "GET", download, null).status()).isEqualTo(404);
        assertThat(call("viewer", "GET", download, null).status()).isEqualTo(404);
        // the same file is not reachable under another unit
        assertThat(call("steering", "GET", "/api/v1/assessment-rounds/" + id + "/units/" + b + "/evidence/files/" + file, null).status()).isEqualTo(404);
        // the files module's own endpoints ask the assessment module
        long owner = view.at("/files/NT.2/0/ownerId").asLong();
        assertThat(call(editors.get(b), "GET", "/api/v1/attachments?ownerType=ASSESSMENT_EVIDENCE&ownerId=" + owner, null).status()).isEqualTo(403);
        assertThat(call(edA, "GET", "/api/v1/attachments?ownerType=ASSESSMENT_EVIDENCE&ownerId=" + owner, null).status()).isEqualTo(200);

        // a page upload (multipart with CSRF), shown on the form
        var upload = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/assessment/rounds/" + id + "/units/" + a + "/evidence/TC.1")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "quy-che.pdf", "application/pdf", pdf))
                .with(as(edA)).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
        mvc.perform(upload).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
        String form = page(edA, "/assessment/rounds/" + id + "/units/" + a, 200);
        assertThat(form).contains("bien-ban.pdf").contains("quy-che.pdf").contains("name=\"file_NT.1\"");

        assertThat(call(editors.get(b), "DELETE", download, null).status()).isEqualTo(404);
        assertThat(call(edA, "DELETE", download, null).status()).isEqualTo(204);
        assertThat(call(edA, "GET", base, null).body().at("/files/NT.2").isMissingNode()).isTrue();
        assertThat(call(edA, "POST", base + "/submit", null).status()).isEqualTo(200);
        assertThat(http.upload(edA, base + "/evidence/NT.2", "muon.pdf", pdf).status()).isEqualTo(409);
    }

    @Test
    @Order(12)
    void aDistrictRoundBeforeTheReformCoversThanhHoasDistrictsOfTheDay() {
        tools.jackson.databind.node.ObjectNode doc = (tools.jackson.databind.node.ObjectNode)
                call("viewer", "GET", "/api/v1/criteria-sets/" + set, null).body().get("document").deepCopy();
        doc.put("code", "HUYEN-CDS-MAU-" + run);
        doc.put("level", "DISTRICT");
        Http.Answer created = call("steering", "POST", "/api/v1/criteria-sets", doc);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Map<String, Object> d = new HashMap<>();
        d.put("name", "Đánh giá CĐS cấp huyện 2024");
        d.put("criteriaSetId", created.body().get("id").asLong());
        d.put("year", 2024);
        d.put("level", "DISTRICT");
        d.put("referenceDate", "2024-12-31");
        d.put("deadline", "2025-12-31");
        d.put("provinceCode", "Thanh Hóa");
        Http.Answer r = call("steering", "POST", "/api/v1/assessment-rounds", d);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.body().get("unitCount").asInt()).isEqualTo(26);   // the 26 districts of the GSO list of 1/3/2025
        // after 1/7/2025 there is no district level any more
        d.put("referenceDate", "2025-12-31");
        assertThat(call("steering", "POST", "/api/v1/assessment-rounds", d).status()).isEqualTo(400);
    }
}
