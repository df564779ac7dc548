package vn.dxgov.indicators.internal;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import vn.dxgov.shared.web.PageErrorAdvice;

/** Failures of the indicator pages become the friendly error page, in the user's language. */
@ControllerAdvice(assignableTypes = IndicatorPages.class)
class IndicatorPageErrors extends PageErrorAdvice {

    IndicatorPageErrors(MessageSource messages) {
        super(messages);
    }
}
