package vn.dxgov.shared.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The Bean Validation constraints of an input record ({@link MaxChars}, {@link YearRange}, ...) checked where a
 * service takes it, so that the API, the pages and the file imports that build the same record are held to the same
 * limits. A failure is an {@link ApiException} 400 "error.validation" with one detail per field ("title: Tối đa 500 ký
 * tự (đã nhập 1.048.576)."), which the API answers as JSON and a page shows beside the field ({@link FormErrors}).
 */
@Component
public class InputChecks {

    private final Validator validator;
    private final Limits limits;

    public InputChecks(Validator validator, Limits limits) {
        this.validator = validator;
        this.limits = limits;
    }

    /** Refuses a free text passed on its own (a reason, a name) when it is longer than its kind allows. */
    public void text(String field, Limits.Kind kind, String value) {
        int max = limits.of(kind);
        if (value == null || value.length() <= max || value.codePoints().count() <= max) {
            return;
        }
        vn.dxgov.shared.Numbers numbers = vn.dxgov.shared.Numbers.current();
        throw new ApiException(HttpStatus.BAD_REQUEST, List.of(field + ": " + tooLong(numbers.count(max),
                numbers.count(value.codePoints().count()))), "error.validation");
    }

    private String tooLong(String max, String length) {
        org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage())
                ? "At most " + max + " characters (" + length + " given)."
                : "Tối đa " + max + " ký tự (đã nhập " + length + ").";
    }

    /** Refuses the input when any constraint fails; null passes (the service says what is missing). */
    public void require(Object input) {
        List<String> details = problems(input, "");
        if (!details.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, details, "error.validation");
        }
    }

    /** Refuses a list of inputs; each detail starts with the item's place ("[3].evidence: ..."). */
    public void requireEach(List<?> inputs) {
        if (inputs == null) {
            return;
        }
        List<String> details = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            details.addAll(problems(inputs.get(i), "[" + i + "]."));
        }
        if (!details.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, details, "error.validation");
        }
    }

    private List<String> problems(Object input, String prefix) {
        if (input == null) {
            return List.of();
        }
        return validator.validate(input).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
                .map(v -> prefix + v.getPropertyPath() + ": " + v.getMessage())
                .toList();
    }
}
