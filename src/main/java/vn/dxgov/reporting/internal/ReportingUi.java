package vn.dxgov.reporting.internal;

/**
 * Marker of the reporting module's page controllers: their failures become the friendly error page
 * ({@link ReportingPageErrors}) instead of JSON.
 */
interface ReportingUi {

    /** True for a request htmx makes to swap part of a page (not a history restore, which wants the whole page). */
    static boolean partial(jakarta.servlet.http.HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }
}
