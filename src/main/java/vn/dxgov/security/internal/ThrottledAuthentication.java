package vn.dxgov.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The password check of both form login and HTTP Basic, behind the {@link LoginThrottle}: a locked account or address
 * is refused before the password is looked at (so the right password does not work during a lockout), every failure
 * is counted (the wrong password, not the refusal of HTTP Basic for an account with a second factor), and every
 * attempt goes to the audit trail ({@link LoginAudit}) with the name typed, the address and
 * the reason.
 */
@Component
class ThrottledAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final LoginAudit audit;
    private final SecondFactor secondFactor;

    ThrottledAuthentication(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle, LoginAudit audit,
                            SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        String method = method();
        Optional<Instant> locked = throttle.lockedUntil(username, ip);
        if (locked.isPresent()) {
            audit.login(username, ip, method, LoginAudit.Outcome.LOCKED, "locked until " + locked.get());
            throw new LoginLockedException(locked.get());
        }
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (AuthenticationException e) {
            boolean nowLocked = throttle.failed(username, ip);
            audit.login(username, ip, method, LoginAudit.Outcome.FAILURE, reason(e) + (nowLocked ? "; now locked" : ""));
            if (nowLocked) {
                throw new LoginLockedException(throttle.lockedUntil(username, ip).orElse(Instant.now()));
            }
            throw e;
        }
        if ("basic".equals(method) && secondFactor.enrolled(username)) {
            // HTTP Basic cannot carry the code: an account with a second factor logs in on the login page only
            audit.login(username, ip, method, LoginAudit.Outcome.FAILURE, "second factor required");
            throw new org.springframework.security.authentication.InsufficientAuthenticationException(
                    "This account needs its second factor: log in on the login page");
        }
        // with a second factor the password alone is a step: the failures are cleared when the code is given too
        // (SecondFactorPages), so that wrong codes keep counting towards the lockout
        boolean codePending = "form".equals(method) && secondFactor.enrolled(username);
        if (!codePending) {
            throttle.succeeded(username);
        }
        audit.login(username, ip, method, LoginAudit.Outcome.SUCCESS, codePending ? "password; code pending" : null);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** {@code form} for the login page's POST, {@code basic} for HTTP Basic. */
    private static String method() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            HttpServletRequest r = a.getRequest();
            return "POST".equals(r.getMethod()) && (r.getContextPath() + "/login").equals(r.getRequestURI()) ? "form" : "basic";
        }
        return "other";
    }

    private static String reason(AuthenticationException e) {
        return switch (e.getClass().getSimpleName()) {
            case "BadCredentialsException" -> "bad credentials";
            case "DisabledException" -> "account disabled";
            case "LockedException" -> "account locked";
            default -> e.getClass().getSimpleName();
        };
    }
}
