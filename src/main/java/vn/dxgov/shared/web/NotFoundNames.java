package vn.dxgov.shared.web;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The arguments of "error.notFound" as a person reads them, for the pages and the API alike: the thing named in
 * the reader's language ("assessment round" → "đợt đánh giá", key {@code entity.assessment.round}) and the id as an
 * id ("#1234", never the grouped number "1.234").
 */
final class NotFoundNames {

    private NotFoundNames() {
    }

    static Object[] args(MessageSource messages, ApiException e, Locale locale) {
        Object[] args = e.args();
        if (!"error.notFound".equals(e.messageKey()) || args == null || args.length != 2) {
            return args;
        }
        String what = String.valueOf(args[0]);
        return new Object[]{messages.getMessage("entity." + what.trim().replace(' ', '.'), null, what, locale),
                "#" + args[1]};
    }
}
