package dxgov.bench;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;

/** Form login as a browser does it: the login page (its CSRF token), then the form; the cookie stays with the user. */
final class Login {

    private Login() {
    }

    /** Logs in as the session's {@code user} with {@code password}. */
    static ChainBuilder asSessionUser() {
        return exec(http("login page").get("/login")
                .check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
                .exec(http("login").post("/login")
                        .formParam("username", "#{user}")
                        .formParam("password", "#{password}")
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(302), header("Location").not("/login?error")));
    }
}
