package vn.dxgov.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Single sign-on configured, its provider unreachable (nothing listens on port 1): dxgov starts all the same (the
 * discovery document is read at the first SSO login, not at start), the SSO button comes back to the login page with
 * a message instead of an error page, and passwords keep working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {"dxgov.oidc.issuer-uri=http://127.0.0.1:1/realms/motcua", "dxgov.oidc.client-id=dxgov",
        "dxgov.oidc.client-secret=secret"})
@DirtiesContext
class SsoProviderDownIT {

    @LocalServerPort
    int port;

    @Test
    void dxgovStartsTheButtonExplainsAndPasswordsWork() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        Document login = Jsoup.parse(browser.send(page("/login"), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(login.select("#login-sso").attr("href")).isEqualTo("/oauth2/authorization/sso");

        HttpResponse<String> back = browser.send(page("/oauth2/authorization/sso"), HttpResponse.BodyHandlers.ofString());
        assertThat(back.uri().getPath()).isEqualTo("/login");
        assertThat(back.uri().getQuery()).isEqualTo("sso-error=provider");
        assertThat(Jsoup.parse(back.body()).select("#sso-error").text())
                .isEqualTo("Không đăng nhập được qua hệ thống một cửa. Vui lòng thử lại sau hoặc đăng nhập bằng mật khẩu.");

        HttpResponse<String> api = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/plans"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "steering:dxgov-demo".getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
    }

    HttpRequest page(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", "vi")
                .header("Accept", "text/html").GET().build();
    }
}
