package vn.dxgov.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.support.TestData;

/** Reading, filtering, correcting and publishing plans through the API, and the units/agencies endpoints. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlanApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    ObjectMapper json;
    @Autowired
    ImportJobs jobs;

    long resolution;
    long programme;

    record Answer(int status, JsonNode body) {
    }

    @BeforeEach
    void importSeeds() throws IOException {
        data.resetPlans();
        data.ensureUnits();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "steering", null, AuthorityUtils.createAuthorityList("ROLE_STEERING")));
        try {
            resolution = jobs.runNow("000.txt", seed("000_f654baa895e59210.txt"), Locale.ROOT).planId();
            programme = jobs.runNow("001.txt", seed("001_16196319a76d78f9.txt"), Locale.ROOT).planId();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void draftsAreVisibleOnlyToTheSteeringDepartmentUntilPublished() {
        assertThat(call("viewer", HttpMethod.GET, "/api/v1/plans", null).body()).isEmpty();
        assertThat(call("viewer", HttpMethod.GET, "/api/v1/plans/" + programme, null).status()).isEqualTo(404);
        JsonNode list = call("steering", HttpMethod.GET, "/api/v1/plans", null).body();
        assertThat(list).hasSize(2);
        // parents before children
        assertThat(list.get(0).get("id").asLong()).isEqualTo(resolution);
        assertThat(list.get(1).get("parentId").asLong()).isEqualTo(resolution);
        assertThat(list.get(1).get("targetCount").asInt()).isEqualTo(19);
        assertThat(list.get(1).get("taskCount").asInt()).isEqualTo(103);

        assertThat(call("viewer", HttpMethod.POST, "/api/v1/plans/" + programme + "/publish", null).status()).isEqualTo(403);
        Answer published = call("steering", HttpMethod.POST, "/api/v1/plans/" + programme + "/publish", null);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.body().get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(call("viewer", HttpMethod.GET, "/api/v1/plans", null).body()).hasSize(1);
        assertThat(audits("plan.publish")).isEqualTo(1);
    }

    @Test
    void targetsAndTasksFilterByAgencyPillarYearAndText() {
        String base = "/api/v1/plans/" + programme;
        assertThat(call("steering", HttpMethod.GET, base + "/targets?year=2030", null).body()).hasSize(8);
        JsonNode economy = call("steering", HttpMethod.GET, base + "/targets?pillar=DIGITAL_ECONOMY", null).body();
        assertThat(economy).hasSize(6).allSatisfy(t -> assertThat(t.get("pillar").asText()).isEqualTo("DIGITAL_ECONOMY"));
        // diacritics-insensitive
        JsonNode grdp = call("steering", HttpMethod.GET, base + "/targets?q=kinh+te+so+grdp", null).body();
        assertThat(grdp).hasSize(2);
        long sttt = agencyId("Sở Thông tin và Truyền thông");
        JsonNode led = call("steering", HttpMethod.GET, base + "/tasks?agency=" + sttt, null).body();
        assertThat(led).isNotEmpty().allSatisfy(t -> assertThat(
                names(t.get("lead")).contains("Sở Thông tin và Truyền thông") || names(t.get("cooperating")).contains("Sở Thông tin và Truyền thông")).isTrue());
        JsonNode in2027 = call("steering", HttpMethod.GET, base + "/tasks?year=2027", null).body();
        assertThat(in2027).isNotEmpty().allSatisfy(t -> assertThat(
                t.get("recurrence").asText().equals("ANNUAL") || t.get("endYear").asInt() >= 2027).isTrue());
        JsonNode work = call("viewer", HttpMethod.GET, "/api/v1/agencies/" + sttt + "/work", null).body();
        assertThat(work.get("tasks")).isEmpty(); // nothing published yet
        JsonNode mine = call("steering", HttpMethod.GET, "/api/v1/agencies/" + sttt + "/work", null).body();
        assertThat(mine.get("targets")).isNotEmpty();
        // the seed programme's 103 tasks: Sở Thông tin và Truyền thông leads or co-operates on 52 of them
        assertThat(led).hasSize(52);
        assertThat(mine.get("tasks").size()).isEqualTo(52);
    }

    @Test
    void correctingATargetIsValidatedAndAudited() {
        JsonNode target = call("steering", HttpMethod.GET, "/api/v1/plans/" + programme + "/targets?q=GRDP&year=2025", null).body().get(0);
        long id = target.get("id").asLong();
        String edit = """
                {"text":"Kinh tế số chiếm 20%% trở lên trong GRDP của tỉnh","kind":"PERCENT","comparison":"AT_LEAST",
                 "value":%s,"unit":"%%","deadlineYear":2025,"pillar":"DIGITAL_ECONOMY","leadAgencyIds":[%d],
                 "cooperatingAgencyIds":[]}""";
        long lead = target.get("leadAgencies").get(0).get("id").asLong();
        Answer bad = call("steering", HttpMethod.PUT, "/api/v1/targets/" + id, edit.formatted("150", lead));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("message").asText()).isNotBlank();
        assertThat(bad.body().get("details").toString()).contains("value");
        assertThat(call("viewer", HttpMethod.PUT, "/api/v1/targets/" + id, edit.formatted("21", lead)).status()).isEqualTo(403);
        Answer ok = call("steering", HttpMethod.PUT, "/api/v1/targets/" + id, edit.formatted("21", lead));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("value").decimalValue()).isEqualByComparingTo("21");
        assertThat(ok.body().get("cooperating")).isEmpty();
        assertThat(audits("target.update")).isEqualTo(1);
        String before = jdbc.sql("select before::text from audit_event where action = 'target.update'").query(String.class).single();
        assertThat(before).contains("\"value\": 20");
    }

    @Test
    void unitsAndAgenciesAreReadable() {
        JsonNode provinces = call("viewer", HttpMethod.GET, "/api/v1/units?q=thanh+hoa&level=PROVINCE", null).body();
        assertThat(provinces.get(0).get("name").asText()).isEqualTo("Tỉnh Thanh Hóa");
        assertThat(provinces.get(0).get("code").asText()).isEqualTo("38");
        long id = provinces.get(0).get("id").asLong();
        assertThat(call("viewer", HttpMethod.GET, "/api/v1/units/" + id + "/children", null).body()).hasSize(166);
        JsonNode agencies = call("viewer", HttpMethod.GET, "/api/v1/agencies?q=thong+tin+truyen+thong", null).body();
        assertThat(names(agencies, "name")).contains("Sở Thông tin và Truyền thông");
        Answer missing = call("viewer", HttpMethod.GET, "/api/v1/units/999999999", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("message").asText()).isEqualTo("Không tìm thấy đơn vị hành chính #999999999.");
        Answer english = RestClient.create("http://localhost:" + port).get().uri("/api/v1/units/999999999")
                .headers(h -> {
                    h.setBasicAuth("viewer", "dxgov-demo");
                    h.set("Accept-Language", "en");
                }).exchange((req, res) -> new Answer(res.getStatusCode().value(), json.readTree(res.getBody())));
        // the thing named in English, the id as an id (not "unit 999,999,999")
        assertThat(english.body().get("message").asText()).isEqualTo("No administrative unit #999999999.");
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        String doc = RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs").retrieve().body(String.class);
        assertThat(doc).contains("/api/v1/imports", "/api/v1/plans/{id}/targets", "/api/v1/agencies", "/api/v1/units");
    }

    private Answer call(String user, HttpMethod method, String path, String body) {
        return RestClient.create("http://localhost:" + port).method(method).uri(path)
                .headers(h -> h.setBasicAuth(user, "dxgov-demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body == null ? "" : body)
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), json.readTree(res.getBody())));
    }

    private long agencyId(String name) {
        return jdbc.sql("select id from agency where name = ?").param(name).query(Long.class).single();
    }

    private int audits(String action) {
        return jdbc.sql("select count(*) from audit_event where action = ?").param(action).query(Integer.class).single();
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private static byte[] seed(String name) throws IOException {
        return new ClassPathResource("seed/plans/" + name).getContentAsByteArray();
    }
}
