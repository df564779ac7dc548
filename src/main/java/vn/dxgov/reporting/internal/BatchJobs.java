package vn.dxgov.reporting.internal;

import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.AgencyDirectory;

/**
 * Large batches run as jobs: the body is read and checked for its form at once (400 with the problems, no job), then
 * the job is queued on a bounded executor ({@code dxgov.batch.workers} threads, {@code dxgov.batch.queue} jobs waiting;
 * beyond: 503) and runs with the submitter's security context and language, so that every check, the audit and the
 * client keys see the submitter (or its API token).
 *
 * <p><b>Chunks, all or nothing each.</b> The rows are written in chunks of {@code dxgov.batch.chunk-size} (1,000 by
 * default, at most {@link DataValueStore#MAX_BATCH}) through {@link DataValueBatchWriter}, each in its own transaction:
 * a chunk is written whole or not at all. A refused chunk (a bad row, a line not the submitter's, a stale version)
 * writes nothing, its problems are recorded (the first {@value #MAX_PROBLEMS}) and the job goes on with the next
 * chunk; the job ends DONE when every chunk was written, FAILED when any was refused. Progress (rows done, counts,
 * problems) is stored after each chunk, so what the job reports is what is in the database. Sent again after a
 * failure, a batch with client keys writes only what was not written: the rest is "unchanged".
 *
 * <p><b>Restarts.</b> The rows of a job live in memory only. A job still QUEUED or RUNNING when its node stops is marked
 * FAILED when that node starts again ({@code dxgov.batch.node}, the host name by default), or by any node once it
 * has been silent for an hour (a node that never came back); the chunks it wrote stay written and are counted.
 */
@Service
class BatchJobs {

    static final int MAX_ROWS = 100_000;
    static final int MAX_PROBLEMS = 1_000;
    private static final Duration SILENT = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(BatchJobs.class);

    private final DataValueBatchWriter writer;
    private final ClientKeys keys;
    private final BatchJobRepository repo;
    private final ReportingMessages messages;
    private final Clock clock;
    private final AgencyDirectory agencies;
    private final ThreadPoolExecutor executor;
    private final int chunkSize;
    private final String node;

