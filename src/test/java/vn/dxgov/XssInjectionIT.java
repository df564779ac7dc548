package vn.dxgov;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.dxgov.security.Role;
import vn.dxgov.support.Http;
import vn.dxgov.support.TestData;
import vn.dxgov.support.TestUsers;

/**
 * Hostile text in every free-text field of a plan, its targets and tasks, an agency, a criteria set, an assessment
 * round and a report, set through the APIs that set them, then every page that shows them fetched and read as a
 * browser would (jsoup): no element or attribute the text could have made (an {@code <img>} with {@code onerror}, a
 * {@code javascript:} link, a closed {@code <script>}), the text shown as text, and in the target's JSON island only in
 * its escaped form, so that {@code JSON.parse} gives it back whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class XssInjectionIT {

    /** A script end with an image whose error runs code, then an attribute's end with another one. */
    static final String HOSTILE = "%</script><img src=x onerror=alert(1)>\"><img src=x onerror=alert(2)>";
    static final String LINK = "javascript:alert(3)";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    TestData data;
    @Autowired
    TestUsers users;

    Http http;
    String run;

    @BeforeEach
    void setUp() {
        http = new Http(port, json);
        run = Long.toString(System.nanoTime(), 36);
        data.resetPlans();
        data.ensureUnits();
    }

    @Test
    void hostileTextInEveryFreeTextFieldIsShownAsTextOnEveryPage() throws Exception {
        // ----- a plan with its targets and tasks (steering department, a draft)
        long plan = importSeed("seed/plans/001_16196319a76d78f9.txt");
        JsonNode summary = ok(http.get("steering", "/api/v1/plans/" + plan));
        ObjectNode planEdit = json.createObjectNode();
        for (String f : List.of("type", "issuedOn", "periodStart", "periodEnd", "visionYear", "parentId")) {
            planEdit.set(f, summary.get(f));
        }
        planEdit.put("number", "1/" + HOSTILE);
        planEdit.put("title", "Kế hoạch " + HOSTILE);
        planEdit.put("issuer", "UBND " + HOSTILE);
        planEdit.put("provinceName", "Thanh Hóa");
        ok(http.call("steering", "PUT", "/api/v1/plans/" + plan, planEdit));

        JsonNode target = ok(http.get("steering", "/api/v1/plans/" + plan + "/targets?q=GRDP&year=2025")).get(0);
        long targetId = target.get("id").asLong();
        long agency = target.get("leadAgencies").get(0).get("id").asLong();
        ObjectNode targetEdit = json.createObjectNode();
        for (String f : List.of("kind", "comparison", "value", "deadlineYear", "baseline", "baselineYear", "pillar", "splits")) {
            targetEdit.set(f, target.get(f));
        }
        targetEdit.put("code", "T-" + HOSTILE);
        targetEdit.put("text", "Mục tiêu " + HOSTILE);
        targetEdit.put("unit", HOSTILE);
        targetEdit.set("leadAgencyIds", json.createArrayNode().add(agency));
        targetEdit.set("cooperatingAgencyIds", json.createArrayNode());
        ok(http.call("steering", "PUT", "/api/v1/targets/" + targetId, targetEdit));

        JsonNode task = ok(http.get("steering", "/api/v1/plans/" + plan + "/tasks")).get(0);
        long taskId = task.get("id").asLong();
        ObjectNode taskEdit = json.createObjectNode();
        for (String f : List.of("startYear", "endYear", "recurrence", "pillar")) {
            taskEdit.set(f, task.get(f));
        }
        for (String f : List.of("code", "section", "sectionTitle", "groupTitle", "title", "timeFrame", "scope", "legalBasis")) {
            taskEdit.put(f, f + " " + HOSTILE);
        }
        taskEdit.set("leadAgencyIds", json.createArrayNode().add(agency));
        taskEdit.set("cooperatingAgencyIds", json.createArrayNode());
        ok(http.call("steering", "PUT", "/api/v1/tasks/" + taskId, taskEdit));

        // ----- the agency leading them: its name and an alias
        JsonNode a = ok(http.get("steering", "/api/v1/agencies/" + agency));
        ok(http.call("steering", "PUT", "/api/v1/agencies/" + agency, Map.of("name", "Sở " + HOSTILE,
                "kind", a.get("kind").asString(), "aliases", List.of(LINK, "Sở " + HOSTILE + " 2"))));
        ok(http.call("steering", "POST", "/api/v1/plans/" + plan + "/publish", null));

        // ----- a report of the agency for the plan's first period: the narrative and a task's note
        String editor = users.ensure("xss-editor", run, Role.EDITOR, agency);
        long period = ok(http.get("steering", "/api/v1/plans/" + plan + "/periods")).get(0).get("id").asLong();
        JsonNode form = ok(http.call(editor, "POST", "/api/v1/periods/" + period + "/submissions", null));
        long submission = form.get("submission").get("id").asLong();
        ok(http.call(editor, "PUT", "/api/v1/submissions/" + submission, Map.of("narrative", "Báo cáo " + HOSTILE)));

        // ----- a criteria set (name, description, a group, a criterion, its note, a classification) and a round
        ObjectNode set = (ObjectNode) json.readTree(new ClassPathResource("seed/assessment/commune-example.json").getInputStream());
        set.put("code", "XSS-" + run.toUpperCase());
        set.put("name", "Bộ tiêu chí " + HOSTILE);
        set.put("description", "Mô tả " + HOSTILE);
        ((ObjectNode) set.get("classifications").get(0)).put("name", "Hoàn thành " + HOSTILE);
        ObjectNode group = (ObjectNode) set.get("nodes").get(0);
        group.put("name", "Nhóm " + HOSTILE);
        ObjectNode criterion = (ObjectNode) group.get("children").get(0);
        criterion.put("name", "Tiêu chí " + HOSTILE);
        criterion.put("note", "Ghi chú " + HOSTILE);
        long setId = ok(http.call("steering", "POST", "/api/v1/criteria-sets", set)).get("id").asLong();
        Map<String, Object> round = new HashMap<>();
        round.put("name", "Đợt " + HOSTILE);
        round.put("criteriaSetId", setId);
        round.put("year", 2025);
        round.put("level", "COMMUNE");
        round.put("referenceDate", "2025-12-31");
        round.put("deadline", "2025-12-15");
        round.put("provinceCode", "38");
        long roundId = ok(http.call("steering", "POST", "/api/v1/assessment-rounds", round)).get("id").asLong();

        // ----- every page that shows them
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/plans", "steering");
        pages.put("/plans/" + plan, "steering");
        pages.put("/plans/" + plan + "/edit", "steering");
        pages.put("/plans/" + plan + "/targets/" + targetId + "/edit", "steering");
        pages.put("/plans/" + plan + "/targets/" + targetId + "/row", "steering");
        pages.put("/plans/" + plan + "/tasks/" + taskId + "/edit", "steering");
        pages.put("/plans/" + plan + "/tasks/" + taskId + "/row", "steering");
        pages.put("/plans/" + plan + "/reporting", "steering");
        pages.put("/targets/" + targetId, "viewer");
        pages.put("/agencies", "viewer");
        pages.put("/agencies/" + agency, "steering");
        pages.put("/reporting", editor);
        pages.put("/reporting/periods/" + period, "steering");
        pages.put("/reporting/submissions/" + submission, editor);
        pages.put("/reports", "steering");
        pages.put("/assessment", "steering");
        pages.put("/assessment/sets/" + setId, "steering");
        pages.put("/assessment/sets/" + setId + "/edit", "steering");
        pages.put("/assessment/rounds/" + roundId, "steering");
        List<String> shown = new ArrayList<>();
        for (Map.Entry<String, String> p : pages.entrySet()) {
            Http.Answer page = http.get(p.getValue(), p.getKey());
            assertThat(page.status()).as(p.getKey()).isEqualTo(200);
            String html = page.text();
            assertHarmless(p.getKey(), html);
            if (Jsoup.parse(html).text().contains(HOSTILE) || html.contains("value=\"" + escaped(HOSTILE))) {
                shown.add(p.getKey());
            }
        }
        // the text is on the pages, as text (or as a form field's value): the test looked where it is shown
        assertThat(shown).containsAll(pages.keySet());

        // the target's JSON island holds the unit escaped; parsed, it is the unit as typed
        Document targetPage = Jsoup.parse(http.get("viewer", "/targets/" + targetId).text());
        Element island = targetPage.getElementById("target-chart-data");
        assertThat(island).isNotNull();
        String raw = island.data();
        assertThat(raw).doesNotContain("<").doesNotContain(">").contains("\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e");
        assertThat(json.readTree(raw).findValuesAsString("unit")).contains(HOSTILE);
    }

    /** What the browser would build from the page: no element, attribute or link the hostile text made. */
    static void assertHarmless(String path, String html) {
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("img[src=x]")).as(path + ": an <img> made by the text").isEmpty();
        for (Element e : doc.getAllElements()) {
            for (Attribute at : e.attributes()) {
                assertThat(at.getKey()).as(path + ": an event handler attribute on <" + e.tagName() + ">").doesNotStartWith("on");
                if (List.of("href", "src", "action", "formaction", "data", "xlink:href").contains(at.getKey())) {
                    assertThat(at.getValue().strip().toLowerCase()).as(path + ": a script URL in " + at.getKey())
                            .doesNotStartWith("javascript:");
                }
            }
        }
        // a <script> is either a file or a JSON island, and an island never holds a raw '<'
        for (Element s : doc.select("script")) {
            if (s.hasAttr("src")) {
                assertThat(s.data()).as(path).isBlank();
            } else {
                assertThat(s.attr("type")).as(path + ": inline script").isEqualTo("application/json");
                assertThat(s.data()).as(path + ": island").doesNotContain("<");
            }
        }
        assertThat(html).as(path).doesNotContain("<img src=x onerror").doesNotContain("</script><img");
    }

    /** The text as Thymeleaf writes it in an attribute or element. */
    static String escaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private JsonNode ok(Http.Answer a) {
        assertThat(a.status()).as(a.text()).isBetween(200, 201);
        return a.body();
    }

    private long importSeed(String resource) throws Exception {
        byte[] seed = new ClassPathResource(resource).getContentAsByteArray();
        Http.Answer imported = http.upload("steering", "/api/v1/imports", "001.txt", seed);
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        return imported.body().get("planId").asLong();
    }
}
