package vn.dxgov.notifications;

import java.time.Instant;
import java.util.List;

/** In-app notifications of the current user (their own and their agency's). */
public interface Notifications {

    record Notification(long id, String kind, String title, String body, String link, Instant createdAt,
                        Instant readAt) {
    }

    /** Notifies one user. */
    void toUser(long userId, String kind, String title, String body, String link);

    /** Notifies everyone of an agency. */
    void toAgency(long agencyId, String kind, String title, String body, String link);

    /** The current user's notifications, newest first. */
    List<Notification> mine(boolean unreadOnly, int limit);

    int unreadCount();

    void markRead(long id);

    void markAllRead();
}
