package vn.dxgov.indicators;

import java.util.List;
import org.springframework.http.HttpStatus;
import vn.dxgov.shared.web.ApiException;

/**
 * 409: a line changed since the writer read it (optimistic locking). Carries the lines as they are now, so that a
 * form can show them beside the person's input and an API client can decide again.
 */
public class StaleValueException extends ApiException {

    private final transient List<DataValue> current;

    public StaleValueException(List<String> details, List<DataValue> current) {
        super(HttpStatus.CONFLICT, details, "dataValue.stale", details.size());
        this.current = List.copyOf(current);
        payload(current);
    }

    /** The lines as stored now. */
    public List<DataValue> current() {
        return current;
    }
}
