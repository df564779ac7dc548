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
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.dxgov.shared.Numbers;

/**
 * A number that fits the NUMERIC column it is stored in: fewer than {@link #integerDigits()} digits before the decimal
 * mark, and, unless it is 0, not so small that the {@link #decimals()} kept would make it 0 (1e-308 was stored as 0
 * without a word). The same rule the data values follow (numeric(24, 6): below 10^18, at least 0,000001). Null is
 * valid. Without it a figure of 1e308 reached the database and came back as a 500 (numeric field overflow).
 */
@Documented
@Constraint(validatedBy = Figure.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface Figure {

    /** Digits before the decimal mark the column holds: precision − scale (numeric(24, 6): 18). */
    int integerDigits() default 18;

    /** Decimals the column keeps: its scale. */
    int decimals() default 6;

    String message() default "{limits.number}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Figure, BigDecimal> {

        private BigDecimal limit;
        private int integerDigits;
        private int decimals;

        @Override
        public void initialize(Figure annotation) {
            integerDigits = annotation.integerDigits();
            limit = BigDecimal.ONE.scaleByPowerOfTen(integerDigits);
            decimals = annotation.decimals();
        }

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            boolean tooLarge = value.abs().compareTo(limit) >= 0;
            boolean vanishes = value.signum() != 0 && value.setScale(decimals, RoundingMode.HALF_UP).signum() == 0;
            if (!tooLarge && !vanishes) {
                return true;
            }
            Numbers numbers = Numbers.of(LocaleContextHolder.getLocale());
            context.unwrap(HibernateConstraintValidatorContext.class)
                    .addMessageParameter("max", "10^" + integerDigits)
                    .addMessageParameter("min", numbers.exact(BigDecimal.ONE.movePointLeft(decimals)))
                    .addMessageParameter("decimals", String.valueOf(decimals));
            return false;
        }
    }
}
