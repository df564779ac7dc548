package vn.dxgov.shared.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.VietText;

/** Vietnamese first: the locale is Vietnamese unless the user picks English ({@code ?lang=en}, kept in a cookie). */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    WebConfig() {
        // outside a request (jobs, start-up loaders, e-mails) messages are Vietnamese too, whatever the server's locale
        org.springframework.context.i18n.LocaleContextHolder.setDefaultLocale(VietText.VI);
    }

    /**
     * UI messages: messages_vi.properties (default) and messages_en.properties, plus one bundle per module under
     * i18n/ (i18n/reporting_vi.properties, ...), so that modules keep their own texts.
     */
    @Bean
    MessageSource messageSource() {
        ReloadableResourceBundleMessageSource source = new NumberArguments();
        source.setBasenames("classpath:messages", "classpath:i18n/indicators", "classpath:i18n/reporting",
                "classpath:i18n/reports", "classpath:i18n/notifications", "classpath:i18n/units", "classpath:i18n/assessment", "classpath:i18n/rankings",
                "classpath:i18n/assignments", "classpath:i18n/security");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(VietText.VI);
        return source;
    }

    /**
     * Numbers given to messages are written with the number grammar, not by {@link java.text.MessageFormat} (which
     * would write the year 2025 as "2.025" and the id 10234 as "10.234" in Vietnamese): whole numbers (years, ids,
     * ranks, small counts) are never grouped; decimals are figures ({@link Numbers#value}) in the message's language.
     * A message that shows a large count passes {@link Numbers#count} as a string.
     */
    static final class NumberArguments extends ReloadableResourceBundleMessageSource {

        @Override
        protected Object[] resolveArguments(Object[] args, Locale locale) {
            Object[] resolved = super.resolveArguments(args, locale);
            Object[] out = resolved.clone();
            for (int i = 0; i < out.length; i++) {
                out[i] = written(out[i], locale);
            }
            return out;
        }

        static Object written(Object arg, Locale locale) {
            if (arg instanceof Integer || arg instanceof Long || arg instanceof Short || arg instanceof Byte) {
                return Numbers.code(((Number) arg).longValue());
            }
            if (arg instanceof java.math.BigInteger b) {
                return b.toString();
            }
            if (arg instanceof java.math.BigDecimal b) {
                return Numbers.of(locale).value(b);
            }
            if ((arg instanceof Double || arg instanceof Float) && Double.isFinite(((Number) arg).doubleValue())) {
                return Numbers.of(locale).value(java.math.BigDecimal.valueOf(((Number) arg).doubleValue()));
            }
            return arg;
        }
    }

    /** The map outlines (static/geo/*.geojson) go out as GeoJSON, so response compression applies to them. */
    @Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<
            org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory> geoJsonMimeType() {
        return factory -> {
            org.springframework.boot.web.server.MimeMappings mappings =
                    new org.springframework.boot.web.server.MimeMappings(org.springframework.boot.web.server.MimeMappings.DEFAULT);
            mappings.add("geojson", "application/geo+json");
            factory.setMimeMappings(mappings);
        };
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("dxgov-lang");
        resolver.setDefaultLocaleFunction(request -> {
            // API clients may ask for English with Accept-Language; people get Vietnamese unless they switch.
            String accept = request.getHeader("Accept-Language");
            if (request.getRequestURI().contains("/api/") && accept != null && accept.toLowerCase().startsWith("en")) {
                return java.util.Locale.ENGLISH;
            }
            return VietText.VI;
        });
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
            @Override
            protected java.util.Locale parseLocaleValue(String localeValue) {
                // only the two languages the platform speaks
                return "en".equalsIgnoreCase(localeValue) ? java.util.Locale.ENGLISH : VietText.VI;
            }
        };
        interceptor.setParamName("lang");
        registry.addInterceptor(interceptor);
    }

    /**
     * Spring Boot turns the static-resource chain on because the WebJars locator is on the class path, and with it
     * the {@code ResourceUrlEncodingFilter}, which passes every URL a page writes ({@code @{...}}) through the resource
     * resolvers: the static handler's pattern is {@code /**}, so every link to a plan, target or task was looked for
     * as a file on the class path, and a miss is not cached. JFR on the packaged jar: 62 % of the CPU of seed 001's
     * plan page (1.650 of 2.651 samples) was {@code JarUrlConnection.connect} under {@code
     * ResourceUrlProvider.getForLookupPath} (docs/PERFORMANCE.md, issue 13). dxgov versions no resource URL (no
     * content hash), and version-less WebJars paths ({@code /webjars/bootstrap/css/bootstrap.min.css}) are resolved
     * when they are requested, not when they are written, so the filter is registered disabled
     * ({@code dxgov.web.resource-url-encoding=true} puts it back, for the benchmark's before/after: bench/plan-page.sh).
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "dxgov.web.resource-url-encoding",
            havingValue = "false", matchIfMissing = true)
    org.springframework.boot.web.servlet.FilterRegistrationBean<org.springframework.web.servlet.resource.ResourceUrlEncodingFilter> resourceUrlEncodingOff() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new org.springframework.web.servlet.resource.ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
