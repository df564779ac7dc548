package vn.dxgov.portal.internal;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import vn.dxgov.shared.web.PageErrorAdvice;

/** Failures of the portal's page controllers become the friendly error page, in the user's language. */
@ControllerAdvice(assignableTypes = PortalPage.class)
class PortalPageErrors extends PageErrorAdvice {

    PortalPageErrors(MessageSource messages) {
        super(messages);
    }
}
