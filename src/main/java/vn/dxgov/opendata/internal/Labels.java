package vn.dxgov.opendata.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.dxgov.opendata.DatasetTable.Column;
import vn.dxgov.opendata.DatasetTable.Type;
import vn.dxgov.shared.VietText;

/** The texts of datasets and columns in both languages, from the message bundles (keys {@code opendata.*}). */
@Component
class Labels {

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    String vi(String key, Object... args) {
        return messages.getMessage(key, args, key, VietText.VI);
    }

    String en(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.ENGLISH);
    }

    /** A column whose labels are {@code opendata.col.<name>}. */
    Column column(String name, Type type) {
        return new Column(name, vi("opendata.col." + name), en("opendata.col." + name), type);
    }

    /** A column with a label of its own key and one argument (a year, a group). */
    Column column(String name, String key, Object arg, Type type) {
        return new Column(name, vi(key, arg), en(key, arg), type);
    }
}
