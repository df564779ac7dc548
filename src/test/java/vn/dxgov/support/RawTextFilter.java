package vn.dxgov.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Test-only filter, registered in every Spring test context by {@link RawTextCustomizerFactory}: every HTML response
 * (pages and htmx fragments) goes through {@link RawText}. Under MockMvc a page with raw text fails the request at
 * once (an {@link AssertionError} out of {@code perform}); on the running server (HTTP clients, the browser tests)
 * the page is served as it is and the problem is kept for {@link RawTextExtension}, which fails the test after it
 * ran. Static files and the JSON API are not buffered.
 */
public class RawTextFilter extends OncePerRequestFilter {

    private static final List<String> FOUND = new ArrayList<>();

    /** Problems found on the running server since the last call, cleared. */
    static List<String> drain() {
        synchronized (FOUND) {
            List<String> out = List.copyOf(FOUND);
            FOUND.clear();
            return out;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/webjars/") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.startsWith("/geo/") || path.startsWith("/favicon")
                || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            wrapper.copyBodyToResponse();
            throw e;
        }
        if (request.isAsyncStarted()) {
            wrapper.copyBodyToResponse();
            return;
        }
        String type = wrapper.getContentType();
        List<String> problems = List.of();
        if (type != null && type.startsWith("text/html")) {
            String encoding = wrapper.getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            problems = RawText.problems(new String(wrapper.getContentAsByteArray(), charset));
        }
        wrapper.copyBodyToResponse();
        if (!problems.isEmpty()) {
            String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
            String report = RawText.describe(request.getMethod() + " " + request.getRequestURI() + query, problems);
            if (WebUtils.getNativeRequest(request, MockHttpServletRequest.class) != null) {
                throw new AssertionError(report);
            }
            synchronized (FOUND) {
                FOUND.add(report);
            }
        }
    }
}
