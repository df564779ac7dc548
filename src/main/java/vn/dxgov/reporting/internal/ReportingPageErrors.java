package vn.dxgov.reporting.internal;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import vn.dxgov.shared.web.PageErrorAdvice;

/** Failures of the reporting pages become the friendly error page, in the user's language. */
@ControllerAdvice(assignableTypes = ReportingUi.class)
class ReportingPageErrors extends PageErrorAdvice {

    ReportingPageErrors(MessageSource messages) {
        super(messages);
    }
}
