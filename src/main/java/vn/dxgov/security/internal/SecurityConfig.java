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
import org.springframework.security.config.Customizer;
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
 * Form login for people (and OpenID Connect single sign-on when configured, {@link SsoConfig}), HTTP Basic for
 * machine clients of {@code /api/**}. The API answers 401/403 as JSON instead of redirecting to the login page, and
 * does not use CSRF tokens (it keeps no session cookies).
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
    SecurityFilterChain apiChain(HttpSecurity http, MessageSource messages, LocaleResolver locales, ObjectMapper mapper)
            throws Exception {
        http.securityMatcher(API)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((req, res, ex) ->
                        json(mapper, res, HttpServletResponse.SC_UNAUTHORIZED,
                                messages.getMessage("error.unauthorized", null, locales.resolveLocale(req)))))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((req, res, e) -> json(mapper, res, HttpServletResponse.SC_UNAUTHORIZED,
                                messages.getMessage("error.unauthorized", null, locales.resolveLocale(req))))
                        .accessDeniedHandler((req, res, e) -> json(mapper, res, HttpServletResponse.SC_FORBIDDEN,
                                messages.getMessage("error.forbidden", null, locales.resolveLocale(req)))))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    SecurityFilterChain webChain(HttpSecurity http, ObjectProvider<SsoConfig.SsoLogin> sso) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .httpBasic(Customizer.withDefaults());
        for (SsoConfig.SsoLogin oidc : sso) { // single sign-on, when DXGOV_OIDC_ISSUER_URI is set
            oidc.configure(http);
        }
        return http.build();
    }

    /** A 401/403 of the API as the body of every API error ({@link ApiError}), written by the application's mapper. */
    static void json(ObjectMapper mapper, HttpServletResponse res, int status, String message) throws java.io.IOException {
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_JSON_VALUE);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        mapper.writeValue(res.getWriter(), new ApiError(status, message, List.of()));
    }
}
