package vn.dxgov.shared.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A form field (posted as text) that must name a constant of an enum, such as a select's {@code PERCENT}: blank or
 * an unknown name is refused with the message, "Bắt buộc." unless told otherwise.
 */
@Documented
@Constraint(validatedBy = EnumName.Validator.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface EnumName {

    Class<? extends Enum<?>> value();

    String message() default "{review.error.required}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Valid when the trimmed text is the name of one of the enum's constants. */
    class Validator implements ConstraintValidator<EnumName, String> {

        private Set<String> names = Set.of();

        @Override
        public void initialize(EnumName annotation) {
            names = Arrays.stream(annotation.value().getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
        }

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return text != null && names.contains(text.trim());
        }
    }
}
