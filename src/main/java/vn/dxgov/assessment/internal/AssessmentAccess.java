package vn.dxgov.assessment.internal;

import org.springframework.http.HttpStatus;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.web.ApiException;

/**
 * Who may do what in assessment. The steering department (STEERING) and administrators edit criteria sets, open,
 * close and publish rounds and review; a unit's staff (an EDITOR of the agency tied to the unit) edit and submit only
 * their unit's self-assessment while the round is open; ADMIN, STEERING and LEADER read everything; anyone logged in
 * reads criteria sets and published results. No user at all is the application itself (start-up templates).
 * The rules themselves are {@link CurrentUser}'s, shared by every module; the names stay for this module's callers.
 */
final class AssessmentAccess {

    private AssessmentAccess() {
    }

    static String actor() {
        return CurrentUser.actor();
    }

    static boolean steering() {
        return CurrentUser.steering();
    }

    static boolean readsAll() {
        return CurrentUser.readsAll();
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
