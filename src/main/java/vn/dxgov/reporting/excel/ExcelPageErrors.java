package vn.dxgov.reporting.excel;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import vn.dxgov.shared.web.PageErrorAdvice;

/** Failures of the Excel pages become the friendly error page, in the user's language. */
@ControllerAdvice(assignableTypes = ExcelPages.class)
class ExcelPageErrors extends PageErrorAdvice {

    ExcelPageErrors(MessageSource messages) {
        super(messages);
    }
}
