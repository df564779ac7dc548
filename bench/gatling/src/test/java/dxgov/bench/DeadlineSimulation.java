package dxgov.bench;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The deadline minute: {@code editors} agencies' editors (prefix0001 …, made by bench/gatling.sh) arrive evenly over
 * the first 50 s of a minute; each logs in, opens its report of the period, saves it with a task line of a percent
 * unique to it, and submits it (each POST followed by the page it leads to, as a browser does). Target (issue 13): no
 * error, p99 &lt; 1 s for the saves and submits; that no write was lost is bench/gatling.sh's check of the database.
 */
public class DeadlineSimulation extends Simulation {

    final int editors = Params.integer("editors", 1000);
    final String period = Params.get("period");
    final String prefix = System.getProperty("prefix", "bench.");

    Iterator<Map<String, Object>> feeder = IntStream.rangeClosed(1, editors)
            .mapToObj(i -> Map.<String, Object>of("user", String.format("%s%04d", prefix, i),
                    "password", System.getProperty("password", "dxgov-demo"), "i", i))
            .iterator();

    ChainBuilder csrf(String name, String path) {
        return exec(http(name).get(path).check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")));
    }

    ScenarioBuilder minute = scenario("deadline minute, " + editors + " editors")
            .feed(feeder)
            .exec(Login.asSessionUser())
            .exec(csrf("period page", "/reporting/periods/" + period))
            .exec(http("open report").post("/reporting/periods/" + period + "/open").formParam("_csrf", "#{csrf}")
                    .check(status().is(302), header("Location")
                            .transform(l -> l.substring(l.indexOf("/reporting/"))).saveAs("form")))
            .exec(http("report form").get("#{form}").check(status().is(200),
                    css("input[name=_csrf]", "value").saveAs("csrf"),
                    regex("name=\"k\\.(\\d+)\\.status\"").saveAs("task")))
            .exec(session -> {
                int i = session.getInt("i");
                return session.set("percent", String.valueOf((i - 1) % 99 + 1)).set("line", "Tải thử " + i)
                        .set("narrative", "Báo cáo thử tải số " + i);
            })
            .exec(http("save").post("#{form}")
                    .formParam("_csrf", "#{csrf}")
                    .formParam("k.#{task}.status", "IN_PROGRESS")
                    .formParam("k.#{task}.percent", "#{percent}")
                    .formParam("k.#{task}.narrative", "#{line}")
                    .formParam("narrative", "#{narrative}")
                    .check(status().is(302)))
            .exec(http("report after save").get("#{form}").check(status().is(200),
                    css("input[name=_csrf]", "value").saveAs("csrf")))
            .exec(http("submit").post("#{form}/submit")
                    .formParam("_csrf", "#{csrf}")
                    .formParam("k.#{task}.status", "IN_PROGRESS")
                    .formParam("k.#{task}.percent", "#{percent}")
                    .formParam("k.#{task}.narrative", "#{line}")
                    .formParam("narrative", "#{narrative}")
                    .check(status().is(302)))
            .exec(http("report after submit").get("#{form}").check(status().is(200)));

    {
        setUp(minute.injectOpen(rampUsers(editors).during(Duration.ofSeconds(50))))
                .protocols(http.baseUrl(Params.base()).acceptEncodingHeader("gzip, deflate").acceptHeader("text/html")
                        .disableFollowRedirect().disableCaching())
                .assertions(global().failedRequests().count().is(0L),
                        details("save").responseTime().percentile(99.0).lt(1000),
                        details("submit").responseTime().percentile(99.0).lt(1000));
    }
}
