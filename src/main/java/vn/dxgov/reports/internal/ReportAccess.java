package vn.dxgov.reports.internal;

import org.springframework.http.HttpStatus;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.Role;
import vn.dxgov.shared.web.ApiException;

/**
 * Who may read the reports: the steering department, leaders and administrators. An agency's EDITOR and a VIEWER
 * get 403: the scorecard compares agencies with each other and the consolidated report is the steering
 * department's document before it is signed.
 */
final class ReportAccess {

    private ReportAccess() {
    }

    static boolean allowed() {
        return CurrentUser.hasAnyRole(Role.STEERING, Role.LEADER, Role.ADMIN);
    }

    static void require() {
        if (!allowed()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "reports.error.forbidden");
        }
    }
}
