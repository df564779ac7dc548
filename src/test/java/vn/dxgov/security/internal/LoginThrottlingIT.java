package vn.dxgov.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.security.Role;
import vn.dxgov.support.RawHttp;
import vn.dxgov.support.TestUsers;

/**
 * Login throttling through the real login page and HTTP Basic: after 5 wrong passwords an account is locked for 15
 * minutes (the right password is refused meanwhile, with a message), after 20 failures from one address every login
 * from it is; the lockout ends after its time; every attempt is in the audit trail with the address and the reason.
 * Each test comes from addresses of its own (X-Forwarded-For from 127.0.0.1, a trusted proxy), so the other tests
 * sharing this server are not locked out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginThrottlingIT {

    @LocalServerPort
    int port;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    RawHttp http;
    String run;

    @BeforeEach
    void setUp() {
        http = new RawHttp(port);
        run = Long.toString(System.nanoTime(), 36);
    }

    @AfterEach
    void clock() {
        throttle.clock = Clock.systemUTC();
    }

    @Test
    void fiveWrongPasswordsOnTheLoginPageLockTheAccountEvenForTheRightPasswordUntilTheLockoutEnds() throws Exception {
        String user = users.ensure("throttle-form", run, Role.VIEWER, null);
        String ip = "198.51.100." + (10 + Math.floorMod(run.hashCode(), 200));
        for (int i = 1; i <= 4; i++) {
            assertThat(formLogin(user, "wrong-" + i, ip)).isEqualTo("/login?error");
        }
        assertThat(formLogin(user, "wrong-5", ip)).isEqualTo("/login?locked");
        assertThat(formLogin(user, "dxgov-demo", ip)).as("the right password during the lockout").isEqualTo("/login?locked");
        // from another address too: the account is locked, not the address
        assertThat(formLogin(user, "dxgov-demo", "203.0.113.250")).isEqualTo("/login?locked");

        RawHttp.Answer page = http.send("GET", "/login?locked", null);
        assertThat(page.body()).contains("Đăng nhập tạm bị khóa vì nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau 15 phút.");
        RawHttp.Answer english = http.send("GET", "/login?locked&lang=en", null);
        assertThat(english.body()).contains("Login is temporarily locked after too many failed attempts. Please try again in 15 minutes.");

        throttle.clock = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(15).plusSeconds(1));
        assertThat(formLogin(user, "dxgov-demo", ip)).isEqualTo("/");

        List<Map<String, Object>> audit = audit(user);
        assertThat(audit).extracting(r -> r.get("action")).containsExactly("login.failure", "login.failure",
                "login.failure", "login.failure", "login.failure", "login.locked", "login.locked", "login.success");
        JsonNode first = json.readTree((String) audit.get(0).get("after"));
        assertThat(first.get("ip").asString()).isEqualTo(ip);
        assertThat(first.get("method").asString()).isEqualTo("form");
        assertThat(first.get("reason").asString()).isEqualTo("bad credentials");
        assertThat(json.readTree((String) audit.get(4).get("after")).get("reason").asString())
                .isEqualTo("bad credentials; now locked");
        assertThat(json.readTree((String) audit.get(6).get("after")).get("ip").asString()).isEqualTo("203.0.113.250");
        assertThat(json.readTree((String) audit.get(7).get("after")).get("ip").asString()).isEqualTo(ip);
    }

    @Test
    void httpBasicIsThrottledTooAndAnswers429WithAMessageDuringTheLockout() throws Exception {
        String user = users.ensure("throttle-basic", run, Role.VIEWER, null);
        String ip = "198.51.100.2" + Math.floorMod(run.hashCode(), 10);
        for (int i = 1; i <= 4; i++) {
            assertThat(basic(user, "wrong-" + i, ip).status()).isEqualTo(401);
        }
        RawHttp.Answer fifth = basic(user, "wrong-5", ip);
        assertThat(fifth.status()).isEqualTo(429);
        RawHttp.Answer right = basic(user, "dxgov-demo", ip);
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.header("Content-Type")).startsWith("application/json");
        assertThat(Long.parseLong(right.header("Retry-After"))).isBetween(850L, 900L);
        JsonNode body = json.readTree(right.body());
        assertThat(body.get("status").asInt()).isEqualTo(429);
        assertThat(body.get("message").asString())
                .isEqualTo("Đăng nhập tạm bị khóa vì nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau 15 phút.");

        throttle.clock = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16));
        assertThat(basic(user, "dxgov-demo", ip).status()).isEqualTo(200);
        assertThat(audit(user)).extracting(r -> r.get("action")).containsExactly("login.failure", "login.failure",
                "login.failure", "login.failure", "login.failure", "login.locked", "login.success");
        assertThat(json.readTree((String) audit(user).get(0).get("after")).get("method").asString()).isEqualTo("basic");
    }

    @Test
    void twentyFailuresFromOneAddressLockEveryLoginFromItButNotFromElsewhere() throws Exception {
        String user = users.ensure("throttle-ip", run, Role.VIEWER, null);
        String ip = "192.0.2." + (1 + Math.floorMod(run.hashCode(), 250));
        // a password spray: 4 tries each of 5 invented names, under the account limit, 20 from the address
        for (int n = 0; n < 5; n++) {
            for (int i = 0; i < 4; i++) {
                basic("sprayed-" + n + "-" + run, "password" + i, ip);
            }
        }
        assertThat(basic(user, "dxgov-demo", ip).status()).isEqualTo(429);
        assertThat(basic(user, "dxgov-demo", "192.0.2.251").status()).isEqualTo(200);
    }

    /** Logs in on the login page from the address; the Location the login answers with. */
    private String formLogin(String user, String password, String ip) throws Exception {
        RawHttp.Answer page = http.send("GET", "/login", null, "X-Forwarded-For: " + ip);
        RawHttp.Answer in = http.form("/login", "username=" + user + "&password=" + password + "&_csrf=" + page.csrf(),
                "Cookie: " + page.session(), "X-Forwarded-For: " + ip);
        assertThat(in.status()).isEqualTo(302);
        return in.header("Location");
    }

    private RawHttp.Answer basic(String user, String password, String ip) throws Exception {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send("GET", "/api/v1/plans", null, "Authorization: Basic " + token, "X-Forwarded-For: " + ip);
    }

    private List<Map<String, Object>> audit(String user) {
        return jdbc.sql("""
                select action, after::text as after from audit_event
                where entity_type = 'app_user' and username = ? and action like 'login.%' order by id""")
                .param(user).query().listOfRows();
    }
}
