package vn.dxgov.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.dxgov.security.Role;
import vn.dxgov.support.RawHttp;
import vn.dxgov.support.TestUsers;

/**
 * The optional second factor end to end: a steering official enrols on {@code /account/totp} with a first code, then
 * a login needs the password and a code (every page leads to the code page until then, a used or wrong code is
 * refused), HTTP Basic is refused for the account, and a viewer may not enrol.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TotpLoginIT {

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    SecondFactor factor;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void clock() {
        factor.useClock(Clock.systemUTC());
    }

    @Test
    void enrolThenLogInWithPasswordAndCode() throws Exception {
        RawHttp http = new RawHttp(port);
        String run = Long.toString(System.nanoTime(), 36);
        String user = users.ensure("totp", run, Role.STEERING, null);
        String ip = "X-Forwarded-For: 198.19.0." + (1 + Math.floorMod(run.hashCode(), 250));
        Instant now = Instant.parse("2026-12-03T10:00:05Z");
        factor.useClock(Clock.fixed(now, ZoneOffset.UTC));
        long step = Totp.step(now);

        String session = login(http, user, ip);
        RawHttp.Answer page = http.send("GET", "/account/totp", null, "Cookie: " + session, ip);
        assertThat(page.status()).isEqualTo(200);
        Matcher m = Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7 ]+)<").matcher(page.body());
        assertThat(m.find()).isTrue();
        String secret = m.group(1).replace(" ", "");
        assertThat(page.body()).contains("otpauth://totp/dxgov:" + user + "?secret=" + secret + "&amp;issuer=dxgov");
        byte[] key = Totp.base32Decode(secret);

        RawHttp.Answer wrong = http.form("/account/totp", "code=000000&_csrf=" + page.csrf(), "Cookie: " + session, ip);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(factor.enrolled(user)).isFalse();
        RawHttp.Answer enrolled = http.form("/account/totp", "code=" + Totp.code(key, step, 6, "HmacSHA1") + "&_csrf="
                + wrong.csrf(), "Cookie: " + session, ip);
        assertThat(enrolled.status()).isEqualTo(302);
        assertThat(factor.enrolled(user)).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'user.totp.enable' and entity_id = ?")
                .param(user).query(Integer.class).single()).isEqualTo(1);

        // a new login: the password leads to the code page, and so does every page until the code is given
        RawHttp.Answer loginPage = http.send("GET", "/login", null, ip);
        RawHttp.Answer password = http.form("/login", "username=" + user + "&password=dxgov-demo&_csrf=" + loginPage.csrf(),
                "Cookie: " + loginPage.session(), ip);
        assertThat(password.header("Location")).isEqualTo("/login/totp");
        String pending = password.session();
        RawHttp.Answer blocked = http.send("GET", "/plans", null, "Cookie: " + pending, ip);
        assertThat(blocked.status()).isEqualTo(302);
        assertThat(blocked.header("Location")).isEqualTo("/login/totp");
        RawHttp.Answer codePage = http.send("GET", "/login/totp", null, "Cookie: " + pending, ip);
        assertThat(codePage.status()).isEqualTo(200);

        RawHttp.Answer bad = http.form("/login/totp", "code=123456&_csrf=" + codePage.csrf(), "Cookie: " + pending, ip);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("Mã không đúng hoặc đã dùng; hãy nhập mã đang hiện.");
        RawHttp.Answer reused = http.form("/login/totp", "code=" + Totp.code(key, step, 6, "HmacSHA1") + "&_csrf="
                + bad.csrf(), "Cookie: " + pending, ip);
        assertThat(reused.status()).as("the enrolment's code works once").isEqualTo(422);
        RawHttp.Answer ok = http.form("/login/totp", "code=" + Totp.code(key, step + 1, 6, "HmacSHA1") + "&_csrf="
                + reused.csrf(), "Cookie: " + pending, ip);
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.header("Location")).isEqualTo("/");
        assertThat(http.send("GET", "/plans", null, "Cookie: " + pending, ip).status()).isEqualTo(200);

        // HTTP Basic cannot carry a code: refused for this account, with the right password
        String basic = "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":dxgov-demo")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(http.send("GET", "/api/v1/plans", null, basic, ip).status()).isEqualTo(401);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where username = ? and action = 'login.failure'
                and after->>'reason' = 'second factor required'""").param(user).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where username = ? and action = 'login.success'
                and after->>'method' = 'totp'""").param(user).query(Integer.class).single()).isEqualTo(1);

        // only ADMIN and STEERING enrol
        String viewer = login(http, "viewer", ip);
        assertThat(http.send("GET", "/account/totp", null, "Cookie: " + viewer, ip).status()).isEqualTo(403);
    }

    private static String login(RawHttp http, String user, String ip) throws Exception {
        RawHttp.Answer page = http.send("GET", "/login", null, ip);
        RawHttp.Answer in = http.form("/login", "username=" + user + "&password=dxgov-demo&_csrf=" + page.csrf(),
                "Cookie: " + page.session(), ip);
        assertThat(in.status()).isEqualTo(302);
        return in.session() != null ? in.session() : page.session();
    }
}
