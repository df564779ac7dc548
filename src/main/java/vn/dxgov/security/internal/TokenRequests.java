package vn.dxgov.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API tokens on the API chain: the filter that takes {@code Authorization: Bearer …} (HTTP Basic keeps working beside
 * it; a refused token is a 401 in the API's JSON, never a fall-back to another login), and the rule of what a token
 * may call: GETs, and for a WRITE token the data-value writes ({@code POST /api/v1/data-values}, and the batch jobs
 * under {@code /api/v1/data-values/batches}). Anything else a token asks to change is 403, whatever its role would
 * allow a person: a province's WRITE token acts as the steering department for figures only.
 */
final class TokenRequests {

    private TokenRequests() {
    }

    static OncePerRequestFilter filter(TokenAuthentication tokens, AuthenticationEntryPoint refused) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String header = request.getHeader("Authorization");
                if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    chain.doFilter(request, response);
                    return;
                }
                Optional<Authentication> auth = tokens.authenticate(header.substring(7).trim());
                if (auth.isEmpty()) {
                    SecurityContextHolder.clearContext();
                    refused.commence(request, response, new BadCredentialsException("API token refused"));
                    return;
                }
                SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                context.setAuthentication(auth.get());
                SecurityContextHolder.getContextHolderStrategy().setContext(context);
                chain.doFilter(request, response);
            }
        };
    }

    /** Authenticated; for a token, a GET, or a WRITE token's data-value write. */
    static AuthorizationManager<RequestAuthorizationContext> access() {
        return (Supplier<? extends Authentication> auth, RequestAuthorizationContext ctx) -> decide(auth.get(), ctx.getRequest());
    }

    private static AuthorizationResult decide(Authentication auth, HttpServletRequest request) {
        if (auth == null || !auth.isAuthenticated()
                || auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
            return new AuthorizationDecision(false);
        }
        if (!(auth.getPrincipal() instanceof TokenPrincipal token)) {
            return new AuthorizationDecision(true);
        }
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return new AuthorizationDecision(true);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean valueWrite = method.equals("POST")
                && (path.equals("/api/v1/data-values") || path.startsWith("/api/v1/data-values/batches"));
        return new AuthorizationDecision(token.write() && valueWrite);
    }
}
