package vn.dxgov.assignments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.dxgov.analytics.StatusAssessment;
import vn.dxgov.assessment.RoundPublished;
import vn.dxgov.analytics.TargetStatuses;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.support.Http;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.TestClock;
import vn.dxgov.support.TestData;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;

/**
 * Target assignment end to end on the real units and seed 000 (Nghị quyết 06-NQ/TU of Thanh Hóa): QĐ 969/QĐ-UBND
 * loaded through the CSV import (12 named districts, four commune tranches), import errors by row with nothing saved,
 * assigning communes to a year, statuses (done, pending, overdue), the roll-up, successors of merged communes, the
 * published round → target value path (a district round feeds "06 huyện ... hoàn thành chuyển đổi số" through the
 * RoundPublished event, with no poll; a failed delivery kept by the event publication registry and completed when
 * resubmitted; the catch-up at start), authorisation and the audit trail. Today is 20/11/2024 (the test clock).
 *
 * <p>This context alone turns the feed on publication on ({@code dxgov.assignments.feed.on-publish}): elsewhere a round
 * published by another test class would write into this class's targets. {@link Completions} is a spy so that one test
 * can make the feed fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dxgov.assignments.feed.on-publish=true")
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssignmentsIT {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicators;
    @Autowired
    AssignmentSeeder seeder;
    @Autowired
    RoundFeed feed;
    @MockitoSpyBean
    Completions completions;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    TargetCatalog targets;
    @Autowired
    TargetStatuses statuses;
    @Autowired
    DataValueStore values;
    @Autowired
    AdminUnits units;
    @Autowired
    org.springframework.web.context.WebApplicationContext context;
    @Autowired
    vn.dxgov.security.UserDirectory users;

    Http http;
    final String run = Long.toString(System.nanoTime() % 1000000, 36).toUpperCase();
    long planId;
    String leader;
    long target06;
    long decision;
    AdminUnit thanhHoa2024;
    List<AdminUnit> communes = new ArrayList<>();   // A, B, C assigned to 2023; D not assigned

    @BeforeAll
    void setUp() throws Exception {
        TestClock.CLOCK.set(LocalDate.of(2024, 11, 20), 9);
        http = new Http(port, json);
        leader = "ld-giao-" + run.toLowerCase();
        users.ensure(leader, Http.PASSWORD, "Lãnh đạo (thử)", vn.dxgov.security.Role.LEADER, null, null);
        data.resetPlans();
        indicators.reset();
        data.ensureUnits();
        // counts of completed units are exact only without other test classes' published rounds (RankingsIT, ...)
        jdbc.sql("truncate assignment_decision, assignment_round_feed, assessment_round restart identity cascade").update();
        byte[] seed = new ClassPathResource("seed/plans/000_f654baa895e59210.txt").getContentAsByteArray();
        Http.Answer imported = http.upload("steering", "/api/v1/imports", "000.txt", seed);
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        planId = imported.body().get("planId").asLong();
        assertThat(http.call("steering", "POST", "/api/v1/plans/" + planId + "/publish", null).status()).isEqualTo(200);
        Target t = targets.forPlan(planId, vn.dxgov.targets.TargetFilter.ALL).stream()
                .filter(x -> x.text().startsWith("Có 06 huyện")).findFirst().orElseThrow();
        target06 = t.id();
        assertThat(t.indicatorId()).isNotNull();
        // a compound count target: the commune split has an indicator of its own
        assertThat(t.compoundCount()).isTrue();
        assertThat(t.splits().get(1).level()).isEqualTo(vn.dxgov.targets.SplitLevel.COMMUNE);
        assertThat(t.splits().get(1).indicatorId()).isNotNull().isNotEqualTo(t.indicatorId());
        thanhHoa2024 = units.find("38", LocalDate.of(2024, 12, 31)).orElseThrow();
    }

    int audits(String action) {
        return jdbc.sql("select count(*) from audit_event where action = ?").param(action).query(Integer.class).single();
    }

    int decisions() {
        return jdbc.sql("select count(*) from assignment_decision").query(Integer.class).single();
    }

    Http.Answer upload(String user, String csv, String number, boolean replace) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "giao.csv";
            }
        });
        form.add("provinceCode", "Thanh Hoá");
        form.add("number", number);
        form.add("title", "Giao chỉ tiêu thử " + number);
        form.add("issuedOn", "2022-03-18");
        form.add("replace", Boolean.toString(replace));
        return http.call(user, "POST", "/api/v1/assignments/import", form);
    }

    JsonNode rollup(String user) {
        Http.Answer a = http.get(user, "/api/v1/assignments/" + decision);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        return a.body();
    }

    static JsonNode figure(JsonNode rollup, String level, int year) {
        for (JsonNode f : rollup.get("figures")) {
            if (f.get("level").asString().equals(level) && f.get("year").asInt() == year) {
                return f;
            }
        }
        throw new AssertionError("no figure " + level + " " + year);
    }

    static JsonNode assignment(JsonNode list, long unitId) {
        for (JsonNode a : list) {
            if (a.get("unitId").asLong() == unitId) {
                return a;
            }
        }
        throw new AssertionError("unit " + unitId + " not assigned");
    }

    @Test
    @Order(1)
    void qd969IsLoadedAtStartThroughTheImportOnceOnly() {
        int imports = audits("assignment.import");
        assertThat(seeder.load()).isTrue();
        assertThat(seeder.load()).isTrue();
        assertThat(decisions()).isEqualTo(1);
        assertThat(audits("assignment.import")).isEqualTo(imports + 1);
        JsonNode list = http.get("viewer", "/api/v1/assignments").body();
        assertThat(list.size()).isEqualTo(1);
        JsonNode d = list.get(0);
        decision = d.get("id").asLong();
        assertThat(d.get("number").asString()).isEqualTo("969/QĐ-UBND");
        assertThat(d.get("provinceCode").asString()).isEqualTo("38");
        assertThat(d.get("issuedOn").asString()).isEqualTo("2022-03-18");
        assertThat(d.get("targetId").asLong()).isEqualTo(target06);
        List<String> tranches = new ArrayList<>();
        for (JsonNode t : d.get("tranches")) {
            tranches.add(t.get("level").asString() + " " + t.get("year").asInt() + " " + t.get("required").asInt());
        }
        // the derived total row (477) is checked, not stored
        assertThat(tranches).containsExactly("DISTRICT 2025 12", "COMMUNE 2022 94", "COMMUNE 2023 132",
                "COMMUNE 2024 133", "COMMUNE 2025 118");

        JsonNode all = http.get("steering", "/api/v1/assignments/" + decision + "/units").body();
        assertThat(all.size()).isEqualTo(12);
        List<String> names = new ArrayList<>();
        all.forEach(a -> names.add(a.get("unitName").asString()));
        assertThat(names).contains("Thành phố Thanh Hóa", "Thành phố Sầm Sơn", "Thị xã Bỉm Sơn", "Thị xã Nghi Sơn",
                "Huyện Hoằng Hóa", "Huyện Quảng Xương", "Huyện Vĩnh Lộc", "Huyện Ngọc Lặc", "Huyện Quan Hóa",
                "Huyện Cẩm Thủy", "Huyện Yên Định", "Huyện Thường Xuân");
        JsonNode tp = all.get(names.indexOf("Thành phố Thanh Hóa"));
        assertThat(tp.get("namedAs").asString()).isEqualTo("TP Thanh Hóa");
        assertThat(tp.get("status").asString()).isEqualTo("PENDING");
        assertThat(tp.get("unitValidTo").asString()).isEqualTo("2025-06-30");
    }

    @Test
    @Order(2)
    void importErrorsAreNamedByRowAndNothingIsSaved() {
        int before = decisions();
        String bad = """
                level,year,units_to_complete_dx,unit_names,source
                tỉnh,2023,5,,x
                xã,năm sau,5,,x
                xã,2024,nhiều,,x
                huyện,by 2025,2,TP Thanh Hóa; Huyện Không Có,x
                xã,2022,3,,x
                xã,2022,4,,x
                xã,2022-2025 total,99,,derived
                """;
        assertThat(upload("viewer", bad, "1/QĐ-TEST-" + run, false).status()).isEqualTo(403);
        assertThat(upload(leader, bad, "1/QĐ-TEST-" + run, false).status()).isEqualTo(403);
        Http.Answer a = upload("steering", bad, "1/QĐ-TEST-" + run, false);
        assertThat(a.status()).as(a.text()).isEqualTo(400);
        String text = a.text();
        assertThat(text).contains("dòng 2, cột level").contains("dòng 3, cột year").contains("dòng 4, cột units_to_complete_dx")
                .contains("dòng 5, cột unit_names: không tìm thấy huyện \\\"Huyện Không Có\\\"")
                .contains("dòng 7: trùng cấp và năm với dòng 6").contains("dòng 8: tổng 2022-2025 là 99");
        assertThat(decisions()).isEqualTo(before);

        Http.Answer header = upload("steering", "cap,nam\nxã,2023\n", "2/QĐ-TEST-" + run, false);
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.text()).contains("dòng 1: thiếu cột level, year, units_to_complete_dx");
        Http.Answer tooMany = upload("steering", "level,year,units_to_complete_dx,unit_names,source\nhuyện,2024,1,Hoằng Hoá; Quảng Xương,x\n",
                "3/QĐ-TEST-" + run, false);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.text()).contains("dòng 2: nêu 2 đơn vị nhưng chỉ tiêu là 1");
        assertThat(decisions()).isEqualTo(before);

        // the existing decision is not imported twice unless replaced
        Http.Answer again = upload("steering", "level,year,units_to_complete_dx,unit_names,source\nxã,2023,1,,x\n", "969/QĐ-UBND", false);
        assertThat(again.status()).isEqualTo(409);
        assertThat(decisions()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void theSteeringDepartmentAssignsCommunesToAYear() {
        Http.Answer found = http.get("steering", "/api/v1/assignments/" + decision + "/candidates?level=COMMUNE&year=2023&q=dinh");
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        assertThat(found.body().size()).isGreaterThan(4);
        for (int i = 0; i < 4; i++) {
            communes.add(units.find(found.body().get(i).get("id").asLong()).orElseThrow());
        }
        assertThat(communes).allSatisfy(c -> {
            assertThat(c.level()).isEqualTo(UnitLevel.COMMUNE);
            assertThat(VietText(c.name())).contains("dinh");
        });
        assertThat(http.get("viewer", "/api/v1/assignments/" + decision + "/candidates?level=COMMUNE&year=2023").status()).isEqualTo(403);

        Map<String, Object> body = Map.of("level", "COMMUNE", "year", 2023,
                "unitIds", List.of(communes.get(0).id(), communes.get(1).id(), communes.get(2).id()));
        assertThat(http.call("viewer", "POST", "/api/v1/assignments/" + decision + "/units", body).status()).isEqualTo(403);
        assertThat(http.call(leader, "POST", "/api/v1/assignments/" + decision + "/units", body).status()).isEqualTo(403);
        int assigns = audits("assignment.assign");
        Http.Answer a = http.call("steering", "POST", "/api/v1/assignments/" + decision + "/units", body);
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        assertThat(a.body().size()).isEqualTo(3);
        assertThat(audits("assignment.assign")).isEqualTo(assigns + 1);
        // an old commune merged on 1/7/2025 stays on the old unit and shows its successor
        JsonNode first = assignment(a.body(), communes.get(0).id());
        assertThat(first.get("year").asInt()).isEqualTo(2023);
        assertThat(first.get("unitValidTo").asString()).isEqualTo("2025-06-30");
        assertThat(first.get("successors").size()).isGreaterThanOrEqualTo(1);
        long successor = first.get("successors").get(0).get("unitId").asLong();
        assertThat(units.find(successor).orElseThrow().validFrom()).isEqualTo(LocalDate.of(2025, 7, 1));

        // a unit is assigned once per decision
        Http.Answer twice = http.call("steering", "POST", "/api/v1/assignments/" + decision + "/units",
                Map.of("level", "COMMUNE", "year", 2024, "unitIds", List.of(communes.get(0).id())));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text()).contains("đã được giao năm 2023");
        // a district is not a commune; a commune of another province is not Thanh Hóa's
        long district = units.find("380", LocalDate.of(2024, 1, 1)).orElseThrow().id();
        AdminUnit hanoiCommune = units.search("Trúc Bạch", UnitLevel.COMMUNE, LocalDate.of(2024, 1, 1), 1).get(0);
        Http.Answer wrong = http.call("steering", "POST", "/api/v1/assignments/" + decision + "/units",
                Map.of("level", "COMMUNE", "year", 2024, "unitIds", List.of(district, hanoiCommune.id())));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text()).contains("không phải đơn vị cấp xã").contains("không thuộc tỉnh");
        // no tranche for that year
        assertThat(http.call("steering", "POST", "/api/v1/assignments/" + decision + "/units",
                Map.of("level", "COMMUNE", "year", 2030, "unitIds", List.of(communes.get(3).id()))).status()).isEqualTo(404);
        // taking off and putting back, audited
        int unassigns = audits("assignment.unassign");
        assertThat(http.call("steering", "DELETE", "/api/v1/assignments/" + decision + "/units/" + communes.get(2).id(), null).status()).isEqualTo(204);
        assertThat(audits("assignment.unassign")).isEqualTo(unassigns + 1);
        assertThat(http.call("steering", "POST", "/api/v1/assignments/" + decision + "/units",
                Map.of("level", "COMMUNE", "year", 2023, "unitIds", List.of(communes.get(2).id()))).status()).isEqualTo(201);
    }

    static String VietText(String s) {
        return vn.dxgov.shared.VietText.fold(s);
    }

    @Test
    @Order(4)
    void aTrancheCannotTakeMoreUnitsThanItsCount() {
        Http.Answer small = upload("steering", "level,year,units_to_complete_dx,unit_names,source\nxã,2024,1,,thử\n",
                "4/QĐ-TEST-" + run, false);
        assertThat(small.status()).as(small.text()).isEqualTo(201);
        long id = small.body().get("decision").get("id").asLong();
        Http.Answer over = http.call("steering", "POST", "/api/v1/assignments/" + id + "/units",
                Map.of("level", "COMMUNE", "year", 2024, "unitIds", List.of(communes.get(0).id(), communes.get(1).id())));
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.text()).contains("chỉ tiêu xã năm 2024 là 1 đơn vị");
        assertThat(http.call("steering", "POST", "/api/v1/assignments/" + id + "/units",
                Map.of("level", "COMMUNE", "year", 2024, "unitIds", List.of(communes.get(0).id()))).status()).isEqualTo(201);
        // replacing the file keeps the assignment; a file without its tranche is refused
        assertThat(upload("steering", "level,year,units_to_complete_dx,unit_names,source\nxã,2024,2,,thử\n",
                "4/QĐ-TEST-" + run, true).status()).isEqualTo(201);
        Http.Answer dropped = upload("steering", "level,year,units_to_complete_dx,unit_names,source\nxã,2025,2,,thử\n",
                "4/QĐ-TEST-" + run, true);
        assertThat(dropped.status()).isEqualTo(409);
        assertThat(http.get("steering", "/api/v1/assignments/" + id + "/units").body().size()).isEqualTo(1);
        jdbc.sql("delete from assignment_decision where id = ?").param(id).update();
    }

    // ------------------------------------------------------------------ rounds

    /** A copy of the example commune criteria set with its own code, for a level. */
    long criteriaSet(UnitLevel level, int year) {
        long example = 0;
        for (JsonNode s : http.get("viewer", "/api/v1/criteria-sets").body()) {
            if (s.get("code").asString().equals("XA-CDS-MAU")) {
                example = s.get("id").asLong();
            }
        }
        assertThat(example).isPositive();
        ObjectNode doc = (ObjectNode) http.get("viewer", "/api/v1/criteria-sets/" + example).body().get("document");
        doc.put("code", "GIAO-" + level + "-" + run);
        doc.put("year", year);
        doc.put("level", level.name());
        doc.put("example", true);
        Http.Answer created = http.call("steering", "POST", "/api/v1/criteria-sets", doc);
        assertThat(created.status()).as(created.text()).isIn(200, 201);
        return created.body().get("id").asLong();
    }

    /** Opens, closes, reviews (every criterion at its maximum for the units that complete, 0 for the others) and publishes. */
    long publishedRound(UnitLevel level, int year, List<Long> complete, List<Long> others) {
        long set = criteriaSet(level, year);
        List<Long> all = new ArrayList<>(complete);
        all.addAll(others);
        Map<String, Object> d = new HashMap<>();
        d.put("name", "Đánh giá thử " + level + " " + year + " " + run);
        d.put("criteriaSetId", set);
        d.put("year", year);
        d.put("level", level.name());
        d.put("referenceDate", LocalDate.of(year, 12, 31).toString());
        d.put("deadline", "2024-12-15");
        d.put("unitIds", all);
        Http.Answer opened = http.call("steering", "POST", "/api/v1/assessment-rounds", d);
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        long round = opened.body().get("id").asLong();
        assertThat(http.call("steering", "POST", "/api/v1/assessment-rounds/" + round + "/close", null).status()).isEqualTo(200);
        JsonNode doc = http.get("viewer", "/api/v1/criteria-sets/" + set).body().get("document");
        List<JsonNode> criteria = new ArrayList<>();
        collect(doc.get("nodes"), criteria);
        for (long unit : all) {
            boolean full = complete.contains(unit);
            for (JsonNode c : criteria) {
                Http.Answer r = http.call("steering", "PUT", "/api/v1/assessment-rounds/" + round + "/units/" + unit
                                + "/reviews/" + c.get("code").asString(),
                        Map.of("decision", "ADJUST", "points", full ? c.get("maxPoints").decimalValue() : BigDecimal.ZERO,
                                "reason", "Thẩm định thử"));
                assertThat(r.status()).as(r.text()).isEqualTo(200);
            }
        }
        Http.Answer published = http.call("steering", "POST", "/api/v1/assessment-rounds/" + round + "/publish", null);
        assertThat(published.status()).as(published.text()).isEqualTo(200);
        return round;
    }

    static void collect(JsonNode nodes, List<JsonNode> out) {
        for (JsonNode n : nodes) {
            JsonNode kids = n.get("children");
            if (kids != null && !kids.isNull() && !kids.isEmpty()) {
                collect(kids, out);
            } else {
                out.add(n);
            }
        }
    }

    int completions(String level, int year) {
        JsonNode map = http.get("viewer", "/api/v1/assignments/completions?province=38&level=" + level).body();
        int best = 0;
        for (var e : map.properties()) {
            if (Integer.parseInt(e.getKey()) <= year) {
                best = e.getValue().asInt();
            }
        }
        return best;
    }

    @Test
    @Order(5)
    void aPublishedRoundMakesAssignmentsDoneAndRollsUp() {
        int before2023 = completions("COMMUNE", 2023);
        JsonNode start = figure(rollup("steering"), "COMMUNE", 2023);
        assertThat(start.get("required").asInt()).isEqualTo(132);
        assertThat(start.get("assigned").asInt()).isEqualTo(3);
        // today is 20/11/2024: the 2023 tranche is over, nothing done yet
        assertThat(start.get("overdue").asInt()).isEqualTo(3);

        // A completes CĐS, B does not, C is not assessed, D (not assigned) completes too
        publishedRound(UnitLevel.COMMUNE, 2023, List.of(communes.get(0).id(), communes.get(3).id()), List.of(communes.get(1).id()));

        assertThat(completions("COMMUNE", 2023)).isEqualTo(before2023 + 2);
        JsonNode r = rollup("steering");
        JsonNode f = figure(r, "COMMUNE", 2023);
        assertThat(f.get("assigned").asInt()).isEqualTo(3);
        assertThat(f.get("done").asInt()).isEqualTo(1);
        assertThat(f.get("overdue").asInt()).isEqualTo(2);
        assertThat(f.get("pending").asInt()).isEqualTo(0);
        assertThat(f.get("cumulativeRequired").asInt()).isEqualTo(94 + 132);
        assertThat(f.get("cumulativeDone").asInt()).isEqualTo(1);
        assertThat(f.get("completedInRounds").asInt()).isEqualTo(before2023 + 2);
        assertThat(figure(r, "COMMUNE", 2024).get("cumulativeRequired").asInt()).isEqualTo(94 + 132 + 133);
        JsonNode list = r.get("assignments");
        JsonNode a = assignment(list, communes.get(0).id());
        assertThat(a.get("status").asString()).isEqualTo("DONE");
        assertThat(a.get("completedYear").asInt()).isEqualTo(2023);
        assertThat(a.get("viaSuccessor").asBoolean()).isFalse();
        assertThat(assignment(list, communes.get(1).id()).get("status").asString()).isEqualTo("OVERDUE");
        assertThat(assignment(list, communes.get(2).id()).get("status").asString()).isEqualTo("OVERDUE");
        // the 2022 tranche has nothing assigned and nothing done
        JsonNode f2022 = figure(r, "COMMUNE", 2022);
        assertThat(f2022.get("assigned").asInt()).isZero();
        assertThat(f2022.get("done").asInt()).isZero();

        // CSV of the units, by row
        Http.Answer csv = http.get(leader, "/api/v1/assignments/" + decision + "/units.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("level,year,unit_code,unit_name,named_as,status,completed_year")
                .contains("COMMUNE,2023," + communes.get(0).code() + "," + communes.get(0).name() + ",,DONE,2023");
    }

    @Test
    @Order(6)
    void aPublishedDistrictRoundFeedsTheCountTargetOfSeed000() {
        long tp = units.find("380", LocalDate.of(2024, 1, 1)).orElseThrow().id();          // Thành phố Thanh Hóa
        long hoangHoa = units.search("Hoằng Hóa", UnitLevel.DISTRICT, LocalDate.of(2024, 1, 1), 1).get(0).id();
        long muongLat = units.search("Mường Lát", UnitLevel.DISTRICT, LocalDate.of(2024, 1, 1), 1).get(0).id();
        int before = completions("DISTRICT", 2024);
        long round = publishedRound(UnitLevel.DISTRICT, 2024, List.of(tp, hoangHoa), List.of(muongLat));

        // RoundPublished reaches the feed after the commit, on another thread: nobody polls, nobody asks
        awaitFed(round);
        assertThat(fed(round)).isOne();
        long indicator = targets.find(target06).orElseThrow().indicatorId();
        List<DataValue> stored = values.find(List.of(indicator), List.of(thanhHoa2024.id()), List.of("2024"));
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).value()).isEqualByComparingTo(BigDecimal.valueOf(before + 2));
        assertThat(stored.get(0).source()).isEqualTo(ValueSource.API);
        assertThat(stored.get(0).demo()).isFalse();

        // the commune count (the 2023 commune round of the test before) goes into the commune split's indicator
        long communeIndicator = targets.find(target06).orElseThrow().splits().get(1).indicatorId();
        int communes2023 = completions("COMMUNE", 2023);
        List<DataValue> communeValues = values.find(List.of(communeIndicator), List.of(thanhHoa2024.id()), List.of("2023"));
        assertThat(communeValues).hasSize(1);
        assertThat(communeValues.get(0).value()).isEqualByComparingTo(BigDecimal.valueOf(communes2023));
        assertThat(communeValues.get(0).source()).isEqualTo(ValueSource.API);

        // the target's status for the province reads both: 2 districts of ≥ 6 and the communes of ≥ 300 by 2025
        StatusAssessment s = statuses.assess(target06, thanhHoa2024.id(), LocalDate.of(2024, 11, 20));
        assertThat(s.latest()).isEqualByComparingTo(BigDecimal.valueOf(before + 2));
        assertThat(s.latestYear()).isEqualTo(2024);
        assertThat(s.splits()).hasSize(2);
        assertThat(s.splits().get(0).latest()).isEqualByComparingTo(BigDecimal.valueOf(before + 2));
        assertThat(s.splits().get(0).target()).isEqualByComparingTo("6");
        assertThat(s.splits().get(1).indicatorId()).isEqualTo(communeIndicator);
        assertThat(s.splits().get(1).latest()).isEqualByComparingTo(BigDecimal.valueOf(communes2023));
        assertThat(s.splits().get(1).latestYear()).isEqualTo(2023);
        assertThat(s.splits().get(1).target()).isEqualByComparingTo("300");
        assertThat(s.status()).isNotEqualTo(vn.dxgov.analytics.TargetStatus.ACHIEVED);
        assertThat(s.explanation()).startsWith("6 huyện: ").contains("; 300 xã: ")
                .contains(communes2023 + " xã");
        Http.Answer api = http.get("viewer", "/api/v1/targets/" + target06 + "/status?unit=" + thanhHoa2024.id() + "&asOf=2024-11-20");
        assertThat(api.status()).as(api.text()).isEqualTo(200);
        assertThat(api.body().toString()).contains("\"latest\":" + (before + 2));
        JsonNode splits = api.body().get("splits");
        assertThat(splits.size()).isEqualTo(2);
        assertThat(splits.get(0).get("level").asString()).isEqualTo("DISTRICT");
        assertThat(splits.get(0).get("latest").asInt()).isEqualTo(before + 2);
        assertThat(splits.get(1).get("level").asString()).isEqualTo("COMMUNE");
        assertThat(splits.get(1).get("latest").asInt()).isEqualTo(communes2023);

        // QĐ 969: TP Thanh Hóa done (2024, before its year 2025), the others still pending
        JsonNode r = rollup(leader);
        JsonNode districts = figure(r, "DISTRICT", 2025);
        assertThat(districts.get("done").asInt()).isEqualTo(2);
        assertThat(districts.get("pending").asInt()).isEqualTo(10);
        assertThat(districts.get("completedInRounds").asInt()).isEqualTo(before + 2);
        assertThat(assignment(r.get("assignments"), tp).get("status").asString()).isEqualTo("DONE");

        // on demand, by the steering department only; idempotent
        assertThat(http.call(leader, "POST", "/api/v1/assignments/feed", null).status()).isEqualTo(403);
        Http.Answer again = http.call("steering", "POST", "/api/v1/assignments/feed", null);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.text()).contains("\"targetId\":" + target06).contains("\"period\":\"2024\"").contains("written")
                .contains("\"indicatorId\":" + communeIndicator);
        assertThat(values.find(List.of(indicator), List.of(thanhHoa2024.id()), List.of("2024"))).hasSize(1);
        assertThat(audits("assignment.feed")).isGreaterThanOrEqualTo(2);

        // at start the feed catches up with a published round it never fed (published while no listener ran), only then
        assertThat(feed.catchUp()).isFalse();
        jdbc.sql("delete from assignment_round_feed where round_id = ?").param(round).update();
        assertThat(feed.catchUp()).isTrue();
        assertThat(fed(round)).isOne();
        assertThat(feed.catchUp()).isFalse();
    }

    /** Rows of assignment_round_feed for the round (1 once it was fed). */
    int fed(long round) {
        return jdbc.sql("select count(*) from assignment_round_feed where round_id = ?").param(round).query(Integer.class).single();
    }

    /** Deliveries of the round's RoundPublished still in the event publication registry (deleted once complete). */
    List<Map<String, Object>> publications(long round) {
        return jdbc.sql("""
                        select status, completion_date from event_publication
                        where event_type = ? and (serialized_event::jsonb ->> 'roundId')::bigint = ?""")
                .params(RoundPublished.class.getName(), round).query().listOfRows();
    }

    /** Until the feed has recorded the round and its delivery is complete (deleted from the registry). */
    void awaitFed(long round) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> fed(round) == 1 && publications(round).isEmpty());
    }

    @Test
    @Order(7)
    void viewersReadTheFiguresNotTheUnitLists() {
        JsonNode r = rollup("viewer");
        assertThat(r.get("unitsVisible").asBoolean()).isFalse();
        assertThat(r.get("assignments").size()).isZero();
        assertThat(figure(r, "COMMUNE", 2023).get("done").asInt()).isEqualTo(1);
        assertThat(http.get("viewer", "/api/v1/assignments/" + decision + "/units").status()).isEqualTo(403);
        assertThat(http.get("viewer", "/api/v1/assignments/" + decision + "/units.csv").status()).isEqualTo(403);
        Http.Answer figures = http.get("viewer", "/api/v1/assignments/" + decision + "/figures.csv");
        assertThat(figures.status()).isEqualTo(200);
        assertThat(new String(figures.bytes(), StandardCharsets.UTF_8)).contains("COMMUNE,2023,132,3,1,0,2");
        assertThat(http.get(leader, "/api/v1/assignments/" + decision + "/units").status()).isEqualTo(200);
        assertThat(http.call("viewer", "PUT", "/api/v1/assignments/" + decision + "/target", Map.of("targetId", target06)).status()).isEqualTo(403);
        assertThat(http.call("viewer", "DELETE", "/api/v1/assignments/" + decision + "/units/" + communes.get(0).id(), null).status()).isEqualTo(403);
        assertThat(http.get(null, "/api/v1/assignments").status()).isEqualTo(401);
    }

    @Test
    @Order(8)
    void pagesInVietnameseReachedFromTheTarget() {
        Http.Answer target = http.get("viewer", "/targets/" + target06);
        assertThat(target.status()).isEqualTo(200);
        assertThat(target.text()).contains("/assignments?targetId=" + target06);
        Http.Answer list = http.get("viewer", "/assignments?targetId=" + target06);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("Giao chỉ tiêu hoàn thành chuyển đổi số").contains("969/QĐ-UBND")
                .doesNotContain("Nhập tệp giao chỉ tiêu");
        Http.Answer page = http.get("viewer", "/assignments/" + decision);
        assertThat(page.text()).contains("units-hidden").contains("name=\"viewport\"");
        Http.Answer steering = http.get("steering", "/assignments/" + decision + "?year=2024&q=dinh");
        assertThat(steering.status()).isEqualTo(200);
        assertThat(steering.text()).contains(communes.get(0).name()).contains("Quá hạn").contains("Hoàn thành")
                .contains("name=\"unitIds\"");
        assertThat(http.get("steering", "/assignments").text()).contains("Nhập tệp giao chỉ tiêu (CSV)");
    }

    @Test
    @Order(9)
    void aCommuneMergedIn2025StaysAssignedAndIsDoneThroughItsSuccessor() {
        JsonNode found = http.get("steering", "/api/v1/assignments/" + decision + "/candidates?level=COMMUNE&year=2025&q=son").body();
        AdminUnit old = units.find(found.get(0).get("id").asLong()).orElseThrow();
        assertThat(old.validTo()).isEqualTo(LocalDate.of(2025, 6, 30));
        Http.Answer a = http.call("steering", "POST", "/api/v1/assignments/" + decision + "/units",
                Map.of("level", "COMMUNE", "year", 2025, "unitIds", List.of(old.id())));
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        JsonNode before = a.body().get(0);
        assertThat(before.get("status").asString()).isEqualTo("PENDING");
        assertThat(before.get("unitId").asLong()).isEqualTo(old.id());
        long successor = before.get("successors").get(0).get("unitId").asLong();
        AdminUnit next = units.find(successor).orElseThrow();
        assertThat(next.validFrom()).isEqualTo(LocalDate.of(2025, 7, 1));

        // the 2025 round assesses the new commune; the assignment stays on the old one and is done through it
        publishedRound(UnitLevel.COMMUNE, 2025, List.of(successor), List.of());
        JsonNode after = assignment(http.get(leader, "/api/v1/assignments/" + decision + "/units").body(), old.id());
        assertThat(after.get("unitName").asString()).isEqualTo(old.name());
        assertThat(after.get("status").asString()).isEqualTo("DONE");
        assertThat(after.get("viaSuccessor").asBoolean()).isTrue();
        assertThat(after.get("completedYear").asInt()).isEqualTo(2025);
        assertThat(figure(rollup(leader), "COMMUNE", 2025).get("done").asInt()).isEqualTo(1);
    }

    @Test
    @Order(10)
    void theSteeringDepartmentWorksOnThePages() throws Exception {
        var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        var steering = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("steering", Http.PASSWORD);
        var viewer = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("viewer", Http.PASSWORD);
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        int before = decisions();
        var file = new org.springframework.mock.web.MockMultipartFile("file", "giao.csv", "text/csv",
                "level,year,units_to_complete_dx,unit_names,source\nhuyện,2024,1,Huyện Không Có,x\n".getBytes(StandardCharsets.UTF_8));
        String errors = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/assignments/import")
                        .file(file).param("provinceCode", "38").param("number", "5/QĐ-TEST-" + run).param("title", "Thử")
                        .with(csrf).with(steering))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(errors).contains("import-errors").contains("dòng 2, cột unit_names: không tìm thấy huyện");
        assertThat(decisions()).isEqualTo(before);

        long unit = http.get("steering", "/api/v1/assignments/" + decision + "/candidates?level=COMMUNE&year=2024&q=xuan").body()
                .get(0).get("id").asLong();
        var denied = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/assignments/" + decision + "/assign")
                .param("level", "COMMUNE").param("year", "2024").param("unitIds", Long.toString(unit)).with(csrf).with(viewer)).andReturn();
        assertThat(denied.getResponse().getStatus()).isEqualTo(403);
        var done = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/assignments/" + decision + "/assign")
                .param("level", "COMMUNE").param("year", "2024").param("unitIds", Long.toString(unit)).with(csrf).with(steering)).andReturn();
        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/assignments/" + decision + "?year=2024");
        JsonNode mine = assignment(http.get("steering", "/api/v1/assignments/" + decision + "/units").body(), unit);
        assertThat(mine.get("year").asInt()).isEqualTo(2024);
        assertThat(mine.get("status").asString()).isEqualTo("PENDING");
        var off = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/assignments/" + decision + "/unassign")
                .param("unitId", Long.toString(unit)).with(csrf).with(steering)).andReturn();
        assertThat(off.getResponse().getStatus()).isEqualTo(302);
        assertThat(http.get("steering", "/api/v1/assignments/" + decision + "/units").text()).doesNotContain("\"unitId\":" + unit + ",");
    }

    @Test
    @Order(11)
    void aFeedThatFailsKeepsItsDeliveryUntilItIsResubmitted() {
        long nhuThanh = units.search("Như Thanh", UnitLevel.DISTRICT, LocalDate.of(2023, 1, 1), 1).get(0).id();
        // the rounds of the tests before are fed (their deliveries complete) before the feed starts failing
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("select count(*) from event_publication where event_type = ?")
                        .param(RoundPublished.class.getName()).query(Integer.class).single() == 0);
        AtomicBoolean databaseAway = new AtomicBoolean(true);
        Mockito.doAnswer(call -> {
            if (databaseAway.get()) {
                throw new IllegalStateException("the database is away (test)");
            }
            return call.callRealMethod();
        }).when(completions).read();

        long round = publishedRound(UnitLevel.DISTRICT, 2023, List.of(), List.of(nhuThanh));

        // the listener threw: its delivery stays in the registry, incomplete and failed, and the round is not fed
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> publications(round).stream().anyMatch(p -> "FAILED".equals(p.get("status"))));
        assertThat(publications(round)).hasSize(1).allSatisfy(p -> assertThat(p.get("completion_date")).isNull());
        assertThat(fed(round)).isZero();

        // the database is back; resubmitting the delivery (as a restart does for every incomplete one) completes it
        databaseAway.set(false);
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof RoundPublished e && e.roundId() == round);
        awaitFed(round);
        assertThat(fed(round)).isOne();
        assertThat(publications(round)).isEmpty();
    }
}
