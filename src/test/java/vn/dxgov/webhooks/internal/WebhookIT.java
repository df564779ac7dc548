package vn.dxgov.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionAction;
import vn.dxgov.reporting.SubmissionChanged;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.security.Role;
import vn.dxgov.support.Http;
import vn.dxgov.support.TestData;
import vn.dxgov.support.TestUsers;

/**
 * Webhooks (issue 12): a local receiver on 127.0.0.1 gets a signed call when a report of the token's agency is
 * approved (the HMAC checked here as a receiver would), a 500 is retried after the back-off (1 minute first; the
 * test then makes the delivery due at once instead of waiting, as the shared test context keeps the default), the
 * back-off ends in FAILED, "send again" starts over, the log shows every attempt, another agency's token gets nothing,
 * and the event delivered twice stores one delivery.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookIT {

    static final String PROVINCE = "38";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    TestUsers users;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Reporting reporting;
    @Autowired
    WebhookSender sender;
    @Autowired
    WebhookEvents events;

    final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    Http http;
    HttpServer receiver;
    /** The answers the receiver gives on "/hook", in order; 200 once they are used up (and on every other path). */
    final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    String admin;
    String steering;
    String editor;
    long agency;
    long otherAgency;
    ReportingPeriod period;

    record Received(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @BeforeAll
    void setUp() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8)));
            Integer status = exchange.getRequestURI().getPath().equals("/hook") ? answers.poll() : null;
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        receiver.start();

        data.resetPlans();
        data.ensureUnits();
        http = new Http(port, json);
        steering = users.ensure("wh-st", run, Role.STEERING, null, PROVINCE);
        admin = users.ensure("wh-ad", run, Role.ADMIN, null, PROVINCE);
        Http.Answer imported = http.upload(steering, "/api/v1/imports", "001.txt",
                new ClassPathResource("seed/plans/001_16196319a76d78f9.txt").getContentAsByteArray());
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        long plan = imported.body().get("planId").asLong();
        assertThat(http.call(steering, "POST", "/api/v1/plans/" + plan + "/publish", null).status()).isEqualTo(200);
        period = users.as(steering, () -> reporting.periods(plan)).stream().filter(p -> p.period().startsWith("2025"))
                .findFirst().orElseThrow();
        List<Long> required = users.as(steering, () -> reporting.requiredAgencies(period.id()));
        agency = required.get(0);
        otherAgency = required.get(1);
        editor = users.ensure("wh-ed", run, Role.EDITOR, agency, PROVINCE);
    }

    @AfterAll
    void stop() {
        receiver.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    JsonNode makeToken(String name, long agencyId, String path) {
        Http.Answer a = http.call(admin, "POST", "/api/v1/tokens", Map.of("name", name + "-" + run, "agencyId", agencyId,
                "access", "READ", "webhookUrl", url(path)));
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        return a.body();
    }

    static ReportInput complete(ReportForm form) {
        List<ReportInput.TargetValue> values = form.targets().stream().filter(l -> l.required() && !l.locked())
                .map(l -> l.ratio()
                        ? new ReportInput.TargetValue(l.targetId(), null, BigDecimal.valueOf(45), BigDecimal.valueOf(50), null, l.split(), null)
                        : new ReportInput.TargetValue(l.targetId(), l.yesNo() ? BigDecimal.ONE : BigDecimal.valueOf(12), null, null, null, l.split(), null))
                .toList();
        List<ReportInput.TaskProgress> progress = form.tasks().stream().filter(ReportForm.TaskLine::required)
                .map(l -> new ReportInput.TaskProgress(l.taskId(), TaskProgressStatus.IN_PROGRESS, 60, "Đang triển khai"))
                .toList();
        return new ReportInput("Cơ quan đã triển khai các nhiệm vụ được giao.", values, progress);
    }

    List<Map<String, Object>> deliveriesOf(long tokenId) {
        return jdbc.sql("select id, status, attempts, last_status_code from webhook_delivery where token_id = ?")
                .param(tokenId).query().listOfRows();
    }

    List<Map<String, Object>> awaitDeliveries(long tokenId) throws InterruptedException {
        for (int i = 0; i < 100 && deliveriesOf(tokenId).isEmpty(); i++) {
            Thread.sleep(100);
        }
        return deliveriesOf(tokenId);
    }

    /** The token's pending deliveries due now, as if their back-off had passed. */
    void due(long tokenId) {
        jdbc.sql("update webhook_delivery set next_attempt_at = now() where token_id = ? and status = 'PENDING'")
                .param(tokenId).update();
    }

    static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anApprovedReportIsSignedRetriedAndLogged() throws Exception {
        JsonNode made = makeToken("nhan", agency, "/hook");
        long tokenId = made.get("token").get("id").asLong();
        String secret = made.get("webhookSecret").asText();
        long otherToken = makeToken("khac", otherAgency, "/other").get("token").get("id").asLong();

        Submission s = users.as(editor, () -> reporting.open(period.id(), agency));
        users.as(editor, () -> reporting.save(s.id(), complete(reporting.form(s.id()))));
        users.as(editor, () -> reporting.submit(s.id()));
        Submission approved = users.as(steering, () -> reporting.approve(s.id()));

        List<Map<String, Object>> stored = awaitDeliveries(tokenId);
        assertThat(stored).hasSize(1);
        long deliveryId = ((Number) stored.get(0).get("id")).longValue();
        // the listener delivered the event again (the registry's retry; the call runs asynchronously, after it the
        // listener's own executor is idle again): nothing new
        events.on(new SubmissionChanged(approved, SubmissionAction.APPROVE, steering, null));
        Thread.sleep(1500);
        assertThat(deliveriesOf(tokenId)).hasSize(1);
        assertThat(deliveriesOf(otherToken)).as("another agency's report is not the other token's").isEmpty();

        // first attempt: the receiver answers 500, the delivery waits for its retry
        answers.add(500);
        int before = received.size();
        sender.sendDue();
        Map<String, Object> afterFirst = deliveriesOf(tokenId).get(0);
        assertThat(afterFirst.get("status")).isEqualTo("PENDING");
        assertThat(afterFirst.get("attempts")).isEqualTo(1);
        assertThat(afterFirst.get("last_status_code")).isEqualTo(500);
        java.sql.Timestamp next = jdbc.sql("select next_attempt_at from webhook_delivery where id = ?").param(deliveryId)
                .query(java.sql.Timestamp.class).single();
        assertThat(next.toInstant()).isBetween(java.time.Instant.now().plusSeconds(30), java.time.Instant.now().plusSeconds(90));
        sender.sendDue();
        assertThat(deliveriesOf(tokenId).get(0).get("attempts")).as("not due before its back-off").isEqualTo(1);
        // second attempt, once the back-off passed: delivered
        due(tokenId);
        sender.sendDue();
        Map<String, Object> afterSecond = deliveriesOf(tokenId).get(0);
        assertThat(afterSecond.get("status")).isEqualTo("DELIVERED");
        assertThat(afterSecond.get("attempts")).isEqualTo(2);

        // (tokens of the province made by the other test get their own calls: only this token's are looked at)
        List<Received> calls = received.subList(before, received.size()).stream().filter(c -> c.path().equals("/hook"))
                .toList();
        assertThat(calls).hasSize(2);
        Received call = calls.get(1);
        assertThat(call.header("X-Dxgov-Event")).isEqualTo("report.approved");
        assertThat(call.header("X-Dxgov-Delivery")).isEqualTo(Long.toString(deliveryId));
        String timestamp = call.header("X-Dxgov-Timestamp");
        assertThat(Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis() / 1000)).isLessThan(300);
        assertThat(call.header("X-Dxgov-Signature")).isEqualTo(hmac(secret, timestamp + "." + call.body()));
        assertThat(call.header("X-Dxgov-Signature")).isNotEqualTo(hmac(secret, timestamp + "." + call.body() + " "));
        JsonNode body = json.readTree(call.body());
        assertThat(body.get("event").asText()).isEqualTo("report.approved");
        assertThat(body.get("province").asText()).isEqualTo(PROVINCE);
        assertThat(body.get("data").get("submissionId").asLong()).isEqualTo(s.id());
        assertThat(body.get("data").get("status").asText()).isEqualTo("APPROVED");
        assertThat(call.body()).doesNotContain("Cơ quan đã triển khai");

        // the log, as the API and the page show it
        Http.Answer log = http.get(admin, "/api/v1/tokens/" + tokenId + "/deliveries");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body().get(0).get("attempts").asInt()).isEqualTo(2);
        assertThat(log.body().get(0).get("status").asText()).isEqualTo("DELIVERED");
        assertThat(http.get(admin, "/admin/tokens/" + tokenId + "/deliveries").text()).contains("Đã gửi");
        String adminB = users.ensure("wh-ad-b", run, Role.ADMIN, null, "19");
        assertThat(http.get(adminB, "/api/v1/tokens/" + tokenId + "/deliveries").status()).isEqualTo(404);
        assertThat(http.get(editor, "/api/v1/tokens/" + tokenId + "/deliveries").status()).isEqualTo(403);

        // sent again by hand, to a receiver that keeps failing: after the back-off's five waits, FAILED
        Http.Answer again = http.call(admin, "POST", "/api/v1/tokens/" + tokenId + "/deliveries/" + deliveryId + "/retry", null);
        assertThat(again.status()).isEqualTo(202);
        for (int i = 0; i < 6; i++) {
            answers.add(503);
            due(tokenId);
            sender.sendDue();
        }
        Map<String, Object> failed = deliveriesOf(tokenId).get(0);
        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat(failed.get("attempts")).isEqualTo(6);
        assertThat(failed.get("last_status_code")).isEqualTo(503);
        answers.clear();
    }

    @Test
    void aPublishedRoundGoesToEveryTokenOfItsProvinceOnly() throws Exception {
        long agencyToken = makeToken("vong-cq", agency, "/round-agency").get("token").get("id").asLong();
        Http.Answer made = http.call(admin, "POST", "/api/v1/tokens", Map.of("name", "vong-tinh-" + run, "access", "READ",
                "webhookUrl", url("/round-province")));
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        long provinceToken = made.body().get("token").get("id").asLong();
        String adminB = users.ensure("wh-ad-b2", run, Role.ADMIN, null, "19");
        Http.Answer other = http.call(adminB, "POST", "/api/v1/tokens", Map.of("name", "vong-b-" + run, "access", "READ",
                "webhookUrl", url("/round-other")));
        assertThat(other.status()).as(other.text()).isEqualTo(201);
        long otherToken = other.body().get("token").get("id").asLong();
        long provinceUnit = jdbc.sql("select id from admin_unit where code = ? and level = 'PROVINCE'"
                + " order by valid_from desc limit 1").param(PROVINCE).query(Long.class).single();
        long roundId = 900_000 + ThreadLocalRandom.current().nextInt(99_999);
        vn.dxgov.assessment.RoundPublished published = new vn.dxgov.assessment.RoundPublished(roundId, 1,
                vn.dxgov.units.UnitLevel.COMMUNE, 2025, provinceUnit, 12, java.time.Instant.now());
        events.on(published); // asynchronous (an @ApplicationModuleListener), hence the waits below
        events.on(published);
        assertThat(awaitDeliveries(agencyToken)).hasSize(1);
        assertThat(awaitDeliveries(provinceToken)).hasSize(1);
        Thread.sleep(1000);
        assertThat(deliveriesOf(agencyToken)).hasSize(1);
        assertThat(deliveriesOf(otherToken)).isEmpty();
        int before = received.size();
        sender.sendDue();
        List<Received> calls = new ArrayList<>(received.subList(before, received.size()));
        // (the tokens of the other test, of the same province, get it too)
        assertThat(calls).extracting(Received::path).contains("/round-agency", "/round-province")
                .doesNotContain("/round-other");
        JsonNode body = json.readTree(calls.stream().filter(c -> c.path().equals("/round-province")).findFirst()
                .orElseThrow().body());
        assertThat(body.get("event").asText()).isEqualTo("round.published");
        assertThat(body.get("data").get("roundId").asLong()).isEqualTo(roundId);
        assertThat(body.get("data").get("resultCount").asInt()).isEqualTo(12);
        // a revoked token's pending delivery is not sent
        long again = makeToken("vong-thu-hoi", agency, "/round-revoked").get("token").get("id").asLong();
        events.on(new vn.dxgov.assessment.RoundPublished(roundId + 1, 1, vn.dxgov.units.UnitLevel.COMMUNE, 2025,
                provinceUnit, 3, java.time.Instant.now()));
        assertThat(awaitDeliveries(again)).hasSize(1);
        assertThat(http.call(admin, "DELETE", "/api/v1/tokens/" + again, null).status()).isEqualTo(200);
        before = received.size();
        sender.sendDue();
        assertThat(received.subList(before, received.size())).extracting(Received::path).doesNotContain("/round-revoked");
        assertThat(deliveriesOf(again).get(0).get("status")).isEqualTo("FAILED");
    }
}
