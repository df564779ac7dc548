package vn.dxgov.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.dxgov.notifications.Notifications;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserDirectory;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.AgencyDirectory;

/**
 * In-app notifications on the real (embedded) database: own and agency notifications, each user reading an agency's
 * notification on their own, the bell's unread count and the notifications page. Each test has agencies and users
 * of its own (a made-up province code and user names), so that other tests do not interfere.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class NotificationsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    Notifications notifications;
    @Autowired
    UserDirectory users;
    @Autowired
    AgencyDirectory agencies;

    long finance;
    long health;
    UserDirectory.UserAccount an;
    UserDirectory.UserAccount binh;
    UserDirectory.UserAccount chi;

    @BeforeEach
    void setUp() {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L), 36);
        var found = agencies.resolve("Sở Tài chính; Sở Y tế", "N" + run.substring(0, Math.min(4, run.length())) + "x");
        finance = found.get(0).agency().id();
        health = found.get(1).agency().id();
        an = users.ensure("an-" + run, "pw-" + run, "Nguyễn Văn An", Role.EDITOR, finance, "an-" + run + "@stc.vn");
        binh = users.ensure("binh-" + run, "pw-" + run, "Trần Thị Bình", Role.EDITOR, finance, null);
        chi = users.ensure("chi-" + run, "pw-" + run, "Lê Chi", Role.EDITOR, health, null);
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    <T> T as(UserDirectory.UserAccount u, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                u.username(), null, AuthorityUtils.createAuthorityList(u.role().authority())));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    void as(UserDirectory.UserAccount u, Runnable work) {
        as(u, () -> {
            work.run();
            return null;
        });
    }

    static RequestPostProcessor login(UserDirectory.UserAccount u) {
        return user(u.username()).roles(u.role().name());
    }

    @Test
    void aUserSeesOwnAndAgencyNotificationsNewestFirstAndReadsThemOnTheirOwn() {
        notifications.toAgency(finance, "TEST", "Báo cáo kỳ 2025 bị trả lại", "Lý do: thiếu số liệu", "/reporting/submissions/1");
        notifications.toUser(an.id(), "TEST", "Riêng cho An", null, null);
        notifications.toAgency(health, "TEST", "Của Sở Y tế", null, null);

        List<Notifications.Notification> mine = as(an, () -> notifications.mine(false, 50));
        assertThat(mine).extracting(Notifications.Notification::title)
                .containsExactly("Riêng cho An", "Báo cáo kỳ 2025 bị trả lại");
        assertThat(as(an, notifications::unreadCount)).isEqualTo(2);
        assertThat(as(binh, notifications::unreadCount)).isEqualTo(1);
        assertThat(as(chi, () -> notifications.mine(false, 50))).extracting(Notifications.Notification::title)
                .containsExactly("Của Sở Y tế");

        long agencyNote = mine.get(1).id();
        as(an, () -> notifications.markRead(agencyNote));
        assertThat(as(an, notifications::unreadCount)).isEqualTo(1);
        assertThat(as(an, () -> notifications.mine(true, 50))).extracting(Notifications.Notification::title)
                .containsExactly("Riêng cho An");
        // Bình, of the same agency, still has it unread
        assertThat(as(binh, notifications::unreadCount)).isEqualTo(1);
        // nobody reads (or learns of) another agency's or another user's notification
        assertThatThrownBy(() -> as(chi, () -> notifications.markRead(agencyNote))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> as(binh, () -> notifications.markRead(mine.get(0).id()))).isInstanceOf(ApiException.class);

        as(an, notifications::markAllRead);
        assertThat(as(an, notifications::unreadCount)).isZero();
        assertThat(as(an, () -> notifications.mine(false, 50))).allSatisfy(n -> assertThat(n.readAt()).isNotNull());
        assertThat(as(binh, notifications::unreadCount)).isEqualTo(1);
        // without a user there is nothing to see
        assertThat(notifications.unreadCount()).isZero();
        assertThat(notifications.mine(false, 10)).isEmpty();
    }

    @Test
    void linksOutsideDxgovAreNotKept() {
        notifications.toUser(an.id(), "TEST", "Liên kết lạ", null, "https://example.com/phish");
        assertThat(as(an, () -> notifications.mine(false, 1)).get(0).link()).isNull();
    }

    String page(String path, UserDirectory.UserAccount u) throws Exception {
        return mvc.perform(get(path).with(login(u))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theBellShowsTheUnreadCountAndMarkingReadClearsIt() throws Exception {
        notifications.toAgency(finance, "TEST", "Còn 7 ngày đến hạn gửi báo cáo kỳ 2025 (hạn 05/12/2025)",
                "Đơn vị chưa gửi báo cáo", "/reporting");
        notifications.toUser(an.id(), "TEST", "Báo cáo kỳ 2025 đã được duyệt", null, "/reporting/submissions/9");

        String bell = page("/notifications/bell", an);
        assertThat(bell).contains("id=\"notification-bell\"").contains("hx-trigger=\"every 60s")
                .contains("id=\"notification-count\"").contains(">2</span>").contains("2 thông báo chưa đọc");
        // the bell is in the navigation bar of every page
        String list = page("/notifications", an);
        assertThat(list).contains("id=\"notification-bell\"").contains(">2</span>")
                .contains("Còn 7 ngày đến hạn gửi báo cáo kỳ 2025 (hạn 05/12/2025)")
                .contains("Báo cáo kỳ 2025 đã được duyệt").contains("Đánh dấu đã đọc").contains("Đánh dấu tất cả đã đọc");
        assertThat(list.indexOf("Báo cáo kỳ 2025 đã được duyệt")).isLessThan(list.indexOf("Còn 7 ngày"));

        List<Notifications.Notification> mine = as(an, () -> notifications.mine(false, 10));
        long approved = mine.get(0).id();
        // opening one marks it read and goes to what it is about
        mvc.perform(get("/notifications/" + approved + "/open").with(login(an)))
                .andExpect(redirectedUrl("/reporting/submissions/9"));
        assertThat(page("/notifications/bell", an)).contains(">1</span>");

        // htmx marks one read: the item comes back read, and the bell is told to refresh
        long reminder = mine.get(1).id();
        String item = mvc.perform(post("/notifications/" + reminder + "/read").with(login(an)).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(header().string("HX-Trigger", "notifications-changed"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(item).startsWith("<li").contains("notification-" + reminder).doesNotContain("Đánh dấu đã đọc");
        assertThat(page("/notifications/bell", an)).doesNotContain("notification-count")
                .contains("Không có thông báo chưa đọc");
        // Bình's bell still rings for the agency's reminder
        assertThat(page("/notifications/bell", binh)).contains(">1</span>");

        // without JavaScript: mark all read redirects back to the page
        mvc.perform(post("/notifications/read-all").with(login(binh)).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(page("/notifications/bell", binh)).doesNotContain("notification-count");
        assertThat(page("/notifications?show=unread", binh)).contains("Không có thông báo chưa đọc.");
    }

    @Test
    void pagesRefuseOtherPeoplesNotificationsAndAnonymousUsers() throws Exception {
        notifications.toUser(an.id(), "TEST", "Riêng cho An", null, null);
        long id = as(an, () -> notifications.mine(false, 1)).get(0).id();
        mvc.perform(post("/notifications/" + id + "/read").with(login(chi)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/notifications/" + id + "/open").with(login(chi))).andExpect(status().isNotFound());
        mvc.perform(get("/notifications").accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/notifications/read-all").with(login(an))).andExpect(status().isForbidden());
        assertThat(as(an, notifications::unreadCount)).isEqualTo(1);
    }

    @Test
    void englishPage() throws Exception {
        String en = mvc.perform(get("/notifications?lang=en").with(login(an))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("Notifications").contains("No notifications yet.");
    }
}
