package vn.dxgov.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every operation of the OpenAPI description ({@code /v3/api-docs}) receives, as the administrator (HTTP Basic, the
 * API keeps no session and needs no CSRF token), hostile input: path ids that are not numbers, overflow a long or are
 * not UTF-8; query parameters with over-long, non-UTF-8, huge or negative values; bodies of random bytes, cut-off
 * JSON, JSON nested 10,000 deep, the wrong JSON type, numbers such as 1e308 and 1e-308, 20,000-character strings and
 * each schema property given a value of another type; uploads with random bytes, NUL bytes and path separators in the
 * file name, or no file. Nothing may answer 5xx, and every error is JSON. Page URLs with bad ids and parameters get
 * the HTML error page.
 *
 * <p>Seeded: the seed is printed ({@code fuzz seed: ...}) and {@code -Dfuzz.seed=...} replays a run;
 * {@code -Dfuzz.rounds=N} (default 1: about 360 requests, under a minute) sets the requests per operation and variant kind. Ids are never ones that exist
 * (0, −1, 987654321…), so the run changes nothing other tests rely on; the two operations that take no input at all
 * and start a job ({@code POST /api/v1/assignments/feed}, {@code POST /api/v1/reminders/run} without a date) are only
 * sent input they must refuse.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiFuzzIT {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final String[] BAD_IDS = {"0", "-1", "987654321", "abc", "99999999999999999999999", "1e308",
            "%C3%28", "%00", "1.5", "%20", "NaN", "%F0%9F%92%A9"};
    private static final String[] BAD_VALUES = {"", "%C3%28", "-1", "1e308", "-1e-308", "NaN", "abc",
            "99999999999999999999999999999", "2025Q9", "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3E", "%00", "true",
            "2025-02-30", "x".repeat(6000), "%E2%80%AE%F0%9F%98%80", "DRAFT,PENDING", "-9223372036854775809"};
    private static final Set<String> JOBS = Set.of("POST /api/v1/assignments/feed", "POST /api/v1/reminders/run");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Failure(String request, int status, String body) {
    }

    @Test
    void noOperationAnswers5xxToHostileInput() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int rounds = Integer.getInteger("fuzz.rounds", 1);
        System.out.println("fuzz seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        JsonNode docs = json.readTree(send("GET", "/v3/api-docs", null, null).body());
        List<Failure> failures = new ArrayList<>();
        int requests = 0;
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                JsonNode operation = op.getValue();
                operations++;
                boolean job = JOBS.contains(method + " " + path.getKey());
                for (int r = 0; r < rounds; r++) {
                    for (Kind kind : Kind.values()) {
                        if (job && kind != Kind.PATH_AND_QUERY) {
                            continue;
                        }
                        String uri = uri(path.getKey(), operation, random, kind == Kind.PATH_AND_QUERY || job);
                        Body body = body(docs, operation, random, kind);
                        HttpResponse<byte[]> res = send(method, uri, body == null ? null : body.bytes,
                                body == null ? null : body.contentType);
                        requests++;
                        String text = new String(res.body(), StandardCharsets.UTF_8);
                        String type = res.headers().firstValue("Content-Type").orElse("");
                        // a path segment with %00 or bytes that are not UTF-8, and a request line over Tomcat's 8 KB
                        // (server.max-http-request-header-size), are refused by Tomcat itself (400, its own page)
                        // before the application sees the request: only the status is checked there
                        boolean jsonError = res.statusCode() < 400 || type.startsWith("application/json")
                                || refusedByTomcat(uri) && res.statusCode() == 400;
                        if (res.statusCode() >= 500 || !jsonError || text.contains("vn.dxgov.") || text.contains("java.lang.")) {
                            failures.add(new Failure(method + " " + uri + (body == null ? "" : " " + body.describe),
                                    res.statusCode(), text.length() > 300 ? text.substring(0, 300) : text));
                        }
                    }
                }
            }
        }
        System.out.println("fuzz: " + operations + " operations, " + requests + " requests, " + failures.size()
                + " failures (seed " + seed + ")");
        assertThat(operations).isGreaterThanOrEqualTo(100);
        assertThat(failures).as("seed " + seed).isEmpty();
    }

    @Test
    void pageUrlsWithBadIdsAndParametersShowTheErrorPage() throws Exception {
        String[] pages = {"/plans/abc", "/plans/-1", "/plans/99999999999999999999", "/targets/abc",
                "/reporting/submissions/abc", "/assessment/rounds/1e308", "/agencies/abc",
                "/rankings/units/abc", "/assignments/abc", "/plans?q=%C3%28", "/units/1e308", "/rankings?year=abc&level=FOO",
                "/reports/scorecard?plan=abc", "/plans/abc/review", "/indicators/abc"};
        for (String page : pages) {
            HttpResponse<byte[]> res = send("GET", page, null, null, "text/html");
            String text = new String(res.body(), StandardCharsets.UTF_8);
            assertThat(res.statusCode()).as(page).isBetween(400, 499);
            assertThat(res.headers().firstValue("Content-Type").orElse("")).as(page).startsWith("text/html");
            assertThat(text).as(page).contains("id=\"error-status\"").doesNotContain("java.lang")
                    .doesNotContain("vn.dxgov.");
        }
    }

    enum Kind { PATH_AND_QUERY, BODY, WRONG_TYPES }

    private static boolean refusedByTomcat(String uri) {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        return path.contains("%00") || path.contains("%C3%28") || uri.length() > 7000;
    }

    record Body(byte[] bytes, String contentType, String describe) {
    }

    private String uri(String template, JsonNode operation, Random random, boolean hostileQuery) {
        Matcher m = PATH_PARAM.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals("format") ? pick(random, new String[]{"pdf", "exe", "%00", "docx"})
                    : name.equals("criterion") ? pick(random, new String[]{"NT.1", "%C3%28", "x".repeat(400)})
                    : pick(random, BAD_IDS);
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        List<String> query = new ArrayList<>();
        JsonNode params = operation.get("parameters");
        if (params != null) {
            for (JsonNode p : params) {
                if (!"query".equals(p.get("in").asString())) {
                    continue;
                }
                boolean required = p.has("required") && p.get("required").asBoolean();
                if (hostileQuery || required || random.nextBoolean()) {
                    String value = pick(random, BAD_VALUES);
                    if (value.isEmpty() && (hostileQuery || required)) {
                        value = "abc";
                    }
                    query.add(p.get("name").asString() + "=" + value);
                }
            }
        }
        return query.isEmpty() ? path.toString() : path + "?" + String.join("&", query);
    }

    private Body body(JsonNode docs, JsonNode operation, Random random, Kind kind) {
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isMissingNode() || kind == Kind.PATH_AND_QUERY && random.nextBoolean()) {
            return null;
        }
        if (content.has("multipart/form-data")) {
            return multipart(random);
        }
        JsonNode schema = content.path("application/json").path("schema");
        if (kind == Kind.WRONG_TYPES) {
            return json(wrongTypes(docs, schema, random), "wrong types");
        }
        return switch (random.nextInt(9)) {
            case 0 -> new Body(randomBytes(random, 1 + random.nextInt(2000)), "application/json", "random bytes");
            case 1 -> json("{\"a\":[1,2,{\"b\":", "cut off");
            case 2 -> json("[".repeat(10_000) + "]".repeat(10_000), "nested 10000 arrays");
            case 3 -> json("{\"x\":".repeat(3000) + "1" + "}".repeat(3000), "nested 3000 objects");
            case 4 -> json(schema.path("type").asString("").equals("array") ? "{}" : "[1,2,3]", "wrong root type");
            case 5 -> json(fill(docs, schema, random, "1e308"), "1e308 everywhere");
            case 6 -> json(fill(docs, schema, random, "-1e-308"), "1e-308 everywhere");
            case 7 -> json(fill(docs, schema, random, "\"" + "ü".repeat(20_000) + "\""), "20k strings");
            default -> new Body("x=1".getBytes(StandardCharsets.UTF_8), "text/plain", "wrong content type");
        };
    }

    private Body multipart(Random random) {
        String[] names = {"a\u0000b.txt", "../../etc/passwd", "x".repeat(5000) + ".docx", "ả.xlsx", "", "a\r\nb.csv",
                "plan.docx", "units.csv"};
        int choice = random.nextInt(4);
        if (choice == 0) {
            byte[] bytes = ("--XX\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nv\r\n--XX--\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            return new Body(bytes, "multipart/form-data; boundary=XX", "no file");
        }
        String name = pick(random, names);
        byte[] data = choice == 1 ? randomBytes(random, 1 + random.nextInt(5000))
                : choice == 2 ? zipLike(random) : "code,name\n\u0000,\"unclosed\n".getBytes(StandardCharsets.UTF_8);
        byte[] head = ("--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\r\n--XX--\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + data.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(data, 0, all, head.length, data.length);
        System.arraycopy(tail, 0, all, head.length + data.length, tail.length);
        return new Body(all, "multipart/form-data; boundary=XX", "upload " + name.length() + " chars name, "
                + data.length + " bytes");
    }

    /** Starts like a zip (a .docx/.xlsx), then garbage: the readers must say it is damaged. */
    private static byte[] zipLike(Random random) {
        byte[] b = randomBytes(random, 30 + random.nextInt(3000));
        b[0] = 0x50;
        b[1] = 0x4B;
        b[2] = 0x03;
        b[3] = 0x04;
        return b;
    }

    /** An object with every property of the schema set to a value (a JSON literal); arrays hold one such object. */
    private String fill(JsonNode docs, JsonNode schema, Random random, String literal) {
        JsonNode s = resolve(docs, schema);
        if ("array".equals(s.path("type").asString(""))) {
            return "[" + fill(docs, s.path("items"), random, literal) + "]";
        }
        JsonNode props = s.path("properties");
        if (props.isMissingNode() || props.isEmpty()) {
            return literal;
        }
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : props.properties()) {
            fields.add("\"" + p.getKey() + "\":" + literal);
        }
        return "{" + String.join(",", fields) + "}";
    }

    /** Each property given a value of another type than its schema says (a string for a number, an object for a list). */
    private String wrongTypes(JsonNode docs, JsonNode schema, Random random) {
        JsonNode s = resolve(docs, schema);
        if ("array".equals(s.path("type").asString(""))) {
            return "[" + wrongTypes(docs, s.path("items"), random) + "]";
        }
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
            String type = resolve(docs, p.getValue()).path("type").asString("object");
            String value = switch (type) {
                case "integer", "number" -> pick(random, new String[]{"\"twelve\"", "[1]", "{}", "true",
                        "123456789012345678901234567890", "1.5e400", "\"%C3%28\""});
                case "string" -> pick(random, new String[]{"12", "{}", "[\"a\"]", "false", "\"NOT_A_CONSTANT\"",
                        "\"2025-13-45\"", "\"\\u0000\""});
                case "boolean" -> pick(random, new String[]{"\"yes\"", "2", "[]"});
                case "array" -> pick(random, new String[]{"\"a,b\"", "{}", "[[[[]]]]", "[null,1,\"x\"]", "7"});
                default -> pick(random, new String[]{"\"text\"", "[]", "5", "null"});
            };
            fields.add("\"" + p.getKey() + "\":" + value);
        }
        return "{" + String.join(",", fields) + "}";
    }

    private static JsonNode resolve(JsonNode docs, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 5 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asString();
            s = docs.at(ref.substring(1));
        }
        return s;
    }

    private static Body json(String text, String describe) {
        return new Body(text.getBytes(StandardCharsets.UTF_8), "application/json", describe);
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    HttpResponse<byte[]> send(String method, String uri, byte[] body, String contentType) throws Exception {
        return send(method, uri, body, contentType, "application/json");
    }

    HttpResponse<byte[]> send(String method, String uri, byte[] body, String contentType, String accept)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + uri))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:dxgov-demo".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
