package vn.dxgov.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user behind the current request, if any, and the role rules every module shares. No user at all is the
 * application itself (start-up loaders, listeners, scheduled jobs, demo data): web requests always carry one, because
 * every page and API path requires a login, so "no user" never means "anonymous visitor".
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** True when no user is behind the call: the application itself, which may do anything. */
    public static boolean system() {
        return username().isEmpty();
    }

    /** The name to record as having done something: the user's, or "system" for the application itself. */
    public static String actor() {
        return username().orElse("system");
    }

    /**
     * The steering department (STEERING), an administrator or the application itself: those who import, review,
     * publish, decide and edit what the steering department owns.
     */
    public static boolean steering() {
        return system() || hasAnyRole(Role.ADMIN, Role.STEERING);
    }

    /**
     * Reads everything a module has: the steering department, leaders (LEADER), administrators, or the application
     * itself. Unlike {@link #readsEverything()}, the application itself counts.
     */
    public static boolean readsAll() {
        return system() || hasAnyRole(Role.ADMIN, Role.STEERING, Role.LEADER);
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

    /**
     * True when the logged-in user may read everything (steering department, leaders, administrators); false without
     * a user (see {@link #readsAll()} for the rule that lets the application itself read).
     */
    public static boolean readsEverything() {
        return hasAnyRole(Role.ADMIN, Role.STEERING, Role.LEADER);
    }
}
