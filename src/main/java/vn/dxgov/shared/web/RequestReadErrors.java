package vn.dxgov.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;

/**
 * A request whose body or parameters cannot be read: a multipart body (an upload over
 * {@code spring.servlet.multipart.max-file-size}, a NUL byte in a file name) fails before any controller is chosen,
 * so no module's advice sees it; a query string that is not UTF-8 ({@code %C3%28}) fails wherever a parameter is
 * first read. Answered here, in the same request: Spring's own answer to the upload ({@code sendError(413)}) went to
 * the error dispatch, which parsed the same body again, failed again and left the 413 with an empty body. The API
 * gets an {@link ApiError}, a page the error page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestReadErrors {

    private final RequestProblems problems;

    RequestReadErrors(RequestProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler({MultipartException.class, org.apache.tomcat.util.http.InvalidParameterException.class})
    Object unreadable(Exception e, HttpServletRequest request, HttpServletResponse response) {
        RequestProblems.Problem problem = problems.of(e, request);
        if (ErrorPages.wantsJson(request, request.getRequestURI())) {
            return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_JSON)
                    .body(new ApiError(problem.status(), problem.message(), problem.details()));
        }
        return PageErrorAdvice.page(problem.status(), problem.message(), problem.details(), request, response);
    }
}
