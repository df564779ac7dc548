package vn.dxgov.security.internal;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.web.ApiException;

/**
 * A signed-in person changes their own password ({@code /account/password}, {@code PUT /api/v1/users/me/password}):
 * the current password proves it is them (a session left open is not enough), the new one must meet the
 * {@link PasswordPolicy} and differ from the current one. Audited as {@code user.password.change} (never the
 * passwords).
 */
@Service
class PasswordChange {

    /** The form or the API body. */
    record Request(@NotBlank(message = "{account.password.error.current}") String currentPassword,
                   @NotBlank(message = "{users.error.password}") String newPassword) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final MessageSource messages;

    PasswordChange(JdbcClient jdbc, PasswordEncoder encoder, PasswordPolicy policy, AuditLog audit, MessageSource messages) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.messages = messages;
    }

    /** Adds the request's problems to {@code errors}: a wrong current password, a new one the policy refuses. */
    void check(String username, Request r, Errors errors) {
        if (!errors.hasFieldErrors("currentPassword")) {
            String hash = jdbc.sql("select password_hash from app_user where lower(username) = lower(?)").param(username)
                    .query(String.class).optional().orElse(null);
            if (hash == null || !encoder.matches(r.currentPassword(), hash)) {
                errors.rejectValue("currentPassword", "account.password.error.wrong");
            }
        }
        if (!errors.hasFieldErrors("newPassword")) {
            if (r.newPassword().equals(r.currentPassword())) {
                errors.rejectValue("newPassword", "account.password.error.same");
            } else {
                policy.check(username, r.newPassword()).stream().findFirst()
                        .ifPresent(p -> errors.rejectValue("newPassword", p.code(), p.args(), null));
            }
        }
    }

    /** Changes the signed-in user's password, or 400 with one "field: message" per problem. */
    @Transactional
    void change(Request r, Errors errors) {
        String username = CurrentUser.username().orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "error.unauthorized"));
        check(username, r, errors);
        if (errors.hasErrors()) {
            Locale locale = LocaleContextHolder.getLocale();
            List<String> details = errors.getFieldErrors().stream()
                    .map(e -> e.getField() + ": " + messages.getMessage(e, locale)).toList();
            throw new ApiException(HttpStatus.BAD_REQUEST, details, "account.password.error.invalid");
        }
        jdbc.sql("update app_user set password_hash = ? where lower(username) = lower(?)")
                .params(encoder.encode(r.newPassword()), username).update();
        audit.record("user.password.change", "app_user", username, null, Map.of("username", username));
    }
}
