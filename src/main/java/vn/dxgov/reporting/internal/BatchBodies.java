package vn.dxgov.reporting.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.shared.web.RequestProblems;

/**
 * The body of a batch request read into a {@link BatchInput}, by its content type: a JSON list of items, a CSV file
 * ({@link DataValueCsv}) or an ADX document ({@link DataValueAdx}). The body is read up to a limit and refused with
 * 413 beyond it (announced by Content-Length or found while reading a chunked body), 415 for another content type.
 */
@Component
class BatchBodies {

    private static final TypeReference<List<DataValueWriteApiController.Item>> ITEMS = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final DataValueCsv csv;
    private final DataValueAdx adx;
    private final RequestProblems problems;
    private final ReportingMessages messages;

    BatchBodies(ObjectMapper json, DataValueCsv csv, DataValueAdx adx, RequestProblems problems,
                ReportingMessages messages) {
        this.json = json;
        this.csv = csv;
        this.adx = adx;
        this.problems = problems;
        this.messages = messages;
    }

    BatchInput read(HttpServletRequest request, long maxBytes) {
        BatchFormat format = BatchFormat.of(request.getContentType()).orElseThrow(() -> new ApiException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "batch.unsupportedType", String.valueOf(request.getContentType())));
        byte[] body = bytes(request, maxBytes);
        return switch (format) {
            case CSV -> csv.read(body);
            case ADX -> adx.read(body);
            case JSON -> {
                try {
                    yield BatchInput.json(json.readValue(body, ITEMS));
                } catch (JacksonException e) {
                    // what the API says of any unreadable JSON: the field and what it takes, never a Java class
                    RequestProblems.Problem p = problems.of(e, request);
                    String why = p == null ? "" : p.details().isEmpty() ? p.message() : String.join("; ", p.details());
                    yield new BatchInput(BatchFormat.JSON, List.of(), new int[0],
                            List.of(RowProblem.ofBody("NOT_JSON", messages.msg("batch.json.invalid", why))), 0);
                }
            }
        };
    }

    private static byte[] bytes(HttpServletRequest request, long max) {
        if (request.getContentLengthLong() > max) {
            throw tooLarge(max);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                throw tooLarge(max);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException tooLarge(long max) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "batch.tooLarge",
                Numbers.current().megabytes(max));
    }
}
