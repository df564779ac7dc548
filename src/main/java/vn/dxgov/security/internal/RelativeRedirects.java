package vn.dxgov.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Redirects to dxgov itself go out as paths ({@code Location: /plans}), never as addresses built from the request's
 * {@code Host} header. Spring Security writes absolute addresses for the login page and for the page asked for before
 * logging in; built from {@code Host}, a request with a forged host (or a proxy that passes any host on) would send
 * the person to another site after logging in. A path is resolved by the browser against the address it asked for,
 * which is the real one. Redirects to other sites (a single sign-on provider) are left alone.
 *
 * <p>With {@code server.tomcat.use-relative-redirects: true} Tomcat writes the path as it is instead of making it
 * absolute again.
 */
@Configuration(proxyBeanMethods = false)
class RelativeRedirects {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> relativeRedirectFilter() {
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(request, new HttpServletResponseWrapper(response) {
                    @Override
                    public void sendRedirect(String location) throws IOException {
                        super.sendRedirect(relative(request, location));
                    }
                });
            }
        });
        bean.setName("relativeRedirectFilter");
        // before Spring Security's chain (-100), which writes the login redirects
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        return bean;
    }

    /**
     * The path, query and fragment of a redirect to this request's own scheme, host and port; any other location as
     * it is.
     */
    static String relative(HttpServletRequest request, String location) {
        if (location == null || !(location.startsWith("http://") || location.startsWith("https://"))) {
            return location;
        }
        try {
            URI uri = new URI(location);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            boolean own = uri.getHost() != null && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port == request.getServerPort() && uri.getScheme().equalsIgnoreCase(request.getScheme());
            if (!own) {
                return location;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            // "//evil.example" would be read as another host: a path starts with exactly one slash
            path = "/" + path.replaceFirst("^/+", "");
            return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        } catch (URISyntaxException e) {
            return location;
        }
    }
}
