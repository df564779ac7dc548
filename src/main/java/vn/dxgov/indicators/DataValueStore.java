package vn.dxgov.indicators;

import java.util.Collection;
import java.util.List;

/**
 * The data values: the system of record of everything measured. Writes are validated against the indicator
 * (a ratio needs a numerator and a positive denominator, YES_NO takes 0 or 1, a percentage of a RATIO stays within
 * 0–100 unless numerator > denominator is allowed by the indicator), refuse locked values with a clear message,
 * keep every change as a version, are audited, join the caller's transaction, and after commit publish
 * {@link DataValuesChanged}. Writing a value equal to the stored one changes nothing (idempotent batches).
 */
public interface DataValueStore {

    /**
     * Creates, updates or deletes values. Throws {@code ApiException} (400 with one detail per bad input, 409 for
     * locked values) and writes nothing when any input is bad.
     */
    List<DataValue> write(Collection<DataValueInput> inputs, ValueSource source, Long submissionId, boolean demo);

    /** Stored values of these indicators for these units (all units when empty) and periods (all when empty). */
    List<DataValue> find(Collection<Long> indicatorIds, Collection<Long> unitIds, Collection<String> periods);

    List<DataValue> forSubmission(long submissionId);

    /** Every version of a value, oldest first. */
    List<DataValueVersion> history(long dataValueId);

    /** Locks (approval) or unlocks (a recorded reopening) the values of a submission. */
    void setLocked(long submissionId, boolean locked);

    /** All stored values, for the analytics module to build its in-memory aggregate at start. */
    void forEach(java.util.function.Consumer<DataValue> consumer);
}
