package vn.dxgov.security.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserAgencies;
import vn.dxgov.security.UserDirectory;

/**
 * The demo accounts of a zero-setup run, every one (admin, steering, lanhdao, viewer, steering.tn, lanhdao.bo and
 * one {@code bt.*} editor per lead agency of the seed plans, which the demo history creates after this module's own
 * start-up): listed in the start banner once everything has loaded, and on the login page, only in demo mode
 * ({@code DXGOV_DEMO_ENABLED}, never in production). A demo account is one whose display name says "(demo" (how
 * {@link UserAccounts} and the demo module name them), plus {@code admin} while its password is the demo one.
 */
@Component
class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** The order of the banner and the login page: who steers first, then who reads, then who reports. */
    private static final List<Role> ORDER = List.of(Role.ADMIN, Role.STEERING, Role.LEADER, Role.VIEWER, Role.EDITOR);

    /** One account: its role, and the agency it reports for or the province (null: national) it belongs to. */
    record Account(String username, String displayName, Role role, String agency, String provinceCode,
                   String provinceName) {
    }

    private final UserDirectory users;
    private final UserAgencies agencies;
    private final boolean enabled;
    private final boolean adminConfigured;

    DemoAccounts(UserDirectory users, UserAgencies agencies, @Value("${dxgov.demo.enabled:true}") boolean enabled,
                 @Value("${dxgov.admin.password:}") String adminPassword) {
        this.users = users;
        this.agencies = agencies;
        this.enabled = enabled;
        this.adminConfigured = adminPassword != null && !adminPassword.isBlank();
    }

    boolean enabled() {
        return enabled;
    }

    /** Every enabled demo account, admin first and editors last; empty when demo mode is off. */
    List<Account> list() {
        if (!enabled) {
            return List.of();
        }
        List<UserDirectory.UserAccount> demo = users.list().stream().filter(UserDirectory.UserAccount::enabled)
                .filter(u -> (u.username().equals("admin") && !adminConfigured)
                        || (u.displayName() != null && u.displayName().contains("(demo")))
                .toList();
        Map<Long, UserAgencies.Choice> byId = agencies.findAll(demo.stream().map(UserDirectory.UserAccount::agencyId)
                .filter(Objects::nonNull).distinct().toList());
        Map<String, String> provinces = new java.util.HashMap<>();
        List<Account> out = new ArrayList<>();
        for (UserDirectory.UserAccount u : demo) {
            UserAgencies.Choice agency = u.agencyId() == null ? null : byId.get(u.agencyId());
            String province = u.provinceCode() == null ? null
                    : provinces.computeIfAbsent(u.provinceCode(), c -> agencies.provinceName(c).orElse(c));
            out.add(new Account(u.username(), u.displayName(), u.role(), agency == null ? null : agency.name(),
                    u.provinceCode(), province));
        }
        out.sort(Comparator.comparing((Account a) -> ORDER.indexOf(a.role())).thenComparing(Account::username));
        return out;
    }

    /** The banner of every demo account, after the demo history has made its editors (it runs at order 40). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE - 100)
    public void banner() {
        if (!enabled) {
            return;
        }
        List<Account> accounts = list();
        StringBuilder sb = new StringBuilder("\n==========================================================\n")
                .append(" dxgov demo accounts (").append(accounts.size()).append("), password ")
                .append(UserAccounts.DEMO_PASSWORD).append(adminConfigured ? " (admin: DXGOV_ADMIN_PASSWORD)" : "")
                .append(":\n");
        int width = accounts.stream().mapToInt(a -> a.username().length()).max().orElse(8);
        for (Account a : accounts) {
            sb.append("  ").append(String.format("%-" + width + "s", a.username())).append("  ")
                    .append(String.format("%-8s", a.role().name())).append("  ").append(scope(a)).append('\n');
        }
        sb.append(" (also on the login page; DXGOV_DEMO_ENABLED=false turns demo mode off)\n")
                .append("==========================================================");
        log.info(sb.toString());
    }

    /** The agency of an editor, else the province or "national", in words for the log. */
    static String scope(Account a) {
        if (a.agency() != null) {
            return a.agency() + (a.provinceName() == null ? "" : ", " + a.provinceName());
        }
        return a.provinceName() == null ? "national" : a.provinceName();
    }
}
