package vn.dxgov.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user behind the current request, if any. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<String> username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }

    public static boolean hasRole(Role role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }

    public static boolean hasAnyRole(Role... roles) {
        for (Role r : roles) {
            if (hasRole(r)) {
                return true;
            }
        }
        return false;
    }

    /** The agency the user belongs to (every EDITOR has one; others may). */
    public static Optional<Long> agencyId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof DxgovPrincipal p) {
            return Optional.ofNullable(p.agencyId());
        }
        return Optional.empty();
    }

    /** True when the user may read everything (steering department, leaders, administrators). */
    public static boolean readsEverything() {
        return hasAnyRole(Role.ADMIN, Role.STEERING, Role.LEADER);
    }
}
