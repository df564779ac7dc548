package vn.dxgov.plans.internal;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import vn.dxgov.plans.ImportStatus;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.web.ApiException;

/**
 * Runs imports and keeps their log: synchronously for the API, in the background for the import page, which polls
 * the current step. Either way the import row ends SUCCEEDED, DUPLICATE or FAILED with a message a person can act on.
 */
@Service
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final PlanImportService importer;
    private final ImportRepository imports;
    private final MessageSource messages;
    private final TaskExecutor executor;

    ImportJobs(PlanImportService importer, ImportRepository imports, MessageSource messages, TaskExecutor executor) {
        this.importer = importer;
        this.imports = imports;
        this.messages = messages;
        this.executor = executor;
    }

    /** Imports now; throws the import's {@link ApiException} after logging it. */
    ImportRepository.ImportRecord runNow(String filename, byte[] bytes, Locale locale) {
        long id = imports.start(filename, bytes.length, CurrentUser.username().orElse("system"));
        run(id, filename, bytes, locale, true);
        return imports.find(id).orElseThrow();
    }

    /** Starts an import in the background and returns its id at once. */
    long submit(String filename, byte[] bytes, Locale locale) {
        long id = imports.start(filename, bytes.length, CurrentUser.username().orElse("system"));
        executor.execute(new DelegatingSecurityContextRunnable(() -> run(id, filename, bytes, locale, false)));
        return id;
    }

    /** Records the import's step, and the pages read of a paged document, for the import page that polls it. */
    private PlanImportService.Progress progress(long id) {
        return new PlanImportService.Progress() {
            @Override
            public void step(String step) {
                imports.step(id, step);
            }

            @Override
            public void pages(int done, int total, boolean ocr) {
                imports.pages(id, done, total, ocr);
            }
        };
    }

    private void run(long id, String filename, byte[] bytes, Locale locale, boolean rethrow) {
        try {
            PlanImportService.Outcome outcome = importer.importDocument(filename, bytes, progress(id));
            imports.finish(id, outcome.created() ? ImportStatus.SUCCEEDED : ImportStatus.DUPLICATE, outcome.planId(),
                    messages.getMessage(outcome.created() ? "import.done" : "import.duplicate",
                            new Object[]{outcome.planId()}, locale),
                    List.of(), outcome.report());
        } catch (ApiException e) {
            imports.finish(id, ImportStatus.FAILED, null,
                    messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale), e.details(), null);
            if (rethrow) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("Import #{} of {} failed", id, filename, e);
            imports.finish(id, ImportStatus.FAILED, null, messages.getMessage("error.unexpected", null, locale),
                    List.of(), null);
            if (rethrow) {
                throw e;
            }
        }
    }
}
