package vn.dxgov.plans.internal;

/**
 * Marker of the server-rendered page controllers (as opposed to the JSON API): their failures are shown as a
 * friendly error page by {@link PageErrors} instead of JSON.
 */
interface UiPage {

    /** True for a request htmx makes to swap part of a page (not a history restore, which wants the whole page). */
    static boolean partial(jakarta.servlet.http.HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }
}
