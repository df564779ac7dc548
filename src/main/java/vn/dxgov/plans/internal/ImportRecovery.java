package vn.dxgov.plans.internal;

import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * At start, before the web server takes requests: the imports this node was running when it died (a crash,
 * {@code kill -9}, a deployment) can never finish, so they are marked FAILED with a message saying so; before, they
 * stayed RUNNING for ever and the import page kept polling. Another node's running imports are left alone unless they
 * are older than any import takes ({@link #STALE}).
 */
@Component
class ImportRecovery implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);
    /** No import of a document within the size limit takes this long; a row this old is a lost job. */
    static final Duration STALE = Duration.ofHours(1);

    private final ImportRepository imports;
    private final MessageSource messages;

    ImportRecovery(ImportRepository imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int failed = recover();
        if (failed > 0) {
            log.warn("{} import(s) interrupted by a restart marked FAILED; they can be sent again", failed);
        }
    }

    int recover() {
        String message = messages.getMessage("import.interrupted", null, Locale.forLanguageTag("vi"));
        return imports.failInterrupted(message, STALE);
    }
}
