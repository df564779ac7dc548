package vn.dxgov.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;

/**
 * How a refused login is answered. The login page: back to {@code /login?error} (wrong name or password) or
 * {@code /login?locked} (too many failures: the page says for how long). HTTP Basic: 401 with a JSON
 * {@link vn.dxgov.shared.web.ApiError}, or 429 with {@code Retry-After} (seconds) and a message during a lockout.
 */
@Component
class LoginRefusals {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper mapper;
    private final LoginThrottle throttle;

    LoginRefusals(MessageSource messages, LocaleResolver locales, ObjectMapper mapper, LoginThrottle throttle) {
        this.messages = messages;
        this.locales = locales;
        this.mapper = mapper;
        this.throttle = throttle;
    }

    AuthenticationFailureHandler form() {
        return (request, response, e) -> response.sendRedirect(request.getContextPath()
                + (e instanceof LoginLockedException ? "/login?locked" : "/login?error"));
    }

    /** The API's answer to a missing or refused login (and to a lockout). */
    AuthenticationEntryPoint api() {
        return (request, response, e) -> {
            if (e instanceof LoginLockedException locked) {
                locked(request, response, locked);
            } else {
                SecurityConfig.json(mapper, response, HttpServletResponse.SC_UNAUTHORIZED,
                        messages.getMessage("error.unauthorized", null, locales.resolveLocale(request)));
            }
        };
    }

    /** HTTP Basic on pages: as Spring Security's own (401 asking for Basic), but 429 with a message during a lockout. */
    AuthenticationEntryPoint basic() {
        var standard = new org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint();
        standard.setRealmName("dxgov");
        return (request, response, e) -> {
            if (e instanceof LoginLockedException locked) {
                locked(request, response, locked);
            } else {
                standard.commence(request, response, e);
            }
        };
    }

    private void locked(HttpServletRequest request, HttpServletResponse response, LoginLockedException e)
            throws IOException {
        long seconds = Math.max(1, Duration.between(Instant.now(Clock.systemUTC()), e.until()).toSeconds());
        response.setHeader("Retry-After", Long.toString(seconds));
        SecurityConfig.json(mapper, response, HttpStatus.TOO_MANY_REQUESTS.value(),
                messages.getMessage("login.locked", new Object[] {minutes(throttle.lockout())},
                        locales.resolveLocale(request)));
    }

    /** The lockout in whole minutes, at least one, for the messages. */
    static String minutes(Duration lockout) {
        return Long.toString(Math.max(1, (lockout.toSeconds() + 59) / 60));
    }
}
