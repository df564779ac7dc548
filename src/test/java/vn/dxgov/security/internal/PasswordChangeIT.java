package vn.dxgov.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

/** Changing one's own password through the API and the page, under the password policy, audited. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PasswordChangeIT {

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theApiNeedsTheCurrentPasswordAndAPolicyCompliantNewOne() throws Exception {
        RawHttp http = new RawHttp(port);
        String run = Long.toString(System.nanoTime(), 36);
        String user = users.ensure("doimk", run, Role.VIEWER, null);
        String ip = "X-Forwarded-For: 198.18.0." + (1 + Math.floorMod(run.hashCode(), 250));

        RawHttp.Answer wrong = put(http, user, "dxgov-demo", "{\"currentPassword\":\"sai\",\"newPassword\":\"password\"}", ip);
        assertThat(wrong.status()).isEqualTo(400);
        JsonNode details = json.readTree(wrong.body()).get("details");
        assertThat(details.get(0).asString()).isEqualTo("currentPassword: Mật khẩu hiện tại không đúng.");
        assertThat(details.get(1).asString()).isEqualTo("newPassword: Mật khẩu cần ít nhất 10 ký tự.");
        assertThat(json.readTree(put(http, user, "dxgov-demo", "{\"currentPassword\":\"dxgov-demo\",\"newPassword\":\"matkhau123\"}", ip)
                .body()).get("details").get(0).asString())
                .isEqualTo("newPassword: Mật khẩu này quá phổ biến nên dễ bị đoán; hãy chọn mật khẩu khác.");
        assertThat(json.readTree(put(http, user, "dxgov-demo", "{\"currentPassword\":\"dxgov-demo\",\"newPassword\":\"" + user
                + "-mùa-xuân\"}", ip).body()).get("details").get(0).asString())
                .isEqualTo("newPassword: Mật khẩu không được chứa tên đăng nhập.");

        String strong = "Sông-Mã-chảy-2025";
        assertThat(put(http, user, "dxgov-demo", "{\"currentPassword\":\"dxgov-demo\",\"newPassword\":\"" + strong + "\"}", ip)
                .status()).isEqualTo(204);
        assertThat(get(http, user, "dxgov-demo", ip).status()).isEqualTo(401);
        assertThat(get(http, user, strong, ip).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'user.password.change' and entity_id = ?")
                .param(user).query(Integer.class).single()).isEqualTo(1);

        // the page: a weak password comes back with its message (422), a good one is saved
        RawHttp.Answer login = http.send("GET", "/login", null, ip);
        RawHttp.Answer in = http.form("/login", "username=" + user + "&password=" + enc(strong) + "&_csrf=" + login.csrf(),
                "Cookie: " + login.session(), ip);
        String session = in.session() != null ? in.session() : login.session();
        RawHttp.Answer page = http.send("GET", "/account/password", null, "Cookie: " + session, ip);
        assertThat(page.status()).isEqualTo(200);
        RawHttp.Answer refused = http.form("/account/password", "currentPassword=" + enc(strong)
                + "&newPassword=12345678&_csrf=" + page.csrf(), "Cookie: " + session, ip);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Mật khẩu cần ít nhất 10 ký tự.").doesNotContain("12345678\"")
                .doesNotContain(strong);
        RawHttp.Answer saved = http.form("/account/password", "currentPassword=" + enc(strong)
                + "&newPassword=" + enc("Lúa-chín-vàng-đồng") + "&_csrf=" + refused.csrf(), "Cookie: " + session, ip);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.header("Location")).isEqualTo("/account/password");
        assertThat(get(http, user, "Lúa-chín-vàng-đồng", ip).status()).isEqualTo(200);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static RawHttp.Answer put(RawHttp http, String user, String password, String body, String ip) throws Exception {
        return http.send("PUT", "/api/v1/users/me/password", body, basic(user, password),
                "Content-Type: application/json; charset=UTF-8", ip);
    }

    private static RawHttp.Answer get(RawHttp http, String user, String password, String ip) throws Exception {
        return http.send("GET", "/api/v1/plans", null, basic(user, password), ip);
    }
}
