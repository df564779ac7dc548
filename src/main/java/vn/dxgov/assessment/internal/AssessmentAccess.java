package vn.dxgov.assessment.internal;

import org.springframework.http.HttpStatus;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.Role;
import vn.dxgov.shared.web.ApiException;

/**
 * Who may do what in assessment. The steering department (STEERING) and administrators edit criteria sets, open,
 * close and publish rounds and review; a unit's staff (an EDITOR of the agency tied to the unit) edit and submit only
 * their unit's self-assessment while the round is open; ADMIN, STEERING and LEADER read everything; anyone logged in
 * reads criteria sets and published results. No user at all is the application itself (start-up templates).
 */
final class AssessmentAccess {

    private AssessmentAccess() {
    }

    static boolean system() {
        return CurrentUser.username().isEmpty();
    }

    static String actor() {
        return CurrentUser.username().orElse("system");
    }

    static boolean steering() {
        return system() || CurrentUser.hasAnyRole(Role.ADMIN, Role.STEERING);
    }

    static boolean readsAll() {
        return system() || CurrentUser.hasAnyRole(Role.ADMIN, Role.STEERING, Role.LEADER);
    }

    static void requireSteering() {
        if (!steering()) {
            throw forbidden();
        }
    }

    static ApiException forbidden() {
        return new ApiException(HttpStatus.FORBIDDEN, "error.forbidden");
    }
}
