package vn.dxgov.shared.web;

import java.math.BigDecimal;
import org.springframework.stereotype.Component;
import vn.dxgov.shared.Numbers;

/**
 * The number grammar for templates, as the bean {@code @num}: {@code ${@num.value(x)}}, {@code ${@num.percent(x)}},
 * {@code ${@num.points(x)}}, {@code ${@num.index(x)}} … in the request's language. Takes any number (BigDecimal,
 * Double, Integer, Long); null gives "". Templates print no number any other way ({@code #numbers} is not used).
 */
@Component("num")
public class NumberHelper {

    /** A figure as reported or stored: "1.250.300", "12,5". */
    public String value(Number n) {
        return n(n) == null ? "" : Numbers.current().value(n(n));
    }

    /** A figure for a form field: all its decimals. */
    public String exact(Number n) {
        return n(n) == null ? "" : Numbers.current().exact(n(n));
    }

    /**
     * The value of a form field: what the person typed when the form comes back with a problem ({@code entered}, the
     * posted parameters, may be null), else the stored figure with all its decimals.
     */
    public String field(java.util.Map<String, ?> entered, String name, Number stored) {
        Object typed = entered == null ? null : entered.get(name);
        if (typed instanceof String[] values) {
            typed = values.length == 0 ? null : values[0];
        }
        return typed != null ? typed.toString() : exact(stored);
    }

    /** A percentage given in percent: "85,5%". */
    public String percent(Number n) {
        return n(n) == null ? "" : Numbers.current().percent(n(n));
    }

    /** Assessment points: "812,25". */
    public String points(Number n) {
        return n(n) == null ? "" : Numbers.current().points(n(n));
    }

    /** A 0–100 score: "75,0". */
    public String score(Number n) {
        return n(n) == null ? "" : Numbers.current().score(n(n));
    }

    /** An index from 0 to 1: "0,7231". */
    public String index(Number n) {
        return n(n) == null ? "" : Numbers.current().index(n(n));
    }

    /** A whole count: "1.250". */
    public String count(Number n) {
        return n == null ? "" : Numbers.current().count(n.longValue());
    }

    /** At most {@code decimals} decimals: sizes, estimates. */
    public String rounded(Number n, int decimals) {
        return n(n) == null ? "" : Numbers.current().rounded(n(n), decimals);
    }

    /** A year, id or rank: never grouped. */
    public String code(Number n) {
        return n == null ? "" : Numbers.code(n.longValue());
    }

    /** A file size: "12,5 KB", "3,2 MB". */
    public String size(Number bytes) {
        return bytes == null ? "" : Numbers.current().size(bytes.longValue());
    }

    private static BigDecimal n(Number n) {
        if (n == null) {
            return null;
        }
        if (n instanceof BigDecimal b) {
            return b;
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return BigDecimal.valueOf(n.longValue());
    }
}
