package vn.dxgov.security.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dxgov.security.ApiTokens;
import vn.dxgov.security.ApiTokens.Access;

/** The rows of {@code api_token}. */
@Repository
class ApiTokenStore {

    /** A stored token with what authentication and the webhooks need beyond the listed fields. */
    record Row(ApiTokens.Token token, String lookupId, byte[] secretHash, byte[] webhookSecret) {
    }

    private static final String COLUMNS = """
            id, name, lookup_id, secret_hash, province_code, agency_id, access, indicator_ids, expires_at, revoked_at,
            revoked_by, created_by, created_at, last_used_at, webhook_url, webhook_secret""";

    private final JdbcClient jdbc;

    ApiTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, String lookupId, byte[] hash, String province, Long agencyId, Access access,
                List<Long> indicatorIds, Instant expiresAt, String createdBy, String webhookUrl, byte[] webhookSecret) {
        return jdbc.sql("""
                insert into api_token (name, lookup_id, secret_hash, province_code, agency_id, access, indicator_ids,
                                       expires_at, created_by, webhook_url, webhook_secret)
                values (?, ?, ?, ?, ?, ?, ?::bigint[], ?, ?, ?, ?) returning id""")
                .params(name, lookupId, hash, province, agencyId, access.name(), arrayLiteral(indicatorIds),
                        Timestamp.from(expiresAt), createdBy, webhookUrl, webhookSecret)
                .query(Long.class).single();
    }

    Optional<Row> byLookup(String lookupId) {
        return jdbc.sql("select " + COLUMNS + " from api_token where lookup_id = ?").param(lookupId)
                .query(ApiTokenStore::row).optional();
    }

    Optional<Row> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from api_token where id = ?").param(id).query(ApiTokenStore::row)
                .optional();
    }

    /** Every token, or a province's (national agencies' tokens have none), newest first. */
    List<Row> list(String province, boolean all) {
        return all ? jdbc.sql("select " + COLUMNS + " from api_token order by created_at desc, id desc")
                .query(ApiTokenStore::row).list()
                : jdbc.sql("select " + COLUMNS + " from api_token where province_code = ? order by created_at desc, id desc")
                .param(province).query(ApiTokenStore::row).list();
    }

    List<Row> subscribers(Instant now) {
        return jdbc.sql("select " + COLUMNS + " from api_token where webhook_url is not null and revoked_at is null"
                        + " and expires_at > ? order by id")
                .param(Timestamp.from(now)).query(ApiTokenStore::row).list();
    }

    boolean revoke(long id, String by, Instant at) {
        return jdbc.sql("update api_token set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(at), by, id).update() == 1;
    }

    /** Records a use unless one was recorded within the last minute (so no write per request). */
    void touch(long id, Instant now) {
        jdbc.sql("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(Timestamp.from(now), id, Timestamp.from(now.minusSeconds(60))).update();
    }

    private static String arrayLiteral(List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(ids.get(i).longValue());
        }
        return sb.append('}').toString();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Array array = rs.getArray("indicator_ids");
        List<Long> indicators = new ArrayList<>();
        if (array != null) {
            for (Long id : (Long[]) array.getArray()) {
                indicators.add(id);
            }
            indicators.sort(null);
        }
        Instant expires = rs.getTimestamp("expires_at").toInstant();
        Instant revoked = instant(rs.getTimestamp("revoked_at"));
        Long agency = rs.getObject("agency_id", Long.class);
        ApiTokens.Token t = new ApiTokens.Token(rs.getLong("id"), rs.getString("name"), rs.getString("province_code"),
                agency, null, Access.valueOf(rs.getString("access")), List.copyOf(indicators), expires, revoked,
                rs.getString("revoked_by"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("last_used_at")), rs.getString("webhook_url"),
                revoked == null && expires.isAfter(Instant.now()));
        return new Row(t, rs.getString("lookup_id"), rs.getBytes("secret_hash"), rs.getBytes("webhook_secret"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
