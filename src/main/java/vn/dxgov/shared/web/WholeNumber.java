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

/**
 * A form field (posted as text) that is empty or a whole number, such as a year ("2025"); anything else is refused
 * with the message, "Năm phải là số, ví dụ 2025." unless told otherwise. Years and ids are never grouped, so this is
 * not the number grammar of {@link vn.dxgov.shared.Numbers}.
 */
@Documented
@Constraint(validatedBy = WholeNumber.Validator.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface WholeNumber {

    String message() default "{review.error.year}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Valid when blank or when the trimmed text reads as an {@code int}. */
    class Validator implements ConstraintValidator<WholeNumber, String> {

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return text == null || text.isBlank() || read(text) != null;
        }

        /** The whole number a field holds; null when blank or not a whole number. */
        public static Integer read(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
