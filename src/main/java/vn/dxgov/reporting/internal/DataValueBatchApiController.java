package vn.dxgov.reporting.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.dxgov.shared.web.ApiException;

/** Large batches of data values as jobs ({@link BatchJobs}): submit, then follow the progress. */
@RestController
@RequestMapping("/api/v1/data-values/batches")
@Tag(name = "Data values", description = "Số liệu chỉ số theo đơn vị hành chính và kỳ / indicator values per unit and period")
class DataValueBatchApiController {

    /** Largest body of a job: 100,000 rows of JSON take about 15 MB, of CSV about 6 MB. */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    /**
     * A job's status and progress.
     *
     * @param status   QUEUED, RUNNING, DONE (every chunk written) or FAILED (a chunk refused, or the job interrupted)
     * @param refused  rows of refused chunks (each chunk is written whole or not at all)
     * @param problems the first problems (at most 1,000 of problemCount)
     */
    record BatchJob(UUID id, String status, String format, boolean dryRun, int rowsTotal, int rowsDone, int chunkSize,
                    int created, int updated, int deleted, int unchanged, int refused, int problemCount,
                    List<RowProblem> problems, Instant createdAt, Instant startedAt, Instant finishedAt) {
    }

    private final BatchJobs jobs;
    private final BatchBodies bodies;
    private final MessageSource messages;

    DataValueBatchApiController(BatchJobs jobs, BatchBodies bodies, MessageSource messages) {
        this.jobs = jobs;
        this.bodies = bodies;
        this.messages = messages;
    }

    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, BatchFormat.CSV_TYPE, BatchFormat.ADX_TYPE,
            MediaType.APPLICATION_XML_VALUE})
    @Operation(summary = "Submit a large batch of values (up to 100,000 rows, 32 MB) as a job: JSON (a list of items), "
            + "CSV or ADX, as POST /api/v1/data-values takes them. The body is checked for its form at once (400 with "
            + "problems per row, no job); the job then writes in chunks, each all or nothing, with the submitter's "
            + "rights. Answers 202 with Location /api/v1/data-values/batches/{id}; 503 when too many jobs wait")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(
                    implementation = DataValueWriteApiController.Item.class))),
            @Content(mediaType = BatchFormat.CSV_TYPE, schema = @Schema(type = "string")),
            @Content(mediaType = BatchFormat.ADX_TYPE, schema = @Schema(type = "string"))})
    ResponseEntity<BatchJob> submit(HttpServletRequest request,
                                    @Parameter(description = "run every check and count the outcomes, write nothing")
                                    @RequestParam(defaultValue = "false") boolean dryRun) {
        DataValueBatchWriter.requireWriter();
        UUID id = jobs.submit(bodies.read(request, MAX_BYTES), dryRun);
        return ResponseEntity.accepted().location(URI.create("/api/v1/data-values/batches/" + id)).body(view(jobs.find(id)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A batch job's status and progress (rows done, counts per outcome, the first problems with "
            + "their rows). Only its submitter, or the steering department of its province, reads it; others: 404")
    BatchJob get(@PathVariable UUID id) {
        return view(jobs.find(id));
    }

    private BatchJob view(BatchJobRepository.Job j) {
        return new BatchJob(j.id(), j.status().name(), j.format().name(), j.dryRun(), j.rowsTotal(), j.rowsDone(),
                jobs.chunkSize(), j.created(), j.updated(), j.deleted(), j.unchanged(), j.refused(), j.problemCount(),
                j.problems(), j.createdAt(), j.startedAt(), j.finishedAt());
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<DataValueWriteApiController.BatchError> refused(ApiException e, HttpServletRequest request) {
        return DataValueWriteApiController.error(e, messages, RequestContextUtils.getLocale(request));
    }
}
