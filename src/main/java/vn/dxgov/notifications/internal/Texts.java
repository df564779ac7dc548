package vn.dxgov.notifications.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.dxgov.shared.VietText;

/**
 * The Vietnamese texts of notifications and e-mails (i18n/notifications_vi.properties). Stored notifications and
 * e-mails are written in Vietnamese, the language of the province's administration.
 */
@Component
class Texts {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;
    private final Locale locale;

    @Autowired
    Texts(MessageSource messages) {
        this(messages, VietText.VI);
    }

    Texts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** A message with its arguments; pass numbers as strings so that 2025 is not written "2.025". */
    String get(String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number n ? n.toString() : args[i];
        }
        return messages.getMessage(key, plain, locale);
    }

    static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    /** A plain-text e-mail: greeting, lines, link and footer. */
    String mailBody(String greetingName, List<String> lines, String absoluteLink) {
        List<String> out = new ArrayList<>();
        if (greetingName != null && !greetingName.isBlank()) {
            out.add(get("mail.greeting", greetingName));
            out.add("");
        }
        out.addAll(lines);
        if (absoluteLink != null) {
            out.add("");
            out.add(get("mail.link", absoluteLink));
        }
        out.add("");
        out.add("--");
        out.add(get("mail.footer"));
        return String.join("\n", out) + "\n";
    }
}
