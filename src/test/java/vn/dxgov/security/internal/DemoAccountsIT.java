package vn.dxgov.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserDirectory;

/**
 * The demo accounts on the login page and in the start banner: every one (admin, the steering, leader and viewer
 * accounts, the agencies' bt.* editors) with its role and agency or province in demo mode; none, and no name filled
 * in from the address, when demo mode is off (the accounts may still be in the database).
 */
class DemoAccountsIT {

    static String login(int port, String query) {
        return RestClient.create("http://localhost:" + port).get().uri("/login" + query).retrieve().body(String.class);
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles("test")
    class DemoOn {

        @LocalServerPort
        int port;
        @Autowired
        DemoAccounts demo;
        @Autowired
        UserDirectory users;

        @Test
        void everyDemoAccountWithItsRoleAndScopeOnTheLoginPage() {
            List<String> expected = users.list().stream().filter(UserDirectory.UserAccount::enabled)
                    .filter(u -> u.displayName() != null && u.displayName().contains("(demo")).map(UserDirectory.UserAccount::username)
                    .toList();
            assertThat(expected).contains("steering", "viewer", "steering.tn", "lanhdao.bo");

            List<DemoAccounts.Account> accounts = demo.list();
            assertThat(accounts).extracting(DemoAccounts.Account::username).containsAll(expected).contains("admin")
                    .doesNotHaveDuplicates();
            assertThat(accounts.get(0).role()).isEqualTo(Role.ADMIN);
            assertThat(accounts).filteredOn(a -> a.username().equals("steering.tn")).singleElement()
                    .satisfies(a -> assertThat(a.provinceCode()).isEqualTo("19"));
            // editors name their agency (in the suite's shared database other classes' resets leave some demo editors
            // whose agency was deleted: those show none, never a blank)
            assertThat(accounts).filteredOn(a -> a.role() == Role.EDITOR).filteredOn(a -> a.agency() != null)
                    .allSatisfy(a -> assertThat(a.agency()).isNotBlank());

            String page = login(port, "");
            assertThat(page).contains("id=\"demo-accounts\"").contains("dxgov-demo");
            for (DemoAccounts.Account a : accounts) {
                assertThat(page).as(a.username()).contains("data-username=\"" + a.username() + "\"");
            }
            assertThat(page).contains("Toàn quốc"); // lanhdao.bo, a national leader
            assertThat(page).contains("Sở điều hành");

            // a name from the list is filled in, the password field has the focus; any other name is not echoed
            assertThat(login(port, "?username=steering.tn")).contains("value=\"steering.tn\"");
            assertThat(login(port, "?username=nobody-here")).doesNotContain("nobody-here");
        }

        /** Browsers ask for /favicon.ico whatever the page links: it is there (it was a 404), without a login. */
        @Test
        void theFaviconIsServed() {
            var icon = RestClient.create("http://localhost:" + port).get().uri("/favicon.ico").retrieve().toEntity(byte[].class);
            assertThat(icon.getStatusCode().value()).isEqualTo(200);
            assertThat(icon.getHeaders().getContentType().toString()).isEqualTo("image/x-icon");
            assertThat(icon.getBody()).startsWith(0, 0, 1, 0); // an ICO header
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dxgov.demo.enabled=false")
    @ActiveProfiles("test")
    class DemoOff {

        @LocalServerPort
        int port;
        @Autowired
        DemoAccounts demo;

        @Test
        void noDemoAccountsAnywhere() {
            assertThat(demo.list()).isEmpty();
            String page = login(port, "?username=steering");
            assertThat(page).doesNotContain("demo-accounts").doesNotContain("dxgov-demo").doesNotContain("steering");
        }
    }
}
