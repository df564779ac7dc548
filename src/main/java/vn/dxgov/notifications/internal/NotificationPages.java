package vn.dxgov.notifications.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dxgov.notifications.Notifications;

/**
 * The notifications page ({@code /notifications}, newest first), the bell fragment htmx refreshes every minute, and
 * marking read. Every action also works without JavaScript (plain forms and redirects).
 */
@Controller
@RequestMapping("/notifications")
class NotificationPages {

    /** Header htmx listens to: the bell refreshes when notifications were read on the page. */
    static final String CHANGED = "notifications-changed";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    static final int PAGE_SIZE = 100;

    private final JdbcNotifications notifications;
    private final MessageSource messages;

    NotificationPages(JdbcNotifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    /** A notification as listed. */
    record Row(long id, String kind, String title, String body, String link, String at, boolean unread) {

        static Row of(Notifications.Notification n) {
            return new Row(n.id(), n.kind(), n.title(), n.body(), n.link(),
                    TIME.format(n.createdAt().atZone(Texts.ZONE)), n.readAt() == null);
        }

        boolean reminder() {
            return kind != null && kind.startsWith("REMINDER");
        }
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "all") String show, Model model, HttpServletRequest request) {
        boolean unreadOnly = "unread".equals(show);
        List<Row> rows = notifications.mine(unreadOnly, PAGE_SIZE).stream().map(Row::of).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("show", unreadOnly ? "unread" : "all");
        model.addAttribute("unread", notifications.unreadCount());
        return partial(request) && "notification-list".equals(request.getHeader("HX-Target"))
                ? "notifications/list :: results" : "notifications/list";
    }

    @GetMapping("/bell")
    String bell() {
        return "notifications/bell :: bell";
    }

    /** Opens a notification: marks it read and goes to what it is about. */
    @GetMapping("/{id}/open")
    String open(@PathVariable long id) {
        Notifications.Notification n = notifications.mine(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        notifications.markRead(id);
        String link = JdbcNotifications.safeLink(n.link());
        return "redirect:" + (link == null ? "/notifications" : link);
    }

    @PostMapping("/{id}/read")
    String markRead(@PathVariable long id, @RequestParam(defaultValue = "all") String show, Model model,
                    HttpServletRequest request, HttpServletResponse response) {
        if (notifications.mine(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        notifications.markRead(id);
        if (partial(request)) {
            response.setHeader("HX-Trigger", CHANGED);
            model.addAttribute("n", Row.of(notifications.mine(id).orElseThrow()));
            model.addAttribute("show", show);
            return "notifications/list :: item";
        }
        return "redirect:/notifications" + ("unread".equals(show) ? "?show=unread" : "");
    }

    @PostMapping("/read-all")
    String markAllRead(@RequestParam(defaultValue = "all") String show, Model model, HttpServletRequest request,
                       HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        notifications.markAllRead();
        String notice = messages.getMessage("notifications.allRead", null, locale);
        if (partial(request)) {
            response.setHeader("HX-Trigger", CHANGED);
            boolean unreadOnly = "unread".equals(show);
            model.addAttribute("rows", notifications.mine(unreadOnly, PAGE_SIZE).stream().map(Row::of).toList());
            model.addAttribute("show", unreadOnly ? "unread" : "all");
            model.addAttribute("unread", 0);
            model.addAttribute("notice", notice);
            return "notifications/list :: results";
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/notifications" + ("unread".equals(show) ? "?show=unread" : "");
    }

    private static boolean partial(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }
}
