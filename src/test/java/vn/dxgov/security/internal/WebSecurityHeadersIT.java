package vn.dxgov.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.dxgov.support.RawHttp;

/**
 * The headers of pages and API answers, the session cookie, and the redirects of the login flow, over plain HTTP and as
 * a TLS proxy forwards them ({@code X-Forwarded-Proto: https} from 127.0.0.1, a trusted proxy), with forged
 * {@code Host} and {@code X-Forwarded-Host} headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebSecurityHeadersIT {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'; form-action 'self'";

    @LocalServerPort
    int port;
    RawHttp http;

    @BeforeEach
    void client() {
        http = new RawHttp(port);
    }

    @Test
    void pagesAndApiCarryTheSecurityHeaders() throws Exception {
        for (RawHttp.Answer a : new RawHttp.Answer[] {
                http.send("GET", "/login", null),
                http.send("GET", "/api/v1/plans", null, "Authorization: Basic " + basic("viewer")),
                http.send("GET", "/api/v1/plans", null)}) {
            assertThat(a.header("Content-Security-Policy")).isEqualTo(CSP);
            assertThat(a.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(a.header("Permissions-Policy")).isEqualTo(WebHeaders.PERMISSIONS);
            assertThat(a.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(a.header("X-Frame-Options")).isEqualTo("DENY");
            // plain HTTP: no HSTS (a browser ignores it there, and it would be wrong on a test machine)
            assertThat(a.header("Strict-Transport-Security")).isNull();
        }
    }

    @Test
    void theApiExplorerAloneMayApplyInlineStyles() throws Exception {
        RawHttp.Answer explorer = http.send("GET", "/swagger-ui/index.html", null);
        assertThat(explorer.status()).isEqualTo(200);
        assertThat(explorer.header("Content-Security-Policy"))
                .isEqualTo(CSP.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';"))
                .contains("script-src 'self';");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndSecureOnlyBehindATlsProxy() throws Exception {
        RawHttp.Answer plain = http.send("GET", "/login", null);
        String cookie = plain.all("set-cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("; HttpOnly").contains("; SameSite=Lax").doesNotContain("Secure");

        RawHttp.Answer proxied = http.send("GET", "/login", null, "X-Forwarded-Proto: https",
                "X-Forwarded-For: 203.0.113.7", "Host: dxgov.example.vn");
        String secure = proxied.all("set-cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(secure).contains("; Secure").contains("; HttpOnly").contains("; SameSite=Lax");
        assertThat(proxied.header("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void theLoginRedirectsNeverFollowAForgedHost() throws Exception {
        // a page asked for without a login: the login page, as a path (not http://evil.example/login)
        RawHttp.Answer asked = http.send("GET", "/plans", null, "Host: evil.example", "Accept: text/html");
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asked.header("Location")).isEqualTo("/login");
        String session = asked.session();
        assertThat(session).isNotNull();

        RawHttp.Answer page = http.send("GET", "/login", null, "Host: evil.example", "Cookie: " + session);
        String csrf = page.csrf();
        assertThat(csrf).isNotNull();

        // log in with the forged host, and as a trusted proxy passing a forged X-Forwarded-Host: back to /plans, a path
        RawHttp.Answer in = http.form("/login", "username=viewer&password=dxgov-demo&_csrf=" + csrf,
                "Host: evil.example", "X-Forwarded-Host: evil.example", "Cookie: " + session);
        assertThat(in.status()).isEqualTo(302);
        assertThat(in.header("Location")).isEqualTo("/plans?continue");

        // a wrong password: back to the login page, as a path
        RawHttp.Answer fresh = http.send("GET", "/login", null, "Host: evil.example");
        RawHttp.Answer wrong = http.form("/login", "username=viewer&password=nope&_csrf=" + fresh.csrf(),
                "Host: evil.example", "Cookie: " + fresh.session(), "X-Forwarded-For: 198.51.100.99");
        assertThat(wrong.status()).isEqualTo(302);
        assertThat(wrong.header("Location")).isEqualTo("/login?error");
    }

    @Test
    void relativeKeepsOwnAddressesOnlyAndNeverMakesAProtocolRelativeOne() {
        var req = new org.springframework.mock.web.MockHttpServletRequest("GET", "/plans");
        req.setServerName("evil.example");
        req.setServerPort(80);
        assertThat(RelativeRedirects.relative(req, "http://evil.example/login?x=1#f")).isEqualTo("/login?x=1#f");
        assertThat(RelativeRedirects.relative(req, "http://evil.example//other.example/x")).isEqualTo("/other.example/x");
        assertThat(RelativeRedirects.relative(req, "https://sso.example.vn/auth")).isEqualTo("https://sso.example.vn/auth");
        assertThat(RelativeRedirects.relative(req, "/reports")).isEqualTo("/reports");
    }

    @Test
    void theMapTileServerIsTheOnlyOtherImageSource() {
        assertThat(WebHeaders.origin("https://{s}.tile.example.vn/{z}/{x}/{y}.png")).isEqualTo("https://*.tile.example.vn");
        assertThat(WebHeaders.origin("https://tiles.gov.vn:8443/osm/{z}/{x}/{y}.png")).isEqualTo("https://tiles.gov.vn:8443");
        assertThat(WebHeaders.origin("https://x.vn; script-src *")).isNull();
        assertThat(WebHeaders.policy("https://tiles.gov.vn/{z}/{x}/{y}.png")).contains("img-src 'self' data: https://tiles.gov.vn;");
    }

    static String basic(String user) {
        return java.util.Base64.getEncoder().encodeToString((user + ":dxgov-demo").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
