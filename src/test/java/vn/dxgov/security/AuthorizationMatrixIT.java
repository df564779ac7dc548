package vn.dxgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.support.Http;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.tasks.TaskDraft;
import vn.dxgov.support.TestData;
import vn.dxgov.support.TestUsers;

/**
 * The authorisation matrix, generated from the OpenAPI description: every operation springdoc describes at
 * {@code /v3/api-docs} is called by every role of province A (Thanh Hóa, 38) — ADMIN, STEERING, LEADER, EDITOR,
 * VIEWER — plus a national LEADER and an anonymous caller, once against objects of province A ("own") and once against
 * the same kind of objects of province B (Thái Nguyên, 19; "other"), and the outcome class is compared with the
 * declared matrix {@code src/test/resources/security/authorization-matrix.csv}, which a reviewer reads:
 * <ul>
 *   <li>{@code ALLOW}: 2xx, the call did what it asks;</li>
 *   <li>{@code INVALID}: 400, 409, 413, 415 or 422, the call got past authorisation and was refused for its content
 *   or the object's state (the minimal bodies the test sends are mostly incomplete);</li>
 *   <li>{@code DENY}: 401, 403, 404 (or a redirect to the login page), refused for who asks: another province's
 *   object is "not found" (404), a role that may not do it is "forbidden" (403).</li>
 * </ul>
 * A 5xx fails the test. An operation the description has and the matrix does not (or the reverse) fails it too, so a
 * new endpoint must be declared. Independently of the file, no role of province A may get a 2xx on an object of
 * province B: that is asserted for every operation with an object in its path. Set {@code -Ddxgov.matrix.write=true}
 * to rewrite the file from what was observed (then review the diff). The page matrix
 * ({@code page-matrix.csv}) does the same for the HTML pages that show drafts, and the landing pages (the dashboard of a
 * province, the to-do).
 *
 * <p>Calls that change state run after the reads, deletions last; a deletion that succeeded gets a fresh object for
 * the next role (so each role meets an object that exists).</p>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    static final String A = "38";
    static final String B = "19";
    static final Path MATRIX = Path.of("src/test/resources/security/authorization-matrix.csv");
    static final Path PAGE_MATRIX = Path.of("src/test/resources/security/page-matrix.csv");

    /** Who calls, in the order each operation is called (those expected to be refused first). */
    enum Who { ANONYMOUS, VIEWER, EDITOR, LEADER, NATIONAL_LEADER, STEERING, ADMIN }

    /** The columns of the matrix, in the order a reviewer reads them. */
    static final List<Who> COLUMNS = List.of(Who.ADMIN, Who.STEERING, Who.LEADER, Who.EDITOR, Who.VIEWER,
            Who.NATIONAL_LEADER, Who.ANONYMOUS);

    /** The roles of province A: none of them may get a 2xx on province B's objects. */
    static final List<Who> SCOPED = List.of(Who.ADMIN, Who.STEERING, Who.LEADER, Who.EDITOR, Who.VIEWER);

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    TestUsers testUsers;
    @Autowired
    Reporting reporting;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskCatalog taskCatalog;
    @Autowired
    vn.dxgov.units.AgencyDirectory agencies;

    final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    Http http;
    final Map<Who, String> callers = new HashMap<>();
    /** Objects of each side by kind ("plan", "submission", ...): path variables are filled from these. */
    final Map<String, String> own = new HashMap<>();
    final Map<String, String> other = new HashMap<>();
    String steeringA;
    String steeringB;
    String editorB;
    String superAdmin;
    int setYears = 2060;
    long nationalSet;

    String user(String name, Role role, Long agencyId, String province) {
        return testUsers.ensure(name, run, role, agencyId, province);
    }

    @BeforeAll
    void fixtures() throws IOException {
        data.resetPlans();
        data.ensureUnits();
        http = new Http(port, json);
        steeringA = user("m-st", Role.STEERING, null, A);
        steeringB = user("m-st-b", Role.STEERING, null, B);
        superAdmin = user("m-root", Role.ADMIN, null, null);

        side(own, steeringA, "seed/plans/001_16196319a76d78f9.txt", "001.txt", A, "Thanh Hoá");
        side(other, steeringB, "seed/plans/002_26a007337e16e28d.txt", "002.txt", B, "Thái Nguyên");

        callers.put(Who.ADMIN, user("m-ad", Role.ADMIN, null, A));
        callers.put(Who.STEERING, steeringA);
        callers.put(Who.LEADER, user("m-ld", Role.LEADER, null, A));
        callers.put(Who.EDITOR, own.get("editor"));
        callers.put(Who.VIEWER, user("m-vw", Role.VIEWER, null, A));
        callers.put(Who.NATIONAL_LEADER, user("m-ld-nat", Role.LEADER, null, null));
        callers.put(Who.ANONYMOUS, null);
        editorB = other.get("editor");

        // the national commune template: both provinces' rounds use it; each side's criteria set and indicator (the
        // catalogue objects of the paths) are the province's own, made below
        long set = -1;
        for (JsonNode s : http.get(superAdmin, "/api/v1/criteria-sets").body()) {
            if (s.get("code").asText().equals("XA-CDS-MAU")) {
                set = s.get("id").asLong();
            }
        }
        assertThat(set).isPositive();
        nationalSet = set;
        String criterion = http.get(superAdmin, "/api/v1/criteria-sets/" + set).body().get("document").get("nodes")
                .get(0).get("children").get(0).get("code").asText();
        // rounds of each province's communes (a few units each)
        for (Map<String, String> side : List.of(own, other)) {
            boolean isA = side == own;
            List<Long> communes = new ArrayList<>();
            JsonNode below = http.get(superAdmin, "/api/v1/units/" + side.get("unit") + "/below?level=COMMUNE").body()
                    .get("units");
            for (int i = 0; i < 3 && i < below.size(); i++) {
                communes.add(below.get(i).get("id").asLong());
            }
            assertThat(communes).hasSize(3);
            Map<String, Object> d = new HashMap<>();
            d.put("name", "Đợt ma trận " + side.get("province"));
            d.put("criteriaSetId", set);
            d.put("year", 2025);
            d.put("level", "COMMUNE");
            d.put("referenceDate", "2025-12-31");
            d.put("deadline", "2026-12-31");
            d.put("provinceCode", side.get("province"));
            d.put("unitIds", communes);
            Http.Answer round = http.call(isA ? steeringA : steeringB, "POST", "/api/v1/assessment-rounds", d);
            assertThat(round.status()).as(round.text()).isEqualTo(201);
            side.put("round", round.body().get("id").asText());
            side.put("roundUnit", communes.get(0).toString());
            side.put("criterion", criterion);
            // an evidence file of the round's unit does not exist yet: a file of this side's report stands in
            side.put("roundAttachment", side.get("evidence"));
            // a target assignment decision of the province with one unit assigned
            Http.Answer decision = importDecision(isA ? steeringA : steeringB, side.get("provinceName"));
            assertThat(decision.status()).as(decision.text()).isIn(200, 201);
            long decisionId = decision.body().get("decision").get("id").asLong();
            side.put("decision", Long.toString(decisionId));
            side.put("assignedUnit", communes.get(1).toString());
            Http.Answer assigned = http.call(isA ? steeringA : steeringB, "POST",
                    "/api/v1/assignments/" + decisionId + "/units",
                    Map.of("level", "COMMUNE", "year", 2025, "unitIds", List.of(communes.get(1))));
            assertThat(assigned.status()).as(assigned.text()).isIn(200, 201);
        }
        long indicator = indicator();
        for (Map<String, String> side : List.of(own, other)) {
            side.put("indicator", Long.toString(indicator));
            catalogue(side);
            apiToken(side);
        }
    }

    /** The province's API token (with a webhook) and one delivery of it in the log. */
    void apiToken(Map<String, String> side) {
        Http.Answer token = http.call(superAdmin, "POST", "/api/v1/tokens", Map.of("name", "mt-" + run,
                "provinceCode", side.get("province"), "access", "READ", "webhookUrl", "http://127.0.0.1:9/hook"));
        assertThat(token.status()).as(token.text()).isEqualTo(201);
        long id = token.body().get("token").get("id").asLong();
        side.put("token", Long.toString(id));
        side.put("delivery", jdbc.sql("insert into webhook_delivery (token_id, event_type, event_key, payload, status)"
                        + " values (?, 'round.published', ?, '{}', 'FAILED') returning id")
                .params(id, "matrix-" + run).query(Long.class).single().toString());
    }

    /** The province's own indicator and criteria set (a copy of the national template), made by its steering. */
    void catalogue(Map<String, String> side) {
        String steering = side == own ? steeringA : steeringB;
        side.put("catalogueIndicator", Long.toString(indicator(steering)));
        Http.Answer copy = http.call(steering, "POST", "/api/v1/criteria-sets/" + nationalSet + "/copy?year="
                + (setYears++), null);
        assertThat(copy.status()).as(copy.text()).isEqualTo(201);
        assertThat(copy.body().get("provinceCode").asText()).isEqualTo(side.get("province"));
        side.put("set", copy.body().get("id").asText());
    }

    /** A province's published plan, its report period, an editor of one of its agencies with a draft and evidence. */
    void side(Map<String, String> side, String steering, String seed, String filename, String province,
              String provinceName) throws IOException {
        side.put("province", province);
        side.put("provinceName", provinceName);
        Http.Answer imported = http.upload(steering, "/api/v1/imports", filename,
                new ClassPathResource(seed).getContentAsByteArray());
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        long plan = imported.body().get("planId").asLong();
        side.put("plan", Long.toString(plan));
        side.put("import", imported.body().get("importId").asText());
        assertThat(http.call(steering, "POST", "/api/v1/plans/" + plan + "/publish", null).status()).isEqualTo(200);
        JsonNode target = http.get(steering, "/api/v1/plans/" + plan + "/targets").body().get(0);
        side.put("target", target.get("id").asText());
        JsonNode tasks = http.get(steering, "/api/v1/plans/" + plan + "/tasks").body();
        if (tasks.isEmpty()) {
            // Thái Nguyên's resolution lists no tasks: one is added to the plan, as a reviewer would
            tasks = json.valueToTree(taskCatalog.addAll(plan, List.of(new TaskDraft(null, "I", "Nhiệm vụ", null,
                    "Xây dựng trung tâm dữ liệu", "2025", 2025, 2025, null, null, null, vn.dxgov.shared.Pillar.DIGITAL_GOVERNMENT, List.of(),
                    List.of(), null))));
        }
        side.put("task", tasks.get(0).get("id").asText());
        side.put("unit", jdbc.sql("select id from admin_unit where code = ? and level = 'PROVINCE' order by valid_from desc limit 1")
                .param(province).query(Long.class).single().toString());
        // a period of 2025 (yearly in Thanh Hóa, quarterly in Thái Nguyên)
        ReportingPeriod period = testUsers.as(steering, () -> reporting.periods(plan)).stream()
                .filter(p -> p.period().startsWith("2025")).findFirst().orElseThrow();
        side.put("period", Long.toString(period.id()));
        // an agency that reports: a required one, else the lead agency of the first target that has one
        List<Long> reporters = new ArrayList<>(reporting.requiredAgencies(period.id()));
        for (JsonNode t : http.get(steering, "/api/v1/plans/" + plan + "/targets").body()) {
            t.path("leadAgencies").forEach(a -> reporters.add(a.get("id").asLong()));
        }
        if (reporters.isEmpty()) {
            // Thái Nguyên's resolution names no agencies: its Sở TT&TT leads the first target, as a reviewer would set
            long sttt = agencies.resolve("Sở Thông tin và Truyền thông", province).get(0).agency().id();
            jdbc.sql("insert into target_agency (target_id, agency_id, role, position) values (?, ?, 'LEAD', 0)")
                    .params(Long.parseLong(side.get("target")), sttt).update();
            reporters.add(sttt);
        }
        long agency = reporters.get(0);
        side.put("agency", Long.toString(agency));
        String editor = user("m-ed-" + province, Role.EDITOR, agency, province);
        side.put("editor", editor);
        Submission draft = testUsers.as(editor, () -> reporting.open(period.id(), agency));
        testUsers.as(editor, () -> reporting.save(draft.id(), complete(reporting.form(draft.id()))));
        side.put("submission", Long.toString(draft.id()));
        side.put("evidence", evidence(editor, draft.id()));
        side.put("attachment", side.get("evidence"));
        // a figure of the province, written by its steering department (approved at once)
        long indicator = indicator();
        Http.Answer written = http.call(steering, "POST", "/api/v1/data-values", List.of(Map.of("indicatorId", indicator,
                "unitId", Long.parseLong(side.get("unit")), "period", "2025", "value", 7)));
        assertThat(written.status()).as(written.text()).isEqualTo(200);
        Long value = written.body().get("items").get(0).get("id").asLong();
        side.put("value", value.toString());
        // a batch job of the province's steering department (issue 12: only it and its submitter read it)
        Http.Answer job = http.call(steering, "POST", "/api/v1/data-values/batches", List.of(Map.of("indicatorId",
                indicator, "unitId", Long.parseLong(side.get("unit")), "period", "2024", "value", 3)));
        assertThat(job.status()).as(job.text()).isEqualTo(202);
        side.put("batch", job.body().get("id").asText());
    }

    String evidence(String editor, long submission) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", file("bien-ban.txt", "Biên bản kiểm tra"));
        Http.Answer a = http.call(editor, "POST", "/api/v1/submissions/" + submission + "/evidence", form);
        assertThat(a.status()).as(a.text()).isIn(200, 201);
        return a.body().get("id").asText();
    }

    Http.Answer importDecision(String user, String provinceName) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", file("giao.csv", "level,year,units_to_complete_dx,unit_names,source\nxã,2025,2,,thử\n"));
        form.add("provinceCode", provinceName);
        form.add("number", "MT-" + run + "/QĐ-UBND");
        form.add("title", "Giao chỉ tiêu ma trận");
        form.add("issuedOn", "2022-03-18");
        form.add("replace", "false");
        return http.call(user, "POST", "/api/v1/assignments/import", form);
    }

    long indicator() {
        return indicator(superAdmin);
    }

    long indicator(String user) {
        Http.Answer a = http.call(user, "POST", "/api/v1/indicators", Map.of("code", "MT" + run + ThreadLocalRandom.current().nextInt(1000000),
                "name", "Chỉ số ma trận", "valueType", "NUMBER", "unit", "hồ sơ", "direction", "HIGHER",
                "unitAggregation", "SUM", "periodAggregation", "SUM"));
        assertThat(a.status()).as(a.text()).isIn(200, 201);
        return a.body().get("id").asLong();
    }

    static ByteArrayResource file(String name, String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    static ReportInput complete(ReportForm form) {
        List<ReportInput.TargetValue> values = form.targets().stream().filter(l -> l.required() && !l.locked())
                .map(l -> l.ratio()
                        ? new ReportInput.TargetValue(l.targetId(), null, java.math.BigDecimal.valueOf(45), java.math.BigDecimal.valueOf(50), null, l.split(), null)
                        : new ReportInput.TargetValue(l.targetId(), l.yesNo() ? java.math.BigDecimal.ONE : java.math.BigDecimal.valueOf(12), null, null, null, l.split(), null))
                .toList();
        List<ReportInput.TaskProgress> progress = form.tasks().stream().filter(ReportForm.TaskLine::required)
                .map(l -> new ReportInput.TaskProgress(l.taskId(), vn.dxgov.reporting.TaskProgressStatus.IN_PROGRESS, 60, "Đang triển khai"))
                .toList();
        return new ReportInput("Cơ quan đã triển khai các nhiệm vụ được giao.", values, progress);
    }

    // ================================================================ calling

    record Op(String method, String path, List<String> requiredQuery, String body) {
        String key() {
            return method + " " + path;
        }

        /** Names an object of one side: in its path, or in a query parameter filled from the side. */
        boolean scoped() {
            return path.contains("{") || requiredQuery.stream().anyMatch(SIDE_PARAMETERS::contains);
        }
    }

    /** Query parameters whose value is an object of one side. */
    static final List<String> SIDE_PARAMETERS = List.of("agency", "province", "provinceCode", "ownerId", "unit");

    static final Pattern VAR = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");

    /** The object kind a path variable names: by its name, else by the path segment before it. */
    static String kind(String path, int at, String name) {
        switch (name) {
            case "unitId":
                return path.contains("assessment-rounds") ? "roundUnit" : path.contains("assignments") ? "assignedUnit" : "roundUnit";
            case "roundId":
                return "round";
            case "criterion":
                return "criterion";
            case "attachmentId":
                return "roundAttachment";
            case "deliveryId":
                return "delivery";
            case "year":
                return "=2025";
            case "format":
                return "=xlsx";
            case "province":
                return "province";
            default:
                break;
        }
        String before = path.substring(0, at);
        String[] segments = before.split("/");
        String segment = segments[segments.length - 1];
        return switch (segment) {
            case "plans" -> "plan";
            case "targets" -> "target";
            case "tasks" -> "task";
            case "agencies" -> "agency";
            case "submissions" -> "submission";
            case "periods" -> "period";
            case "evidence" -> "evidence";
            case "indicators" -> "catalogueIndicator";
            case "data-values" -> "value";
            case "batches" -> "batch";
            case "criteria-sets" -> "set";
            case "assessment-rounds", "rounds" -> "round";
            case "units", "unit-agencies" -> "unit";
            case "attachments" -> "attachment";
            case "assignments" -> "decision";
            case "imports" -> "import";
            case "tokens" -> "token";
            default -> throw new IllegalStateException("no fixture for {" + name + "} in " + path);
        };
    }

    String fill(String path, Map<String, String> side) {
        Matcher m = VAR.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String kind = kind(path, m.start(), m.group(1));
            String value = kind.startsWith("=") ? kind.substring(1) : side.get(kind);
            assertThat(value).as("fixture " + kind + " for " + path).isNotNull();
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Values of the required query parameters, by name, from the side's objects. */
    String query(Op op, Map<String, String> side) {
        List<String> parts = new ArrayList<>();
        for (String name : op.requiredQuery()) {
            String v = switch (name) {
                case "agency" -> side.get("agency");
                case "province" -> side.get("province");
                case "provinceCode" -> side.get("provinceName");
                case "level" -> "COMMUNE";
                case "year" -> "2025";
                case "ownerType" -> "SUBMISSION";
                case "ownerId" -> side.get("submission");
                case "indicator" -> side.get("indicator");
                case "unit" -> side.get("unit");
                case "period" -> "2025";
                case "number" -> "MT2-" + run;
                case "title" -> "Giao chỉ tiêu";
                default -> "1";
            };
            parts.add(name + "=" + java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    int call(Who who, Op op, String url) {
        String user = callers.get(who);
        if (op.path().endsWith("/copy")) {
            // each caller copies into a year of its own: a copy of a province's own set keeps its code, so a second
            // copy into the same year is a duplicate (409) whatever the caller's rights, and the order of the callers
            // would decide the cell
            url = url.replace("year=2025", "year=" + (2090 - who.ordinal()));
        }
        var spec = RestClient.create("http://localhost:" + port).method(HttpMethod.valueOf(op.method())).uri(url)
                .headers(h -> {
                    if (user != null) {
                        h.setBasicAuth(user, Http.PASSWORD);
                    }
                });
        if ("multipart".equals(op.body())) {
            var form = new LinkedMultiValueMap<String, Object>();
            form.add("file", file("matran.csv", "level,year\n"));
            spec = spec.contentType(MediaType.MULTIPART_FORM_DATA).body(form);
        } else if (op.body() != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(op.body());
        }
        return spec.exchange((req, res) -> {
            res.getBody().readAllBytes();
            int status = res.getStatusCode().value();
            if (status == 302 && String.valueOf(res.getHeaders().getLocation()).contains("/login")) {
                return 401;
            }
            return status;
        });
    }

    static String outcome(int status) {
        if (status >= 200 && status < 300) {
            return "ALLOW";
        }
        if (status == 401 || status == 403 || status == 404) {
            return "DENY";
        }
        if (status == 400 || status == 409 || status == 413 || status == 415 || status == 422) {
            return "INVALID";
        }
        return "ERROR-" + status;
    }

    /** Every operation of the OpenAPI description, reads first, state changes next, deletions last. */
    List<Op> operations() {
        JsonNode api = http.get(null, "/v3/api-docs").body();
        assertThat(api).as("the OpenAPI description").isNotNull();
        List<Op> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").properties().iterator(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().properties().iterator(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> m = methods.next();
                List<String> query = new ArrayList<>();
                JsonNode params = m.getValue().get("parameters");
                if (params != null) {
                    for (JsonNode param : params) {
                        if ("query".equals(param.path("in").asText()) && param.path("required").asBoolean(false)) {
                            query.add(param.get("name").asText());
                        }
                    }
                }
                String body = null;
                JsonNode content = m.getValue().path("requestBody").path("content");
                if (content.has("multipart/form-data")) {
                    body = "multipart";
                    JsonNode props = content.get("multipart/form-data").path("schema").path("properties");
                    for (Iterator<String> names = props.propertyNames().iterator(); names.hasNext(); ) {
                        String name = names.next();
                        if (!name.equals("file") && !query.contains(name)) {
                            query.add(name);
                        }
                    }
                } else if (content.has("application/json")) {
                    JsonNode schema = content.get("application/json").path("schema");
                    body = "array".equals(schema.path("type").asText()) ? "[]" : "{}";
                }
                ops.add(new Op(m.getKey().toUpperCase(), p.getKey(), query, body));
            }
        }
        ops.sort((x, y) -> {
            int c = Integer.compare(rank(x), rank(y));
            return c != 0 ? c : x.key().compareTo(y.key());
        });
        return ops;
    }

    /** Reads, then changes, then deletions (of drafts' evidence, while the drafts are drafts), then state steps. */
    static int rank(Op op) {
        if (op.method().equals("GET")) {
            return 0;
        }
        if (op.path().matches(".*/(publish|close|approve|return|reopen|submit)$")) {
            return 3;
        }
        return op.method().equals("DELETE") ? 2 : 1;
    }

    /** A fresh object for the next caller, after a deletion succeeded. */
    void replenish(Op op, Map<String, String> side) {
        boolean isA = side == own;
        String path = op.path();
        if (path.equals("/api/v1/evidence/{id}") || path.equals("/api/v1/attachments/{id}")) {
            String id = evidence(side.get("editor"), Long.parseLong(side.get("submission")));
            side.put("evidence", id);
            side.put("attachment", id);
        } else if (path.equals("/api/v1/indicators/{id}") || path.equals("/api/v1/criteria-sets/{id}")) {
            catalogue(side);
        } else if (path.equals("/api/v1/assignments/{id}/units/{unitId}")) {
            Http.Answer again = http.call(isA ? steeringA : steeringB, "POST", "/api/v1/assignments/" + side.get("decision")
                    + "/units", Map.of("level", "COMMUNE", "year", 2025, "unitIds", List.of(Long.parseLong(side.get("assignedUnit")))));
            assertThat(again.status()).as(again.text()).isIn(200, 201);
        }
    }

    /** Operation → "own/other" outcome per caller. */
    Map<String, Map<Who, String>> observe(List<Op> ops) {
        Map<String, Map<Who, String>> seen = new LinkedHashMap<>();
        Map<String, Long> millis = new HashMap<>();
        for (Op op : ops) {
            long started = System.nanoTime();
            Map<Who, String> row = new LinkedHashMap<>();
            for (Who who : Who.values()) {
                String[] cell = new String[2];
                int i = 0;
                for (Map<String, String> side : List.of(own, other)) {
                    if (!op.scoped() && side == other) {
                        cell[1] = cell[0];
                        continue;
                    }
                    String url = fill(op.path(), side) + query(op, side);
                    int status = call(who, op, url);
                    cell[i] = outcome(status);
                    if (op.method().equals("DELETE") && status >= 200 && status < 300) {
                        replenish(op, side);
                    }
                    i++;
                }
                row.put(who, cell[0] + "/" + cell[1]);
            }
            seen.put(op.key(), row);
            millis.put(op.key(), (System.nanoTime() - started) / 1_000_000);
        }
        millis.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(8)
                .forEach(e -> System.out.println("matrix timing: " + e.getKey() + " " + e.getValue() + " ms"));
        return seen;
    }

    static Map<String, Map<Who, String>> read(Path file) throws IOException {
        Map<String, Map<Who, String>> declared = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("method,")) {
                continue;
            }
            String[] f = line.split(",");
            assertThat(f).as("a row of " + file + ": method,path and one cell per column: " + line).hasSize(2 + COLUMNS.size());
            Map<Who, String> row = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                row.put(COLUMNS.get(i), f[2 + i].trim());
            }
            declared.put(f[0].trim() + " " + f[1].trim(), row);
        }
        return declared;
    }

    static void write(Path file, String header, Map<String, Map<Who, String>> seen) {
        StringBuilder sb = new StringBuilder(header);
        sb.append("method,path");
        COLUMNS.forEach(c -> sb.append(',').append(c.name()));
        sb.append('\n');
        new TreeMap<>(seen).forEach((key, row) -> {
            sb.append(key.replaceFirst(" ", ","));
            COLUMNS.forEach(c -> sb.append(',').append(row.get(c)));
            sb.append('\n');
        });
        try {
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String HEADER = """
            # The authorisation matrix of dxgov's API, checked by AuthorizationMatrixIT against every operation of the
            # OpenAPI description (/v3/api-docs). Each cell is "own/other": the outcome for the caller on an object of
            # its own province (A = Thanh Hóa, 38) and on the same kind of object of another province (B = Thái
            # Nguyên, 19). Operations without an object in the path have the same outcome twice.
            #   ALLOW    2xx: done
            #   INVALID  400/409/413/415/422: past authorisation, refused for the (minimal) body or the object's state
            #   DENY     401/403/404: refused for who asks (another province's object: 404, a role that may not: 403)
            # Callers: the roles of province A, a national LEADER (no province: reads every province) and no login.
            # Criteria sets and indicators in paths are each province's own (a copy of the national template, an
            # indicator made by its steering department); national ones are read by everyone and changed by national
            # users only. Administrative units are Vietnam's reference list, readable by everyone logged in. The fixtures and the
            # order of calls are in AuthorizationMatrixIT; -Ddxgov.matrix.write=true rewrites this file.
            """;

    static void compare(Map<String, Map<Who, String>> declared, Map<String, Map<Who, String>> seen, String what) {
        assertThat(new TreeMap<>(seen).keySet()).as("operations of " + what + " (every operation must be declared)")
                .containsExactlyElementsOf(declared.keySet());
        List<String> differences = new ArrayList<>();
        seen.forEach((key, row) -> row.forEach((who, cell) -> {
            String expected = declared.get(key).get(who);
            if (!cell.equals(expected)) {
                differences.add(key + " as " + who + ": declared " + expected + ", observed " + cell);
            }
        }));
        assertThat(differences).as(what).isEmpty();
    }

    static void noOtherProvince(Map<String, Map<Who, String>> seen, List<Op> ops) {
        List<String> leaks = new ArrayList<>();
        for (Op op : ops) {
            if (!op.scoped()) {
                continue;
            }
            for (Who who : SCOPED) {
                String cell = seen.get(op.key()).get(who);
                if (cell.endsWith("/ALLOW") && !op.path().matches(NATIONAL_OBJECTS)) {
                    leaks.add(op.key() + " as " + who + " of province A on province B's object: " + cell);
                }
            }
        }
        assertThat(leaks).as("no role of one province reaches another province's objects").isEmpty();
    }

    /**
     * Paths whose object is national reference data, readable by everyone logged in: Vietnam's administrative units
     * (a province's unit, its children, lineage). Criteria sets and indicators are no longer among them: each side's
     * is its province's own.
     */
    static final String NATIONAL_OBJECTS = "/api/v1/units/\\{id}(/children|/lineage|/below)?";

    @Test
    void everyOperationOfTheOpenApiDescriptionFollowsTheDeclaredMatrix() throws IOException {
        List<Op> ops = operations();
        assertThat(ops).hasSizeGreaterThan(100);
        Map<String, Map<Who, String>> seen = observe(ops);
        List<String> errors = new ArrayList<>();
        seen.forEach((key, row) -> row.forEach((who, cell) -> {
            if (cell.contains("ERROR")) {
                errors.add(key + " as " + who + ": " + cell);
            }
        }));
        if (Boolean.getBoolean("dxgov.matrix.write")) {
            write(MATRIX, HEADER, seen);
        }
        assertThat(errors).as("server errors").isEmpty();
        noOtherProvince(seen, ops);
        compare(read(MATRIX), seen, MATRIX.toString());
    }

    // ================================================================ pages

    /** The pages that show drafts and reports, with the object kind their path names. */
    static final List<Op> PAGES = List.of(
            new Op("GET", "/plans/{id}", List.of(), null),
            new Op("GET", "/plans/{id}/edit", List.of(), null),
            new Op("GET", "/plans/{id}/reporting", List.of(), null),
            new Op("GET", "/plans/{id}/target-links", List.of(), null),
            new Op("GET", "/plans/{id}/implementation", List.of(), null),
            new Op("GET", "/plans/{planId}/targets/{id}/edit", List.of(), null),
            new Op("GET", "/targets/{id}", List.of(), null),
            new Op("GET", "/reporting/submissions/{id}", List.of(), null),
            new Op("GET", "/reporting/periods/{id}", List.of(), null),
            new Op("GET", "/imports/{id}", List.of(), null),
            new Op("GET", "/assessment/rounds/{id}", List.of(), null),
            new Op("GET", "/assignments/{id}", List.of(), null),
            new Op("GET", "/dashboard", List.of(), null),
            new Op("GET", "/dashboard?province={province}", List.of(), null),
            new Op("GET", "/todo", List.of(), null));

    @Test
    void thePagesThatShowDraftsFollowTheDeclaredPageMatrix() throws IOException {
        List<Op> pages = PAGES.stream().map(p -> new Op(p.method(),
                p.path().replace("{planId}/targets/{id}", "{planId}/targets/{targetId}"), p.requiredQuery(), p.body()))
                .toList();
        Map<String, Map<Who, String>> seen = new LinkedHashMap<>();
        for (Op page : pages) {
            Map<Who, String> row = new LinkedHashMap<>();
            for (Who who : Who.values()) {
                row.put(who, outcome(call(who, page, pageUrl(page.path(), own))) + "/"
                        + outcome(call(who, page, pageUrl(page.path(), other))));
            }
            seen.put(page.key(), row);
        }
        if (Boolean.getBoolean("dxgov.matrix.write")) {
            write(PAGE_MATRIX, HEADER.replace("dxgov's API", "dxgov's pages that show drafts")
                    .replace("every operation of the\n# OpenAPI description (/v3/api-docs)", "its list of pages"), seen);
        }
        noOtherProvince(seen, pages);
        compare(read(PAGE_MATRIX), seen, PAGE_MATRIX.toString());
    }

    String pageUrl(String path, Map<String, String> side) {
        String p = path.replace("{planId}", side.get("plan")).replace("{targetId}", side.get("target"));
        return fill(p, side);
    }
}
