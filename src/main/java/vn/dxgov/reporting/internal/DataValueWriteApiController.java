package vn.dxgov.reporting.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.dxgov.indicators.ValueState;
import vn.dxgov.shared.web.ApiException;

/**
 * The batch write of data values for machine clients. It lives with reporting because who may write a figure is
 * decided by the plans' targets and the agencies' reports ({@link AgencyValueWrites}).
 */
@RestController
@RequestMapping("/api/v1/data-values")
@Tag(name = "Data values", description = "Số liệu chỉ số theo đơn vị hành chính và kỳ / indicator values per unit and period")
class DataValueWriteApiController {

    /** One value of a batch; the indicator by id or code, the unit by id or by code valid on a day. */
    @Schema(description = "Give indicatorId or indicatorCode; unitId or unitCode (the unit with that code on `on`, by "
            + "default on the last day of the period: code 38 for 2024 is Thanh Hóa before the 2025 merger). "
            + "A RATIO indicator takes numerator and denominator (value = 100 × numerator ÷ denominator); others a value; "
            + "all three null deletes the stored value. `version`: the line's version as you read it (0 when you read "
            + "none); when someone changed it since, the answer is 409 with the current lines in `current`. `key`: "
            + "your own key for this value (at most 100 characters): sent again with the same content it is UNCHANGED "
            + "and not written again; with other content it is refused (KEY_REUSED)")
    record Item(String indicatorCode, Long indicatorId, String unitCode, LocalDate on, Long unitId, String period,
                BigDecimal value, BigDecimal numerator, BigDecimal denominator, String comment, Integer version,
                String key) {
    }

    /**
     * @param contribution true when the line written is the agency's contribution beside the official figure
     * @param state        DRAFT until the report it went into is submitted and approved; APPROVED for the steering
     *                     department's direct writes
     * @param row          the item's row as the client wrote it: its number in a JSON list, its row in a CSV file
     *                     (the header is row 1), the n-th dataValue of an ADX document
     */
    record ItemResult(int index, String action, Long id, long indicatorId, String indicatorCode, long unitId,
                      String unitCode, String period, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
                      Integer version, boolean locked, Long agencyId, boolean contribution, ValueState state,
                      Long submissionId, Integer row, String key) {
    }

    /** @param dryRun true when nothing was written: the outcomes are what the batch would do */
    record BatchResult(int created, int updated, int deleted, int unchanged, List<ItemResult> items, boolean dryRun) {
    }

    /** A refused batch: the answer of every API error, with one structured problem per row. */
    record BatchError(int status, String message, List<String> details,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Object current, List<RowProblem> problems) {
    }

    /** Largest CSV or ADX body of a synchronous batch; larger ones go to a job ({@code /batches}). */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private final DataValueBatchWriter writer;
    private final BatchBodies bodies;
    private final MessageSource messages;

    DataValueWriteApiController(DataValueBatchWriter writer, BatchBodies bodies, MessageSource messages) {
        this.writer = writer;
        this.bodies = bodies;
        this.messages = messages;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Idempotent batch write for machine clients (source API): creates, updates or deletes values; "
            + "the same batch twice changes nothing. Answers what happened to each item. An EDITOR writes only the "
            + "lines its agency reports (the official line of a target it leads, else its contribution), into its "
            + "report of the period (opened as a draft when needed; counted once approved; shown in the report's "
            + "history); STEERING and ADMIN write the province's own lines, approved at once, never a line of an "
            + "agency's report. Any bad item: 400 with one detail per problem and one structured problem (item, row, "
            + "field, code, message) in `problems`, nothing written; a line that is not yours: 403; a submitted or "
            + "approved report, a locked line, a stale version or a client key reused for other content: 409. "
            + "`dryRun=true`: the same checks and outcomes, nothing written. The same endpoint takes CSV "
            + "(text/csv) and ADX (application/adx+xml); larger batches: POST /api/v1/data-values/batches")
    BatchResult write(@RequestBody List<Item> items,
                      @Parameter(description = "check and report the outcomes without writing anything")
                      @RequestParam(defaultValue = "false") boolean dryRun) {
        DataValueBatchWriter.requireWriter();
        return writer.write(BatchInput.json(items), dryRun);
    }

    @PostMapping(consumes = {BatchFormat.CSV_TYPE, BatchFormat.ADX_TYPE, MediaType.APPLICATION_XML_VALUE})
    @Operation(summary = "The same batch write from a CSV file (text/csv, UTF-8, a header row of the item's field names "
            + "such as indicatorCode;unitCode;period;value;key, separated by , or ;, numbers with a decimal point; "
            + "\"1.300\" is ambiguous and refused unless the column is declared value@vi or value@machine) or an ADX "
            + "document (application/adx+xml: group orgUnit/period such as 2025-01-01/P1Y, dataValue dataElement/value). "
            + "Problems name the file's row (CSV header = row 1) or the n-th dataValue (ADX)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = BatchFormat.CSV_TYPE, schema = @Schema(type = "string")),
            @Content(mediaType = BatchFormat.ADX_TYPE, schema = @Schema(type = "string"))})
    BatchResult writeFile(HttpServletRequest request,
                          @Parameter(description = "check and report the outcomes without writing anything")
                          @RequestParam(defaultValue = "false") boolean dryRun) {
        DataValueBatchWriter.requireWriter();
        return writer.write(bodies.read(request, MAX_BYTES), dryRun);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<BatchError> refused(ApiException e, HttpServletRequest request) {
        return error(e, messages, RequestContextUtils.getLocale(request));
    }

    /** An {@link ApiException} as a {@link BatchError}: the problems of a {@link BatchRefused}, none otherwise. */
    static ResponseEntity<BatchError> error(ApiException e, MessageSource messages, Locale locale) {
        List<RowProblem> problems = e instanceof BatchRefused b ? b.problems() : List.of();
        String message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
        return ResponseEntity.status(e.status()).body(new BatchError(e.status().value(), message, e.details(),
                e.payload(), problems));
    }
}
