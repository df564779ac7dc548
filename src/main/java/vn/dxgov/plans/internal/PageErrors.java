package vn.dxgov.plans.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.dxgov.shared.web.ApiException;

/** Failures of the page controllers become the friendly error page, in the user's language. */
@ControllerAdvice(assignableTypes = UiPage.class)
class PageErrors {

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView api(ApiException e, HttpServletRequest request, HttpServletResponse response) {
        java.util.Locale locale = RequestContextUtils.getLocale(request);
        Object[] args = e.args();
        if ("error.notFound".equals(e.messageKey()) && args != null && args.length == 2) {
            // "plan", 12 → "kế hoạch", "#12" (no thousands separator in an id)
            args = new Object[]{messages.getMessage("entity." + args[0], null, String.valueOf(args[0]), locale),
                    "#" + args[1]};
        }
        String message = messages.getMessage(e.messageKey(), args, e.messageKey(), locale);
        return page(e.status().value(), message, e.details(), request, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response) {
        String message = messages.getMessage("error.forbidden", null, RequestContextUtils.getLocale(request));
        return page(403, message, java.util.List.of(), request, response);
    }

    private static ModelAndView page(int status, String message, java.util.List<String> details,
                                     HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(status);
        ModelAndView mav = new ModelAndView("error");
        mav.addObject("status", status);
        mav.addObject("message", message);
        mav.addObject("details", details);
        mav.addObject("path", request.getRequestURI());
        return mav;
    }
}
