package vn.dxgov.security.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserAgencies;
import vn.dxgov.security.UserDirectory;
import vn.dxgov.shared.web.ApiException;

/**
 * User administration (ADMIN only): list users, create one with a role, an agency and an e-mail address. A new user's
 * shape is checked by its Bean Validation annotations; what needs the directories (a free name, an agency that exists
 * and is one organisation, an EDITOR's agency) by {@link #check}.
 */
@Service
class UserAdmin {

    /** A user to create, as the form or the API sends it: the name, display name and e-mail trimmed, a blank e-mail none. */
    record NewUser(
            @NotNull(message = "{users.error.username}")
            @Pattern(regexp = "[A-Za-z0-9._-]{3,40}", message = "{users.error.username}") String username,
            @NotBlank(message = "{users.error.password}") String password,
            @NotBlank(message = "{users.error.displayName}") String displayName,
            @NotNull(message = "{users.error.role}") Role role,
            Long agencyId,
            @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{users.error.email}") String email,
            @Pattern(regexp = "[0-9A-Za-z]{1,16}", message = "{users.error.province}") String provinceCode) {

        NewUser {
            provinceCode = provinceCode == null || provinceCode.isBlank() ? null : provinceCode.trim();
            username = username == null ? null : username.trim();
            displayName = displayName == null ? null : displayName.trim();
            email = email == null || email.isBlank() ? null : email.trim();
        }
    }

    /** A user as listed, with the agency's name. */
    record UserRow(long id, String username, String displayName, Role role, Long agencyId, String agencyName,
                   String email, boolean enabled, String provinceCode) {
    }

    /** The fields of a new user, in the order their problems are listed. */
    private static final List<String> FIELDS = List.of("username", "password", "displayName", "role", "agencyId", "email",
            "provinceCode");

    private final UserDirectory users;
    private final UserAgencies agencies;
    private final AuditLog audit;
    private final MessageSource messages;
    private final PasswordPolicy passwords;

    UserAdmin(UserDirectory users, UserAgencies agencies, AuditLog audit, MessageSource messages,
              PasswordPolicy passwords) {
        this.passwords = passwords;
        this.users = users;
        this.agencies = agencies;
        this.audit = audit;
        this.messages = messages;
    }

    static void requireAdmin() {
        if (!CurrentUser.hasRole(Role.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
    }

    /**
     * The users the administrator administers: every user for the super-administrator (an ADMIN without a province),
     * else the users of the administrator's province.
     */
    List<UserRow> list() {
        requireAdmin();
        List<UserDirectory.UserAccount> all = CurrentUser.superAdmin() ? users.list()
                : users.ofProvince(CurrentUser.provinceCode().orElseThrow());
        List<Long> ids = all.stream().map(UserDirectory.UserAccount::agencyId).filter(Objects::nonNull).distinct().toList();
        Map<Long, UserAgencies.Choice> names = ids.isEmpty() ? Map.of() : agencies.findAll(ids);
        List<UserRow> out = new ArrayList<>();
        for (UserDirectory.UserAccount u : all) {
            UserAgencies.Choice a = u.agencyId() == null ? null : names.get(u.agencyId());
            out.add(new UserRow(u.id(), u.username(), u.displayName(), u.role(), u.agencyId(), a == null ? null : a.name(),
                    u.email(), u.enabled(), u.provinceCode()));
        }
        return out;
    }

    /** The agencies a user may belong to, for the form: the administrator's province's and national ones. */
    List<UserAgencies.Choice> agencyChoices() {
        return agencies.choices().stream().filter(a -> CurrentUser.mayRead(a.provinceCode())).toList();
    }

    /**
     * The province a new user gets: the one asked for, else the administrator's (none for the super-administrator: a
     * national user). An administrator of a province creates users of that province only (403 otherwise), so never a
     * national user, nor a super-administrator.
     */
    static String provinceFor(NewUser u) {
        String province = u.provinceCode() != null ? u.provinceCode() : CurrentUser.provinceCode().orElse(null);
        if (!CurrentUser.superAdmin() && !Objects.equals(province, CurrentUser.provinceCode().orElse(null))) {
            throw new ApiException(HttpStatus.FORBIDDEN, "users.error.otherProvince");
        }
        return province;
    }

    /**
     * Adds to {@code errors} the problems of a new user its annotations cannot see, at most one per field: the name is
     * taken; the password is refused by the {@link PasswordPolicy} (too short, holds the name, a common one); the
     * agency is unknown or a collective; an EDITOR has no agency.
     */
    void check(NewUser u, Errors errors) {
        if (!errors.hasFieldErrors("username") && users.find(u.username()).isPresent()) {
            errors.rejectValue("username", "users.error.taken");
        }
        if (!errors.hasFieldErrors("password")) {
            passwords.check(u.username(), u.password()).stream().findFirst()
                    .ifPresent(p -> errors.rejectValue("password", p.code(), p.args(), null));
        }
        if (errors.hasFieldErrors("agencyId")) {
            return;
        }
        if (u.agencyId() != null) {
            Optional<UserAgencies.Choice> a = agencies.find(u.agencyId());
            if (a.isEmpty()) {
                errors.rejectValue("agencyId", "users.error.agencyUnknown");
            } else if (a.get().collective()) {
                errors.rejectValue("agencyId", "users.error.agencyCollective");
            } else if (a.get().provinceCode() != null && !a.get().provinceCode().equals(
                    u.provinceCode() != null ? u.provinceCode() : CurrentUser.provinceCode().orElse(null))
                    && !(u.provinceCode() == null && CurrentUser.superAdmin())) {
                // a user of a province belongs to an agency of that province (or a national one)
                errors.rejectValue("agencyId", "users.error.agencyProvince");
            }
        } else if (u.role() == Role.EDITOR) {
            errors.rejectValue("agencyId", "users.error.agencyRequired");
        }
    }

    /**
     * Creates a user whose annotations' problems are in {@code errors}: 400 with one "field: message" per problem,
     * 409 when the only problem is a name already taken. Audited.
     */
    @Transactional
    UserDirectory.UserAccount create(NewUser u, Errors errors) {
        requireAdmin();
        String province = provinceFor(u);
        check(u, errors);
        if (errors.hasErrors()) {
            boolean taken = errors.getErrorCount() == 1 && errors.getFieldError() != null
                    && "users.error.taken".equals(errors.getFieldError().getCode());
            throw new ApiException(taken ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, details(errors),
                    "users.error.invalid");
        }
        String email = u.email() == null ? null : u.email().toLowerCase(Locale.ROOT);
        if (province == null && u.agencyId() != null) {
            // the super-administrator's user without a province asked for belongs to its agency's province
            province = agencies.find(u.agencyId()).map(UserAgencies.Choice::provinceCode).orElse(null);
        }
        UserDirectory.UserAccount created = users.ensure(u.username(), u.password(), u.displayName(), u.role(),
                u.agencyId(), email, province);
        audit.record("user.create", "app_user", created.id(), null, created);
        return created;
    }

    /** "username: Tên đăng nhập gồm 3–40 ký tự …", one per field in the form's order. */
    private List<String> details(Errors errors) {
        Locale locale = LocaleContextHolder.getLocale();
        return errors.getFieldErrors().stream()
                .sorted(Comparator.comparingInt((FieldError e) -> FIELDS.indexOf(e.getField())))
                .map(e -> e.getField() + ": " + messages.getMessage(e, locale)).toList();
    }
}
