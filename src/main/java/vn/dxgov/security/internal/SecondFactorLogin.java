package vn.dxgov.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second step of a form login for an account with a second factor: the password accepted, the session is marked
 * as waiting for a code and goes to {@code /login/totp}; until the code is given, every other page of the session
 * leads back there ({@link #gate}). Accounts without a second factor go on as before (to the page they asked for).
 */
@Component
class SecondFactorLogin {

    static final String PENDING = "dxgov.totp.pending";

    private final SecondFactor factor;
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    SecondFactorLogin(SecondFactor factor) {
        this.factor = factor;
    }

    AuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler standard = new SavedRequestAwareAuthenticationSuccessHandler();
        standard.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            if (factor.enrolled(authentication.getName())) {
                request.getSession().setAttribute(PENDING, authentication.getName());
                response.sendRedirect(request.getContextPath() + "/login/totp");
            } else {
                standard.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    /** The code was right: the session is the user's, and goes to the page asked for before logging in. */
    String complete(HttpServletRequest request, HttpServletResponse response) {
        request.getSession().removeAttribute(PENDING);
        SavedRequest saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        return saved == null ? "/" : saved.getRedirectUrl();
    }

    static String pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(PENDING);
    }

    /** Lets a session waiting for its code reach only the code page, logout and the static files. */
    OncePerRequestFilter gate() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                boolean open = path.equals("/login/totp") || path.equals("/logout") || path.equals("/error")
                        || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                        || path.equals("/favicon.ico");
                if (!open && pending(request) != null) {
                    response.sendRedirect(request.getContextPath() + "/login/totp");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    static boolean isAuthenticated(Authentication a) {
        return a != null && a.isAuthenticated();
    }
}
