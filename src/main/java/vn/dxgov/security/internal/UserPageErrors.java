package vn.dxgov.security.internal;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import vn.dxgov.shared.web.PageErrorAdvice;

/** Failures of the user administration, API token, password and second-factor pages become the friendly error page, in the user's language. */
@ControllerAdvice(assignableTypes = {UserAdminPages.class, PasswordChangePages.class, SecondFactorPages.class,
        TokenAdminPages.class})
class UserPageErrors extends PageErrorAdvice {

    UserPageErrors(MessageSource messages) {
        super(messages);
    }
}
