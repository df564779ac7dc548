package vn.dxgov.assessment.internal;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import vn.dxgov.shared.web.PageErrorAdvice;

/** Failures of the assessment pages become the friendly error page, in the user's language. */
@ControllerAdvice(assignableTypes = AssessmentUi.class)
class AssessmentPageErrors extends PageErrorAdvice {

    AssessmentPageErrors(MessageSource messages) {
        super(messages);
    }
}
