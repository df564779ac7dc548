package vn.dxgov.open.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What every public page gets: {@code openBaseUrl}, the installation's public address for the Open Graph tags and the
 * sitemap ({@code dxgov.public-url}, e.g. {@code https://cds.thanhhoa.gov.vn}; empty: the address the request came
 * to, which behind a trusted proxy is the public one), the cache header ({@code public, max-age=60}: a proxy or
 * browser may keep a page a minute; {@code Vary: Cookie} because the language is a cookie), and the portal's own
 * "not found" page in the public layout.
 */
@ControllerAdvice(assignableTypes = OpenPage.class)
class OpenAdvice {

    static final String CACHE = "public, max-age=60";

    private final String publicUrl;

    OpenAdvice(@Value("${dxgov.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
    }

    @ModelAttribute("openBaseUrl")
    String openBaseUrl(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Cache-Control", CACHE);
        response.setHeader("Vary", "Cookie");
        return baseUrl(request);
    }

    /** The public address of the installation, without a trailing slash. */
    String baseUrl(HttpServletRequest request) {
        if (!publicUrl.isEmpty()) {
            return publicUrl;
        }
        return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString()
                .replaceAll("/+$", "");
    }

    @ExceptionHandler(OpenNotFound.class)
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        ModelAndView mav = new ModelAndView("open/not-found");
        mav.addObject("openBaseUrl", baseUrl(request));
        mav.addObject("path", "/open");
        return mav;
    }
}
