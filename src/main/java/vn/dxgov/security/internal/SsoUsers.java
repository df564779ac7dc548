package vn.dxgov.security.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserAgencies;

/**
 * The local account of a single sign-on user: found by the provider's issuer and subject, created at the first login,
 * brought in line with the claims at every login (the provider is where roles, agencies and provinces are managed;
 * the user name chosen at the first login stays, so the audit trail keeps one name). Every login is audited
 * ({@code login.sso}), every change of the account too ({@code user.sso.create}, {@code user.sso.update}), and every
 * refusal ({@code login.sso.refused}, with the reason), in the transaction that decides it.
 *
 * <p>An account made here has no usable password: a random one nobody knows is hashed into {@code password_hash}
 * (the column is required), and {@link UserAccounts} refuses form and HTTP Basic logins of external accounts anyway. A
 * user name already used by another account (a local one such as {@code admin}, or another provider account) is
 * refused, never taken over.
 */
@Component
class SsoUsers {

    /** The local account as the login sees it; {@code created} for the first login. */
    record Account(long id, String username, String displayName, String email, Role role, Long agencyId,
                   String provinceCode, boolean created) {
    }

    /** An account, or why the login was refused. */
    record Outcome(Account account, SsoClaims.Refusal refusal) {
    }

    /** What the audit trail keeps of an account (no password, the provider's link). */
    record Snapshot(String username, String displayName, String email, Role role, Long agencyId, String provinceCode,
                    String issuer, String subject) {
    }

    private final JdbcClient jdbc;
    private final JdbcAuditLog audit;
    private final UserAgencies agencies;
    private final PasswordEncoder encoder;
    private final SecureRandom random = new SecureRandom();

    SsoUsers(JdbcClient jdbc, JdbcAuditLog audit, UserAgencies agencies, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.agencies = agencies;
        this.encoder = encoder;
    }

    /** Records a refusal the claims alone decided (no account is touched). */
    @Transactional
    public void refused(String issuer, String subject, String username, SsoClaims.Refusal refusal, String detail) {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("reason", refusal.code());
        what.put("detail", detail);
        what.put("issuer", issuer);
        what.put("subject", subject);
        audit.recordAs(username == null ? subject : username, "login.sso.refused", "app_user", username, null, what);
    }

    /** Finds or creates the account of the identity and brings it in line; audited either way. */
    @Transactional
    public Outcome signIn(SsoClaims.Identity who) {
        Long agencyId = null;
        if (who.agency() != null) {
            agencyId = agencies.named(who.agency(), who.provinceCode()).map(UserAgencies.Choice::id).orElse(null);
        }
        if (who.role() == Role.EDITOR && agencyId == null) {
            return refuse(who, SsoClaims.Refusal.AGENCY, "agency=" + who.agency() + ", province=" + who.provinceCode());
        }
        Optional<Row> existing = find(who.issuer(), who.subject());
        if (existing.isEmpty()) {
            Optional<Long> id = jdbc.sql("""
                            insert into app_user (username, password_hash, display_name, role, agency_id, email,
                                                  province_code, external_issuer, external_subject)
                            select ?, ?, ?, ?, ?, ?, ?, ?, ?
                            where not exists (select 1 from app_user where lower(username) = lower(?))
                            on conflict do nothing
                            returning id""")
                    .params(who.username(), encoder.encode(unguessable()), who.displayName(), who.role().name(), agencyId,
                            who.email(), who.provinceCode(), who.issuer(), who.subject(), who.username())
                    .query(Long.class).optional();
            if (id.isPresent()) {
                Row row = find(who.issuer(), who.subject()).orElseThrow();
                audit.recordAs(row.username(), "user.sso.create", "app_user", row.id(), null, row.snapshot());
                return accepted(row, true);
            }
            existing = find(who.issuer(), who.subject()); // the same person's first login in another tab just now
            if (existing.isEmpty()) {
                return refuse(who, SsoClaims.Refusal.TAKEN, "username=" + who.username());
            }
        }
        Row before = existing.get();
        if (!before.enabled()) {
            return refuse(who, SsoClaims.Refusal.DISABLED, "username=" + before.username());
        }
        Row after = new Row(before.id(), before.username(), who.displayName(), who.email(), who.role(), agencyId,
                who.provinceCode(), true, before.issuer(), before.subject());
        if (!after.equals(before)) {
            jdbc.sql("""
                            update app_user set display_name = ?, email = ?, role = ?, agency_id = ?, province_code = ?
                            where id = ?""")
                    .params(after.displayName(), after.email(), after.role().name(), after.agencyId(), after.provinceCode(),
                            after.id())
                    .update();
            audit.recordAs(after.username(), "user.sso.update", "app_user", after.id(), before.snapshot(), after.snapshot());
        }
        return accepted(after, false);
    }

    private Outcome accepted(Row row, boolean created) {
        audit.recordAs(row.username(), "login.sso", "app_user", row.id(), null, row.snapshot());
        return new Outcome(new Account(row.id(), row.username(), row.displayName(), row.email(), row.role(),
                row.agencyId(), row.provinceCode(), created), null);
    }

    private Outcome refuse(SsoClaims.Identity who, SsoClaims.Refusal refusal, String detail) {
        refused(who.issuer(), who.subject(), who.username(), refusal, detail);
        return new Outcome(null, refusal);
    }

    private record Row(long id, String username, String displayName, String email, Role role, Long agencyId,
                       String provinceCode, boolean enabled, String issuer, String subject) {
        Snapshot snapshot() {
            return new Snapshot(username, displayName, email, role, agencyId, provinceCode, issuer, subject);
        }

    }

    private Optional<Row> find(String issuer, String subject) {
        return jdbc.sql("""
                        select id, username, display_name, email, role, agency_id, province_code, enabled,
                               external_issuer, external_subject
                        from app_user where external_issuer = ? and external_subject = ?""")
                .params(issuer, subject)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        rs.getString("email"), Role.valueOf(rs.getString("role")),
                        rs.getObject("agency_id") == null ? null : rs.getLong("agency_id"), rs.getString("province_code"),
                        rs.getBoolean("enabled"), rs.getString("external_issuer"), rs.getString("external_subject")))
                .optional();
    }

    private String unguessable() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
