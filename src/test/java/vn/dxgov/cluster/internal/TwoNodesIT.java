package vn.dxgov.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.DxgovApplication;
import vn.dxgov.analytics.Aggregate;
import vn.dxgov.analytics.Analytics;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorDraft;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.security.Role;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.db.RunOnce;
import vn.dxgov.support.Http;
import vn.dxgov.support.RawHttp;
import vn.dxgov.support.TestData;
import vn.dxgov.support.TestUsers;
import vn.dxgov.units.AdminUnits;

/**
 * Two nodes on one database (issue 13, goal 3): this test's context is node A (the suite's usual context: it tells
 * the others, listens to none), a second application context in the same JVM on another port is node B, listening.
 * A value written through A is in B's totals, a token revoked on A is refused by B (whose row cache would keep it 10 s otherwise), a login on A is a login on B
 * (the session lives in the database), and a job's run claimed by both nodes at the same instant runs once.
 */
// sessions in PostgreSQL on both nodes, as in production (the test profile keeps them in the container)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.autoconfigure.exclude=")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT {

    /** What the test accepts; the bench (bench/two-nodes.sh) measures the real figure, milliseconds. */
    static final long BOUND_MS = 1_000;

    @LocalServerPort
    int portA;
    @Autowired
    TestData data;
    @Autowired
    TestUsers users;
    @Autowired
    IndicatorCatalog indicators;
    @Autowired
    DataValueStore values;
    @Autowired
    AdminUnits units;
    @Autowired
    RunOnce onceA;
    @Autowired
    ObjectMapper json;
    @Autowired
    ClusterBus busA;

    ConfigurableApplicationContext nodeB;
    int portB;
    final String run = Long.toString(System.nanoTime(), 36);
    String steering;
    long thanhHoa;

    @BeforeAll
    void startNodeB() {
        data.ensureUnits();
        // arguments, not default properties: those give way to application-test.yml
        nodeB = new SpringApplicationBuilder(DxgovApplication.class).profiles("test")
                .run("--server.port=0", "--dxgov.cluster.listen=true", "--dxgov.tokens.cache=PT1M",
                        "--spring.autoconfigure.exclude=");
        portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
        steering = users.ensure("nd-st", run, Role.STEERING, null);
        thanhHoa = units.find("38", LocalDate.of(2024, 1, 1)).orElseThrow().id();
    }

    @AfterAll
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    /** Waits until the condition holds or the bound passes; the milliseconds it took, or -1. */
    static long within(long boundMs, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            if (condition.getAsBoolean()) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            if ((System.nanoTime() - start) / 1_000_000 > boundMs) {
                return -1;
            }
            Thread.sleep(2);
        }
    }

    @Test
    void aValueWrittenThroughAIsInBsTotals() throws Exception {
        Indicator indicator = users.as(steering, () -> indicators.create(new IndicatorDraft("ND" + run.toUpperCase(),
                "Chỉ số hai nút " + run, "đơn vị", vn.dxgov.indicators.IndicatorTypes.ValueType.NUMBER,
                vn.dxgov.indicators.IndicatorTypes.Direction.HIGHER, vn.dxgov.indicators.IndicatorTypes.UnitAggregation.SUM,
                vn.dxgov.indicators.IndicatorTypes.PeriodAggregation.SUM, null, 0, null)));
        Analytics analyticsB = nodeB.getBean(Analytics.class);
        Period year = Period.parse("2024");
        // the first write also warms node B's code path (and reads the new indicator there): a looser bound
        users.as(steering, () -> values.write(List.of(new DataValueInput(indicator.id(), thanhHoa, "2024",
                BigDecimal.ONE, null, null, null)), ValueSource.FORM, null, false));
        assertThat(within(5 * BOUND_MS, () -> analyticsB.value(indicator.id(), thanhHoa, year).isPresent()))
                .as("first write seen by node B").isNotNegative();
        List<Long> seen = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            BigDecimal figure = BigDecimal.valueOf(1_000 + i);
            users.as(steering, () -> values.write(List.of(new DataValueInput(indicator.id(), thanhHoa, "2024", figure,
                    null, null, null)), ValueSource.FORM, null, false));
            long ms = within(BOUND_MS, () -> analyticsB.value(indicator.id(), thanhHoa, year)
                    .map(a -> a.value().compareTo(figure) == 0).orElse(false));
            assertThat(ms).as("write %d seen by node B (ms)", i).isBetween(0L, BOUND_MS);
            seen.add(ms);
        }
        seen.sort(null);
        System.out.printf("TwoNodesIT: write through A -> in B's aggregate, in one JVM, 20 writes: median %d ms, max %d ms%n",
                seen.get(10), seen.get(19));
        // a deletion too
        users.as(steering, () -> values.write(List.of(new DataValueInput(indicator.id(), thanhHoa, "2024", null, null,
                null, null)), ValueSource.FORM, null, false));
        assertThat(within(BOUND_MS, () -> analyticsB.value(indicator.id(), thanhHoa, year).isEmpty()))
                .as("deletion seen by node B").isBetween(0L, BOUND_MS);
        Optional<Aggregate> onA = nodeAAnalytics().value(indicator.id(), thanhHoa, year);
        assertThat(onA).isEmpty();
        assertThat(busA.sent()).isPositive();
    }

    @Autowired
    Analytics analyticsA;

    Analytics nodeAAnalytics() {
        return analyticsA;
    }

    @Test
    void aTokenRevokedOnAIsRefusedByBAtOnce() throws Exception {
        String admin = users.ensure("nd-ad", run, Role.ADMIN, null, "38");
        Http a = new Http(portA, json);
        Http.Answer made = a.call(admin, "POST", "/api/v1/tokens", Map.of("name", "hai-nut-" + run, "access", "READ"));
        assertThat(made.status()).isEqualTo(201);
        String token = made.body().get("secret").asText();
        long id = made.body().get("token").get("id").asLong();
        String path = "/api/v1/data-values?unit=" + thanhHoa;
        assertThat(bearer(portB, token, path)).isEqualTo(200);
        assertThat(bearer(portB, token, path)).as("now cached on B for a minute").isEqualTo(200);

        assertThat(a.call(admin, "DELETE", "/api/v1/tokens/" + id, null).status()).isEqualTo(200);
        long ms = within(BOUND_MS, () -> bearer(portB, token, path) == 401);
        assertThat(ms).as("revocation seen by node B (ms)").isBetween(0L, BOUND_MS);
    }

    static int bearer(int port, String token, String path) {
        return RestClient.create("http://localhost:" + port).method(HttpMethod.GET).uri(path)
                .headers(h -> h.set("Authorization", "Bearer " + token))
                .exchange((req, res) -> {
                    res.getBody().readAllBytes();
                    return res.getStatusCode().value();
                });
    }

    @Test
    void aLoginOnAIsALoginOnB() throws Exception {
        String viewer = users.ensure("nd-vw", run, Role.VIEWER, null);
        String ip = "X-Forwarded-For: 198.18.7." + (1 + Math.floorMod(run.hashCode(), 250));
        RawHttp a = new RawHttp(portA);
        RawHttp b = new RawHttp(portB);
        RawHttp.Answer page = a.send("GET", "/login", null, ip);
        RawHttp.Answer in = a.form("/login", "username=" + viewer + "&password=" + Http.PASSWORD + "&_csrf="
                + page.csrf(), "Cookie: " + page.session(), ip);
        assertThat(in.status()).isEqualTo(302);
        String session = in.session() != null ? in.session() : page.session();

        RawHttp.Answer onB = b.send("GET", "/notifications", null, "Cookie: " + session, ip);
        assertThat(onB.status()).as("the session made on A is valid on B").isEqualTo(200);
        assertThat(onB.body()).contains(viewer.substring(0, 5));
        RawHttp.Answer stranger = b.send("GET", "/notifications", null, ip);
        assertThat(stranger.status()).as("no session: to the login (401 for a client that is not a browser)")
                .isIn(302, 401);

        // logging out on B ends it on A
        RawHttp.Answer form = b.send("GET", "/notifications", null, "Cookie: " + session, ip);
        RawHttp.Answer out = b.form("/logout", "_csrf=" + form.csrf(), "Cookie: " + session, ip);
        assertThat(out.status()).isIn(204, 302);
        assertThat(a.send("GET", "/notifications", null, "Cookie: " + session, ip).status()).isIn(302, 401);
    }

    @Test
    void aNodeThatLostItsLinkConnectsAgainAndRebuilds() throws Exception {
        ClusterBus busB = nodeB.getBean(ClusterBus.class);
        long before = busB.reconnects();
        int killed = jdbc.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")
                .param("dxgov-cluster-" + busB.node()).query(Integer.class).single();
        assertThat(killed).isEqualTo(1);
        assertThat(within(10_000, () -> busB.reconnects() > before)).as("connected again").isNotNegative();
        // what is written afterwards arrives as before
        Indicator indicator = users.as(steering, () -> indicators.create(new IndicatorDraft("NR" + run.toUpperCase(),
                "Chỉ số nối lại " + run, "đơn vị", vn.dxgov.indicators.IndicatorTypes.ValueType.NUMBER,
                vn.dxgov.indicators.IndicatorTypes.Direction.HIGHER, vn.dxgov.indicators.IndicatorTypes.UnitAggregation.SUM,
                vn.dxgov.indicators.IndicatorTypes.PeriodAggregation.SUM, null, 0, null)));
        users.as(steering, () -> values.write(List.of(new DataValueInput(indicator.id(), thanhHoa, "2023",
                BigDecimal.TEN, null, null, null)), ValueSource.FORM, null, false));
        Analytics analyticsB = nodeB.getBean(Analytics.class);
        assertThat(within(BOUND_MS, () -> analyticsB.value(indicator.id(), thanhHoa, Period.parse("2023")).isPresent()))
                .isBetween(0L, BOUND_MS);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aRunClaimedByBothNodesAtOnceRunsOnce() throws Exception {
        RunOnce onceB = nodeB.getBean(RunOnce.class);
        AtomicInteger runs = new AtomicInteger();
        int rounds = 20;
        CyclicBarrier together = new CyclicBarrier(2);
        Runnable work = runs::incrementAndGet;
        Thread other = new Thread(() -> {
            for (int i = 0; i < rounds; i++) {
                await(together);
                onceB.run("two-nodes-" + run, Integer.toString(i), work);
            }
        });
        other.start();
        for (int i = 0; i < rounds; i++) {
            await(together);
            onceA.run("two-nodes-" + run, Integer.toString(i), work);
        }
        other.join(10_000);
        assertThat(runs.get()).as("one run per slot of %d, whichever node claimed it", rounds).isEqualTo(rounds);
        // and later than the others (a node starting after the run and catching up) it does not run again
        assertThat(onceB.run("two-nodes-" + run, "0", work)).isFalse();
        // a run that failed gives its slot back
        try {
            onceA.run("two-nodes-" + run, "failed", () -> {
                throw new IllegalStateException("the database went away");
            });
        } catch (IllegalStateException expected) {
            // the caller logs it
        }
        assertThat(onceB.run("two-nodes-" + run, "failed", work)).isTrue();
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
