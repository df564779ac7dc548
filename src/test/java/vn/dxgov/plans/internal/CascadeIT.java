package vn.dxgov.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanStatus;
import vn.dxgov.shared.VietText;
import vn.dxgov.support.Http;
import vn.dxgov.support.TestData;
import vn.dxgov.support.TestUsers;
import vn.dxgov.units.AdminUnits;

/**
 * The cascade on the real (embedded) database: national documents stored once and without a province, province
 * plans linked to the national plan they implement (before or after it arrives), suggested target links confirmed or
 * rejected by the right person, and the national view of the province targets behind a national target.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CascadeIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    ObjectMapper json;
    @Autowired
    PlanImportService importer;
    @Autowired
    TestUsers testUsers;
    @Autowired
    AdminUnits units;
    @Autowired
    PlanRepository plans;

    CascadeFixture f;
    Http http;
    long national;
    long planA;
    long planB;

    @BeforeEach
    void documents() {
        data.resetPlans();
        data.ensureUnits();
        f = new CascadeFixture(importer, testUsers, units);
        http = new Http(port, json);
        // a province imports the national resolution it implements: stored once, as a national reference
        national = f.importNational(f.steeringA, "71-NQ-CP.txt", CascadeFixture.resolution71()).planId();
        planA = f.importAs(f.steeringA, "95-KH-UBND.txt", CascadeFixture.planA()).planId();
        planB = f.importAs(f.steeringB, "120-KH-UBND.txt", CascadeFixture.planB()).planId();
    }

    @Test
    void aNationalDocumentBelongsToNoProvinceAndIsStoredOnce() {
        Plan n = plans.find(national).orElseThrow();
        assertThat(n.provinceCode()).as("the place of signing is not the plan's province").isNull();
        assertThat(n.provinceName()).isNull();
        // imported by a province: published at once as a reference every province reads
        assertThat(n.status()).isEqualTo(PlanStatus.PUBLISHED);
        assertThat(http.get(f.viewerA, "/api/v1/plans/" + national).status()).isEqualTo(200);
        assertThat(http.get(f.steeringB, "/api/v1/plans/" + national).status()).isEqualTo(200);
        // ... and read-only for provinces: national targets other provinces link to are not theirs to change
        Map<String, Object> edit = Map.of("type", "RESOLUTION", "title", "Đổi tên", "number", "71/NQ-CP");
        assertThat(http.call(f.steeringA, "PUT", "/api/v1/plans/" + national, edit).status()).isEqualTo(403);
        assertThat(http.call(f.steeringB, "PUT", "/api/v1/plans/" + national, edit).status()).isEqualTo(403);
        assertThat(http.call(f.nationalSteering, "PUT", "/api/v1/plans/" + national, edit).status()).isEqualTo(200);

        // the other province imports the same resolution (another copy of the file): no second national plan
        PlanImportService.Outcome again = f.importNational(f.steeringB, "71 (ban sao).txt",
                CascadeFixture.resolution71() + "\nNơi nhận: UBND các tỉnh.\n");
        assertThat(again.created()).isFalse();
        assertThat(again.planId()).isEqualTo(national);
        assertThat(again.report().notes()).extracting(ImportReport.Note::code).contains("national.existing");
        assertThat(count("select count(*) from plan where province_code is null")).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'plan.publish.reference'")).isEqualTo(1);
    }

    @Test
    void provincePlansLinkToTheNationalPlanAndGetSuggestionsForMatchingTargetsOnly() {
        assertThat(plans.find(planA).orElseThrow().parentId()).isEqualTo(national);
        assertThat(plans.find(planB).orElseThrow().parentId()).isEqualTo(national);
        assertThat(plans.find(planA).orElseThrow().provinceCode()).isEqualTo("38");
        assertThat(plans.find(planB).orElseThrow().provinceCode()).isEqualTo("19");

        for (long plan : List.of(planA, planB)) {
            JsonNode links = http.get(steeringOf(plan), "/api/v1/plans/" + plan + "/target-links").body();
            assertThat(links.get("above").get(0).get("national").asBoolean()).isTrue();
            for (JsonNode row : links.get("targets")) {
                String topic = topic(row.get("target").get("text").asText());
                List<String> suggested = new ArrayList<>();
                row.get("links").forEach(l -> suggested.add(topic(l.get("national").get("text").asText())));
                if (topic == null) {
                    // a target on a subject the national plan does not have: nothing suggested
                    assertThat(suggested).as(row.toString()).isEmpty();
                } else {
                    // a target on a subject of the national plan: that target and no other
                    assertThat(suggested).as(row.toString()).containsExactly(topic);
                }
            }
        }
        assertThat(count("select count(*) from target_link where status = 'SUGGESTED'")).isEqualTo(3);
    }

    @Test
    void theRightPersonConfirmsOrRejectsOthersAreRefused() {
        long[] pair = suggestion(planA, "kinh te so");
        Map<String, Object> confirm = Map.of("targetId", pair[0], "nationalTargetId", pair[1], "decision", "CONFIRMED");
        String path = "/api/v1/plans/" + planA + "/target-links";
        assertThat(http.call(f.viewerA, "POST", path, confirm).status()).as("a draft does not exist for a viewer").isEqualTo(404);
        assertThat(http.call(f.steeringA, "POST", "/api/v1/plans/" + planA + "/publish", null).status()).isEqualTo(200);
        assertThat(http.call(f.viewerA, "POST", path, confirm).status()).isEqualTo(403);
        assertThat(http.call(f.steeringB, "POST", path, confirm).status()).as("another province's plan").isEqualTo(404);
        assertThat(http.get(f.steeringB, path).status()).isEqualTo(404);
        assertThat(http.get(f.viewerA, path).status()).isEqualTo(200);

        Http.Answer ok = http.call(f.steeringA, "POST", path, confirm);
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(ok.body().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(ok.body().get("decidedBy").asText()).isEqualTo(f.steeringA);
        assertThat(ok.body().get("decidedAt").isNull()).isFalse();
        assertThat(count("select count(*) from audit_event where action = 'target.link.confirmed'")).isEqualTo(1);

        // rejecting keeps the pair, so suggesting again does not bring it back
        long[] other = suggestion(planA, "tai khoan");
        Map<String, Object> reject = Map.of("targetId", other[0], "nationalTargetId", other[1], "decision", "REJECTED");
        assertThat(http.call(f.steeringA, "POST", path, reject).status()).isEqualTo(200);
        assertThat(http.call(f.steeringA, "POST", path + "/suggest", null).body().get("suggested").asInt()).isZero();
        assertThat(status(other)).isEqualTo("REJECTED");

        // by hand: any target of the plans above; not a target of another province's plan
        long unrelated = target(planA, "300 xa");
        long aiTarget = nationalTarget("tri tue nhan tao");
        assertThat(http.call(f.steeringA, "POST", path, Map.of("targetId", unrelated, "nationalTargetId", aiTarget,
                "decision", "CONFIRMED")).status()).isEqualTo(200);
        assertThat(jdbc.sql("select origin from target_link where target_id = ?").param(unrelated).query(String.class)
                .single()).isEqualTo("MANUAL");
        long ofB = target(planB, "kinh te so");
        assertThat(http.call(f.steeringA, "POST", path, Map.of("targetId", unrelated, "nationalTargetId", ofB,
                "decision", "CONFIRMED")).status()).isEqualTo(400);
        assertThat(http.call(f.steeringA, "POST", path, Map.of()).status()).isEqualTo(400);
    }

    @Test
    void theNationalViewListsConfirmedTargetsOfPublishedPlansWithTheirStatus() {
        long[] a = suggestion(planA, "kinh te so");
        long[] b = suggestion(planB, "kinh te so");
        assertThat(a[1]).isEqualTo(b[1]);
        decide(f.steeringA, planA, a, "CONFIRMED");
        decide(f.steeringB, planB, b, "CONFIRMED");
        // a suggestion nobody confirmed is not in the view
        long[] unconfirmed = suggestion(planA, "tai khoan");
        String view = "/api/v1/targets/" + a[1] + "/implementing-targets";

        assertThat(http.get(f.nationalLeader, view).body()).as("both plans are drafts").isEmpty();
        assertThat(http.call(f.steeringA, "POST", "/api/v1/plans/" + planA + "/publish", null).status()).isEqualTo(200);
        JsonNode rows = http.get(f.nationalLeader, view).body();
        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.get("targetId").asLong()).isEqualTo(a[0]);
        assertThat(row.get("provinceCode").asText()).isEqualTo("38");
        assertThat(row.get("planId").asLong()).isEqualTo(planA);
        assertThat(row.get("value").decimalValue()).isEqualByComparingTo("25");
        assertThat(row.get("deadlineYear").asInt()).isEqualTo(2030);
        assertThat(row.get("status").asText()).isEqualTo("NO_DATA"); // no figures reported yet
        assertThat(http.get(f.nationalLeader, "/api/v1/targets/" + unconfirmed[1] + "/implementing-targets").body()).isEmpty();

        assertThat(http.call(f.steeringB, "POST", "/api/v1/plans/" + planB + "/publish", null).status()).isEqualTo(200);
        assertThat(provinces(http.get(f.nationalLeader, view).body())).containsExactlyInAnyOrder("38", "19");
        // a province reads its own lines only
        assertThat(provinces(http.get(f.viewerA, view).body())).containsExactly("38");
        assertThat(provinces(http.get(f.steeringB, view).body())).containsExactly("19");
        // a province target's own view answers for whoever sees it; another province's target does not exist
        assertThat(http.get(f.steeringB, "/api/v1/targets/" + a[0] + "/implementing-targets").status()).isEqualTo(404);
    }

    @Test
    void aPlanImportedBeforeTheNationalPlanItCitesIsLinkedWhenThatArrives() {
        String cites57 = "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị";
        PlanImportService.Outcome early = f.importAs(f.steeringA, "kh-57.txt", CascadeFixture.local("TỈNH THANH HÓA",
                "Thanh Hóa", "30/KH-UBND", "10/02/2025", cites57, List.of("Kinh tế số chiếm 25% trở lên trong GRDP của tỉnh")));
        assertThat(plans.find(early.planId()).orElseThrow().parentId()).isNull();
        assertThat(early.report().notes()).extracting(ImportReport.Note::code).contains("parent.missing");

        PlanImportService.Outcome arrives = f.importNational(f.nationalSteering, "57-NQ-TW.txt", CascadeFixture.national(
                "BAN CHẤP HÀNH TRUNG ƯƠNG", "57-NQ/TW", "22/12/2024", "Về đột phá phát triển khoa học, công nghệ, đổi mới "
                        + "sáng tạo và chuyển đổi số quốc gia", List.of("Quy mô kinh tế số đạt tối thiểu 30% GDP")));
        assertThat(arrives.report().notes()).extracting(ImportReport.Note::code).contains("child.linked", "targetLinks.suggested");
        assertThat(plans.find(early.planId()).orElseThrow().parentId()).isEqualTo(arrives.planId());
        // imported by a national user: a draft that national users review, not a reference
        assertThat(plans.find(arrives.planId()).orElseThrow().status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(count("select count(*) from target_link where plan_id = " + early.planId())).isEqualTo(1);
    }

    @Test
    void aCommunePlanLinksToItsProvincePlanAndByHandToTheNationalTargetsAbove() {
        PlanImportService.Outcome commune = f.importAs(f.steeringA, "xa.txt", CascadeFixture.local("XÃ HOẰNG HÓA",
                "Hoằng Hóa", "12/KH-UBND", "01/08/2025", "Kế hoạch số 95/KH-UBND ngày 15/5/2025 của UBND tỉnh Thanh Hóa",
                List.of("Tỷ lệ dân số có tài khoản thanh toán điện tử từ 85% trở lên")));
        Plan c = plans.find(commune.planId()).orElseThrow();
        assertThat(c.parentId()).isEqualTo(planA);
        assertThat(c.provinceCode()).isEqualTo("38");
        // suggestions reach the national plan above the province plan
        long[] pair = suggestion(c.id(), "tai khoan");
        assertThat(pair[1]).isEqualTo(nationalTarget("tai khoan"));
        // by hand, to a target of the province plan in between
        long provinceTarget = target(planA, "tai khoan");
        assertThat(http.call(f.steeringA, "POST", "/api/v1/plans/" + c.id() + "/target-links", Map.of("targetId",
                pair[0], "nationalTargetId", provinceTarget, "decision", "CONFIRMED")).status()).isEqualTo(200);
    }

    // ---- helpers

    /** The subject of a target of these documents, or null for one the national resolution does not have. */
    static String topic(String text) {
        String t = VietText.fold(text);
        for (String topic : List.of("kinh te so", "tai khoan thanh toan", "tri tue nhan tao")) {
            if (t.contains(topic)) {
                return topic;
            }
        }
        return null;
    }

    private String steeringOf(long plan) {
        return plan == planB ? f.steeringB : f.steeringA;
    }

    /** (target, national target) of the suggestion for the plan's target whose text contains the words. */
    private long[] suggestion(long plan, String words) {
        long own = target(plan, words);
        Long nat = jdbc.sql("select national_target_id from target_link where target_id = ? order by score desc limit 1")
                .param(own).query(Long.class).optional().orElseThrow(() -> new AssertionError("no suggestion for " + words));
        return new long[] {own, nat};
    }

    private long target(long plan, String words) {
        return jdbc.sql("select id from target where plan_id = ? and text_folded like ?").params(plan, "%" + words + "%")
                .query(Long.class).single();
    }

    private long nationalTarget(String words) {
        return target(national, words);
    }

    private String status(long[] pair) {
        return jdbc.sql("select status from target_link where target_id = ? and national_target_id = ?")
                .params(pair[0], pair[1]).query(String.class).single();
    }

    private void decide(String user, long plan, long[] pair, String decision) {
        Http.Answer a = http.call(user, "POST", "/api/v1/plans/" + plan + "/target-links",
                Map.of("targetId", pair[0], "nationalTargetId", pair[1], "decision", decision));
        assertThat(a.status()).as(a.text()).isEqualTo(200);
    }

    private static List<String> provinces(JsonNode rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.get("provinceCode").asText()));
        return out;
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
