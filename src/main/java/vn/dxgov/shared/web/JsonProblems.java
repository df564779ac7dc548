package vn.dxgov.shared.web;

import vn.dxgov.shared.web.RequestProblems.Problem;

import java.util.Locale;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** The problems of a JSON body that cannot be read, in words a person acts on: which field, what it must hold. */
final class JsonProblems {

    private final RequestProblems problems;
    private final Limits limits;

    JsonProblems(RequestProblems problems, Limits limits) {
        this.problems = problems;
        this.limits = limits;
    }

    Problem unreadable(HttpMessageNotReadableException e, Locale locale) {
        JacksonException json = RequestProblems.cause(e, JacksonException.class);
        if (json != null) {
            return of(json, locale);
        }
        // no body at all ("Required request body is missing")
        return problems.bad(locale, "error.json.empty");
    }

    Problem of(JacksonException json, Locale locale) {
        String field = field(json);
        if (json instanceof StreamConstraintsException || RequestProblems.cause(json, StreamConstraintsException.class) != null) {
            String text = String.valueOf(json.getOriginalMessage());
            if (text.contains("nesting depth")) {
                return problems.bad(locale, "error.json.depth", limits.jsonDepth());
            }
            return problems.bad(locale, "error.json.tooLong", vn.dxgov.shared.Numbers.of(locale).count(limits.ceiling()),
                    JsonLimits.MAX_NUMBER_DIGITS);
        }
        if (json instanceof UnrecognizedPropertyException unknown) {
            return problems.bad(locale, "error.field.unknown", unknown.getPropertyName());
        }
        if (json instanceof InvalidFormatException format && !field.isEmpty()) {
            Class<?> type = format.getTargetType();
            if (type != null && type.isEnum()) {
                return problems.bad(locale, "error.field.enum", RequestProblems.quoted(format.getValue()), field, RequestProblems.constants(type));
            }
            return problems.bad(locale, "error.field.type", RequestProblems.quoted(format.getValue()), field, problems.expected(type, locale));
        }
        if (json instanceof MismatchedInputException mismatch) {
            Class<?> type = mismatch.getTargetType();
            if (field.isEmpty()) {
                if (String.valueOf(json.getOriginalMessage()).startsWith("No content")) {
                    return problems.bad(locale, "error.json.empty");
                }
                return problems.bad(locale, "error.json.body", problems.expected(type, locale));
            }
            return problems.bad(locale, "error.field.shape", field, problems.expected(type, locale));
        }
        if (json instanceof StreamReadException read && json.getLocation() != null) {
            return problems.bad(locale, "error.json.syntax", read.getLocation().getLineNr(), read.getLocation().getColumnNr());
        }
        if (!field.isEmpty()) {
            return problems.bad(locale, "error.field.invalid", field);
        }
        return problems.bad(locale, "error.badRequest");
    }

    /** The JSON path of a failure as a person reads it: "targets[2].value". */
    private static String field(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
