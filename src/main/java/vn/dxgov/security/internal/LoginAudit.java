package vn.dxgov.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Logins in the audit trail (table {@code audit_event}): {@code login.success}, {@code login.failure} and
 * {@code login.locked} (refused during a lockout), entity {@code app_user} with the name as typed, and in
 * {@code after} the client's address, the method ({@code form}, {@code basic}) and the reason of a refusal. Written
 * in a transaction of its own: a refused login has no other transaction, and the row must stay.
 *
 * <p>Every failure is written. A machine client using HTTP Basic authenticates on every request, so its successes
 * are written once per user and address every {@code dxgov.security.login.basic-success-audit-interval} (1 hour);
 * each form login is written.
 */
@Component
class LoginAudit {

    enum Outcome {
        SUCCESS("login.success"), FAILURE("login.failure"), LOCKED("login.locked");

        final String action;

        Outcome(String action) {
            this.action = action;
        }
    }

    private static final int MAX_REMEMBERED = 10_000;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Duration basicInterval;
    private final Map<String, Instant> basicWritten = new ConcurrentHashMap<>();
    volatile Clock clock = Clock.systemUTC();

    LoginAudit(JdbcClient jdbc, ObjectMapper json,
               @Value("${dxgov.security.login.basic-success-audit-interval:1h}") Duration basicInterval) {
        this.jdbc = jdbc;
        this.json = json;
        this.basicInterval = basicInterval;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void login(String username, String ip, String method, Outcome outcome, String reason) {
        if (outcome == Outcome.SUCCESS && "basic".equals(method) && !basicDue(username, ip)) {
            return;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("ip", ip);
        after.put("method", method);
        if (reason != null) {
            after.put("reason", reason);
        }
        String name = username == null ? "" : username.length() > 200 ? username.substring(0, 200) : username;
        jdbc.sql("""
                insert into audit_event (username, action, entity_type, entity_id, before, after)
                values (?, ?, 'app_user', ?, null, cast(? as jsonb))""")
                .params(name, outcome.action, name, json.writeValueAsString(after))
                .update();
    }

    private boolean basicDue(String username, String ip) {
        Instant now = clock.instant();
        if (basicWritten.size() >= MAX_REMEMBERED) {
            basicWritten.clear();
        }
        String key = (username == null ? "" : username.toLowerCase(Locale.ROOT)) + "|" + ip;
        Instant last = basicWritten.get(key);
        if (last != null && now.isBefore(last.plus(basicInterval))) {
            return false;
        }
        basicWritten.put(key, now);
        return true;
    }
}
