package vn.dxgov.portal.internal;

import org.springframework.security.access.AccessDeniedException;
import vn.dxgov.security.CurrentUser;

/**
 * Marker of the portal's server-rendered page controllers: their failures are shown as the friendly error page by
 * {@link PortalPageErrors} instead of JSON.
 */
interface PortalPage {

    /** True for a request htmx makes to swap part of a page (not a history restore, which wants the whole page). */
    static boolean partial(jakarta.servlet.http.HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }

    static void requireSteering() {
        if (!CurrentUser.steering()) {
            throw new AccessDeniedException("review needs STEERING or ADMIN");
        }
    }
}
