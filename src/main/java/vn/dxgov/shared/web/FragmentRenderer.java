package vn.dxgov.shared.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Renders a template fragment ({@code "plans/plan :: results"}) to {@link RenderedHtml} through the same Thymeleaf
 * view as a page (messages, links, the application's beans, the request's locale), into a string instead of the
 * response. The fragment must not depend on the user or the session (no form with its CSRF token, no script with
 * the page's CSP nonce, no {@code sec:authorize}) when the caller keeps the result for others: the caller's cache key
 * names everything it does depend on. Session ids never enter links ({@code server.servlet.session.tracking-modes:
 * cookie}).
 */
@Component
public class FragmentRenderer {

    private final ViewResolver views;

    FragmentRenderer(@Qualifier("thymeleafViewResolver") ViewResolver views) {
        this.views = views;
    }

    /** The fragment rendered with this model, for this request. */
    public RenderedHtml render(String view, Map<String, ?> model, Locale locale, HttpServletRequest request,
                               HttpServletResponse response) {
        try {
            View v = views.resolveViewName(view, locale);
            if (v == null) {
                throw new IllegalStateException("No view " + view);
            }
            Capture capture = new Capture(response);
            v.render(model, request, capture);
            capture.writer.flush();
            return new RenderedHtml(capture.text.toString());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not render " + view, e);
        }
    }

    /** A response that keeps what is written and changes nothing of the real one. */
    private static final class Capture extends HttpServletResponseWrapper {
        private final StringWriter text = new StringWriter(64 * 1024);
        private final PrintWriter writer = new PrintWriter(text);

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new IllegalStateException("A fragment is written as text");
        }

        @Override
        public void setContentType(String type) {
        }

        @Override
        public void setCharacterEncoding(String charset) {
        }

        @Override
        public void setLocale(Locale locale) {
        }

        @Override
        public void setHeader(String name, String value) {
        }

        @Override
        public void addHeader(String name, String value) {
        }

        @Override
        public void setStatus(int sc) {
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }

        @Override
        public void resetBuffer() {
            text.getBuffer().setLength(0);
        }

        @Override
        public void reset() {
            resetBuffer();
        }

        @Override
        public boolean isCommitted() {
            return false;
        }
    }
}
