package vn.dxgov.security.internal;

import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.security.Role;

/** Users in the database; creates the administrator on first start. */
@Service
class UserAccounts implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

    /** Password of the demo accounts of a zero-setup run; production sets DXGOV_ADMIN_PASSWORD and turns demo users off. */
    static final String DEMO_PASSWORD = "dxgov-demo";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final String adminPassword;
    private final boolean demoUsers;

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder,
                 @Value("${dxgov.admin.password:}") String adminPassword,
                 @Value("${dxgov.demo.enabled:true}") boolean demoUsers) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.adminPassword = adminPassword;
        this.demoUsers = demoUsers;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        record Row(String username, String passwordHash, String role, boolean enabled) {
        }
        Optional<Row> row = jdbc.sql("select username, password_hash, role, enabled from app_user where lower(username) = lower(?)")
                .param(username).query(Row.class).optional();
        Row r = row.orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(r.username()).password(r.passwordHash()).disabled(!r.enabled())
                .roles(r.role()).build();
    }

    @Transactional
    public boolean createIfMissing(String username, String rawPassword, String displayName, Role role) {
        int n = jdbc.sql("""
                insert into app_user (username, password_hash, display_name, role) values (?, ?, ?, ?)
                on conflict (username) do nothing""")
                .params(username, encoder.encode(rawPassword), displayName, role.name()).update();
        return n > 0;
    }

    @Transactional
    public void setPassword(String username, String rawPassword) {
        jdbc.sql("update app_user set password_hash = ? where username = ?")
                .params(encoder.encode(rawPassword), username).update();
    }

    /** Makes sure an administrator exists and tells the operator how to log in. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void bootstrapAdmin() {
        boolean configured = adminPassword != null && !adminPassword.isBlank();
        String password = configured ? adminPassword : demoUsers ? DEMO_PASSWORD : randomPassword();
        boolean created = createIfMissing("admin", password, "Quản trị hệ thống", Role.ADMIN);
        if (!created && configured) {
            setPassword("admin", password);
        }
        if (demoUsers) {
            createIfMissing("steering", DEMO_PASSWORD, "Cán bộ Sở KH&CN (demo)", Role.STEERING);
            createIfMissing("viewer", DEMO_PASSWORD, "Người xem (demo)", Role.VIEWER);
        }
        if (created || configured || demoUsers) {
            log.info("""

                    ==========================================================
                     dxgov admin login: admin / {}{}
                     (set DXGOV_ADMIN_PASSWORD to choose the admin password)
                    ==========================================================""", password,
                    demoUsers ? "\n demo logins:       steering / " + DEMO_PASSWORD + ", viewer / " + DEMO_PASSWORD : "");
        } else {
            log.info("dxgov admin user exists; its password was shown at first start (set DXGOV_ADMIN_PASSWORD to reset it)");
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
