package vn.dxgov.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.node.ObjectNode;
import vn.dxgov.support.Http;

/**
 * Criteria sets through the API with HTTP Basic: the two templates loaded at start (idempotently), the DTI template
 * scoring a hand-computed DTI, JSON and .xlsx export and import (round trip, errors by row and column with nothing
 * saved, conflicts), editing and who may edit, every write audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(vn.dxgov.support.TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CriteriaSetsIT {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CriteriaTemplates templates;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    Http http;
    long dti;
    long commune;

    @BeforeAll
    void setUp() {
        http = new Http(port, json);
        JsonNode list = http.get("viewer", "/api/v1/criteria-sets").body();
        for (JsonNode s : list) {
            if (s.get("code").asString().equals(CriteriaTemplates.DTI_CODE)) {
                dti = s.get("id").asLong();
            }
            if (s.get("code").asString().equals(CriteriaTemplates.COMMUNE_CODE)) {
                commune = s.get("id").asLong();
            }
        }
    }

    int sets() {
        return jdbc.sql("select count(*) from criteria_set").query(Integer.class).single();
    }

    int audits(String action) {
        return jdbc.sql("select count(*) from audit_event where action = ?").param(action).query(Integer.class).single();
    }

    @Test
    void bothTemplatesAreLoadedAtStartAndOnlyOnce() {
        assertThat(dti).isPositive();
        assertThat(commune).isPositive();
        JsonNode d = http.get("viewer", "/api/v1/criteria-sets/" + dti).body();
        assertThat(d.get("maxPoints").decimalValue()).isEqualByComparingTo("1000");
        assertThat(d.get("level").asString()).isEqualTo("PROVINCE");
        assertThat(d.get("example").asBoolean()).isFalse();
        assertThat(d.get("criteriaCount").asInt()).isEqualTo(9);
        assertThat(d.at("/document/nodes/1/children/0/name").asString()).isEqualTo("Hoạt động chính quyền số");
        JsonNode c = http.get("viewer", "/api/v1/criteria-sets/" + commune).body();
        assertThat(c.get("example").asBoolean()).isTrue();
        assertThat(c.at("/document/description").asString()).contains("KHÔNG PHẢI BỘ TIÊU CHÍ CHÍNH THỨC");
        assertThat(c.at("/document/nodes").size()).isEqualTo(8);
        int before = sets();
        assertThat(templates.load()).isZero();
        assertThat(sets()).isEqualTo(before);
    }

    @Test
    void theDtiTemplateScoresAHandComputedDti() {
        Map<String, Object> inputs = Map.of(
                "1", Map.of("points", "72.50"), "2", Map.of("points", "64.25"), "3", Map.of("points", "81"),
                "4", Map.of("points", "55.75"), "5", Map.of("points", "90.10"), "7", Map.of("points", "150.40"),
                "8", Map.of("points", "98.40"), "9", Map.of("points", "110.70"));
        Http.Answer a = http.call("viewer", "POST", "/api/v1/criteria-sets/" + dti + "/score", Map.of("inputs", inputs));
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.body().get("total").decimalValue()).isEqualByComparingTo("723.10");
        assertThat(a.body().get("index").decimalValue()).isEqualByComparingTo("0.7231");
        assertThat(a.body().at("/ratios/7").decimalValue()).isEqualByComparingTo("0.752");
        assertThat(a.body().at("/points/II").decimalValue()).isEqualByComparingTo("359.50");
    }

    @Test
    void theCommuneExampleScoresEveryRule() {
        Map<String, Object> inputs = Map.of(
                "NT.1", Map.of("yes", true), "NT.2", Map.of("value", 3),                 // 5 + 7.5
                "TC.1", Map.of("yes", true), "TC.2", Map.of("yes", true),                // 5 + 5
                "HT.1", Map.of("numerator", 18, "denominator", 20), "HT.2", Map.of("value", 65),   // 7.2 + 5
                "NL.1", Map.of("numerator", 9, "denominator", 12), "NL.2", Map.of("yes", false),   // 3.75 + 0
                "AT.1", Map.of("yes", true), "AT.2", Map.of("value", 0));                // 5 + 5
        Map<String, Object> more = new java.util.HashMap<>(inputs);
        more.put("CQS.2", Map.of("numerator", 85, "denominator", 100));                 // 8.5 (CQS.1 no indicator: 0)
        more.put("KTS.1", Map.of("value", 30));                                          // 6
        more.put("XHS.1", Map.of("numerator", 700, "denominator", 1000));                // 3.5
        more.put("XHS.2", Map.of("points", 4));                                          // 4
        Http.Answer a = http.call("viewer", "POST", "/api/v1/criteria-sets/" + commune + "/score", Map.of("inputs", more));
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        // 12.5 + 10 + 12.2 + 3.75 + 10 + 8.5 + 6 + 7.5 = 70.45
        assertThat(a.body().get("total").decimalValue()).isEqualByComparingTo("70.45");
        assertThat(a.body().get("mandatoryMissed").size()).isZero();
        assertThat(a.body().at("/classification/code").asString()).isEqualTo("KHA");
    }

    @Test
    void jsonAndWorkbookExportsImportBack() {
        Http.Answer x = http.get("viewer", "/api/v1/criteria-sets/" + commune + "/export.xlsx");
        assertThat(x.status()).isEqualTo(200);
        assertThat(x.disposition()).contains(".xlsx");
        Http.Answer j = http.get("viewer", "/api/v1/criteria-sets/" + commune + "/export.json");
        assertThat(j.status()).isEqualTo(200);

        // the same code and year: a conflict without replace
        assertThat(http.upload("steering", "/api/v1/criteria-sets/import", "xa.xlsx", x.bytes()).status()).isEqualTo(409);

        // as a new year through JSON
        ObjectNode doc = (ObjectNode) json.readTree(j.bytes());
        doc.put("year", 2031);
        Http.Answer created = http.upload("steering", "/api/v1/criteria-sets/import", "xa-2031.json",
                json.writeValueAsBytes(doc));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode original = http.get("viewer", "/api/v1/criteria-sets/" + commune).body().get("document");
        JsonNode copy = created.body().get("document");
        assertThat(copy.get("nodes")).isEqualTo(original.get("nodes"));
        assertThat(copy.get("classifications")).isEqualTo(original.get("classifications"));

        // the workbook replaces it unchanged (year 2031 written in the sheet by a copy)
        long id = created.body().get("id").asLong();
        Http.Answer wb = http.get("viewer", "/api/v1/criteria-sets/" + id + "/export.xlsx");
        Http.Answer replaced = http.upload("steering", "/api/v1/criteria-sets/import?replace=true", "xa-2031.xlsx", wb.bytes());
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(201);
        assertThat(replaced.body().get("id").asLong()).isEqualTo(id);
        assertThat(replaced.body().get("document").get("nodes")).isEqualTo(original.get("nodes"));
        assertThat(http.call("steering", "DELETE", "/api/v1/criteria-sets/" + id, null).status()).isEqualTo(204);
    }

    @Test
    void aBadFileSavesNothingAndNamesEachProblem() {
        int before = sets();
        Http.Answer j = http.get("viewer", "/api/v1/criteria-sets/" + commune + "/export.json");
        ObjectNode doc = (ObjectNode) json.readTree(j.bytes());
        doc.put("year", 2032);
        ((ObjectNode) doc.at("/nodes/0/children/0")).put("maxPoints", 6);
        ((ObjectNode) doc.at("/nodes/2/children/1/rule")).putArray("steps");
        Http.Answer bad = http.upload("steering", "/api/v1/criteria-sets/import", "bad.json", json.writeValueAsBytes(doc));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("message").asString()).contains("chưa lưu gì");
        assertThat(bad.text()).contains("nodes[0].maxPoints").contains("nodes[2].children[1].rule.steps");
        assertThat(sets()).isEqualTo(before);

        Http.Answer broken = http.upload("steering", "/api/v1/criteria-sets/import", "broken.json", "{\"code\": ".getBytes());
        assertThat(broken.status()).isEqualTo(400);
        Http.Answer notXlsx = http.upload("steering", "/api/v1/criteria-sets/import", "x.xlsx", "abc".getBytes());
        assertThat(notXlsx.status()).isEqualTo(400);
        assertThat(http.upload("steering", "/api/v1/criteria-sets/import", "x.pdf", "abc".getBytes()).status()).isEqualTo(400);
        assertThat(sets()).isEqualTo(before);
    }

    @Test
    void onlyTheSteeringDepartmentEditsAndEveryWriteIsAudited() {
        JsonNode d = http.get("viewer", "/api/v1/criteria-sets/" + commune).body().get("document");
        ObjectNode doc = (ObjectNode) d.deepCopy();
        doc.put("year", 2033);
        assertThat(http.call("viewer", "POST", "/api/v1/criteria-sets", doc).status()).isEqualTo(403);
        assertThat(http.call(null, "GET", "/api/v1/criteria-sets", null).status()).isEqualTo(401);
        int creates = audits("criteriaSet.create");
        Http.Answer created = http.call("steering", "POST", "/api/v1/criteria-sets", doc);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(audits("criteriaSet.create")).isEqualTo(creates + 1);
        long id = created.body().get("id").asLong();

        doc.put("name", "Bộ tiêu chí xã 2033 (đã sửa)");
        assertThat(http.call("viewer", "PUT", "/api/v1/criteria-sets/" + id, doc).status()).isEqualTo(403);
        int updates = audits("criteriaSet.update");
        Http.Answer updated = http.call("steering", "PUT", "/api/v1/criteria-sets/" + id, doc);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("name").asString()).isEqualTo("Bộ tiêu chí xã 2033 (đã sửa)");
        assertThat(audits("criteriaSet.update")).isEqualTo(updates + 1);

        Http.Answer copy = http.call("steering", "POST", "/api/v1/criteria-sets/" + id + "/copy?year=2034", null);
        assertThat(copy.status()).isEqualTo(201);
        assertThat(copy.body().get("year").asInt()).isEqualTo(2034);
        assertThat(http.call("steering", "POST", "/api/v1/criteria-sets/" + id + "/copy?year=2034", null).status()).isEqualTo(409);
        assertThat(http.call("viewer", "DELETE", "/api/v1/criteria-sets/" + id, null).status()).isEqualTo(403);
        int deletes = audits("criteriaSet.delete");
        assertThat(http.call("steering", "DELETE", "/api/v1/criteria-sets/" + id, null).status()).isEqualTo(204);
        assertThat(http.call("steering", "DELETE", "/api/v1/criteria-sets/" + copy.body().get("id").asLong(), null).status()).isEqualTo(204);
        assertThat(audits("criteriaSet.delete")).isEqualTo(deletes + 2);
        assertThat(http.get("viewer", "/api/v1/criteria-sets/" + id).status()).isEqualTo(404);

        Http.Answer invalid = http.call("steering", "POST", "/api/v1/criteria-sets/validate", Map.of("code", "X"));
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).extracting(JsonNode::asString).containsExactly(
                "year: năm áp dụng phải từ 2000 đến 2100", "name: thiếu tên bộ tiêu chí",
                "level: thiếu cấp đánh giá (PROVINCE, DISTRICT, COMMUNE)",
                "nodes: bộ tiêu chí chưa có nhóm hoặc tiêu chí nào", "maxPoints: thiếu tổng điểm tối đa");
    }

    // ===== pages

    String page(String user, String role, String path, int status) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(user).roles(role)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is(status))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void pagesShowTheSetsInVietnameseAndEnglish() throws Exception {
        String index = page("viewer", "VIEWER", "/assessment", 200);
        assertThat(index).contains("Bộ tiêu chí").contains("Chỉ số chuyển đổi số cấp tỉnh (DTI)").contains("Bản mẫu")
                .doesNotContain("name=\"file\"");
        assertThat(page("steering", "STEERING", "/assessment", 200)).contains("name=\"file\"");
        String set = page("viewer", "VIEWER", "/assessment/sets/" + commune, 200);
        assertThat(set).contains("id=\"example-warning\"").contains("Hoàn thành chuyển đổi số").contains("NT.2")
                .doesNotContain("id=\"edit-set\"");
        assertThat(page("viewer", "VIEWER", "/assessment/sets/" + dti + "?lang=en", 200)).contains("Scored by the reviewer");
        page("viewer", "VIEWER", "/assessment/sets/" + commune + "/edit", 403);
        page("viewer", "VIEWER", "/assessment/sets/" + commune + "/export.xlsx", 200);
        assertThat(page("viewer", "VIEWER", "/assessment/sets/" + commune + "/export.json", 200)).contains("XA-CDS-MAU");
        assertThat(page("steering", "STEERING", "/assessment/sets/" + commune + "/edit", 200)).contains("name=\"code\"");
    }

    @Test
    void theEditorSavesNothingOnErrorAndNamesTheRow() throws Exception {
        var post = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/assessment/sets/new")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("steering").roles("STEERING"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("setCode", "XA-TEST-EDITOR").param("year", "2040").param("level", "COMMUNE").param("setMaxPoints", "30")
                .param("example", "true").param("setName", "Bộ thử")
                .param("code", "G", "G.1", "G.2", "").param("parent", "", "G", "G", "")
                .param("name", "Nhóm", "Họp", "Ký số", "").param("maxPoints", "30", "20", "abc", "")
                .param("mandatory", "false", "false", "true", "false").param("passPoints", "", "", "", "")
                .param("rule", "", "STEPS", "RATIO", "").param("steps", "", "4=20; 3=15; 2=10; 1=5", "", "")
                .param("indicator", "", "", "", "").param("lower", "false", "false", "false", "false")
                .param("note", "", "", "", "")
                .param("levelCode", "HT").param("levelName", "Hoàn thành").param("levelMin", "25").param("levelMandatory", "true");
        int before = sets();
        String html = mvc.perform(post).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is(422))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Bảng tiêu chí, dòng 3, cột Điểm tối đa").contains("abc");
        assertThat(sets()).isEqualTo(before);

        // the same form with the row fixed (a parameter given again would append, so the request is built anew)
        var ok = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/assessment/sets/new")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("steering").roles("STEERING"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("setCode", "XA-TEST-EDITOR").param("year", "2040").param("level", "COMMUNE").param("setMaxPoints", "30")
                .param("example", "true").param("setName", "Bộ thử")
                .param("code", "G", "G.1", "G.2").param("parent", "", "G", "G")
                .param("name", "Nhóm", "Họp", "Ký số").param("maxPoints", "30", "20", "10")
                .param("mandatory", "false", "false", "true").param("passPoints", "", "", "")
                .param("rule", "", "STEPS", "RATIO").param("steps", "", "4=20; 3=15; 2=10; 1=5", "")
                .param("indicator", "", "", "").param("lower", "false", "false", "false").param("note", "", "", "")
                .param("levelCode", "HT").param("levelName", "Hoàn thành").param("levelMin", "25").param("levelMandatory", "true");
        String savedAt = mvc.perform(ok).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(sets()).isEqualTo(before + 1);
        JsonNode saved = http.get("viewer", "/api/v1/criteria-sets").body();
        JsonNode mine = null;
        for (JsonNode s : saved) {
            if (s.get("code").asString().equals("XA-TEST-EDITOR")) {
                mine = s;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(savedAt).isEqualTo("/assessment/sets/" + mine.get("id").asLong());
        assertThat(mine.at("/document/nodes/0/children/0/rule/steps").size()).isEqualTo(4);
        assertThat(mine.at("/document/nodes/0/children/1/mandatory").asBoolean()).isTrue();
        assertThat(http.call("steering", "DELETE", "/api/v1/criteria-sets/" + mine.get("id").asLong(), null).status()).isEqualTo(204);
    }

    @Test
    void theApiIsDocumented() {
        Http.Answer doc = http.get(null, "/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.text()).contains("/api/v1/criteria-sets/import", "/api/v1/criteria-sets/{id}/export.xlsx",
                "/api/v1/assessment-rounds/{id}/units/{unitId}/reviews/{criterion}", "/api/v1/assessment-rounds/{id}/results.csv",
                "/api/v1/assessment/units/{unitId}/history");
    }
}
