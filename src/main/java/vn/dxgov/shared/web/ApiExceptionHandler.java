package vn.dxgov.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Turns every failure of an {@code /api/**} request into a JSON {@link ApiError} in the caller's language: the
 * services' {@link ApiException}s as they are, everything the caller caused (a malformed body, a value of the wrong
 * type, a parameter that is not UTF-8, an upload over the limit) through {@link RequestProblems}, so that the message
 * says what to change and names no Java class; anything else is dxgov's fault, logged, and a 500.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final MessageSource messages;
    private final RequestProblems problems;

    public ApiExceptionHandler(MessageSource messages, RequestProblems problems) {
        this.messages = messages;
        this.problems = problems;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e, HttpServletRequest req) {
        return ResponseEntity.status(e.status()).body(new ApiError(e.status().value(),
                msg(req, e.messageKey(), NotFoundNames.args(messages, e, RequestContextUtils.getLocale(req))),
                e.details(), e.payload()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> other(Exception e, HttpServletRequest req) {
        RequestProblems.Problem problem = problems.of(e, req);
        if (problem == null) {
            log.error("Unexpected failure on {} {}", req.getMethod(), req.getRequestURI(), e);
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(new ApiError(500,
                    msg(req, "error.unexpected"), java.util.List.of()));
        }
        return ResponseEntity.status(problem.status())
                .body(new ApiError(problem.status(), problem.message(), problem.details()));
    }

    private String msg(HttpServletRequest req, String key, Object... args) {
        return messages.getMessage(key, args, key, RequestContextUtils.getLocale(req));
    }
}
