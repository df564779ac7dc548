package dxgov.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * The API at 200 clients with a Bearer token (READ), reading four endpoints in turn: the plan list, a plan, a target's
 * status, an indicator's values. {@code -DpaceMs=1000} (default): each client asks once a second, as a dashboard or an
 * integration polls (200 requests a second offered), and the target is p99 &lt; 50 ms (issue 13); {@code -DpaceMs=0}:
 * each asks again as soon as answered (the saturation throughput; latency is then clients ÷ throughput by
 * construction, so no latency target applies). The first {@code warmUp} seconds (10) are a group of their own
 * ("warm-up"), outside the target.
 */
public class ApiSimulation extends Simulation {

    final int clients = Params.integer("clients", 200);
    final int seconds = Params.integer("seconds", 20);
    final int paceMs = Params.integer("paceMs", 1000);
    final String token = Params.get("token");
    final String[] paths = {"/api/v1/plans", "/api/v1/plans/" + Params.get("plan"),
            "/api/v1/targets/" + Params.get("target") + "/status",
            "/api/v1/data-values?indicator=" + Params.get("indicator")};

    HttpProtocolBuilder protocol = http.baseUrl(Params.base()).acceptEncodingHeader("gzip, deflate")
            .acceptHeader("application/json").authorizationHeader("Bearer " + token).disableCaching()
            .shareConnections();

    final int warmUp = Params.integer("warmUp", 10);

    ChainBuilder oneRead() {
        ChainBuilder c = exec(session -> session.set("k", (session.getInt("k") + 1) % paths.length));
        for (int i = 0; i < paths.length; i++) {
            int k = i;
            c = c.doIf(session -> session.getInt("k") == k)
                    .then(exec(http(name(paths[k]))
                            .get(paths[k]).check(status().is(200))));
        }
        return c;
    }

    ScenarioBuilder reads = scenario("API reads, " + clients + " clients"
            + (paceMs > 0 ? ", one request each per " + paceMs + " ms" : ", back to back"))
            .exec(session -> session.set("k", (int) (session.userId() % paths.length)))
            // spread the clients' first requests over one pace
            .pause(Duration.ZERO, Duration.ofMillis(Math.max(1, paceMs)))
            // warm-up (the app's JIT and Gatling's own, on the same cores), then the measured part, as group "reads"
            .exec(group("warm-up").on(during(Duration.ofSeconds(warmUp)).on(paced())))
            .exec(group("reads").on(during(Duration.ofSeconds(seconds)).on(paced())));

    static String name(String path) {
        return "API " + path.replaceAll("/\\d+", "/{id}").replaceAll("=\\d+", "={id}");
    }

    ChainBuilder paced() {
        return paceMs > 0 ? exec(pace(Duration.ofMillis(paceMs))).exec(oneRead()) : oneRead();
    }

    {
        var setup = setUp(reads.injectOpen(atOnceUsers(clients))).protocols(protocol);
        if (paceMs > 0) {
            // each endpoint's requests of the measured part (a group's own response time is the sum of its
            // requests per user, not a request's)
            java.util.List<io.gatling.javaapi.core.Assertion> targets = new java.util.ArrayList<>();
            targets.add(global().failedRequests().count().is(0L));
            for (String path : paths) {
                targets.add(details("reads", name(path)).responseTime().percentile(99.0).lt(50));
            }
            setup.assertions(targets);
        } else {
            setup.assertions(global().failedRequests().count().is(0L));
        }
    }
}
