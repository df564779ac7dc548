package vn.dxgov.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The error dispatch ({@code /error}) for every failure no controller advice answered: the ones raised before a
 * controller is chosen (a multipart body that cannot be parsed, an upload over the size limit, a query string that is
 * not UTF-8), the status errors Spring MVC sends itself ({@code /plans/abc}: a page id that is not a number), and any
 * exception that escaped. It replaces Spring Boot's {@code BasicErrorController}, whose answer depended on the
 * {@code Accept} header (so {@code /plans/abc} fetched by a client without {@code text/html} came back as raw JSON
 * with Spring's field names). The rule is by path: {@code /api/**} (and the OpenAPI description) answers an
 * {@link ApiError} in JSON, every other URL the error page ({@code templates/error.html}), unless the client asks for
 * JSON only. The message comes from {@link RequestProblems}, so it says what to change and names no Java class.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final ErrorAttributes errors;
    private final RequestProblems problems;

    ErrorPages(ErrorAttributes errors, RequestProblems problems) {
        this.errors = errors;
        this.problems = problems;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        Throwable failure = errors.getError(new ServletWebRequest(request));
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        Locale locale = RequestContextUtils.getLocale(request);
        RequestProblems.Problem problem = failure == null ? null : problems.of(failure, locale);
        if (problem == null) {
            if (failure != null && status >= 500) {
                log.error("Unexpected failure on {} {}", request.getAttribute(RequestDispatcher.ERROR_METHOD) == null
                        ? request.getMethod() : request.getAttribute(RequestDispatcher.ERROR_METHOD), path, failure);
            }
            problem = problems.ofStatus(failure == null || status < 500 ? status : 500, path, locale);
        }
        if (wantsJson(request, path)) {
            return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_JSON)
                    .body(new ApiError(problem.status(), problem.message(), problem.details()));
        }
        ModelAndView page = PageErrorAdvice.page(problem.status(), problem.message(), problem.details(), request,
                response);
        page.addObject("path", path);
        return page;
    }

    /** JSON for the API and the OpenAPI description, or for a client that accepts JSON but not HTML. */
    static boolean wantsJson(HttpServletRequest request, String path) {
        String context = request.getContextPath();
        String local = path.startsWith(context) ? path.substring(context.length()) : path;
        if (local.startsWith("/api/") || local.startsWith("/v3/api-docs")) {
            return true;
        }
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        return a.contains("application/json") && !a.contains("text/html");
    }
}
