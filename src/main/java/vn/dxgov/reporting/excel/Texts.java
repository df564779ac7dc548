package vn.dxgov.reporting.excel;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** Messages of the Excel forms in the reader's language (keys {@code excel.*} in i18n/reports_*.properties). */
record Texts(MessageSource messages, Locale locale) {

    String get(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
