package vn.dxgov.reporting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserDirectory;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.AgencyKind;

/**
 * User administration (ADMIN only): list users, create one with a role, an agency and an e-mail address. Reporting
 * needs it first (every agency editor belongs to an agency), so it lives here on top of {@link UserDirectory}.
 */
@Service
class UserAdmin {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,40}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MIN_PASSWORD = 8;

    /** A user to create. */
    record NewUser(String username, String password, String displayName, Role role, Long agencyId, String email) {
    }

    /** A user as listed, with the agency's name. */
    record UserRow(long id, String username, String displayName, Role role, Long agencyId, String agencyName,
                   String email, boolean enabled) {
    }

    /** A field and what is wrong with it (a message key of the reporting bundle). */
    record FieldError(String field, String key) {
    }

    private final UserDirectory users;
    private final AgencyDirectory agencies;
    private final AuditLog audit;
    private final ReportingMessages reporting;

    UserAdmin(UserDirectory users, AgencyDirectory agencies, AuditLog audit, ReportingMessages reporting) {
        this.users = users;
        this.agencies = agencies;
        this.audit = audit;
        this.reporting = reporting;
    }

    static void requireAdmin() {
        if (!CurrentUser.hasRole(Role.ADMIN)) {
            throw Access.forbidden();
        }
    }

    List<UserRow> list() {
        requireAdmin();
        List<UserDirectory.UserAccount> all = users.list();
        List<Long> ids = all.stream().map(UserDirectory.UserAccount::agencyId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, Agency> names = ids.isEmpty() ? Map.of() : agencies.findAll(ids);
        List<UserRow> out = new ArrayList<>();
        for (UserDirectory.UserAccount u : all) {
            Agency a = u.agencyId() == null ? null : names.get(u.agencyId());
            out.add(new UserRow(u.id(), u.username(), u.displayName(), u.role(), u.agencyId(), a == null ? null : a.name(),
                    u.email(), u.enabled()));
        }
        return out;
    }

    /** Every problem of a new user; empty when it can be created. */
    List<FieldError> check(NewUser u) {
        List<FieldError> errors = new ArrayList<>();
        if (u.username() == null || !USERNAME.matcher(u.username().trim()).matches()) {
            errors.add(new FieldError("username", "users.error.username"));
        } else if (users.find(u.username().trim()).isPresent()) {
            errors.add(new FieldError("username", "users.error.taken"));
        }
        if (u.password() == null || u.password().length() < MIN_PASSWORD) {
            errors.add(new FieldError("password", "users.error.password"));
        }
        if (u.displayName() == null || u.displayName().isBlank()) {
            errors.add(new FieldError("displayName", "users.error.displayName"));
        }
        if (u.role() == null) {
            errors.add(new FieldError("role", "users.error.role"));
        }
        if (u.agencyId() != null) {
            Agency a = agencies.find(u.agencyId()).orElse(null);
            if (a == null) {
                errors.add(new FieldError("agencyId", "users.error.agencyUnknown"));
            } else if (a.kind() == AgencyKind.COLLECTIVE) {
                errors.add(new FieldError("agencyId", "users.error.agencyCollective"));
            }
        } else if (u.role() == Role.EDITOR) {
            errors.add(new FieldError("agencyId", "users.error.agencyRequired"));
        }
        if (u.email() != null && !u.email().isBlank() && !EMAIL.matcher(u.email().trim()).matches()) {
            errors.add(new FieldError("email", "users.error.email"));
        }
        return errors;
    }

    @Transactional
    UserDirectory.UserAccount create(NewUser u) {
        requireAdmin();
        List<FieldError> errors = check(u);
        if (!errors.isEmpty()) {
            HttpStatus status = errors.stream().anyMatch(e -> e.key().equals("users.error.taken")) && errors.size() == 1
                    ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
            throw new ApiException(status, errors.stream().map(e -> e.field() + ": " + reporting.msg(e.key())).toList(),
                    "users.error.invalid");
        }
        String email = u.email() == null || u.email().isBlank() ? null : u.email().trim().toLowerCase(Locale.ROOT);
        UserDirectory.UserAccount created = users.ensure(u.username().trim(), u.password(), u.displayName().trim(),
                u.role(), u.agencyId(), email);
        audit.record("user.create", "app_user", created.id(), null, created);
        return created;
    }
}
