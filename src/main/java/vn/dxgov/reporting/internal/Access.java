package vn.dxgov.reporting.internal;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import vn.dxgov.reporting.Submission;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.Role;
import vn.dxgov.shared.web.ApiException;

/**
 * Who may do what in reporting, whoever calls (page, API or another module).
 *
 * <ul>
 *   <li>EDITOR: reads and writes (saves, submits) only the reports of the agency the user belongs to; another
 *   agency's report is "not found" when read and "forbidden" when written.</li>
 *   <li>STEERING and ADMIN: read everything, return, approve, reopen, edit schedules, and may open, fill in and
 *   submit a report on an agency's behalf (audited under their name).</li>
 *   <li>LEADER: reads everything, writes nothing.</li>
 *   <li>VIEWER: nothing of reporting.</li>
 *   <li>No logged-in user: the application itself (start-up, listeners, scheduled reminders, demo data); web
 *   requests always carry a user, because every page and API path requires one.</li>
 * </ul>
 * The rules every module shares (the application itself, the steering department, who reads everything, who is
 * recorded as the actor, and the provinces: {@link CurrentUser#mayRead(String)}, {@link CurrentUser#maySteer(String)})
 * are {@link CurrentUser}'s; this class keeps reporting's own. A report belongs to the province of its plan: those who
 * read everything read, and the steering department decides on, only the reports of their province (national users:
 * every province); another province's report is "not found".
 */
final class Access {

    private Access() {
    }

    /** A leader and nothing more: reads reports, but not the figures of an agency's draft. */
    static boolean leader() {
        return !CurrentUser.system() && CurrentUser.hasRole(Role.LEADER) && !CurrentUser.hasAnyRole(Role.ADMIN, Role.STEERING);
    }

    /** The agency an EDITOR reports for. */
    static Optional<Long> editorAgency() {
        return CurrentUser.hasRole(Role.EDITOR) ? CurrentUser.agencyId() : Optional.empty();
    }

    static boolean participates() {
        return CurrentUser.readsAll() || editorAgency().isPresent();
    }

    /** Anyone who takes part in reporting; a VIEWER (or an EDITOR without an agency) is refused. */
    static void requireParticipant() {
        if (!participates()) {
            throw forbidden();
        }
    }

    static void requireSteering() {
        if (!CurrentUser.steering()) {
            throw forbidden();
        }
    }

    /** A report of a plan of this province (null: national): its agency's editor, or those who read it all. */
    static boolean mayRead(Submission s, String province) {
        return CurrentUser.readsAll(province) || editorAgency().filter(a -> a == s.agencyId()).isPresent();
    }

    /** Writes a report of this agency in a plan of this province: its editor, or the province's steering department. */
    static boolean mayWriteFor(long agencyId, String province) {
        return CurrentUser.maySteer(province) || editorAgency().filter(a -> a == agencyId).isPresent();
    }

    /**
     * An API token restricted to some indicators writes only those: 403 with one detail per item of another indicator
     * (people are never restricted: {@link CurrentUser#indicatorAllowed(long)}).
     */
    static void requireIndicatorsInScope(java.util.List<vn.dxgov.indicators.DataValueInput> inputs, int[] numbering) {
        java.util.List<String> refused = new java.util.ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            long indicator = inputs.get(i).indicatorId();
            if (!CurrentUser.indicatorAllowed(indicator)) {
                refused.add("#" + numbering[i] + ": chỉ số #" + indicator + " ngoài phạm vi của mã truy cập"
                        + " / indicator outside the token's scope");
            }
        }
        if (!refused.isEmpty()) {
            throw new ApiException(HttpStatus.FORBIDDEN, refused, "tokens.error.indicatorScope", refused.size());
        }
    }

    static ApiException forbidden() {
        return new ApiException(HttpStatus.FORBIDDEN, "error.forbidden");
    }
}
