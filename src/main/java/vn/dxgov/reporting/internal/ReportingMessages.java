package vn.dxgov.reporting.internal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.dxgov.reporting.SubmissionStatus;

/** Reporting's texts in the language of the request (Vietnamese outside one): i18n/reporting_*.properties and the rest. */
@Component
class ReportingMessages {

    private final MessageSource messages;

    ReportingMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The message of a key with its arguments; the key itself when there is none. */
    String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** "đã gửi (chờ duyệt)": a report's status as people read it. */
    String statusName(SubmissionStatus status) {
        return msg("reporting.status." + status.name());
    }
}
