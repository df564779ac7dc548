package vn.dxgov.shared.web;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;

/**
 * The JSON reader's own limits (Jackson's {@link StreamReadConstraints}), from {@link Limits}: nesting at most
 * {@code dxgov.limits.json-depth} levels (64; Jackson allows 500, and 5,000 nested arrays cost a stack per level), a
 * string at most {@link Limits#ceiling()} characters (2,097,152 unless the narrative limit is raised: Jackson allows 20 million, a 20 MB narrative), a
 * number at most {@link #MAX_NUMBER_DIGITS} digits (what NUMERIC(24,6) and the year fields can hold is far less; the
 * fields say so themselves). Beyond them the body is refused with a 400 before any field is bound
 * ({@link RequestProblems}).
 */
@Configuration(proxyBeanMethods = false)
class JsonLimits {

    /** Digits of a JSON number: 1e308 has 5 characters and passes; what a number field holds is checked by the field. */
    static final int MAX_NUMBER_DIGITS = 100;

    @Bean
    JsonFactoryBuilderCustomizer dxgovJsonLimits(Limits limits) {
        return builder -> builder.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.jsonDepth())
                .maxStringLength(limits.ceiling())
                .maxNumberLength(MAX_NUMBER_DIGITS)
                .build());
    }
}
