package vn.dxgov.assignments.internal;

import org.springframework.http.HttpStatus;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.web.ApiException;

/**
 * Who may do what: the steering department and administrators import, assign and link; leaders (and they) read the
 * per-unit lists; everyone logged in reads decisions and figures (which come from published rounds only). No user at
 * all is the application itself (start-up loading, the feed that takes each RoundPublished event). The rules
 * themselves are {@link CurrentUser}'s, shared by every module; the names stay for this module's callers.
 */
final class AssignmentAccess {

    private AssignmentAccess() {
    }

    static boolean system() {
        return CurrentUser.system();
    }

    /** The steering department, administrators, the application itself. */
    static boolean edits() {
        return CurrentUser.steering();
    }

    /** Those who read everything (and the application itself) read the per-unit lists. */
    static boolean readsUnits() {
        return CurrentUser.readsAll();
    }

    static void requireEdit() {
        if (!edits()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
    }

    static void requireUnits() {
        if (!readsUnits()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "assignments.units.forbidden");
        }
    }

    static String actor() {
        return CurrentUser.actor();
    }
}
