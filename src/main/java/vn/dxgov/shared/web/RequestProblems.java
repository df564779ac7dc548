package vn.dxgov.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.core.JacksonException;

/**
 * What went wrong with a request, told so that a person can act on it, in the reader's language and without a Java
 * class name: "Giá trị “abc” không hợp lệ cho tham số “id”: cần một số nguyên.", "Giá trị “FOO” không hợp lệ cho
 * trường “kind”; giá trị được phép: MONEY, PERCENT, …", "JSON lồng nhau quá sâu: tối đa 64 cấp.", "Tệp quá lớn: tối
 * đa 64 MB." The API's handler ({@link ApiExceptionHandler}), the pages' ({@link PageErrorAdvice}) and the error
 * dispatch ({@link ErrorPages}: failures before any controller, such as a multipart body that cannot be parsed) all
 * ask here, so a failure reads the same on every path. {@link #of} answers null for a failure that is dxgov's own
 * fault (a 500, logged).
 */
@Component
public class RequestProblems {

    /** A status, a message and its details, ready for an {@link ApiError} or the error page. */
    public record Problem(int status, String message, List<String> details) {
    }

    private static final int MAX_QUOTED = 80;

    private final MessageSource messages;
    private final Limits limits;
    private final DataSize maxUpload;
    private final JsonProblems json;

    public RequestProblems(MessageSource messages, Limits limits,
                           @org.springframework.beans.factory.annotation.Value(
                                   "${spring.servlet.multipart.max-file-size:64MB}") DataSize maxUpload) {
        this.messages = messages;
        this.limits = limits;
        this.maxUpload = maxUpload;
        this.json = new JsonProblems(this, limits);
    }

    /** The problem of a failure the caller caused (4xx), or null when it is dxgov's fault. */
    public Problem of(Throwable e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        return of(e, locale);
    }

    Problem of(Throwable e, Locale locale) {
        if (e == null) {
            return null;
        }
        if (e instanceof ApiException api) {
            return new Problem(api.status().value(),
                    msg(locale, api.messageKey(), NotFoundNames.args(messages, api, locale)), api.details());
        }
        // the groups in this order: a more specific kind is asked for before a general one it extends
        Problem problem = upload(e, locale);
        if (problem == null) {
            problem = parameter(e, locale);
        }
        if (problem == null) {
            problem = validation(e, locale);
        }
        if (problem == null) {
            problem = protocol(e, locale);
        }
        if (problem == null) {
            problem = database(e, locale);
        }
        if (problem != null) {
            return problem;
        }
        if (e.getCause() != null && e.getCause() != e) {
            Problem inner = of(e.getCause(), locale);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    /** An upload too large, without a file or with a bad name; a request in another encoding than UTF-8. */
    private Problem upload(Throwable e, Locale locale) {
        if (e instanceof MaxUploadSizeExceededException || causedBy(e, "SizeLimitExceededException")
                || causedBy(e, "FileSizeLimitExceededException")) {
            return tooLarge(locale);
        }
        if (e instanceof MissingServletRequestPartException) {
            return bad(locale, "error.upload.missingFile");
        }
        if (e instanceof MultipartException) {
            if (causedBy(e, "InvalidFileNameException")) {
                return bad(locale, "error.upload.badName");
            }
            return bad(locale, "error.upload.missingFile");
        }
        if (cause(e, CharacterCodingException.class) != null) {
            return bad(locale, "error.encoding");
        }
        if (causedBy(e, "InvalidParameterException")) {
            // Tomcat could not read the parameters: a form over server.tomcat.max-http-form-post-size (2 MB), more
            // than max-parameter-count parameters, or a malformed query string
            String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            return text.contains("too big") || text.contains("size")
                    ? new Problem(413, msg(locale, "error.form.tooLarge"), List.of())
                    : bad(locale, "error.badRequest");
        }
        return null;
    }

    /** A parameter missing or of the wrong type. */
    private Problem parameter(Throwable e, Locale locale) {
        if (e instanceof MissingServletRequestParameterException missing) {
            return bad(locale, "error.param.missing", missing.getParameterName());
        }
        if (e instanceof TypeMismatchException mismatch) {
            return typeMismatch(mismatch, locale);
        }
        return null;
    }

    /** Bean Validation of a body, a parameter or a form. */
    private Problem validation(Throwable e, Locale locale) {
        if (e instanceof MethodArgumentNotValidException invalid) {
            List<String> details = invalid.getBindingResult().getFieldErrors().stream()
                    .map(f -> f.getField() + ": " + fieldMessage(f, locale)).toList();
            return new Problem(400, msg(locale, "error.validation"), details);
        }
        if (e instanceof HandlerMethodValidationException validation) {
            List<String> details = new ArrayList<>();
            validation.getParameterValidationResults().forEach(r -> {
                String name = r.getMethodParameter().getParameterName();
                if (r instanceof org.springframework.validation.method.ParameterErrors errors) {
                    // an element of a list body: "answers[0].value: ..."
                    String at = name + (r.getContainerIndex() != null ? "[" + r.getContainerIndex() + "]" : "");
                    errors.getFieldErrors().forEach(f -> details.add(at + "." + f.getField() + ": "
                            + fieldMessage(f, locale)));
                    errors.getGlobalErrors().forEach(g -> details.add(at + ": " + resolvable(g, locale)));
                } else {
                    r.getResolvableErrors().forEach(err -> details.add(name + ": " + resolvable(err, locale)));
                }
            });
            return new Problem(400, msg(locale, "error.validation"), details);
        }
        if (e instanceof ConstraintViolationException violations) {
            List<String> details = violations.getConstraintViolations().stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> leaf(v.getPropertyPath().toString()) + ": " + v.getMessage()).toList();
            return new Problem(400, msg(locale, "error.validation"), details);
        }
        return null;
    }

    /** A body that cannot be read, a media type, a method or a path dxgov does not have; access refused. */
    private Problem protocol(Throwable e, Locale locale) {
        if (e instanceof HttpMessageNotReadableException unreadable) {
            return json.unreadable(unreadable, locale);
        }
        if (e instanceof JacksonException failure) {
            return json.of(failure, locale);
        }
        if (e instanceof HttpMediaTypeNotSupportedException media) {
            String supported = media.getSupportedMediaTypes().stream().map(MediaType::toString).distinct()
                    .collect(Collectors.joining(", "));
            return new Problem(415, msg(locale, "error.mediaType"),
                    supported.isEmpty() ? List.of() : List.of(String.valueOf(media.getContentType()) + " → " + supported));
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return new Problem(406, msg(locale, "error.badRequest"), List.of());
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            String[] allowed = method.getSupportedMethods();
            return new Problem(405, msg(locale, "error.method"),
                    allowed == null ? List.of() : List.of(String.join(", ", allowed)));
        }
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return new Problem(404, msg(locale, "error.notFound.path", path(e)), List.of());
        }
        if (e instanceof AccessDeniedException) {
            return new Problem(403, msg(locale, "error.forbidden"), List.of());
        }
        if (e instanceof ServletRequestBindingException) {
            return bad(locale, "error.badRequest");
        }
        return null;
    }

