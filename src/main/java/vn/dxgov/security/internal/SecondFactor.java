package vn.dxgov.security.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.Role;

/**
 * The optional second factor (TOTP, {@link Totp}) of the accounts that decide (ADMIN, STEERING): enrolment confirms a
 * secret with a first code; once enrolled, a form login asks for a code after the password ({@link SecondFactorLogin}),
 * and HTTP Basic, which cannot carry one, is refused for the account. Codes are counted by the {@link LoginThrottle}
 * like passwords (a million codes cannot be tried 5 at a time) and each works once.
 */
@Service
class SecondFactor {

    static final String ISSUER = "dxgov";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private volatile Clock clock = Clock.systemUTC();

    SecondFactor(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The time codes are checked at; tests fix it (a method, so that it reaches the bean behind its proxy). */
    public void useClock(Clock clock) {
        this.clock = clock;
    }

    static boolean mayEnrol(Role role) {
        return role == Role.ADMIN || role == Role.STEERING;
    }

    boolean enrolled(String username) {
        return jdbc.sql("select totp_enabled from app_user where lower(username) = lower(?)").param(username)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Confirms a new secret with a code from the app; audited. False when the code is not the secret's. */
    @Transactional
    boolean enrol(String username, String secret, String code) {
        long step = Totp.verify(secret, code, clock.instant(), -1);
        if (step < 0) {
            return false;
        }
        jdbc.sql("update app_user set totp_secret = ?, totp_enabled = true, totp_last_step = ? where lower(username) = lower(?)")
                .params(secret, step, username).update();
        audit.record("user.totp.enable", "app_user", username, null, Map.of("username", username));
        return true;
    }

    /** Checks a login's code and uses it up; false when wrong or already used. */
    @Transactional
    boolean verify(String username, String code) {
        record Row(String secret, long lastStep) {
        }
        Optional<Row> row = jdbc.sql("""
                select totp_secret, totp_last_step from app_user
                where lower(username) = lower(?) and totp_enabled for update""")
                .param(username).query((rs, n) -> new Row(rs.getString(1), rs.getLong(2))).optional();
        if (row.isEmpty()) {
            return false;
        }
        long step = Totp.verify(row.get().secret(), code, clock.instant(), row.get().lastStep());
        if (step < 0) {
            return false;
        }
        jdbc.sql("update app_user set totp_last_step = ? where lower(username) = lower(?)").params(step, username).update();
        return true;
    }
}
