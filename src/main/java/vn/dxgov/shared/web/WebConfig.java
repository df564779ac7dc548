package vn.dxgov.shared.web;

import java.time.Duration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
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
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames("classpath:messages", "classpath:i18n/indicators", "classpath:i18n/reporting",
                "classpath:i18n/reports", "classpath:i18n/notifications", "classpath:i18n/units", "classpath:i18n/assessment", "classpath:i18n/rankings",
                "classpath:i18n/assignments");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(VietText.VI);
        return source;
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
}
