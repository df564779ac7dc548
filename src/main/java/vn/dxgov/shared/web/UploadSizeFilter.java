package vn.dxgov.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import tools.jackson.databind.ObjectMapper;

/**
 * An upload announced larger than {@code spring.servlet.multipart.max-file-size} is refused with a 413 before anything
 * reads it: a JSON {@link ApiError} for the API, the error page for a page. Without it, a page's upload over the limit
 * failed inside the CSRF check (which reads the form's parameters, so parses the multipart body), and again during the
 * error dispatch, so the person got Tomcat's bare "HTTP Status 413" page. Uploads without a Content-Length (chunked)
 * still meet the multipart limits, answered by {@link RequestReadErrors}.
 */
@Configuration(proxyBeanMethods = false)
class UploadSizeFilter {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadSizeLimit(
            @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:64MB}")
            DataSize max, RequestProblems problems, ObjectMapper json, LocaleResolver locales,
            ViewResolver thymeleafViewResolver) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                String type = request.getContentType();
                if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                        || request.getContentLengthLong() <= max.toBytes()) {
                    chain.doFilter(request, response);
                    return;
                }
                Locale locale = locales.resolveLocale(request);
                RequestProblems.Problem problem = problems.tooLarge(locale);
                // the body is not read here; Tomcat drains it after the answer (server.tomcat.max-swallow-size), so
                // that a client that sends the whole body before reading (a browser, Java's HttpClient) gets the answer
                if (ErrorPages.wantsJson(request, request.getRequestURI())) {
                    response.setStatus(problem.status());
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    json.writeValue(response.getWriter(), new ApiError(problem.status(), problem.message(),
                            problem.details()));
                    return;
                }
                try {
                    View view = thymeleafViewResolver.resolveViewName("error", locale);
                    var page = PageErrorAdvice.page(problem.status(), problem.message(), problem.details(), request,
                            response);
                    response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
                    view.render(Map.copyOf(page.getModel()), request, response);
                } catch (Exception e) {
                    throw new ServletException(e);
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        // before Spring Security (-100), whose CSRF check would read the body
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
