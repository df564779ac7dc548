package vn.dxgov.assignments.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.dxgov.shared.web.ApiException;

/** Failures of the assignment pages become the friendly error page, in the user's language. */
@ControllerAdvice(assignableTypes = AssignmentPages.class)
class AssignmentPageErrors {

    private final MessageSource messages;

    AssignmentPageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView api(ApiException e, HttpServletRequest request, HttpServletResponse response) {
        Locale locale = RequestContextUtils.getLocale(request);
        return page(e.status().value(), messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale),
                e.details(), request, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response) {
        return page(403, messages.getMessage("error.forbidden", null, RequestContextUtils.getLocale(request)), List.of(),
                request, response);
    }

    private static ModelAndView page(int status, String message, List<String> details, HttpServletRequest request,
                                     HttpServletResponse response) {
        response.setStatus(status);
        ModelAndView mav = new ModelAndView("error");
        mav.addObject("status", status);
        mav.addObject("message", message);
        mav.addObject("details", details);
        mav.addObject("path", request.getRequestURI());
        return mav;
    }
}
