package vn.dxgov.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.notifications.Notifications;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.UserDirectory;
import vn.dxgov.shared.web.ApiException;

/**
 * In-app notifications in the database. A user sees the notifications addressed to them and those addressed to the
 * agency they belong to; each user reads an agency's notification on their own (table notification_read).
 * Writes join the caller's transaction.
 */
@Service
class JdbcNotifications implements Notifications {

    /** Longest title kept; longer ones are cut with an ellipsis. */
    static final int MAX_TITLE = 300;

    private final JdbcClient jdbc;
    private final UserDirectory users;

    JdbcNotifications(JdbcClient jdbc, UserDirectory users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** Who is asking: the user's id and (current) agency. */
    record Reader(long userId, Long agencyId) {
    }

    @Override
    @Transactional
    public void toUser(long userId, String kind, String title, String body, String link) {
        insert(userId, null, kind, title, body, link);
    }

    @Override
    @Transactional
    public void toAgency(long agencyId, String kind, String title, String body, String link) {
        insert(null, agencyId, kind, title, body, link);
    }

    private void insert(Long userId, Long agencyId, String kind, String title, String body, String link) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A notification needs a title");
        }
        jdbc.sql("""
                insert into notification (recipient_user_id, recipient_agency_id, kind, title, body, link)
                values (?, ?, ?, ?, ?, ?)""")
                .params(userId, agencyId, kind, cut(title.strip(), MAX_TITLE), body, safeLink(link)).update();
    }

    /** Only links inside dxgov ("/reporting/..."): a notification never sends a user elsewhere. */
    static String safeLink(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String l = link.strip();
        return l.startsWith("/") && !l.startsWith("//") && !l.startsWith("/\\") ? l : null;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    Optional<Reader> reader() {
        return CurrentUser.username().flatMap(users::find).map(u -> new Reader(u.id(), u.agencyId()));
    }

    private Reader requireReader() {
        return reader().orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "error.unauthorized"));
    }

    private static final String VISIBLE = """
            from notification n
            left join notification_read r on r.notification_id = n.id and r.user_id = :user
            where (n.recipient_user_id = :user or n.recipient_agency_id = :agency)
            """;

    @Override
    @Transactional(readOnly = true)
    public List<Notification> mine(boolean unreadOnly, int limit) {
        Optional<Reader> reader = reader();
        if (reader.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select n.id, n.kind, n.title, n.body, n.link, n.created_at, coalesce(n.read_at, r.read_at) as read_at "
                        + VISIBLE + (unreadOnly ? " and coalesce(n.read_at, r.read_at) is null" : "")
                        + " order by n.created_at desc, n.id desc limit :limit")
                .param("user", reader.get().userId()).param("agency", reader.get().agencyId())
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query(JdbcNotifications::row).list();
    }

    @Override
    @Transactional(readOnly = true)
    public int unreadCount() {
        return reader().map(this::unreadCount).orElse(0);
    }

    int unreadCount(Reader reader) {
        return jdbc.sql("select count(*) " + VISIBLE + " and coalesce(n.read_at, r.read_at) is null")
                .param("user", reader.userId()).param("agency", reader.agencyId())
                .query(Integer.class).single();
    }

    /** One of the current user's notifications. */
    @Transactional(readOnly = true)
    public Optional<Notification> mine(long id) {
        Reader reader = requireReader();
        return jdbc.sql("select n.id, n.kind, n.title, n.body, n.link, n.created_at, coalesce(n.read_at, r.read_at) as read_at "
                        + VISIBLE + " and n.id = :id")
                .param("user", reader.userId()).param("agency", reader.agencyId()).param("id", id)
                .query(JdbcNotifications::row).optional();
    }

    @Override
    @Transactional
    public void markRead(long id) {
        Reader reader = requireReader();
        record Target(Long userId, Long agencyId) {
        }
        Target t = jdbc.sql("select recipient_user_id, recipient_agency_id from notification where id = ?").param(id)
                .query((rs, n) -> new Target(rs.getObject("recipient_user_id", Long.class),
                        rs.getObject("recipient_agency_id", Long.class)))
                .optional()
                .filter(x -> (x.userId() != null && x.userId() == reader.userId())
                        || (x.userId() == null && x.agencyId() != null && x.agencyId().equals(reader.agencyId())))
                .orElseThrow(() -> ApiException.notFound("notification", id));
        if (t.userId() != null) {
            jdbc.sql("update notification set read_at = now() where id = ? and read_at is null").param(id).update();
        } else {
            jdbc.sql("insert into notification_read (notification_id, user_id) values (?, ?) on conflict do nothing")
                    .params(id, reader.userId()).update();
        }
    }

    @Override
    @Transactional
    public void markAllRead() {
        Reader reader = requireReader();
        jdbc.sql("update notification set read_at = now() where recipient_user_id = ? and read_at is null")
                .param(reader.userId()).update();
        if (reader.agencyId() != null) {
            jdbc.sql("""
                    insert into notification_read (notification_id, user_id)
                    select n.id, ? from notification n where n.recipient_agency_id = ? and n.recipient_user_id is null
                    on conflict do nothing""")
                    .params(reader.userId(), reader.agencyId()).update();
        }
    }

    private static Notification row(ResultSet rs, int n) throws SQLException {
        return new Notification(rs.getLong("id"), rs.getString("kind"), rs.getString("title"), rs.getString("body"),
                rs.getString("link"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("read_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
