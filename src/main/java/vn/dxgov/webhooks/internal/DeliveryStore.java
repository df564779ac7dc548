package vn.dxgov.webhooks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code webhook_delivery}: one per token and event, with its attempts. */
@Repository
class DeliveryStore {

    enum Status { PENDING, DELIVERED, FAILED }

    /** A delivery as the log shows it; {@code payload} the JSON body sent. */
    record Delivery(long id, long tokenId, String eventType, String eventKey, String payload, Status status,
                    int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant createdAt,
                    Instant deliveredAt) {
    }

    private static final String COLUMNS = """
            id, token_id, event_type, event_key, payload::text as payload, status, attempts, next_attempt_at,
            last_status_code, last_error, created_at, delivered_at""";

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a delivery unless the token already has one for the event (a redelivered event adds nothing). */
    boolean add(long tokenId, String eventType, String eventKey, String payload, Instant now) {
        return jdbc.sql("""
                insert into webhook_delivery (token_id, event_type, event_key, payload, next_attempt_at, created_at)
                values (?, ?, ?, cast(? as jsonb), ?, ?)
                on conflict (token_id, event_type, event_key) do nothing""")
                .params(tokenId, eventType, eventKey, payload, Timestamp.from(now), Timestamp.from(now)).update() == 1;
    }

    /**
     * Claims up to {@code limit} due deliveries for this node: their next attempt is moved {@code lease} ahead in the
     * same statement, rows another node is claiming are skipped ({@code FOR UPDATE SKIP LOCKED}), so a delivery is
     * sent by one node at a time; a node that dies while sending leaves it to be claimed again after the lease.
     */
    List<Delivery> claim(int limit, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                update webhook_delivery set next_attempt_at = ?
                 where id in (select id from webhook_delivery
                               where status = 'PENDING' and next_attempt_at <= ?
                               order by next_attempt_at, id limit ? for update skip locked)
                """ + " returning " + COLUMNS)
                .params(Timestamp.from(leaseUntil), Timestamp.from(now), limit).query(DeliveryStore::row).list();
    }

    void delivered(long id, int statusCode, Instant now) {
        jdbc.sql("""
                update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_status_code = ?,
                       last_error = null, delivered_at = ? where id = ?""")
                .params(statusCode, Timestamp.from(now), id).update();
    }

    /** A failed attempt: tried again at {@code next}, or FAILED for good when {@code next} is null. */
    void failed(long id, Integer statusCode, String error, Instant next) {
        jdbc.sql("""
                update webhook_delivery set attempts = attempts + 1, last_status_code = ?, last_error = ?,
                       status = ?, next_attempt_at = coalesce(?, next_attempt_at) where id = ?""")
                .params(statusCode, error == null ? null : error.substring(0, Math.min(500, error.length())),
                        next == null ? Status.FAILED.name() : Status.PENDING.name(),
                        next == null ? null : Timestamp.from(next), id).update();
    }

    List<Delivery> ofToken(long tokenId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from webhook_delivery where token_id = ? order by created_at desc, id desc limit ?")
                .params(tokenId, limit).query(DeliveryStore::row).list();
    }

    /** Sends a delivery of the token again from its first attempt's back-off; false when there is none. */
    boolean again(long tokenId, long id, Instant now) {
        return jdbc.sql("""
                update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?, delivered_at = null
                 where id = ? and token_id = ?""").params(Timestamp.from(now), id, tokenId).update() == 1;
    }

    private static Delivery row(ResultSet rs, int n) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("token_id"), rs.getString("event_type"),
                rs.getString("event_key"), rs.getString("payload"), Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")),
                rs.getObject("last_status_code", Integer.class), rs.getString("last_error"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("delivered_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
