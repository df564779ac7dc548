package vn.dxgov.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The JSON body of every 4xx/5xx answer of the API: a message a person can act on, optional details, and for some
 * answers the data the client needs to decide again ({@code current}: the figures as stored now, on a 409 about a
 * stale version).
 */
public record ApiError(int status, String message, List<String> details,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Object current) {

    public ApiError(int status, String message, List<String> details) {
        this(status, message, details, null);
    }
}
