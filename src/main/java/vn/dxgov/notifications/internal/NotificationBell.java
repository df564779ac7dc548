package vn.dxgov.notifications.internal;

import org.springframework.stereotype.Component;

/**
 * The unread count for the bell in the navigation bar; templates call {@code ${@notificationBell.unread()}}.
 * Never fails a page: without a user, or when the count cannot be read, the bell shows no badge.
 */
@Component("notificationBell")
public class NotificationBell {

    private final JdbcNotifications notifications;

    NotificationBell(JdbcNotifications notifications) {
        this.notifications = notifications;
    }

    public int unread() {
        try {
            return notifications.unreadCount();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The badge text: "1" to "99", then "99+". */
    public static String badge(int count) {
        return count > 99 ? "99+" : Integer.toString(count);
    }
}
