package vn.dxgov.reports.internal;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import vn.dxgov.shared.web.PageErrorAdvice;

/** Failures of the reports pages become the friendly error page, in the user's language. */
@ControllerAdvice(assignableTypes = ReportPages.class)
class ReportPageErrors extends PageErrorAdvice {

    ReportPageErrors(MessageSource messages) {
        super(messages);
    }
}
