package vn.dxgov.shared.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A year a plan, target, task or round may name: between {@link Limits#minYear()} and {@link Limits#maxYear()}
 * (1945–2100 unless configured), so that −5 or 99999 is refused with "Năm phải từ 1945 đến 2100." Null is valid.
 * Works on an {@code Integer} and on a form's text ("2025"; text that is not a whole number is left to
 * {@link WholeNumber}).
 */
@Documented
@Constraint(validatedBy = {YearRange.Validator.class, YearRange.TextValidator.class})
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface YearRange {

    String message() default "{limits.year}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** On a whole number. */
    class Validator implements ConstraintValidator<YearRange, Integer> {

        private final Limits limits;

        public Validator() {
            this(Limits.DEFAULTS);
        }

        @Autowired
        public Validator(Limits limits) {
            this.limits = limits;
        }

        @Override
        public boolean isValid(Integer year, ConstraintValidatorContext context) {
            return Years.valid(limits, year, context);
        }
    }

    /** On a form field posted as text. */
    class TextValidator implements ConstraintValidator<YearRange, String> {

        private final Limits limits;

        public TextValidator() {
            this(Limits.DEFAULTS);
        }

        @Autowired
        public TextValidator(Limits limits) {
            this.limits = limits;
        }

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return Years.valid(limits, WholeNumber.Validator.read(text), context);
        }
    }

    /** The check both validators share. */
    final class Years {

        private Years() {
        }

        static boolean valid(Limits limits, Integer year, ConstraintValidatorContext context) {
            if (year == null || year >= limits.minYear() && year <= limits.maxYear()) {
                return true;
            }
            context.unwrap(HibernateConstraintValidatorContext.class)
                    .addMessageParameter("min", String.valueOf(limits.minYear()))
                    .addMessageParameter("max", String.valueOf(limits.maxYear()));
            return false;
        }
    }
}
