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
import org.springframework.context.i18n.LocaleContextHolder;
import vn.dxgov.shared.Numbers;

/**
 * A free-text field no longer than the configured limit of its kind ({@link Limits}): "Tối đa 500 ký tự (đã nhập
 * 1.048.576)." Null is valid (say {@code @NotBlank} where the field is required). On a {@code List<String>}, put it on
 * the element type: {@code List<@MaxChars(NAME) String>}.
 */
@Documented
@Constraint(validatedBy = MaxChars.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface MaxChars {

    Limits.Kind value();

    String message() default "{limits.tooLong}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Counts code points (an emoji or a combining Vietnamese tone is one or two, as the database counts them). */
    class Validator implements ConstraintValidator<MaxChars, CharSequence> {

        private final Limits limits;
        private int max;

        public Validator() {
            this(Limits.DEFAULTS);
        }

        @Autowired
        public Validator(Limits limits) {
            this.limits = limits;
        }

        @Override
        public void initialize(MaxChars annotation) {
            max = limits.of(annotation.value());
        }

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            if (text == null || text.length() <= max) {
                return true;
            }
            long length = text.codePoints().count();
            if (length <= max) {
                return true;
            }
            Numbers numbers = Numbers.of(LocaleContextHolder.getLocale());
            context.unwrap(HibernateConstraintValidatorContext.class)
                    .addMessageParameter("max", numbers.count(max))
                    .addMessageParameter("length", numbers.count(length));
            return false;
        }
    }
}
