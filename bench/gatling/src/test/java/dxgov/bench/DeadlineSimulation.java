package dxgov.bench;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
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
 * The deadline minute: {@code editors} agencies' editors (prefix0001 …, made by bench/gatling.sh) first log in and
 * open their report of the period (group "before", spread over {@code setupSeconds}, not a target), then arrive evenly
 * over the first 50 s of the minute; each saves its report with a task line of a percent unique to it and submits it
 * (each POST followed by the page it leads to, as a browser does: group "minute"). Target (issue 13): no
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

    /** Logins and forms opened over the first setupSeconds; the minute begins 10 s after. */
    final int setupSeconds = Params.integer("setupSeconds", 60);
    final long minuteStarts = System.currentTimeMillis() + (setupSeconds + 10) * 1000L;
    final long spreadMs = 50_000L / Math.max(1, editors);

    ChainBuilder before = exec(Login.asSessionUser())
            .exec(csrf("period page", "/reporting/periods/" + period))
            .exec(http("open report").post("/reporting/periods/" + period + "/open").formParam("_csrf", "#{csrf}")
                    .check(status().is(302), header("Location")
                            .transform(l -> l.substring(l.indexOf("/reporting/"))).saveAs("form")))
            .exec(http("report form").get("#{form}").check(status().is(200),
                    css("input[name=_csrf]", "value").saveAs("csrf"),
                    regex("name=\"k\\.(\\d+)\\.status\"").saveAs("task")));

    /** The report form as the editor sends it (one task line), to save or to submit; answered with a redirect. */
    static io.gatling.javaapi.http.HttpRequestActionBuilder report(String name, String path) {
        return http(name).post(path)
                .formParam("_csrf", "#{csrf}")
                .formParam("k.#{task}.status", "IN_PROGRESS")
                .formParam("k.#{task}.percent", "#{percent}")
                .formParam("k.#{task}.narrative", "#{line}")
                .formParam("narrative", "#{narrative}")
                .check(status().is(302));
    }

    ChainBuilder inTheMinute = exec(session -> {
                int i = session.getInt("i");
                return session.set("percent", String.valueOf((i - 1) % 99 + 1)).set("line", "Tải thử " + i)
                        .set("narrative", "Báo cáo thử tải số " + i);
            })
            .exec(report("save", "#{form}"))
            .exec(http("report after save").get("#{form}").check(status().is(200),
                    css("input[name=_csrf]", "value").saveAs("csrf")))
            .exec(report("submit", "#{form}/submit"))
            .exec(http("report after submit").get("#{form}").check(status().is(200)));

    ScenarioBuilder minute = scenario("deadline minute, " + editors + " editors")
            .feed(feeder)
            .exec(group("before").on(before))
            // editor i arrives at the minute's start + (i - 1) × 50 s / editors
            .pause(session -> Duration.ofMillis(Math.max(0,
                    minuteStarts + (session.getInt("i") - 1) * spreadMs - System.currentTimeMillis())))
            .exec(group("minute").on(inTheMinute));

    {
        setUp(minute.injectOpen(rampUsers(editors).during(Duration.ofSeconds(setupSeconds))))
                .protocols(http.baseUrl(Params.base()).acceptEncodingHeader("gzip, deflate").acceptHeader("text/html")
                        .disableFollowRedirect().disableCaching())
                .assertions(global().failedRequests().count().is(0L),
                        details("minute", "save").responseTime().percentile(99.0).lt(1000),
                        details("minute", "submit").responseTime().percentile(99.0).lt(1000),
                        details("minute", "report after save").responseTime().percentile(99.0).lt(1000),
                        details("minute", "report after submit").responseTime().percentile(99.0).lt(1000));
    }
}
