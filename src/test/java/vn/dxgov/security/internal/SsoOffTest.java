package vn.dxgov.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without {@code DXGOV_OIDC_ISSUER_URI} (the test profile, like a default installation) dxgov starts as it did before
 * single sign-on: no OAuth2 client, no SSO button, the OAuth2 URLs are ordinary protected paths.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SsoOffTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    @Test
    void noClientRegistrationNoButtonAndNoOAuth2Endpoints() throws Exception {
        assertThat(context.getBeanProvider(ClientRegistrationRepository.class).getIfAvailable()).isNull();
        assertThat(context.getBeanProvider(SsoConfig.SsoLogin.class).getIfAvailable()).isNull();

        String html = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        assertThat(page.select("#login-sso")).isEmpty();
        assertThat(page.text()).doesNotContain("SSO").doesNotContain("một cửa");
        assertThat(page.select("#login-submit")).hasSize(1);

        mvc.perform(get("/oauth2/authorization/sso").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login/oauth2/code/sso").param("code", "x").param("state", "y").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        Document refused = Jsoup.parse(mvc.perform(get("/login").param("sso-error", "role"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select("#sso-error")).isEmpty();
    }
}
