package vn.dxgov.security.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.util.StringUtils;

/**
 * Single sign-on through an OpenID Connect provider, beside the form login; present only when
 * {@code DXGOV_OIDC_ISSUER_URI} is set ({@link Configured}), so without it no OAuth2 client exists and dxgov starts
 * as it always did. The provider's discovery document is read at the first SSO login, not at start: a provider that
 * is down does not stop dxgov (the SSO button fails, the form login works).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SsoConfig.Configured.class)
class SsoConfig {

    /** True when {@code dxgov.oidc.issuer-uri} ({@code DXGOV_OIDC_ISSUER_URI}) has text. */
    static class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("dxgov.oidc.issuer-uri"));
        }
    }

    @Bean
    ClientRegistrationRepository ssoRegistrations(SsoProperties settings) {
        return new DiscoveredRegistration(settings);
    }

    @Bean
    SsoLogin ssoLogin(SsoProperties settings, SsoUsers users) {
        return new SsoLogin(settings, new SsoUserService(new SsoClaims(settings), users));
    }

    /** The one registration of {@link SsoProperties}, from the provider's discovery document read at first use. */
    static final class DiscoveredRegistration implements ClientRegistrationRepository {

        private static final Logger log = LoggerFactory.getLogger(DiscoveredRegistration.class);

        private final SsoProperties settings;
        private volatile ClientRegistration registration;

        DiscoveredRegistration(SsoProperties settings) {
            this.settings = settings;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!settings.registrationId().equals(registrationId)) {
                return null;
            }
            ClientRegistration r = registration;
            if (r == null) {
                synchronized (this) {
                    r = registration;
                    if (r == null) {
                        r = discover();
                        registration = r;
                    }
                }
            }
            return r;
        }

        private ClientRegistration discover() {
            try {
                return ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                        .registrationId(settings.registrationId())
                        .clientId(settings.clientId())
                        .clientSecret(settings.clientSecret())
                        .scope(settings.scopeList())
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .build();
            } catch (RuntimeException e) {
                log.error("single sign-on: the OpenID Connect provider {} could not be read ({}); tried again at the "
                        + "next SSO login", settings.issuerUri(), e.getMessage());
                throw e;
            }
        }
    }

    /** Adds the OIDC login to the web filter chain ({@link SecurityConfig}) and tells the login page where it starts. */
    static final class SsoLogin {

        private static final Logger log = LoggerFactory.getLogger(SsoLogin.class);

        private final SsoProperties settings;
        private final SsoUserService users;
        private final RedirectStrategy redirect = new DefaultRedirectStrategy();

        SsoLogin(SsoProperties settings, SsoUserService users) {
            this.settings = settings;
            this.users = users;
        }

        /** Where the login page's SSO button leads: Spring Security's redirect to the provider. */
        String startUrl() {
            return "/oauth2/authorization/" + settings.registrationId();
        }

        void configure(HttpSecurity http) throws Exception {
            AuthenticationFailureHandler toLoginPage = (req, res, e) ->
                    redirect.sendRedirect(req, res, "/login?sso-error=" + code(e));
            http.oauth2Login(oauth -> oauth
                    // our login page, not Spring's generated one nor a redirect of every visitor to the provider
                    .loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    .userInfoEndpoint(info -> info.oidcUserService(users))
                    .failureHandler(toLoginPage)
                    // the way to the provider failing (its discovery document unreadable) is a message on the login
                    // page too, not Spring's bare 500
                    .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                        @Override
                        public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                            filter.setAuthenticationFailureHandler(toLoginPage);
                            return filter;
                        }
                    }));
        }

        /** The reason shown on the login page ({@code login.sso.<code>}): a refusal of dxgov, or the provider's. */
        private static String code(AuthenticationException e) {
            if (e instanceof OAuth2AuthenticationException o
                    && o.getError().getErrorCode().startsWith(SsoUserService.REFUSAL)) {
                return o.getError().getErrorCode().substring(SsoUserService.REFUSAL.length());
            }
            log.warn("single sign-on failed: {}", e.getMessage());
            return "provider";
        }
    }
}
