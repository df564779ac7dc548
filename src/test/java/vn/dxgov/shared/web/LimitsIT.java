package vn.dxgov.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.support.Http;
import vn.dxgov.support.SeedImports;
import vn.dxgov.support.TestData;

/**
 * The limits of {@code dxgov.limits} (title 500, name 300, text 4,000, narrative 100,000 characters; years 1945–2100)
 * and of the NUMERIC columns, refused with a 400 that names the field and the limit, nothing stored: a 1 MB plan
 * title, plan years −5 and 99999, a 1 MB round name, a 20 MB report narrative (over the JSON reader's ceiling) and a
 * 150,000-character one (over the narrative limit), an assessment answer of 1e308 and one of 1e-308 (which would have
 * been stored as 0).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LimitsIT {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;

    Http http;
    long plan;
    long criteriaSet;

    @BeforeAll
    void setUp() throws Exception {
        http = new Http(port, json);
        data.resetPlans();
        data.ensureUnits();
        plan = SeedImports.importAndPublish(port, SeedImports.SEED_004);
        for (JsonNode s : http.get("viewer", "/api/v1/criteria-sets").body()) {
            criteriaSet = s.get("id").asLong();
        }
        assertThat(criteriaSet).isPositive();
    }

    Map<String, Object> planEdit(String title, Integer periodStart, Integer periodEnd) {
        JsonNode p = http.get("steering", "/api/v1/plans/" + plan).body();
        Map<String, Object> edit = new HashMap<>();
        edit.put("type", p.get("type").asString());
        edit.put("title", title);
        edit.put("periodStart", periodStart);
        edit.put("periodEnd", periodEnd);
        return edit;
    }

    String storedTitle() {
        return jdbc.sql("select title from plan where id = ?").param(plan).query(String.class).single();
    }

    @Test
    void aPlanTitleOfOneMegabyteIsRefusedWithTheLimit() {
        String before = storedTitle();
        Http.Answer a = http.call("steering", "PUT", "/api/v1/plans/" + plan, planEdit("K".repeat(1 << 20), 2021, 2025));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("message").asString()).isEqualTo("Dữ liệu gửi lên chưa hợp lệ.");
        assertThat(a.body().get("details").get(0).asString()).isEqualTo("title: Tối đa 500 ký tự (đã nhập 1.048.576).");
        assertThat(storedTitle()).isEqualTo(before);
        // at the limit it is taken
        Http.Answer ok = http.call("steering", "PUT", "/api/v1/plans/" + plan, planEdit("K".repeat(500), 2021, 2025));
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(storedTitle()).hasSize(500);
    }

    @Test
    void planYearsOutsideTheRangeAreRefused() {
        Http.Answer a = http.call("steering", "PUT", "/api/v1/plans/" + plan, planEdit("Kế hoạch", -5, 99999));
        assertThat(a.status()).isEqualTo(400);
        assertThat(texts(a.body().get("details"))).containsExactlyInAnyOrder(
                "periodEnd: Năm phải từ 1945 đến 2100.", "periodStart: Năm phải từ 1945 đến 2100.");
        assertThat(jdbc.sql("select period_start from plan where id = ?").param(plan).query(Integer.class).optional())
                .isNotEqualTo(java.util.Optional.of(-5));
    }

    @Test
    void aRoundNameOfOneMegabyteIsRefused() {
        Map<String, Object> d = new HashMap<>();
        d.put("name", "Đ".repeat(1 << 20));
        d.put("criteriaSetId", criteriaSet);
        d.put("year", 2025);
        d.put("level", "COMMUNE");
        d.put("referenceDate", "2025-12-31");
        d.put("deadline", "2027-12-15");
        d.put("provinceCode", "38");
        int rounds = jdbc.sql("select count(*) from assessment_round").query(Integer.class).single();
        Http.Answer a = http.call("steering", "POST", "/api/v1/assessment-rounds", d);
        assertThat(a.status()).isEqualTo(400);
        assertThat(texts(a.body().get("details"))).containsExactly("name: Tối đa 300 ký tự (đã nhập 1.048.576).");
        d.put("name", "Đợt 99999");
        d.put("year", 99999);
        Http.Answer year = http.call("steering", "POST", "/api/v1/assessment-rounds", d);
        assertThat(year.status()).isEqualTo(400);
        assertThat(texts(year.body().get("details"))).containsExactly("year: Năm phải từ 1945 đến 2100.");
        assertThat(jdbc.sql("select count(*) from assessment_round").query(Integer.class).single()).isEqualTo(rounds);
    }

    @Test
    void aReportNarrativeOverTheLimitIsRefused() {
        Http.Answer huge = http.call("steering", "PUT", "/api/v1/submissions/1",
                Map.of("narrative", "x".repeat(20 << 20)));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.body().get("message").asString()).isEqualTo(
                "Một giá trị trong JSON quá dài: chuỗi tối đa 2.097.152 ký tự, số tối đa 100 chữ số.");
        Http.Answer longer = http.call("steering", "PUT", "/api/v1/submissions/1",
                Map.of("narrative", "x".repeat(150_000)));
        assertThat(longer.status()).isEqualTo(400);
        assertThat(texts(longer.body().get("details"))).containsExactly(
                "narrative: Tối đa 100.000 ký tự (đã nhập 150.000).");
    }

    @Test
    void assessmentAnswersOutsideTheColumnsRangeAreRefusedNotA500() {
        String path = "/api/v1/assessment-rounds/1/units/1";
        for (String value : new String[]{"1e308", "1e-308", "-1e15"}) {
            Http.Answer a = http.call("admin", "PUT", path, "[{\"criterion\":\"HT.2\",\"value\":" + value + "}]");
            assertThat(a.status()).as(value + " " + a.text()).isEqualTo(400);
            assertThat(texts(a.body().get("details"))).as(value).containsExactly("answers[0].value: Số phải nhỏ hơn "
                    + "10^14 về giá trị tuyệt đối và, nếu khác 0, không nhỏ hơn 0,0001 (chỉ lưu 4 chữ số thập phân).");
        }
    }

    @Test
    void aLimitIsTheFieldsLimitInEnglishToo() {
        Http.Answer a = http.call("steering", "PUT", "/api/v1/plans/" + plan + "?lang=en",
                planEdit("K".repeat(501), 2021, 2025));
        assertThat(a.status()).isEqualTo(400);
        assertThat(texts(a.body().get("details"))).containsExactly("title: At most 500 characters (501 given).");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
