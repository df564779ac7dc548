package vn.dxgov.shared.web;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the person typed, for templates, as the bean {@code @typed}: a form that comes back with a problem shows the
 * posted value of every field ({@code entered}: the request's parameters, a name → String[] or String map, may be
 * null), the stored one only for a field that was not posted. Numbers go through {@code @num.field} (stored figures
 * with all their decimals); text, choices and check boxes through this.
 */
@Component("typed")
public class TypedValues {

    /** The typed text of a field, else the stored one ("" for none). */
    public String text(Map<String, ?> entered, String name, Object stored) {
        String typed = typed(entered, name);
        if (typed != null) {
            return typed;
        }
        return stored == null ? "" : stored.toString();
    }

    /**
     * Whether an option is the chosen one: the typed choice when the field was posted, else {@code storedChoice}
     * (compared as text: {@code true}, {@code 12}, {@code COMMUNE}).
     */
    public boolean chosen(Map<String, ?> entered, String name, Object option, Object storedChoice) {
        String typed = typed(entered, name);
        String o = option == null ? "" : option.toString();
        if (typed != null) {
            return typed.equals(o);
        }
        return storedChoice != null && storedChoice.toString().equals(o);
    }

    /** Whether the field was posted at all. */
    public boolean posted(Map<String, ?> entered, String name) {
        return typed(entered, name) != null;
    }

    private static String typed(Map<String, ?> entered, String name) {
        Object v = entered == null ? null : entered.get(name);
        if (v instanceof String[] values) {
            return values.length == 0 ? null : values[0];
        }
        return v == null ? null : v.toString();
    }
}
