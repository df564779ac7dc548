package vn.dxgov.open.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;

/**
 * What each province publishes on the portal beyond its plans (table {@code open_setting}, Flyway V25): the agencies'
 * reporting record, off unless the province's steering department turned it on. Every change is audited
 * ({@code open.setting.update}, before and after).
 */
@Repository
class OpenSettings {

    /** A province's choice, who made it and when (null for a province that never chose: nothing published). */
    record Setting(String provinceCode, boolean publishAgencyLeague, String updatedBy, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    OpenSettings(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    Optional<Setting> find(String provinceCode) {
        return jdbc.sql("select * from open_setting where province_code = ?").param(provinceCode)
                .query((rs, n) -> new Setting(rs.getString("province_code"), rs.getBoolean("publish_agency_league"),
                        rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    boolean publishesAgencyLeague(String provinceCode) {
        return provinceCode != null && find(provinceCode).map(Setting::publishAgencyLeague).orElse(false);
    }

    /** Records a province's choice; the caller has checked that the user steers the province. */
    @Transactional
    Setting save(String provinceCode, boolean publishAgencyLeague) {
        Optional<Setting> before = find(provinceCode);
        jdbc.sql("""
                insert into open_setting (province_code, publish_agency_league, updated_by, updated_at)
                values (?, ?, ?, now())
                on conflict (province_code) do update
                set publish_agency_league = excluded.publish_agency_league, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at""")
                .params(provinceCode, publishAgencyLeague, CurrentUser.actor()).update();
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("publishAgencyLeague", before.map(Setting::publishAgencyLeague).orElse(false));
        audit.record("open.setting.update", "province", provinceCode, was,
                Map.of("publishAgencyLeague", publishAgencyLeague));
        return find(provinceCode).orElseThrow();
    }
}
