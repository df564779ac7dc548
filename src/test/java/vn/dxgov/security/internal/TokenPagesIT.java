package vn.dxgov.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The API token page as an administrator uses it: the form (date and indicator list bound as typed), the token shown
 * once on the answer (not cached), a refused form back with its messages (422), revoking, and the page refused to
 * everyone but administrators and without CSRF.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TokenPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

    @Test
    void anAdministratorMakesAToken_seesItOnce_andRevokesIt() throws Exception {
        String day = LocalDate.now().plusMonths(6).toString();
        var answer = mvc.perform(post("/admin/tokens").with(user("root").roles("ADMIN")).with(csrf())
                        .param("name", "trang-" + run).param("provinceCode", "38").param("access", "WRITE")
                        .param("expiresAt", day).param("indicatorIds", "12, 7").param("webhookUrl", ""))
                .andExpect(status().isOk()).andReturn().getResponse();
        String page = answer.getContentAsString();
        assertThat(answer.getHeader("Cache-Control")).contains("no-store");
        assertThat(page).contains("id=\"token-secret\"").containsPattern("dxg_[a-z0-9]{12}_[A-Za-z0-9_-]{43}");
        assertThat(jdbc.sql("select array_to_string(indicator_ids, ',') || ' ' || to_char(expires_at at time zone"
                        + " 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') from api_token where name = ?")
                .param("trang-" + run).query(String.class).single())
                .isEqualTo("7,12 " + LocalDate.parse(day).plusDays(1));
        long id = jdbc.sql("select id from api_token where name = ?").param("trang-" + run).query(Long.class).single();

        String list = mvc.perform(get("/admin/tokens").with(user("root").roles("ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("trang-" + run).doesNotContain("token-secret").contains("Đang dùng");

        mvc.perform(post("/admin/tokens/" + id + "/revoke").with(user("root").roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select revoked_by from api_token where id = ?").param(id).query(String.class).single())
                .isEqualTo("root");
    }

    @Test
    void aRefusedFormComesBackWithItsMessages() throws Exception {
        String page = mvc.perform(post("/admin/tokens").with(user("root").roles("ADMIN")).with(csrf())
                        .param("name", "").param("provinceCode", "38").param("access", "READ")
                        .param("expiresAt", LocalDate.now().plusYears(5).toString())
                        .param("webhookUrl", "ftp://example.vn/x"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Tên gồm 1–80 ký tự").contains("không quá hai năm").contains("Địa chỉ webhook không hợp lệ");
    }

    @Test
    void onlyAdministratorsWithCsrfReachIt() throws Exception {
        mvc.perform(get("/admin/tokens").with(user("st").roles("STEERING"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/tokens").with(user("root").roles("ADMIN")).param("name", "x").param("access", "READ"))
                .andExpect(status().isForbidden());
    }
}
