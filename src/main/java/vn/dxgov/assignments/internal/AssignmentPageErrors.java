package vn.dxgov.assignments.internal;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import vn.dxgov.shared.web.PageErrorAdvice;

/** Failures of the assignment pages become the friendly error page, in the user's language. */
@ControllerAdvice(assignableTypes = AssignmentPages.class)
class AssignmentPageErrors extends PageErrorAdvice {

    AssignmentPageErrors(MessageSource messages) {
        super(messages);
    }
}
