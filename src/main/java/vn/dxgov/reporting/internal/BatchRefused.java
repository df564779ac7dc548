package vn.dxgov.reporting.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import vn.dxgov.shared.web.ApiException;

/**
 * A batch refused, nothing written: the status and message of the refusal with one {@link RowProblem} per problem.
 * The checks behind the batch write (reading the items, the store's checks, who may write which line) say their
 * problems as bilingual lines naming the item ("#3 (CT12 · Tỉnh Thanh Hóa · 2025): … / …"); {@link #of} turns them
 * into rows: the item's number and the client's row, a code from the refusal's message key ("dataValue.notYourLine"
 * → NOT_YOUR_LINE), the field the English half names, and the half in the request's language.
 */
class BatchRefused extends ApiException {

    private static final Pattern NUMBERED = Pattern.compile("^#(\\d+)(?: \\([^)]*\\))?: (.*)$", Pattern.DOTALL);
    private static final List<String> FIELDS = List.of("numerator", "denominator", "indicator", "unit", "period",
            "version", "comment", "key", "value");

    private final transient List<RowProblem> problems;

    BatchRefused(HttpStatus status, List<RowProblem> problems, String messageKey, Object... args) {
        super(status, problems.stream().map(RowProblem::detail).toList(), messageKey, args);
        this.problems = List.copyOf(problems);
    }

    /** Problems found reading the body or the items (400), nothing written. */
    static BatchRefused invalid(List<RowProblem> problems) {
        return new BatchRefused(HttpStatus.BAD_REQUEST, problems, "dataValue.invalid", problems.size());
    }

    List<RowProblem> problems() {
        return problems;
    }

    /** The same refusal with its details as rows of this batch (or chunk), messages in the given language. */
    static BatchRefused of(ApiException e, BatchInput in, Locale locale) {
        if (e instanceof BatchRefused b) {
            return b;
        }
        String code = code(e.messageKey());
        boolean english = locale != null && "en".equals(locale.getLanguage());
        List<RowProblem> rows = e.details().stream().map(d -> row(d, code, in, english)).toList();
        BatchRefused out = new BatchRefused(e.status(), rows, e.messageKey(), e.args());
        out.payload(e.payload());
        return out;
    }

    private static RowProblem row(String detail, String code, BatchInput in, boolean english) {
        Matcher m = NUMBERED.matcher(detail);
        if (!m.matches()) {
            return new RowProblem(null, null, field(detail), code, half(detail, english));
        }
        int number = Integer.parseInt(m.group(1));
        String text = m.group(2);
        return new RowProblem(in.offset() + number, in.row(number), field(text), code, half(text, english));
    }

    /** "không có chỉ số mã X / no indicator X": the half in the request's language (the whole when not bilingual). */
    private static String half(String text, boolean english) {
        int slash = text.indexOf(" / ");
        if (slash < 0) {
            return text;
        }
        return english ? text.substring(slash + 3) : text.substring(0, slash);
    }

    /** The field the English half names first, by the item's field names; null when it names none. */
    private static String field(String text) {
        int slash = text.indexOf(" / ");
        String english = (slash < 0 ? text : text.substring(slash + 3)).toLowerCase(Locale.ROOT);
        String found = null;
        int at = Integer.MAX_VALUE;
        for (String f : FIELDS) {
            int i = english.indexOf(f);
            if (i >= 0 && i < at) {
                at = i;
                found = f;
            }
        }
        return found;
    }

    /** "dataValue.notYourLine" → NOT_YOUR_LINE: the last part of a message key, as a constant. */
    static String code(String messageKey) {
        String last = messageKey.substring(messageKey.lastIndexOf('.') + 1);
        return last.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
