package vn.dxgov.security.internal;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Component;

/**
 * The security headers of every answer (pages and API), applied to each filter chain by {@link SecurityConfig}:
 *
 * <ul>
 * <li>{@code Content-Security-Policy}: scripts and style sheets only from dxgov itself, no inline script at all (the
 * pages' scripts are files under {@code static/js}; the data they read is JSON in {@code <script type="application/json">},
 * which is not run, escaped by {@link vn.dxgov.shared.web.JsonIsland}), no plugins, no framing, forms post only to
 * dxgov. {@code style-src-attr 'unsafe-inline'} allows {@code style="…"} attributes set by the page scripts: htmx
 * copies an element's attributes when it swaps in the new version (the rankings map's Leaflet container has its size
 * in {@code style}; refused, the map is not drawn again after a filter, as {@code RankingsBrowserIT} showed), and
 * ECharts writes its tooltips as markup with {@code style}. Style sheets ({@code <style>}) stay refused, and dxgov's
 * own markup carries no style attribute ({@code TemplateSafetyTest}); an attribute can change how an element looks,
 * never run code. Images from dxgov, {@code data:} (Bootstrap's icons are data: SVGs in its
 * CSS) and the map tile server when one is configured ({@code dxgov.map.tiles-url}). The API explorer
 * ({@code /swagger-ui/**}, a third-party bundle) adds {@code <style>} elements as it draws: there, and only there,
 * {@code style-src} also allows {@code 'unsafe-inline'} (still no inline script).</li>
 * <li>{@code Referrer-Policy: strict-origin-when-cross-origin}: another site sees at most dxgov's address, never a
 * page's path and query (plan and report ids, search words).</li>
 * <li>{@code Permissions-Policy}: no camera, microphone, geolocation, payment, USB or sensors.</li>
 * <li>Spring Security's defaults stay: {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY},
 * {@code Cache-Control: no-store} on pages, and {@code Strict-Transport-Security} (one year, sub-domains) on every
 * answer over HTTPS, which behind a TLS proxy is every request the proxy marks {@code X-Forwarded-Proto: https}.</li>
 * </ul>
 *
 * <p>{@code dxgov.security.allowed-hosts} (empty: any) limits the {@code Host} names dxgov answers to; other names are
 * refused with 400 by the firewall before anything runs.
 */
@Component
class WebHeaders {

    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "accelerometer=(), gyroscope=(), magnetometer=()";

    private final String policy;
    private final String explorerPolicy;
    private final List<String> allowedHosts;

    WebHeaders(@Value("${dxgov.map.tiles-url:${DXGOV_MAP_TILES:}}") String tiles,
               @Value("${dxgov.security.allowed-hosts:}") String allowedHosts) {
        this.policy = policy(tiles);
        this.explorerPolicy = policy.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");
        this.allowedHosts = Arrays.stream(allowedHosts.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static String policy(String tilesUrl) {
        String tiles = origin(tilesUrl);
        return "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
                + "img-src 'self' data:" + (tiles == null ? "" : " " + tiles) + "; font-src 'self'; connect-src 'self'; "
                + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";
    }

    /** {@code https://tiles.example.vn} of {@code https://{s}.tiles.example.vn/{z}/{x}/{y}.png}; null when none. */
    static String origin(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.trim().replace("{s}.", "*.");
        int scheme = u.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        int end = u.indexOf('/', scheme + 3);
        String origin = end < 0 ? u : u.substring(0, end);
        // a CSP source may hold no spaces, quotes or semicolons: a URL that does is left out rather than break the policy
        return origin.matches("https?://[A-Za-z0-9*.:\\-\\[\\]]+") ? origin : null;
    }

    String policy() {
        return policy;
    }

    String explorerPolicy() {
        return explorerPolicy;
    }

    Customizer<HeadersConfigurer<HttpSecurity>> headers() {
        return headers -> headers
                .addHeaderWriter((request, response) -> {
                    if (!response.containsHeader("Content-Security-Policy")) {
                        boolean explorer = request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui/");
                        response.setHeader("Content-Security-Policy", explorer ? explorerPolicy : policy);
                    }
                })
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(PERMISSIONS))
                .frameOptions(f -> f.deny())
                .httpStrictTransportSecurity(h -> h.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    /** The firewall: Spring Security's strict one, limited to the allowed host names when some are configured. */
    StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        if (!allowedHosts.isEmpty()) {
            firewall.setAllowedHostnames(host -> allowedHosts.stream().anyMatch(h -> h.equalsIgnoreCase(host)));
        }
        return firewall;
    }
}