    /** A value the database refused for its range or a CHECK constraint, or another client error. */
    private Problem database(Throwable e, Locale locale) {
        SQLException sql = cause(e, SQLException.class);
        if ((e instanceof DataAccessException || sql != null) && sql != null && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("22") || "23514".equals(sql.getSQLState()))) {
            // data exception (numeric field overflow 22003, value too long 22001, invalid text 22P02, ...) or a
            // CHECK constraint: a value the request carried does not fit the column; the limits above should have
            // caught it, the database is the backstop
            return bad(locale, "error.data.range");
        }
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return new Problem(response.getStatusCode().value(), msg(locale, "error.badRequest"), List.of());
        }
        return null;
    }

    /** The 413 of an upload over the limit, with the limit. */
    public Problem tooLarge(Locale locale) {
        return new Problem(413, msg(locale, "error.upload.tooLarge.max",
                vn.dxgov.shared.Numbers.of(locale).size(maxUpload.toBytes())), List.of());
    }

    /** The message of a status without an exception (a 404 of a static path, a 401, ...). */
    public Problem ofStatus(int status, String path, Locale locale) {
        return switch (status) {
            case 400 -> bad(locale, "error.badRequest");
            case 401 -> new Problem(401, msg(locale, "error.unauthorized"), List.of());
            case 403 -> new Problem(403, msg(locale, "error.forbidden"), List.of());
            case 404 -> new Problem(404, msg(locale, "error.notFound.path", path), List.of());
            case 405 -> new Problem(405, msg(locale, "error.method"), List.of());
            case 413 -> tooLarge(locale);
            case 415 -> new Problem(415, msg(locale, "error.mediaType"), List.of());
            default -> new Problem(status, msg(locale, status >= 500 ? "error.unexpected" : "error.badRequest"),
                    List.of());
        };
    }

    private Problem typeMismatch(TypeMismatchException e, Locale locale) {
        String name = e.getPropertyName();
        if (e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m) {
            name = m.getName();
        }
        Class<?> type = e.getRequiredType();
        String value = quoted(e.getValue());
        if (type != null && type.isEnum()) {
            return bad(locale, "error.param.enum", value, name, constants(type));
        }
        return bad(locale, "error.param.type", value, name, expected(type, locale));
    }

    /** What a field of a type holds, in words: "một số nguyên", "một ngày dạng yyyy-MM-dd". */
    String expected(Class<?> type, Locale locale) {
        String key;
        if (type == null) {
            key = "expected.value";
        } else if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            key = "expected.whole";
        } else if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            key = "expected.number";
        } else if (Temporal.class.isAssignableFrom(type)) {
            key = "expected.date";
        } else if (type == Boolean.class || type == boolean.class) {
            key = "expected.boolean";
        } else if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            key = "expected.text";
        } else if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            key = "expected.list";
        } else if (type.isEnum()) {
            return constants(type);
        } else if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            key = "expected.object";
        } else {
            key = "expected.value";
        }
        return msg(locale, key);
    }

    static String constants(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
    }

    static String quoted(Object value) {
        String s = value == null ? "" : value instanceof Object[] a ? String.join(",", Arrays.stream(a)
                .map(String::valueOf).toList()) : String.valueOf(value);
        s = s.replaceAll("\\p{Cntrl}", "?");
        return s.length() > MAX_QUOTED ? s.substring(0, MAX_QUOTED) + "…" : s;
    }

    private static String path(Throwable e) {
        if (e instanceof NoResourceFoundException r) {
            return "/" + r.getResourcePath();
        }
        if (e instanceof NoHandlerFoundException h) {
            return h.getRequestURL();
        }
        return "";
    }

    private static String leaf(String path) {
        // "open.draft.name" → "draft.name": the method name says nothing to the reader
        int dot = path.indexOf('.');
        return dot > 0 ? path.substring(dot + 1) : path;
    }

    private String fieldMessage(FieldError f, Locale locale) {
        return messages.getMessage(f, locale);
    }

    private String resolvable(MessageSourceResolvable err, Locale locale) {
        return messages.getMessage(err, locale);
    }

    Problem bad(Locale locale, String key, Object... args) {
        return new Problem(400, msg(locale, key, args), List.of());
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static boolean causedBy(Throwable e, String simpleName) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
