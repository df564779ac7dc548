package vn.dxgov.security;

import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user behind the current request, if any, and the role rules every module shares. No authentication at all is
 * the application itself (start-up loaders, listeners, scheduled jobs, demo data). A visitor of the public pages
 * ({@code /open/**}) is not: Spring Security gives every web request without a login an anonymous authentication,
 * and {@link #anonymous()} is true for it; such a visitor has no role, no province and no agency, so it reads only
 * what every module shows to everyone (published plans, approved figures, published results) and steers nothing.
 *
 * <p><b>Provinces.</b> Every user belongs to a province ({@link #provinceCode()}, the official code such as "38" for
 * Thanh Hóa) or is national (no province: a ministry, the installation's operator). Objects belong to the province of
 * their plan or unit (plans, reports, values, rounds, assignments, criteria sets...), or are national (no province).
 * The rules every module applies through {@link #mayRead(String)} and {@link #maySteer(String)}:
 * <ul>
 *   <li>a user of a province reads only objects of that province and national ones; a national user (and the
 *   application itself) reads every province's;</li>
 *   <li>the steering rights ({@link #steering()}) act only on objects of the user's own province; a national
 *   STEERING or ADMIN steers every province, nobody of a province steers a national object;</li>
 *   <li>the super-administrator ({@link #superAdmin()}) is an ADMIN without a province; an ADMIN of a province
 *   administers the users of its province only.</li>
 * </ul>
 * An object of a province the user may not read does not exist for the user: 404 for a single object, left out of
 * every list (the same answer as for a draft the user may not see). An object the user may read but not change answers
 * 403.</p>
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    /**
     * True when no user is behind the call: the application itself, which may do anything. Never true for a web
     * request, not even an anonymous one ({@link #anonymous()}).
     */
    public static boolean system() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || (!auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken));
    }

    /** A visitor of the public pages without a login: reads what is published to everyone, nothing else. */
    public static boolean anonymous() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof AnonymousAuthenticationToken;
    }

    /** The name to record as having done something: the user's, or "system" for the application itself. */
    public static String actor() {
        return username().orElse(anonymous() ? "anonymous" : "system");
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

    /** The province the user belongs to; empty for a national user and for the application itself. */
    public static Optional<String> provinceCode() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof DxgovPrincipal p) {
            return Optional.ofNullable(p.provinceCode());
        }
        return Optional.empty();
    }

    /** A national user (no province) or the application itself. */
    public static boolean national() {
        return provinceCode().isEmpty();
    }

    /** The installation's super-administrator: an ADMIN without a province (or the application itself). */
    public static boolean superAdmin() {
        return system() || (hasRole(Role.ADMIN) && national());
    }

    /**
     * Whether the user may read objects of a province ({@code null}: a national object), whatever the role allows
     * within it: always for national users and the application, else only the own province's and national objects.
     */
    public static boolean mayRead(String objectProvince) {
        return national() || objectProvince == null || objectProvince.isBlank()
                || objectProvince.equals(provinceCode().orElse(null));
    }

    /**
     * Whether the user may steer (import, review, publish, approve, return, edit) objects of a province: a steering
     * user ({@link #steering()}) of that province, a national one, or the application itself. A national object
     * ({@code null}) is steered by national users only.
     */
    public static boolean maySteer(String objectProvince) {
        if (!steering()) {
            return false;
        }
        return national() || Objects.equals(blankToNull(objectProvince), provinceCode().orElse(null));
    }

    /** Reads every object of the province (steering, leaders, administrators; see {@link #readsAll()}) and may read this one. */
    public static boolean readsAll(String objectProvince) {
        return readsAll() && mayRead(objectProvince);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
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

    /** The API token behind the request (its name), empty for a person or the application itself. */
    public static Optional<String> tokenName() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof DxgovPrincipal p) {
            return Optional.ofNullable(p.tokenName());
        }
        return Optional.empty();
    }

    /**
     * Whether the caller may read or write values of an indicator: always for people and the application itself; for
     * an API token only the indicators it is restricted to, when it is.
     */
    public static boolean indicatorAllowed(long indicatorId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof DxgovPrincipal p && p.indicatorScope() != null) {
            return p.indicatorScope().contains(indicatorId);
        }
        return true;
    }
}
