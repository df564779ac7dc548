package vn.dxgov.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.support.TestData;

/**
 * Single sign-on against a real OpenID Connect provider running in the test (mock-oauth2-server: discovery, authorize,
 * token, JWKS and user-info endpoints, signed ID tokens with the nonce dxgov sent): the whole authorization-code flow
 * through HTTP, as a browser follows it (redirects, cookies), from the login page's SSO button to the plans, dxgov's start page for a logged-in user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class SsoLoginIT {

    static final String ISSUER_ID = "motcua";
    static final String CLIENT_ID = "dxgov-test";
    static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    static {
        PROVIDER.start();
    }

    @DynamicPropertySource
    static void sso(DynamicPropertyRegistry registry) {
        registry.add("dxgov.oidc.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER_ID).toString());
        registry.add("dxgov.oidc.client-id", () -> CLIENT_ID);
        registry.add("dxgov.oidc.client-secret", () -> "test-secret");
        registry.add("dxgov.oidc.role-claim", () -> "groups");
        registry.add("dxgov.oidc.role-mapping", () -> "/cds/so-tttt=STEERING, /cds/bao-cao=EDITOR");
    }

    @AfterAll
    static void stop() {
        PROVIDER.shutdown();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    AgencyDirectory agencies;
    @Autowired
    PasswordEncoder encoder;

    String issuer;
    long agencyId;

    @BeforeEach
    void setUp() {
        data.resetPlans();
        jdbc.sql("delete from app_user where external_subject is not null").update();
        issuer = PROVIDER.issuerUrl(ISSUER_ID).toString();
        agencyId = agencies.resolve("Sở Thông tin và Truyền thông", "38").get(0).agency().id();
        jdbc.sql("truncate audit_event").update();
    }

    @Test
    void theLoginPageOffersSingleSignOn() throws Exception {
        HttpResponse<String> page = browser().send(get("/login"), HttpResponse.BodyHandlers.ofString());
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.select("#login-sso").attr("href")).isEqualTo("/oauth2/authorization/sso");
        assertThat(doc.select("#login-sso").text()).isEqualTo("Đăng nhập bằng tài khoản một cửa / SSO");
        assertThat(doc.select("#login-submit")).hasSize(1);
        assertThat(doc.select("#sso-error")).isEmpty();
        // a reason dxgov does not give never reaches the page as a message key
        Document odd = Jsoup.parse(browser().send(get("/login?sso-error=login.error%7D"),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(odd.select("#sso-error").text())
                .isEqualTo("Không đăng nhập được qua hệ thống một cửa. Vui lòng thử lại sau hoặc đăng nhập bằng mật khẩu.");
    }

    @Test
    void aSteeringOfficialOfThanhHoaLogsInAndTheAccountFollowsTheProviderAtTheNextLogin() throws Exception {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("preferred_username", "nguyen.van.a");
        claims.put("name", "Nguyễn Văn A");
        claims.put("email", "nva@thanhhoa.gov.vn");
        claims.put("groups", List.of("/nhan-vien", "/cds/so-tttt"));
        claims.put("dxgov_agency", "Sở TT&TT");
        claims.put("province", "38");
        HttpClient browser = browser();
        HttpResponse<String> home = logIn(browser, "sub-a", claims);

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.uri().getPath()).isEqualTo("/dashboard"); // the start page of a steering official
        Document page = Jsoup.parse(home.body());
        assertThat(page.select("span[sec\\:authentication], nav").text()).contains("nguyen.van.a");
        assertThat(page.select("nav a.nav-link[href=/imports]")).as("the import link only STEERING and ADMIN see").hasSize(1);
        assertThat(page.select("a[href=/admin/users]")).as("administration, ADMIN only").isEmpty();

        Map<String, Object> row = user("nguyen.van.a");
        assertThat(row).containsEntry("role", "STEERING").containsEntry("agency_id", agencyId)
                .containsEntry("province_code", "38").containsEntry("display_name", "Nguyễn Văn A")
                .containsEntry("email", "nva@thanhhoa.gov.vn").containsEntry("external_issuer", issuer)
                .containsEntry("external_subject", "sub-a").containsEntry("enabled", true);
        assertThat(audit()).containsExactly("nguyen.van.a user.sso.create " + row.get("id"),
                "nguyen.van.a login.sso " + row.get("id"));

        // the same person, moved by the provider to reporting for the agency and to national level
        claims.put("groups", List.of("/cds/bao-cao"));
        claims.remove("province");
        claims.put("dxgov_agency", "Bộ Thông tin và Truyền thông");
        long national = agencies.resolve("Bộ Thông tin và Truyền thông", null).get(0).agency().id();
        jdbc.sql("truncate audit_event").update();
        HttpClient editor = browser();
        HttpResponse<String> again = logIn(editor, "sub-a", claims);
        assertThat(again.uri().getPath()).isEqualTo("/todo"); // an editor lands on its to-do
        // reporting reads the agency from the principal (DxgovPrincipal): an EDITOR without one would be refused
        HttpResponse<String> reporting = editor.send(get("/reporting"), HttpResponse.BodyHandlers.ofString());
        assertThat(reporting.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(reporting.body()).select("main").text()).contains("Bộ Thông tin và Truyền thông");
        Map<String, Object> updated = user("nguyen.van.a");
        assertThat(updated).containsEntry("id", row.get("id")).containsEntry("role", "EDITOR")
                .containsEntry("agency_id", national).containsEntry("province_code", null);
        assertThat(audit()).containsExactly("nguyen.van.a user.sso.update " + row.get("id"),
                "nguyen.van.a login.sso " + row.get("id"));
        String before = jdbc.sql("select before ->> 'role' || ' ' || (before ->> 'provinceCode') || ' / '"
                + " || (after ->> 'role') || ' ' || coalesce(after ->> 'provinceCode', 'national')"
                + " from audit_event where action = 'user.sso.update'").query(String.class).single();
        assertThat(before).isEqualTo("STEERING 38 / EDITOR national");
    }

    @Test
    void aTokenWithoutAKnownRoleIsRefusedWithAReasonAndNoAccount() throws Exception {
        HttpResponse<String> back = logIn(browser(), "sub-b", Map.of("preferred_username", "citizen.b",
                "groups", List.of("/cong-dan"), "province", "38"));

        assertThat(back.uri().getPath()).isEqualTo("/login");
        assertThat(back.uri().getQuery()).isEqualTo("sso-error=role");
        assertThat(Jsoup.parse(back.body()).select("#sso-error").text())
                .isEqualTo("Tài khoản một cửa của bạn chưa được cấp vai trò trong dxgov. Đề nghị quản trị hệ thống "
                        + "đăng nhập một cửa gán vai trò (ADMIN, STEERING, LEADER, EDITOR hoặc VIEWER).");
        assertThat(jdbc.sql("select count(*) from app_user where username = 'citizen.b' or external_subject = 'sub-b'")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select username || ' ' || action || ' ' || (after ->> 'reason') || ' ' || (after ->> 'detail')"
                + " || ' ' || (after ->> 'subject') from audit_event").query(String.class).list())
                .containsExactly("citizen.b login.sso.refused role groups=[/cong-dan] sub-b");
        // and the plans still want a login
        HttpResponse<String> home = browser().send(get("/plans"), HttpResponse.BodyHandlers.ofString());
        assertThat(home.uri().getPath()).isEqualTo("/login");
    }

    @Test
    void anEditorWhoseAgencyDxgovDoesNotKnowIsRefused() throws Exception {
        HttpResponse<String> back = logIn(browser(), "sub-c", Map.of("preferred_username", "editor.c",
                "groups", "/cds/bao-cao", "dxgov_agency", "Sở Không Có", "province", "38"));
        assertThat(back.uri().getQuery()).isEqualTo("sso-error=agency");
        assertThat(jdbc.sql("select count(*) from app_user where external_subject = 'sub-c'").query(Integer.class).single())
                .isZero();
        assertThat(audit()).containsExactly("editor.c login.sso.refused editor.c");

        // the agency is looked for in the user's province only: Thanh Hóa's Sở TT&TT is not Thái Nguyên's (19)
        HttpResponse<String> elsewhere = logIn(browser(), "sub-c", Map.of("preferred_username", "editor.c",
                "groups", "/cds/bao-cao", "dxgov_agency", "Sở TT&TT", "province", "19"));
        assertThat(elsewhere.uri().getQuery()).isEqualTo("sso-error=agency");
        HttpResponse<String> home = logIn(browser(), "sub-c", Map.of("preferred_username", "editor.c",
                "groups", "/cds/bao-cao", "dxgov_agency", "sở thông tin và truyền thông", "province", "38"));
        assertThat(home.uri().getPath()).isEqualTo("/todo");
        assertThat(user("editor.c")).containsEntry("role", "EDITOR").containsEntry("agency_id", agencyId);
    }

    @Test
    void aProviderAccountNamedLikeALocalAccountDoesNotTakeItOver() throws Exception {
        String adminBefore = jdbc.sql("select role || password_hash from app_user where username = 'admin'")
                .query(String.class).single();
        HttpResponse<String> back = logIn(browser(), "sub-d", Map.of("preferred_username", "admin",
                "groups", "/cds/so-tttt"));
        assertThat(back.uri().getQuery()).isEqualTo("sso-error=taken");
        assertThat(jdbc.sql("select role || password_hash from app_user where username = 'admin'").query(String.class)
                .single()).isEqualTo(adminBefore);
        assertThat(jdbc.sql("select external_subject from app_user where username = 'admin'").query(String.class)
                .optional()).isEmpty();
    }

    @Test
    void anAccountOfSingleSignOnHasNoPasswordLoginEvenWithAPasswordHashSet() throws Exception {
        logIn(browser(), "sub-e", Map.of("preferred_username", "leader.e", "groups", "LEADER"));
        assertThat(user("leader.e")).containsEntry("role", "LEADER");
        jdbc.sql("update app_user set password_hash = ? where username = 'leader.e'").param(encoder.encode("dxgov-demo"))
                .update();
        HttpResponse<String> basic = browser().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/plans"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "leader.e:dxgov-demo".getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(401);
        // a local account with the same password logs in, so the 401 is the external account's
        HttpResponse<String> local = browser().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/plans"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "steering:dxgov-demo".getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(local.statusCode()).isEqualTo(200);
    }

    @Test
    void anAccountDisabledInDxgovIsRefusedAtItsNextLogin() throws Exception {
        Map<String, Object> claims = Map.of("preferred_username", "viewer.f", "groups", "viewer");
        assertThat(logIn(browser(), "sub-f", claims).uri().getPath()).isEqualTo("/plans");
        jdbc.sql("update app_user set enabled = false where username = 'viewer.f'").update();
        HttpResponse<String> back = logIn(browser(), "sub-f", claims);
        assertThat(back.uri().getQuery()).isEqualTo("sso-error=disabled");
        assertThat(Jsoup.parse(back.body()).select("#sso-error").text())
                .isEqualTo("Tài khoản dxgov của bạn đã bị khóa. Đề nghị quản trị dxgov mở lại.");
    }

    /** Clicks the SSO button: dxgov → provider's authorize (which logs in at once) → dxgov's callback → the start page. */
    HttpResponse<String> logIn(HttpClient browser, String subject, Map<String, Object> claims) throws Exception {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
        HttpResponse<String> login = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        String href = Jsoup.parse(login.body()).select("#login-sso").attr("href");
        return browser.send(get(href), HttpResponse.BodyHandlers.ofString());
    }

    Map<String, Object> user(String username) {
        return jdbc.sql("""
                        select id, role, agency_id, province_code, display_name, email, external_issuer, external_subject,
                               enabled
                        from app_user where username = ?""").param(username).query().singleRow();
    }

    List<String> audit() {
        return jdbc.sql("select username || ' ' || action || ' ' || coalesce(entity_id, '') from audit_event order by id")
                .query(String.class).list();
    }

    String base() {
        return "http://localhost:" + port;
    }

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Accept-Language", "vi")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build();
    }

    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }
}
