package vn.dxgov.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.IndicatorTypes.Direction;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorDraft;
import vn.dxgov.indicators.IndicatorTypes.PeriodAggregation;
import vn.dxgov.indicators.IndicatorTypes.UnitAggregation;
import vn.dxgov.indicators.IndicatorTypes.ValueType;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.security.Role;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;

/**
 * The batch data API (issue 12, part 3b) over HTTP against the real database: JSON, CSV and ADX give the same
 * outcome; the CSV rules (byte-order mark, ';', the "1.300" ambiguity); client keys; dry runs; problems per row; jobs
 * with their progress and who may read them; an editor refused another agency's line in every format; and the
 * throughput of a 1,000-row synchronous batch and a 10,000-row job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ReportingTestConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataValueBatchIT extends ReportingSupport {

    static final String CSV = "text/csv";
    static final String JSON = "application/json";
    static final String ADX = "application/adx+xml";

    @Autowired
    IndicatorCatalog indicators;
    @Autowired
    AdminUnits units;
    @Autowired
    DataValueStore values;
    @Autowired
    TargetCatalog targets;
    @Autowired
    ReportingAgencies reporters;

    String steering;
    String leader;
    long thanhHoa;
    List<AdminUnit> communes;
    /** The seed plan's target whose figure one agency owns, and an editor of another agency. */
    Target owned;
    long ownedUnit;
    String editorLead;
    String editorOther;
    int fresh;

    @BeforeAll
    void setUp() throws IOException {
        ReportingTestConfig.CLOCK.set(LocalDate.of(2025, 11, 20), 9);
        data.resetPlans();
        data.ensureUnits();
        long plan = importSeed(SEED_001, "001.txt", true);
        steering = user("st", Role.STEERING, null);
        leader = user("ld", Role.LEADER, null);
        thanhHoa = units.find("38", LocalDate.of(2024, 1, 1)).orElseThrow().id();
        communes = units.below(thanhHoa, UnitLevel.COMMUNE);
        assertThat(communes.size()).as("communes of Thanh Hóa").isGreaterThan(100);
        ReportingPeriod p2025 = as(steering, () -> reporting.periods(plan)).stream()
                .filter(p -> p.period().equals("2025")).findFirst().orElseThrow();
        Long lead = null;
        for (Target t : targets.forPlan(plan, TargetFilter.ALL)) {
            Long o = reporters.owner(t);
            if (o != null && t.indicatorId() != null && !t.compoundCount()
                    && (t.deadlineYear() == null || t.deadlineYear() >= 2025)) {
                if (owned == null) {
                    owned = t;
                    lead = o;
                } else if (!o.equals(lead) && !owned.cooperatingAgencyIds().contains(o)
                        && !owned.leadAgencyIds().contains(o)) {
                    editorOther = user("other", Role.EDITOR, o);
                    break;
                }
            }
        }
        assertThat(editorOther).isNotNull();
        editorLead = user("lead", Role.EDITOR, lead);
        long leadAgency = lead;
        Submission report = as(editorLead, () -> reporting.open(p2025.id(), leadAgency));
        ownedUnit = report.unitId();
    }

    @BeforeEach
    void today() {
        ReportingTestConfig.CLOCK.set(LocalDate.of(2025, 11, 20), 9);
    }

    // ----- helpers

    record Sent(int status, JsonNode body, String location) {
        String text() {
            return body == null ? "" : body.toString();
        }
    }

    Sent send(String user, String path, String type, byte[] body) {
        return RestClient.create("http://localhost:" + port).method(body == null ? HttpMethod.GET : HttpMethod.POST)
                .uri(path).headers(h -> {
                    h.setBasicAuth(user, PASSWORD);
                    if (type != null) {
                        h.set("Content-Type", type);
                    }
                }).body(body == null ? new byte[0] : body)
                .exchange((req, res) -> {
                    byte[] bytes = res.getBody().readAllBytes();
                    return new Sent(res.getStatusCode().value(), bytes.length == 0 ? null : json.readTree(bytes),
                            res.getHeaders().getFirst("Location"));
                });
    }

    Sent post(String user, String path, String type, String body) {
        return send(user, path, type, body.getBytes(StandardCharsets.UTF_8));
    }

    Sent postJson(String user, String path, Object items) {
        return send(user, path, JSON, json.writeValueAsBytes(items));
    }

    /** A new NUMBER indicator no target measures: the steering department writes its lines directly. */
    Indicator indicator() {
        String code = ("BT" + run + (fresh++)).toUpperCase(java.util.Locale.ROOT);
        return indicators.create(new IndicatorDraft(code, "Chỉ số thử lô " + code, "đơn vị", ValueType.NUMBER,
                Direction.HIGHER, UnitAggregation.SUM, PeriodAggregation.SUM, null, 1, null));
    }

    Map<String, Object> item(Indicator i, long unit, String period, Object value, String key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indicatorCode", i.code());
        m.put("unitId", unit);
        m.put("period", period);
        m.put("value", value);
        if (key != null) {
            m.put("key", key);
        }
        return m;
    }

    List<DataValue> lines(Indicator i) {
        return values.lines(List.of(i.id()), List.of(), List.of());
    }

    int rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    static List<String> actions(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.get("items").forEach(n -> out.add(n.get("action").asString()));
        return out;
    }

    /** Polls a job until it ends; the rows done seen on the way. */
    JsonNode await(String user, String location, TreeSet<Integer> seen) throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            Sent s = send(user, location, null, null);
            assertThat(s.status()).as(s.text()).isEqualTo(200);
            seen.add(s.body().get("rowsDone").asInt());
            String status = s.body().get("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return s.body();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job did not end: " + location);
    }

    // ----- tests

    @Test
    void csvAndJsonGiveTheSameOutcome() {
        Indicator ind = indicator();
        long a = communes.get(0).id();
        long b = communes.get(1).id();
        List<Map<String, Object>> items = List.of(item(ind, a, "2024", 12.5, null), item(ind, b, "2024", 1300, null),
                item(ind, a, "2023", 0.25, null));
        String csv = "indicatorCode,unitId,period,value\n" + ind.code() + "," + a + ",2024,12.5\n"
                + ind.code() + "," + b + ",2024,1300\n" + ind.code() + "," + a + ",2023,0.25\n";
        Sent jsonDry = postJson(steering, "/api/v1/data-values?dryRun=true", items);
        Sent csvDry = post(steering, "/api/v1/data-values?dryRun=true", CSV, csv);
        assertThat(jsonDry.status()).as(jsonDry.text()).isEqualTo(200);
        assertThat(csvDry.status()).as(csvDry.text()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            JsonNode j = jsonDry.body().get("items").get(i);
            JsonNode c = csvDry.body().get("items").get(i);
            for (String f : List.of("action", "indicatorId", "unitId", "period", "value")) {
                assertThat(c.get(f).toString()).as(f).isEqualTo(j.get(f).toString());
            }
            assertThat(c.get("row").asInt()).as("the CSV row (header = 1)").isEqualTo(i + 2);
        }
        Sent written = postJson(steering, "/api/v1/data-values", items);
        assertThat(actions(written.body())).containsExactly("CREATED", "CREATED", "CREATED");
        Sent again = post(steering, "/api/v1/data-values", CSV, csv);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(actions(again.body())).containsExactly("UNCHANGED", "UNCHANGED", "UNCHANGED");
        assertThat(lines(ind)).hasSize(3);
    }

    @Test
    void dataValueReadsComeAPageAtATimeWithTheirTotalInAHeader() {
        Indicator ind = indicator();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(item(ind, communes.get(10 + i).id(), "2024", i + 1, null));
        }
        Sent written = postJson(steering, "/api/v1/data-values", items);
        assertThat(written.status()).as(written.text()).isEqualTo(200);
        String path = "/api/v1/data-values?view=PENDING&indicator=" + ind.id();
        String[] all = read(path, 200, "5");
        assertThat(all).hasSize(5);
        // the second and third lines, in the same order; past the end: none, the total still 5
        assertThat(read(path + "&limit=2&offset=1", 200, "5")).containsExactly(all[1], all[2]);
        assertThat(read(path + "&limit=2&offset=5", 200, "5")).isEmpty();
        read(path + "&limit=0", 400, null);
        read(path + "&limit=10001", 400, null);
        read(path + "&offset=-1", 400, null);
    }

    /** The ids of the lines a GET answers, after checking its status and X-Total-Count. */
    private String[] read(String path, int status, String total) {
        return RestClient.create("http://localhost:" + port).get().uri(path)
                .headers(h -> h.setBasicAuth(steering, PASSWORD))
                .exchange((req, res) -> {
                    assertThat(res.getStatusCode().value()).isEqualTo(status);
                    assertThat(res.getHeaders().getFirst("X-Total-Count")).isEqualTo(total);
                    JsonNode body = json.readTree(res.getBody().readAllBytes());
                    List<String> ids = new ArrayList<>();
                    if (body.isArray()) {
                        body.forEach(n -> ids.add(n.get("id").asText()));
                    }
                    return ids.toArray(String[]::new);
                });
    }

    @Test
    void aCsvWithAByteOrderMarkAndSemicolonsReadsVietnameseDecimals() {
        Indicator ind = indicator();
        long a = communes.get(2).id();
        String csv = "\uFEFFperiod;indicatorCode;unitId;value;comment\r\n"
                + "2024;" + ind.code() + ";" + a + ";12,5;\"Ghi chú; có dấu chấm phẩy\"\r\n"
                + "\r\n"
                + "2023;" + ind.code() + ";" + a + ";1.300,5;\r\n";
        Sent s = post(steering, "/api/v1/data-values", CSV + ";charset=UTF-8", csv);
        assertThat(s.status()).as(s.text()).isEqualTo(200);
        assertThat(s.body().get("created").asInt()).isEqualTo(2);
        assertThat(s.body().get("items").get(1).get("row").asInt()).as("blank line skipped, rows kept").isEqualTo(4);
        Map<String, BigDecimal> byPeriod = new HashMap<>();
        lines(ind).forEach(v -> byPeriod.put(v.period(), v.value()));
        assertThat(byPeriod.get("2024")).isEqualByComparingTo("12.5");
        assertThat(byPeriod.get("2023")).isEqualByComparingTo("1300.5");
        assertThat(lines(ind)).filteredOn(v -> v.period().equals("2024")).singleElement()
                .satisfies(v -> assertThat(v.comment()).isEqualTo("Ghi chú; có dấu chấm phẩy"));
    }

    @Test
    void anAmbiguousThousandIsRefusedUnlessTheColumnDeclaresItsForm() {
        Indicator ind = indicator();
        long a = communes.get(3).id();
        Sent ambiguous = post(steering, "/api/v1/data-values", CSV,
                "indicatorCode,unitId,period,value\n" + ind.code() + "," + a + ",2024,1300\n"
                        + ind.code() + "," + a + ",2023,\"1.300\"\n");
        assertThat(ambiguous.status()).as(ambiguous.text()).isEqualTo(400);
        JsonNode p = ambiguous.body().get("problems");
        assertThat(p).hasSize(1);
        assertThat(p.get(0).get("code").asString()).isEqualTo("AMBIGUOUS_NUMBER");
        assertThat(p.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(p.get(0).get("item").asInt()).isEqualTo(2);
        assertThat(p.get(0).get("field").asString()).isEqualTo("value");
        assertThat(p.get(0).get("message").asString()).contains("1300").contains("1.3").contains("value@vi");
        assertThat(lines(ind)).as("nothing written").isEmpty();
        // English on request
        Sent english = post(steering, "/api/v1/data-values?lang=en", CSV,
                "indicatorCode,unitId,period,value\n" + ind.code() + "," + a + ",2023,1.300\n");
        assertThat(english.body().get("problems").get(0).get("message").asString()).contains("ambiguous");

        Sent vi = post(steering, "/api/v1/data-values", CSV,
                "indicatorCode,unitId,period,value@vi\n" + ind.code() + "," + a + ",2023,1.300\n");
        assertThat(vi.status()).as(vi.text()).isEqualTo(200);
        assertThat(vi.body().get("items").get(0).get("value").decimalValue()).isEqualByComparingTo("1300");
        Sent machine = post(steering, "/api/v1/data-values", CSV,
                "indicatorCode,unitId,period,value@machine\n" + ind.code() + "," + a + ",2022,1.300\n");
        assertThat(machine.body().get("items").get(0).get("value").decimalValue()).isEqualByComparingTo("1.3");
        Sent plain = post(steering, "/api/v1/data-values", CSV,
                "indicatorCode,unitId,period,value\n" + ind.code() + "," + a + ",2021,0.300\n"
                        + ind.code() + "," + a + ",2020,1.3000\n");
        assertThat(plain.status()).as(plain.text()).isEqualTo(200);
        assertThat(plain.body().get("items").get(0).get("value").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(plain.body().get("items").get(1).get("value").decimalValue()).isEqualByComparingTo("1.3");
    }

    @Test
    void aClientKeyMakesARetryUnchangedAndIsNeverReusedForOtherContent() {
        Indicator ind = indicator();
        long a = communes.get(4).id();
        Sent first = postJson(steering, "/api/v1/data-values", List.of(item(ind, a, "2024", 7, "k-1"),
                item(ind, a, "2023", 8, "k-2")));
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(actions(first.body())).containsExactly("CREATED", "CREATED");
        long id = first.body().get("items").get(0).get("id").asLong();
        int versions = values.history(id).size();
        // the same keys again, also through another format: unchanged, the earlier line, nothing written
        Sent again = postJson(steering, "/api/v1/data-values", List.of(item(ind, a, "2024", 7, "k-1")));
        assertThat(actions(again.body())).containsExactly("UNCHANGED");
        assertThat(again.body().get("items").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(again.body().get("items").get(0).get("key").asString()).isEqualTo("k-1");
        Sent csv = post(steering, "/api/v1/data-values", CSV, "key,indicatorCode,unitId,period,value\n"
                + "k-2," + ind.code() + "," + a + ",2023,8.0\n");
        assertThat(actions(csv.body())).containsExactly("UNCHANGED");
        assertThat(values.history(id)).hasSize(versions);
        // a key reused for other content: 409, nothing of the batch written
        Sent reused = postJson(steering, "/api/v1/data-values", List.of(item(ind, a, "2022", 1, "k-3"),
                item(ind, a, "2024", 9, "k-1")));
        assertThat(reused.status()).as(reused.text()).isEqualTo(409);
        assertThat(reused.body().get("problems").get(0).get("code").asString()).isEqualTo("KEY_REUSED");
        assertThat(reused.body().get("problems").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(lines(ind)).hasSize(2);
        assertThat(values.findById(id).orElseThrow().value()).isEqualByComparingTo("7");
        // a key twice in one batch, and a key too long: 400
        Sent twice = postJson(steering, "/api/v1/data-values", List.of(item(ind, a, "2021", 1, "k-9"),
                item(ind, a, "2020", 1, "k-9"), item(ind, a, "2019", 1, "x".repeat(101))));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().get("problems").findValuesAsString("code")).containsExactly("KEY_REPEATED", "INVALID_KEY");
        // keys are the actor's own: another user's k-1 is a new key
        assertThat(jdbc.sql("select count(*) from data_value_client_key where client_key = 'k-1'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aDryRunReportsTheOutcomesAndWritesNothing() {
        Indicator ind = indicator();
        long a = communes.get(5).id();
        postJson(steering, "/api/v1/data-values", List.of(item(ind, a, "2024", 5, null), item(ind, a, "2022", 3, null)));
        int lines = rows("data_value");
        int versions = rows("data_value_version");
        int keys = rows("data_value_client_key");
        int audits = rows("audit_event");
        Sent dry = postJson(steering, "/api/v1/data-values?dryRun=true", List.of(item(ind, a, "2024", 6, "d-1"),
                item(ind, a, "2023", 1, "d-2"), item(ind, a, "2022", null, null)));
        assertThat(dry.status()).as(dry.text()).isEqualTo(200);
        assertThat(dry.body().get("dryRun").asBoolean()).isTrue();
        assertThat(actions(dry.body())).containsExactly("UPDATED", "CREATED", "DELETED");
        assertThat(rows("data_value")).isEqualTo(lines);
        assertThat(rows("data_value_version")).isEqualTo(versions);
        assertThat(rows("data_value_client_key")).isEqualTo(keys);
        assertThat(rows("audit_event")).isEqualTo(audits);
        assertThat(values.find(List.of(ind.id()), List.of(), List.of())).extracting(v -> v.period() + "=" + v.value().stripTrailingZeros())
                .containsExactlyInAnyOrder("2024=5", "2022=3");
        // a dry run with a problem answers the problem as the real write would
        Sent bad = postJson(steering, "/api/v1/data-values?dryRun=true", List.of(item(ind, 987654321L, "2024", 1, null)));
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void problemsNameTheRowsOfEveryFormat() {
        Indicator ind = indicator();
        long a = communes.get(6).id();
        Sent csv = post(steering, "/api/v1/data-values", CSV, "indicatorCode,unitId,period,value\n"
                + ind.code() + "," + a + ",2024,1\n"
                + "KHONG-CO," + a + ",2024,1\n"
                + ind.code() + "," + a + ",2023,1\n"
                + ind.code() + "," + a + ",2025Q9,abc\n");
        assertThat(csv.status()).as(csv.text()).isEqualTo(400);
        JsonNode problems = csv.body().get("problems");
        assertThat(problems.findValuesAsString("code")).containsExactly("INVALID_NUMBER");
        assertThat(problems.get(0).get("row").asInt()).isEqualTo(5);
        // the cells read, the items are checked: row 3 and row 5 (its period), rows as the file shows them
        Sent items = post(steering, "/api/v1/data-values", CSV, "indicatorCode,unitId,period,value\n"
                + ind.code() + "," + a + ",2024,1\n"
                + "KHONG-CO," + a + ",2024,1\n"
                + ind.code() + "," + a + ",2023,1\n"
                + ind.code() + "," + a + ",2025Q9,1\n");
        assertThat(items.status()).as(items.text()).isEqualTo(400);
        JsonNode p = items.body().get("problems");
        assertThat(p.findValues("row").stream().map(JsonNode::asInt).toList()).containsExactly(3, 5);
        assertThat(p.findValues("item").stream().map(JsonNode::asInt).toList()).containsExactly(2, 4);
        assertThat(p.get(0).get("field").asString()).isEqualTo("indicator");
        assertThat(p.get(1).get("field").asString()).isEqualTo("period");
        assertThat(p.get(0).get("message").asString()).contains("không có chỉ số").doesNotContain(" / ");
        assertThat(items.body().get("details")).hasSize(2);
        Sent json = postJson(steering, "/api/v1/data-values?lang=en", List.of(item(ind, a, "2024", 1, null),
                item(ind, 987654321L, "2024", 1, null)));
        assertThat(json.body().get("problems").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(json.body().get("problems").get(0).get("message").asString()).startsWith("no administrative unit");
        assertThat(lines(ind)).isEmpty();
    }

    @Test
    void anAdxDocumentIsWrittenLikeTheOthers() {
        Indicator ind = indicator();
        AdminUnit commune = communes.get(7);
        String adx = """
                <?xml version="1.0" encoding="UTF-8"?>
                <adx xmlns="urn:ihe:qrph:adx:2015" exported="2025-11-20T09:00:00Z">
                  <group orgUnit="%s" period="2024-01-01/P1Y" dataSet="DX">
                    <dataValue dataElement="%s" value="1.300"/>
                    <dataValue dataElement="%s" value="12" key="adx-1"><annotation>từ cổng DVC</annotation></dataValue>
                  </group>
                  <group orgUnit="%s" period="2024-04-01/P3M" dataSet="DX">
                    <dataValue dataElement="%s" value="4"/>
                  </group>
                </adx>""".formatted(commune.code(), ind.code(), ind.code(), commune.code(), ind.code());
        Sent s = post(steering, "/api/v1/data-values", ADX, adx);
        // the first two are the same line: the store refuses a line twice in one batch
        assertThat(s.status()).as(s.text()).isEqualTo(400);
        assertThat(s.body().get("problems").get(0).get("row").asInt()).isEqualTo(2);
        Sent ok = post(steering, "/api/v1/data-values", ADX, adx.replaceFirst("<dataValue dataElement=\"[^\"]+\" value=\"1.300\"/>", ""));
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        Map<String, DataValue> byPeriod = new HashMap<>();
        lines(ind).forEach(v -> byPeriod.put(v.period(), v));
        assertThat(byPeriod.get("2024").value()).isEqualByComparingTo("12");
        assertThat(byPeriod.get("2024").comment()).isEqualTo("từ cổng DVC");
        assertThat(byPeriod.get("2024Q2").value()).isEqualByComparingTo("4");
        Sent xxe = post(steering, "/api/v1/data-values", ADX, "<?xml version=\"1.0\"?><!DOCTYPE adx [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><adx><group orgUnit=\"" + commune.code() + "\" period=\"2024-01-01/P1Y\">"
                + "<dataValue dataElement=\"" + ind.code() + "\" value=\"1\"><annotation>&x;</annotation></dataValue>"
                + "</group></adx>");
        assertThat(xxe.status()).as(xxe.text()).isEqualTo(400);
        assertThat(xxe.text()).doesNotContain("root:");
    }

    @Test
    void anEditorIsRefusedAnotherAgencysLineInEveryFormat() throws InterruptedException {
        Indicator ind = indicators.find(owned.indicatorId()).orElseThrow();
        AdminUnit unit = units.find(ownedUnit).orElseThrow();
        List<DataValue> before = values.lines(List.of(ind.id()), List.of(ownedUnit), List.of("2025"));
        Sent json = postJson(editorOther, "/api/v1/data-values", List.of(item(ind, ownedUnit, "2025", 1, null)));
        Sent csv = post(editorOther, "/api/v1/data-values", CSV, "indicatorId;unitId;period;value\n" + ind.id() + ";"
                + ownedUnit + ";2025;1\n");
        Sent adx = post(editorOther, "/api/v1/data-values", ADX, "<adx><group orgUnit=\"" + unit.code()
                + "\" period=\"2025-01-01/P1Y\"><dataValue dataElement=\"" + ind.code() + "\" value=\"1\"/></group></adx>");
        for (Sent s : List.of(json, csv, adx)) {
            assertThat(s.status()).as(s.text()).isEqualTo(403);
            assertThat(s.body().get("problems").get(0).get("code").asString()).isEqualTo("NOT_YOUR_LINE");
            assertThat(s.body().get("problems").get(0).get("row").asInt()).isGreaterThan(0);
        }
        Sent job = post(editorOther, "/api/v1/data-values/batches", CSV, "indicatorId;unitId;period;value\n"
                + ind.id() + ";" + ownedUnit + ";2025;1\n");
        assertThat(job.status()).as(job.text()).isEqualTo(202);
        JsonNode end = await(editorOther, job.location(), new TreeSet<>());
        assertThat(end.get("status").asString()).isEqualTo("FAILED");
        assertThat(end.get("refused").asInt()).isEqualTo(1);
        assertThat(end.get("problems").get(0).get("code").asString()).isEqualTo("NOT_YOUR_LINE");
        assertThat(values.lines(List.of(ind.id()), List.of(ownedUnit), List.of("2025"))).isEqualTo(before);
    }

    @Test
    void aJobOfFiveThousandRowsShowsItsProgressAndOnlyToWhomItMayConcern() throws InterruptedException {
        Indicator ind = indicator();
        String csv = rowsCsv(ind, 5_000);
        Sent submitted = post(steering, "/api/v1/data-values/batches", CSV, csv);
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        assertThat(submitted.location()).startsWith("/api/v1/data-values/batches/");
        assertThat(submitted.body().get("rowsTotal").asInt()).isEqualTo(5_000);
        TreeSet<Integer> seen = new TreeSet<>();
        JsonNode end = await(steering, submitted.location(), seen);
        assertThat(end.get("status").asString()).as(end.toString()).isEqualTo("DONE");
        assertThat(end.get("rowsDone").asInt()).isEqualTo(5_000);
        assertThat(end.get("created").asInt()).isEqualTo(5_000);
        assertThat(end.get("refused").asInt()).isZero();
        assertThat(seen).as("progress seen between the chunks").anyMatch(n -> n > 0 && n < 5_000);
        assertThat(lines(ind)).hasSize(5_000).as("written as the submitter, on the worker thread")
                .allSatisfy(v -> assertThat(v.updatedBy()).isEqualTo(steering));
        // another user: not found; the national steering department reads it
        assertThat(send(editorOther, submitted.location(), null, null).status()).isEqualTo(404);
        assertThat(send(leader, submitted.location(), null, null).status()).isEqualTo(404);
        assertThat(send(steering, "/api/v1/data-values/batches/" + java.util.UUID.randomUUID(), null, null).status())
                .isEqualTo(404);
        // a form problem is answered at once, no job
        Sent bad = post(steering, "/api/v1/data-values/batches", CSV, "indicatorCode,unitId,period,value\nX,1,2024,1.300\n");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.location()).isNull();
        // a dry-run job counts and writes nothing
        Sent dry = post(steering, "/api/v1/data-values/batches?dryRun=true", CSV, csv);
        JsonNode dryEnd = await(steering, dry.location(), new TreeSet<>());
        assertThat(dryEnd.get("unchanged").asInt()).isEqualTo(5_000);
        assertThat(dryEnd.get("dryRun").asBoolean()).isTrue();
    }

    @Autowired
    DataValueBatchWriter writer;

    /** An API token of the steering department restricted to some indicators (the tokens part makes real ones). */
    static org.springframework.security.core.Authentication token(String name, java.util.Set<Long> scope) {
        vn.dxgov.security.DxgovPrincipal p = new vn.dxgov.security.DxgovPrincipal() {
            public String getUsername() {
                return "token-user-" + name;
            }

            public String displayName() {
                return name;
            }

            public Long agencyId() {
                return null;
            }

            public String provinceCode() {
                return null;
            }

            public String email() {
                return null;
            }

            @Override
            public String tokenName() {
                return name;
            }

            @Override
            public java.util.Set<Long> indicatorScope() {
                return scope;
            }
        };
        return org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(p, null,
                List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(Role.STEERING.authority())));
    }

    static DataValueWriteApiController.Item plain(Indicator i, long unit, String period, int value, String key) {
        return new DataValueWriteApiController.Item(i.code(), null, null, null, unit, period, BigDecimal.valueOf(value),
                null, null, null, null, key);
    }

    @Test
    void aTokenWritesOnlyTheIndicatorsOfItsScopeAndOwnsItsKeys() {
        Indicator allowed = indicator();
        Indicator outside = indicator();
        long a = communes.get(8).id();
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        context.setAuthentication(token("cong-dvc-" + run, java.util.Set.of(allowed.id())));
        try {
            var refused = org.assertj.core.api.Assertions.catchThrowableOfType(BatchRefused.class, () -> writer.write(
                    BatchInput.json(List.of(plain(allowed, a, "2024", 1, "t-1"), plain(outside, a, "2024", 1, "t-2"))),
                    false));
            assertThat(refused.status().value()).isEqualTo(403);
            assertThat(refused.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("INDICATOR_NOT_IN_SCOPE");
                assertThat(p.row()).isEqualTo(2);
            });
            assertThat(lines(allowed)).as("nothing written").isEmpty();
            var written = writer.write(BatchInput.json(List.of(plain(allowed, a, "2024", 1, "t-1"))), false);
            assertThat(written.created()).isEqualTo(1);
        } finally {
            context.setAuthentication(null);
        }
        assertThat(jdbc.sql("select actor from data_value_client_key where client_key = 't-1' and actor like 'token:%'")
                .query(String.class).list()).containsExactly("token:cong-dvc-" + run);
        // the same key of a person is another key
        Sent person = postJson(steering, "/api/v1/data-values", List.of(item(allowed, a, "2023", 2, "t-1")));
        assertThat(person.status()).as(person.text()).isEqualTo(200);
        assertThat(actions(person.body())).containsExactly("CREATED");
    }

    @Test
    void throughput() throws InterruptedException {
        Indicator sync = indicator();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            items.add(item(sync, communes.get(i % communes.size()).id(), "2024-" + String.format("%02d", i / communes.size() + 1), i, null));
        }
        long t0 = System.nanoTime();
        Sent s = postJson(steering, "/api/v1/data-values", items);
        long syncMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(s.status()).as(s.text()).isEqualTo(200);
        assertThat(s.body().get("created").asInt()).isEqualTo(1_000);

        Indicator job = indicator();
        String csv = rowsCsv(job, 10_000);
        long t1 = System.nanoTime();
        Sent submitted = post(steering, "/api/v1/data-values/batches", CSV, csv);
        JsonNode end = await(steering, submitted.location(), new TreeSet<>());
        long jobMs = (System.nanoTime() - t1) / 1_000_000;
        assertThat(end.get("created").asInt()).isEqualTo(10_000);
        System.out.println("BATCH-PERF sync 1000 rows: " + syncMs + " ms = " + (1_000_000 / Math.max(1, syncMs))
                + " rows/s; job 10000 rows: " + jobMs + " ms = " + (10_000_000L / Math.max(1, jobMs)) + " rows/s");
    }

    /** A CSV of n rows of one indicator over the communes of Thanh Hóa and the months of 2020–2024. */
    String rowsCsv(Indicator ind, int n) {
        StringBuilder b = new StringBuilder("indicatorCode,unitId,period,value\n");
        for (int i = 0; i < n; i++) {
            int month = i / communes.size();
            b.append(ind.code()).append(',').append(communes.get(i % communes.size()).id()).append(',')
                    .append(2020 + month / 12).append('-').append(String.format("%02d", month % 12 + 1)).append(',')
                    .append(i % 97).append(".5\n");
        }
        return b.toString();
    }
}
