package vn.dxgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
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
import tools.jackson.databind.node.ObjectNode;
import vn.dxgov.support.Http;

/**
 * Indicators and criteria sets belong to a province or are national: Thái Nguyên's (19) steering official cannot
 * change or delete a national indicator or criteria set (403) nor Thanh Hóa's (38) own (404: another province's
 * objects do not exist for it), does not see Thanh Hóa's in lists, creates and edits its own, and adapts the national
 * criteria template by copying it into a set of its province. A national steering official changes every one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueProvinceIT {

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    vn.dxgov.support.TestData data;

    final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    Http http;
    String steeringTh;
    String steeringTn;
    String viewerTn;
    String steeringNational;
    long nationalIndicator;
    long indicatorTh;
    long nationalSet;
    long setTh;

    String user(String name, Role role, String province) {
        String username = name + "-" + run.toLowerCase();
        users.ensure(username, Http.PASSWORD, name + " (test)", role, null, null, province);
        return username;
    }

    Map<String, Object> indicator(String code, String name) {
        return Map.of("code", code, "name", name, "valueType", "NUMBER", "unit", "hồ sơ", "direction", "HIGHER",
                "unitAggregation", "SUM", "periodAggregation", "SUM");
    }

    long created(Http.Answer a) {
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        return a.body().get("id").asLong();
    }

    @BeforeAll
    void setUp() {
        // the import finds the plan's province among the units: without them (this class run on its own) the seed
        // plan would have no province and its draft indicators none either
        data.ensureUnits();
        http = new Http(port, json);
        steeringTh = user("cat-st-th", Role.STEERING, ProvinceScopeIT.THANH_HOA);
        steeringTn = user("cat-st-tn", Role.STEERING, ProvinceScopeIT.THAI_NGUYEN);
        viewerTn = user("cat-vw-tn", Role.VIEWER, ProvinceScopeIT.THAI_NGUYEN);
        steeringNational = user("cat-st-nat", Role.STEERING, null);
        nationalIndicator = created(http.call(steeringNational, "POST", "/api/v1/indicators",
                indicator("NAT" + run, "Chỉ số quốc gia " + run)));
        indicatorTh = created(http.call(steeringTh, "POST", "/api/v1/indicators",
                indicator("TH" + run, "Chỉ số Thanh Hóa " + run)));
        nationalSet = jdbc.sql("select id from criteria_set where example and province_code is null order by id limit 1")
                .query(Long.class).single();
        setTh = created(http.call(steeringTh, "POST", "/api/v1/criteria-sets/" + nationalSet + "/copy?year=2041", null));
    }

    @Test
    void theDraftIndicatorsOfAnImportedPlanBelongToItsProvinceWhoeverImportsIt() throws Exception {
        // imported by a national steering official (the demo account of the test profile), as the seed plans are
        // imported by the application itself: the drafts made for Thanh Hóa's targets are Thanh Hóa's to confirm
        long plan = vn.dxgov.support.SeedImports.importAndPublish(port, vn.dxgov.support.SeedImports.SEED_001);
        java.util.List<Long> drafts = jdbc.sql("""
                select i.id from indicator i join target t on t.indicator_id = i.id
                 where t.plan_id = ? and i.draft order by i.id""").param(plan).query(Long.class).list();
        assertThat(drafts).isNotEmpty();
        assertThat(jdbc.sql("select distinct coalesce(i.province_code, '-') from indicator i join target t on t.indicator_id = i.id where t.plan_id = ?")
                .param(plan).query(String.class).list()).containsExactly("38");
        long draft = drafts.get(0);
        assertThat(http.get(steeringTh, "/api/v1/indicators/" + draft).status()).isEqualTo(200);
        assertThat(http.get(steeringTn, "/api/v1/indicators/" + draft).status()).isEqualTo(404);
        assertThat(http.call(steeringTn, "DELETE", "/api/v1/indicators/" + draft, null).status()).isEqualTo(404);
    }

    @Test
    void createdItemsBelongToTheCreatorsProvinceOrAreNational() {
        assertThat(http.get(steeringNational, "/api/v1/indicators/" + nationalIndicator).body().get("provinceCode")
                .isNull()).isTrue();
        assertThat(http.get(steeringTh, "/api/v1/indicators/" + indicatorTh).body().get("provinceCode").asString())
                .isEqualTo("38");
        assertThat(jdbc.sql("select province_code from criteria_set where id = ?").param(setTh).query(String.class)
                .single()).isEqualTo("38");
        assertThat(jdbc.sql("select count(*) from criteria_set where created_by = 'system' and province_code is null")
                .query(Integer.class).single()).as("the templates loaded at start are national").isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from criteria_set where created_by = 'system' and province_code is not null")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anotherProvincesSteeringCannotChangeNationalIndicatorsNorThoseOfAnotherProvince() {
        Http.Answer put = http.call(steeringTn, "PUT", "/api/v1/indicators/" + nationalIndicator,
                indicator("NAT" + run, "Đổi tên"));
        assertThat(put.status()).as("a national indicator Thái Nguyên reads: 403").isEqualTo(403);
        assertThat(http.call(steeringTn, "DELETE", "/api/v1/indicators/" + nationalIndicator, null).status())
                .isEqualTo(403);
        assertThat(http.call(steeringTn, "PUT", "/api/v1/indicators/" + indicatorTh, indicator("TH" + run, "Đổi"))
                .status()).as("Thanh Hóa's indicator does not exist for Thái Nguyên").isEqualTo(404);
        assertThat(http.call(steeringTn, "DELETE", "/api/v1/indicators/" + indicatorTh, null).status()).isEqualTo(404);
        assertThat(http.get(steeringTn, "/api/v1/indicators/" + indicatorTh).status()).isEqualTo(404);
        assertThat(http.call(steeringTh, "PUT", "/api/v1/indicators/" + nationalIndicator, indicator("NAT" + run, "X"))
                .status()).as("nor may Thanh Hóa change a national one").isEqualTo(403);

        assertThat(codes(steeringTn, "/api/v1/indicators")).contains("NAT" + run).doesNotContain("TH" + run);
        assertThat(codes(steeringTh, "/api/v1/indicators")).contains("NAT" + run, "TH" + run);
        assertThat(codes(steeringNational, "/api/v1/indicators")).contains("NAT" + run, "TH" + run);
        assertThat(jdbc.sql("select name from indicator where id = ?").param(nationalIndicator).query(String.class)
                .single()).isEqualTo("Chỉ số quốc gia " + run);
        assertThat(jdbc.sql("select count(*) from indicator where id = ?").param(indicatorTh).query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void aProvinceCreatesAndEditsItsOwnIndicatorsAndNationalUsersEditEveryOne() {
        long own = created(http.call(steeringTn, "POST", "/api/v1/indicators", indicator("TN" + run, "Của Thái Nguyên")));
        Http.Answer put = http.call(steeringTn, "PUT", "/api/v1/indicators/" + own, indicator("TN" + run, "Đã sửa"));
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.body().get("name").asString()).isEqualTo("Đã sửa");
        assertThat(put.body().get("provinceCode").asString()).isEqualTo("19");
        assertThat(http.call(viewerTn, "PUT", "/api/v1/indicators/" + own, indicator("TN" + run, "V")).status())
                .isEqualTo(403);
        assertThat(codes(steeringTh, "/api/v1/indicators")).doesNotContain("TN" + run);
        Http.Answer nat = http.call(steeringNational, "PUT", "/api/v1/indicators/" + own, indicator("TN" + run, "Bộ sửa"));
        assertThat(nat.status()).as(nat.text()).isEqualTo(200);
        assertThat(http.call(steeringTn, "DELETE", "/api/v1/indicators/" + own, null).status()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from indicator where id = ?").param(own).query(Integer.class).single())
                .isZero();
    }

    @Test
    void anotherProvincesSteeringCannotChangeNationalCriteriaSetsNorThoseOfAnotherProvince() {
        JsonNode national = http.get(steeringTn, "/api/v1/criteria-sets/" + nationalSet).body();
        assertThat(http.call(steeringTn, "PUT", "/api/v1/criteria-sets/" + nationalSet, national.get("document"))
                .status()).isEqualTo(403);
        assertThat(http.call(steeringTn, "DELETE", "/api/v1/criteria-sets/" + nationalSet, null).status())
                .isEqualTo(403);
        JsonNode th = http.get(steeringTh, "/api/v1/criteria-sets/" + setTh).body();
        assertThat(http.get(steeringTn, "/api/v1/criteria-sets/" + setTh).status()).isEqualTo(404);
        assertThat(http.call(steeringTn, "PUT", "/api/v1/criteria-sets/" + setTh, th.get("document")).status())
                .isEqualTo(404);
        assertThat(http.call(steeringTn, "DELETE", "/api/v1/criteria-sets/" + setTh, null).status()).isEqualTo(404);
        assertThat(http.call(steeringTn, "POST", "/api/v1/criteria-sets/" + setTh + "/copy?year=2042", null).status())
                .as("nor copied").isEqualTo(404);
        assertThat(http.get(steeringTn, "/api/v1/criteria-sets/" + setTh + "/export.json").status()).isEqualTo(404);
        List<Long> tnSees = ids(steeringTn, "/api/v1/criteria-sets");
        assertThat(tnSees).contains(nationalSet).doesNotContain(setTh);
        assertThat(ids(steeringNational, "/api/v1/criteria-sets")).contains(nationalSet, setTh);
        assertThat(http.get(steeringTn, "/assessment").text()).doesNotContain(th.get("code").asString());
        assertThat(http.get(steeringTn, "/assessment/sets/" + setTh).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from criteria_set where id = ?").param(setTh).query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void copyingTheNationalTemplateGivesASetOfTheCopiersProvinceThatItEdits() {
        JsonNode source = http.get(steeringTn, "/api/v1/criteria-sets/" + nationalSet).body();
        Http.Answer copy = http.call(steeringTn, "POST", "/api/v1/criteria-sets/" + nationalSet + "/copy?year="
                + source.get("year").asInt(), null);
        assertThat(copy.status()).as(copy.text()).isEqualTo(201);
        assertThat(copy.body().get("provinceCode").asString()).isEqualTo("19");
        assertThat(copy.body().get("code").asString()).isEqualTo(source.get("code").asString() + "-19");
        long id = copy.body().get("id").asLong();
        ObjectNode doc = (ObjectNode) copy.body().get("document");
        doc.put("name", "Bộ tiêu chí xã của Thái Nguyên");
        Http.Answer put = http.call(steeringTn, "PUT", "/api/v1/criteria-sets/" + id, doc);
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.body().get("name").asString()).isEqualTo("Bộ tiêu chí xã của Thái Nguyên");
        assertThat(http.get(steeringTh, "/api/v1/criteria-sets/" + id).status()).isEqualTo(404);
        assertThat(http.call(steeringTn, "DELETE", "/api/v1/criteria-sets/" + id, null).status()).isEqualTo(204);
    }

    @Test
    void aProvinceAdministratorCopiesItsProvincesSetKeepingItsCode() {
        String adminTh = user("cat-ad-th", Role.ADMIN, ProvinceScopeIT.THANH_HOA);
        String code = http.get(steeringTh, "/api/v1/criteria-sets/" + setTh).body().get("code").asString();
        Http.Answer copy = http.call(adminTh, "POST", "/api/v1/criteria-sets/" + setTh + "/copy?year=2025", null);
        assertThat(copy.status()).as(copy.text()).isEqualTo(201);
        assertThat(copy.body().get("code").asString()).isEqualTo(code);
        assertThat(copy.body().get("provinceCode").asString()).isEqualTo("38");
    }

    List<String> codes(String user, String path) {
        List<String> out = new ArrayList<>();
        http.get(user, path).body().forEach(n -> out.add(n.get("code").asString()));
        return out;
    }

    List<Long> ids(String user, String path) {
        List<Long> out = new ArrayList<>();
        http.get(user, path).body().forEach(n -> out.add(n.get("id").asLong()));
        return out;
    }
}
