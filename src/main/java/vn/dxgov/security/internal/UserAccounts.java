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
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserDirectory;
import java.util.List;
import org.springframework.security.core.authority.AuthorityUtils;

/** Users in the database; creates the administrator on first start. */
@Service
class UserAccounts implements UserDetailsService, UserDirectory {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

    /** Password of the demo accounts of a zero-setup run; production sets DXGOV_ADMIN_PASSWORD and turns demo users off. */
    static final String DEMO_PASSWORD = "dxgov-demo";


    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final String adminPassword;
    private final boolean demoUsers;
    /** The province of the demo accounts: Thanh Hóa, whose plans the demo history fills (empty: national). */
    private final String demoProvince;

    private final PasswordPolicy policy;

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, PasswordPolicy policy,
                 @Value("${dxgov.admin.password:}") String adminPassword,
                 @Value("${dxgov.demo.enabled:true}") boolean demoUsers,
                 @Value("${dxgov.demo.province:38}") String demoProvince) {
        this.policy = policy;
        this.demoProvince = demoProvince == null || demoProvince.isBlank() ? null : demoProvince;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.adminPassword = adminPassword;
        this.demoUsers = demoUsers;
    }

    private static final String USER_COLUMNS = "id, username, display_name, role, agency_id, email, enabled, province_code";

    private static UserAccount account(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getObject("agency_id") == null ? null : rs.getLong("agency_id"),
                rs.getString("email"), rs.getBoolean("enabled"), rs.getString("province_code"));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        record Row(UserAccount account, String passwordHash) {
        }
        // accounts of single sign-on (SsoUsers) log in only through their provider: no form, no HTTP Basic
        Optional<Row> row = jdbc.sql("select " + USER_COLUMNS + ", password_hash from app_user where lower(username) = lower(?)"
                        + " and external_subject is null")
                .param(username).query((rs, n) -> new Row(account(rs, n), rs.getString("password_hash"))).optional();
        Row r = row.orElseThrow(() -> new UsernameNotFoundException(username));
        UserAccount a = r.account();
        return new AccountPrincipal(a.username(), r.passwordHash(), a.enabled(),
                AuthorityUtils.createAuthorityList(a.role().authority()), a.displayName(), a.agencyId(), a.email(), a.provinceCode());
    }

    @Override
    public Optional<UserAccount> find(String username) {
        return jdbc.sql("select " + USER_COLUMNS + " from app_user where lower(username) = lower(?)").param(username)
                .query(UserAccounts::account).optional();
    }

    @Override
    public List<UserAccount> ofAgency(long agencyId) {
        return jdbc.sql("select " + USER_COLUMNS + " from app_user where agency_id = ? and enabled order by username")
                .param(agencyId).query(UserAccounts::account).list();
    }

    @Override
    public List<UserAccount> withRole(Role role) {
        return jdbc.sql("select " + USER_COLUMNS + " from app_user where role = ? and enabled order by username")
                .param(role.name()).query(UserAccounts::account).list();
    }

    @Override
    public List<UserAccount> list() {
        return jdbc.sql("select " + USER_COLUMNS + " from app_user order by lower(username)").query(UserAccounts::account).list();
    }

    @Override
    public List<UserAccount> ofProvince(String provinceCode) {
        return jdbc.sql("select " + USER_COLUMNS + " from app_user where coalesce(province_code, '') = ? order by lower(username)")
                .param(provinceCode == null ? "" : provinceCode).query(UserAccounts::account).list();
    }

    @Override
    @Transactional
    public UserAccount ensure(String username, String rawPassword, String displayName, Role role, Long agencyId,
                              String email, String provinceCode) {
        if (role == Role.EDITOR && agencyId == null) {
            throw new IllegalArgumentException("An EDITOR must belong to an agency: " + username);
        }
        jdbc.sql("""
                insert into app_user (username, password_hash, display_name, role, agency_id, email, province_code)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (username) do nothing""")
                .params(username, encoder.encode(rawPassword), displayName, role.name(), agencyId, email,
                        provinceCode == null || provinceCode.isBlank() ? null : provinceCode).update();
        return find(username).orElseThrow();
    }

    @Override
    @Transactional
    public UserAccount ensure(String username, String rawPassword, String displayName, Role role, Long agencyId,
                              String email) {
        String province = agencyId == null ? null
                : jdbc.sql("select province_code from agency where id = ?").param(agencyId).query(String.class)
                        .optional().orElse(null);
        return ensure(username, rawPassword, displayName, role, agencyId, email, province);
    }

    @Transactional
    public boolean createIfMissing(String username, String rawPassword, String displayName, Role role) {
        return createIfMissing(username, rawPassword, displayName, role, null);
    }

    @Transactional
    public boolean createIfMissing(String username, String rawPassword, String displayName, Role role,
                                   String provinceCode) {
        int n = jdbc.sql("""
                insert into app_user (username, password_hash, display_name, role, province_code) values (?, ?, ?, ?, ?)
                on conflict (username) do nothing""")
                .params(username, encoder.encode(rawPassword), displayName, role.name(), provinceCode).update();
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
        if (configured && !policy.check("admin", adminPassword).isEmpty()) {
            log.warn("DXGOV_ADMIN_PASSWORD does not meet the password policy ({}): choose a longer, uncommon one",
                    policy.check("admin", adminPassword).get(0).code());
        }
        String password = configured ? adminPassword : demoUsers ? DEMO_PASSWORD : randomPassword();
        boolean created = createIfMissing("admin", password, "Quản trị hệ thống", Role.ADMIN);
        if (!created && configured) {
            setPassword("admin", password);
        }
        if (demoUsers) {
            createIfMissing("steering", DEMO_PASSWORD, "Cán bộ Sở KH&CN (demo)", Role.STEERING, demoProvince);
            createIfMissing("viewer", DEMO_PASSWORD, "Người xem (demo)", Role.VIEWER, demoProvince);
            // another province's steering official and a national (ministry) leader, to see the province scoping
            createIfMissing("steering.tn", DEMO_PASSWORD, "Cán bộ Sở KH&CN Thái Nguyên (demo)", Role.STEERING, "19");
            createIfMissing("lanhdao.bo", DEMO_PASSWORD, "Lãnh đạo Bộ (demo, toàn quốc)", Role.LEADER, null);
        }
        if (created || configured || demoUsers) {
            log.info("""

                    ==========================================================
                     dxgov admin login: admin / {}{}
                     (set DXGOV_ADMIN_PASSWORD to choose the admin password)
                    ==========================================================""", password,
                    demoUsers ? "\n demo accounts:     every one listed once the demo data has loaded (DemoAccounts)" : "");
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

    @Override
    @Transactional
    public int moveAgency(long fromAgencyId, long toAgencyId) {
        int users = jdbc.sql("update app_user set agency_id = ? where agency_id = ?").params(toAgencyId, fromAgencyId).update();
        // api_token is this module's table too (no foreign key to agency: its rows outlive an agency's)
        jdbc.sql("update api_token set agency_id = ? where agency_id = ?").params(toAgencyId, fromAgencyId).update();
        return users;
    }
}
