package dxgov.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * Seed 001's plan page with 50 users logged in (own sessions), each asking for it again as soon as it has it, for
 * {@code seconds}. {@code -Dcache=true}: as browsers do (Gatling's cache sends the page's ETag, If-None-Match, and
 * takes 304); otherwise every page rendered and sent in full. Compressed as browsers ask (gzip). Targets (issue 13):
 * ≥ 100 pages/s, no error; with {@code -Dusers=1}, the page alone: median &lt; 100 ms.
 */
public class PlanPageSimulation extends Simulation {

    final int users = Params.integer("users", 50);
    final int seconds = Params.integer("seconds", 20);
    final boolean cache = Boolean.parseBoolean(System.getProperty("cache", "false"));
    final String plan = Params.get("plan");

    HttpProtocolBuilder protocol() {
        HttpProtocolBuilder p = http.baseUrl(Params.base()).acceptEncodingHeader("gzip, deflate")
                .acceptHeader("text/html").disableFollowRedirect().shareConnections();
        return cache ? p : p.disableCaching();
    }

    ScenarioBuilder readers = scenario("plan page, " + users + " users" + (cache ? ", browser cache" : ", no cache"))
            .exec(session -> session.set("user", System.getProperty("user", "steering"))
                    .set("password", System.getProperty("password", "dxgov-demo")))
            .exec(Login.asSessionUser())
            .exec(http("plan page (warm-up)").get("/plans/" + plan).check(status().is(200)))
            .exec(during(Duration.ofSeconds(seconds)).on(exec(http("plan page").get("/plans/" + plan)
                    .check(status().in(200, 304))
                    .checkIf((response, session) -> response.status().code() == 200)
                    .then(substring("id=\"results\"").exists()))));

    {
        var setup = setUp(readers.injectOpen(atOnceUsers(users))).protocols(protocol());
        if (users == 1) {
            setup.assertions(global().failedRequests().count().is(0L),
                    details("plan page").responseTime().percentile(50.0).lt(100));
        } else {
            // (Gatling's rate is over the whole run, logins included: bcrypt of cost 10 for each user first)
            setup.assertions(global().failedRequests().count().is(0L),
                    details("plan page").requestsPerSec().gte(100.0));
        }
    }
}
