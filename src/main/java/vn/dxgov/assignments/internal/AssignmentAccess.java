package vn.dxgov.assignments.internal;

import org.springframework.http.HttpStatus;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.Role;
import vn.dxgov.shared.web.ApiException;

/**
 * Who may do what: the steering department and administrators import, assign and link; leaders (and they) read the
 * per-unit lists; everyone logged in reads decisions and figures (which come from published rounds only). No user at
 * all is the application itself (start-up loading, the round poll).
 */
final class AssignmentAccess {

    private AssignmentAccess() {
    }

    static boolean system() {
        return CurrentUser.username().isEmpty();
    }

    static boolean edits() {
        return system() || CurrentUser.hasAnyRole(Role.ADMIN, Role.STEERING);
    }

    static boolean readsUnits() {
        return system() || CurrentUser.hasAnyRole(Role.ADMIN, Role.STEERING, Role.LEADER);
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
        return CurrentUser.username().orElse("system");
    }
}
