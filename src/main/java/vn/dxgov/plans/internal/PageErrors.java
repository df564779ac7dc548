package vn.dxgov.plans.internal;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import vn.dxgov.shared.web.PageErrorAdvice;

/** Failures of the page controllers become the friendly error page, in the user's language. */
@ControllerAdvice(assignableTypes = UiPage.class)
class PageErrors extends PageErrorAdvice {

    PageErrors(MessageSource messages) {
        super(messages);
    }
}