    BatchJobs(DataValueBatchWriter writer, ClientKeys keys, BatchJobRepository repo, ReportingMessages messages,
              Clock clock, AgencyDirectory agencies,
              @Value("${dxgov.batch.workers:1}") int workers, @Value("${dxgov.batch.queue:8}") int queue,
              @Value("${dxgov.batch.chunk-size:1000}") int chunkSize, @Value("${dxgov.batch.node:}") String node) {
        this.writer = writer;
        this.keys = keys;
        this.repo = repo;
        this.messages = messages;
        this.clock = clock;
        this.agencies = agencies;
        this.chunkSize = Math.max(1, Math.min(chunkSize, DataValueStore.MAX_BATCH));
        this.node = node.isBlank() ? hostName() : node;
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(r, "dxgov-batch");
                    t.setDaemon(true);
                    return t;
                });
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Jobs this node left unfinished when it stopped (and silent nodes' jobs) are FAILED, never left "running". */
    @EventListener(ApplicationReadyEvent.class)
    void failInterrupted() {
        int failed = repo.failInterrupted(node, clock.instant().minus(SILENT),
                RowProblem.ofBody("INTERRUPTED", messages.msg("batch.job.interrupted")), clock.instant());
        if (failed > 0) {
            log.warn("{} data-value batch job(s) interrupted by a restart marked FAILED", failed);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** The rows written per transaction. */
    int chunkSize() {
        return chunkSize;
    }

    /** Queues a job for a batch read from a request; its id. */
    UUID submit(BatchInput in, boolean dryRun) {
        DataValueBatchWriter.requireWriter();
        List<RowProblem> problems = new ArrayList<>(in.problems());
        problems.addAll(keys.problems(in));
        if (!problems.isEmpty()) {
            throw BatchRefused.invalid(problems);
        }
        if (in.size() == 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "batch.empty");
        }
        if (in.size() > MAX_ROWS) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "batch.tooManyRows", Numbers.current().count(in.size()),
                    Numbers.current().count(MAX_ROWS));
        }
        UUID id = UUID.randomUUID();
        // the job belongs to the submitter's province: the user's, else (an editor) its agency's
        String province = CurrentUser.provinceCode().or(() -> Access.editorAgency().flatMap(agencies::find)
                .map(a -> a.provinceCode())).orElse(null);
        repo.insert(id, CurrentUser.actor(), province, in.format(), dryRun, in.size(), node, clock.instant());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        Locale locale = LocaleContextHolder.getLocale();
        try {
            executor.execute(() -> {
                SecurityContextHolder.setContext(context);
                LocaleContextHolder.setLocale(locale);
                try {
                    run(id, in, dryRun);
                } finally {
                    SecurityContextHolder.clearContext();
                    LocaleContextHolder.resetLocaleContext();
                }
            });
        } catch (RejectedExecutionException e) {
            repo.finished(id, BatchJobRepository.Status.FAILED, clock.instant());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "batch.busy");
        }
        return id;
    }

    /** Runs a job chunk by chunk, storing the progress after each. */
    void run(UUID id, BatchInput in, boolean dryRun) {
        repo.started(id, clock.instant());
        int[] counts = new int[5];
        List<RowProblem> problems = new ArrayList<>();
        int problemCount = 0;
        int done = 0;
        try {
            for (int from = 0; from < in.size(); from += chunkSize) {
                BatchInput chunk = in.slice(from, Math.min(in.size(), from + chunkSize));
                List<RowProblem> found = chunk(chunk, dryRun, counts);
                problemCount += found.size();
                for (int i = 0; i < found.size() && problems.size() < MAX_PROBLEMS; i++) {
                    problems.add(found.get(i));
                }
                done += chunk.size();
                repo.progress(id, new BatchJobRepository.Progress(done, counts[0], counts[1], counts[2], counts[3],
                        counts[4], problems, problemCount), clock.instant());
            }
            repo.finished(id, counts[4] == 0 ? BatchJobRepository.Status.DONE : BatchJobRepository.Status.FAILED,
                    clock.instant());
        } catch (RuntimeException e) {
            log.error("Data-value batch job {} failed", id, e);
            repo.finished(id, BatchJobRepository.Status.FAILED, clock.instant());
        }
    }

    /** Writes one chunk (all or nothing); adds to the counts (created, updated, deleted, unchanged, refused). */
    private List<RowProblem> chunk(BatchInput chunk, boolean dryRun, int[] counts) {
        try {
            DataValueWriteApiController.BatchResult r = writer.write(chunk, dryRun);
            counts[0] += r.created();
            counts[1] += r.updated();
            counts[2] += r.deleted();
            counts[3] += r.unchanged();
            return List.of();
        } catch (ApiException e) {
            counts[4] += chunk.size();
            BatchRefused refused = BatchRefused.of(e, chunk, LocaleContextHolder.getLocale());
            if (!refused.problems().isEmpty()) {
                return refused.problems();
            }
            String message = messages.msg(e.messageKey(), e.args());
            return List.of(new RowProblem(chunk.offset() + 1, chunk.row(1), null, BatchRefused.code(e.messageKey()),
                    messages.msg("batch.job.chunkRefused", Numbers.code(chunk.offset() + 1L), Numbers.code(chunk.offset() + (long) chunk.size()), message)));
        } catch (RuntimeException e) {
            log.error("A chunk of a data-value batch job failed", e);
            counts[4] += chunk.size();
            return List.of(new RowProblem(chunk.offset() + 1, chunk.row(1), null, "ERROR",
                    messages.msg("batch.job.chunkFailed", Numbers.code(chunk.offset() + 1L), Numbers.code(chunk.offset() + (long) chunk.size()))));
        }
    }

    /** A job as its submitter, or the steering department of its province, may read it; others: 404. */
    BatchJobRepository.Job find(UUID id) {
        BatchJobRepository.Job job = repo.find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "batch.job.notFound", id));
        boolean mine = job.actor().equals(CurrentUser.actor()) && !CurrentUser.anonymous() && !CurrentUser.system();
        if (!mine && !CurrentUser.maySteer(job.provinceCode())) {
            throw new ApiException(HttpStatus.NOT_FOUND, "batch.job.notFound", id);
        }
        return job;
    }
}
