package vn.dxgov.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Failures of page controllers become the friendly error page ({@code templates/error.html}) in the user's language:
 * an {@link ApiException} with its status, message and details; access denied (403); an upload over the size limit
 * (413). A module's pages get it with a subclass annotated
 * {@code @ControllerAdvice(assignableTypes = TheirPages.class)}, so the JSON API keeps {@link ApiExceptionHandler}.
 */
public abstract class PageErrorAdvice {

    private final MessageSource messages;

    protected PageErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiException.class)
    public ModelAndView api(ApiException e, HttpServletRequest request, HttpServletResponse response) {
        Locale locale = RequestContextUtils.getLocale(request);
        // "plan", 12 → "kế hoạch", "#12" (no thousands separator in an id)
        Object[] args = NotFoundNames.args(messages, e, locale);
        return page(e.status().value(), messages.getMessage(e.messageKey(), args, e.messageKey(), locale),
                e.details(), request, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ModelAndView denied(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response) {
        return page(403, messages.getMessage("error.forbidden", null, RequestContextUtils.getLocale(request)), List.of(),
                request, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request,
                                 HttpServletResponse response) {
        return page(413, messages.getMessage("error.upload.tooLarge", null, RequestContextUtils.getLocale(request)),
                List.of(), request, response);
    }

    /** The error page with a status, a message and details. */
    protected static ModelAndView page(int status, String message, List<String> details, HttpServletRequest request,
                                       HttpServletResponse response) {
        response.setStatus(status);
        ModelAndView mav = new ModelAndView("error");
        mav.addObject("status", status);
        mav.addObject("message", message);
        mav.addObject("details", details == null ? List.of() : details);
        mav.addObject("path", request.getRequestURI());
        return mav;
    }
}
