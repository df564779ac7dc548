package vn.dxgov.shared.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on: an HTTP status, a message key from messages_*.properties with its
 * arguments, and optional details (e.g. one line per bad field).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;
    private final List<String> details;
    private transient Object payload;

    public ApiException(HttpStatus status, String messageKey, Object... args) {
        this(status, List.of(), messageKey, args);
    }

    public ApiException(HttpStatus status, List<String> details, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
        this.details = List.copyOf(details);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(HttpStatus.NOT_FOUND, "error.notFound", what, id);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public List<String> details() {
        return details;
    }

    /** Data the answer carries beside the message (e.g. the current figures of a 409), or null. */
    public Object payload() {
        return payload;
    }

    protected void payload(Object payload) {
        this.payload = payload;
    }
}
