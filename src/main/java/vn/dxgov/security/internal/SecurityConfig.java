package vn.dxgov.security.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.shared.web.ApiError;

/**
 * Form login for people (and OpenID Connect single sign-on when configured, {@link SsoConfig}), API tokens
 * ({@code Authorization: Bearer …}, {@link TokenRequests}) and HTTP Basic for machine clients of {@code /api/**}. The API answers 401/403 as JSON instead of redirecting to the login page, and
 * does not use CSRF tokens (it keeps no session cookies).
 *
 * <p>The web-security parts live in their own classes: the headers and the firewall in {@link WebHeaders}, the
 * password check behind the login throttle in {@link ThrottledAuthentication} (the only AuthenticationProvider bean,
 * so both chains use it), the answers to refused logins in {@link LoginRefusals}, redirects as paths in
 * {@link RelativeRedirects}, the second factor's step after the password in {@link SecondFactorLogin}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    private static final RequestMatcher API = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain apiChain(HttpSecurity http, MessageSource messages, LocaleResolver locales, ObjectMapper mapper,
                                 WebHeaders headers, LoginRefusals refusals, TokenAuthentication tokens) throws Exception {
        http.securityMatcher(API)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        // an API token changes nothing but figures (TokenRequests)
                        .anyRequest().access(TokenRequests.access()))
                .addFilterBefore(TokenRequests.filter(tokens, refusals.api()),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(refusals.api()))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(refusals.api())
                        .accessDeniedHandler((req, res, e) -> json(mapper, res, HttpServletResponse.SC_FORBIDDEN,
                                messages.getMessage("error.forbidden", null, locales.resolveLocale(req)))))
                .headers(headers.headers())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    SecurityFilterChain webChain(HttpSecurity http, WebHeaders headers, LoginRefusals refusals,
                                 SecondFactorLogin secondFactor, ObjectProvider<SsoConfig.SsoLogin> sso)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**").permitAll()
                        // the public portal and open data catalogue: read as an anonymous visitor (CurrentUser.anonymous())
                        .requestMatchers(HttpMethod.GET, "/open", "/open/**", "/robots.txt", "/sitemap.xml").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/open", "/open/**", "/robots.txt", "/sitemap.xml").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(secondFactor.successHandler())
                        .failureHandler(refusals.form()).permitAll())
                .addFilterBefore(secondFactor.gate(), org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(refusals.basic()))
                .headers(headers.headers());
        for (SsoConfig.SsoLogin oidc : sso) { // single sign-on, when DXGOV_OIDC_ISSUER_URI is set
            oidc.configure(http);
        }
        return http.build();
    }

    /** Spring Security's strict firewall, limited to {@code dxgov.security.allowed-hosts} when set ({@link WebHeaders}). */
    @Bean
    WebSecurityCustomizer firewall(WebHeaders headers) {
        return web -> web.httpFirewall(headers.firewall());
    }

    /** A 401/403 of the API as the body of every API error ({@link ApiError}), written by the application's mapper. */
    static void json(ObjectMapper mapper, HttpServletResponse res, int status, String message) throws java.io.IOException {
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_JSON_VALUE);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        mapper.writeValue(res.getWriter(), new ApiError(status, message, List.of()));
    }
}
