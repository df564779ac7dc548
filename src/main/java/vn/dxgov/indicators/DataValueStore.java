package vn.dxgov.indicators;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The data values: the system of record of everything measured. A value is a <b>line</b> ({@link DataValue}): the
 * official line of an indicator × unit × period, owned by one agency (the one whose report carries it) or by none
 * (recorded directly by the steering department or the application), and the contribution lines of cooperating
 * agencies beside it. No two agencies ever share a line.
 *
 * <p>Writes are validated against the indicator (a ratio needs a numerator and a positive denominator, YES_NO takes
 * 0 or 1, a percentage of a RATIO stays within 0–100 unless the indicator's unit allows more), refuse locked lines,
 * lines of another agency and stale versions with a clear message, keep every change as a version, are audited, join
 * the caller's transaction, and after commit publish {@link DataValuesChanged}. Writing a value equal to the stored
 * one changes nothing (idempotent batches).
 *
 * <p>A write with a report ({@code submissionId}) changes the line's working figure and leaves it DRAFT; the
 * report's workflow moves it on ({@link #transition}); only approval makes it the line's approved figure. A write
 * without a report (the steering department's own figures, imports, published rounds) is approved at once.
 */
public interface DataValueStore {

    /** Largest batch accepted in one write. */
    int MAX_BATCH = 50_000;

    /**
     * Creates, updates or deletes values. Throws {@code ApiException} (400 with one detail per bad input, 409 for
     * locked lines, lines of another agency, and stale versions — then a {@link StaleValueException} carrying the
     * current lines) and writes nothing when any input is refused.
     */
    default List<DataValue> write(Collection<DataValueInput> inputs, ValueSource source, Long submissionId, boolean demo) {
        return writeDetailed(List.copyOf(inputs), source, submissionId, demo).stream().map(Written::value).toList();
    }

    /** What a write did to one input. */
    enum Action {
        CREATED, UPDATED, DELETED, UNCHANGED
    }

    /** One input's outcome: the stored line after the write (value null when deleted or never stored). */
    record Written(int index, DataValue value, Action action) {
    }

    /** As {@link #write}, saying per input (numbered from 1) what happened. */
    List<Written> writeDetailed(List<DataValueInput> inputs, ValueSource source, Long submissionId, boolean demo);

    /**
     * The problems of a batch, one line each, without writing anything; items are numbered {@code numbering[i]}
     * (1-based; i + 1 when null).
     */
    List<String> check(List<DataValueInput> inputs, int[] numbering);

    /** Official lines of these indicators, units (all when empty) and periods (all when empty) that hold a figure. */
    List<DataValue> find(Collection<Long> indicatorIds, Collection<Long> unitIds, Collection<String> periods);

    /**
     * Every line (official and contributions, deleted ones too, any state) of these indicators, units and periods:
     * for the module that decides who may see what (reporting's forms), never to show as such.
     */
    List<DataValue> lines(Collection<Long> indicatorIds, Collection<Long> unitIds, Collection<String> periods);

    /** One line by id, deleted or not. */
    Optional<DataValue> findById(long id);

    /** Lines by id, deleted or not, in no particular order (ids that do not exist are left out). */
    default List<DataValue> findByIds(Collection<Long> ids) {
        return ids.stream().map(this::findById).flatMap(Optional::stream).toList();
    }

    /** The lines of a report that hold a figure. */
    List<DataValue> forSubmission(long submissionId);

    /** Every version of a line, oldest first. */
    List<DataValueVersion> history(long dataValueId);

    /**
     * Moves every line of a report with its workflow: SUBMITTED when it is sent; DRAFT (unlocked) when it is returned
     * or reopened; APPROVED (locked, the working figure becomes the approved one) when it is approved.
     */
    void transition(long submissionId, ValueState to);

    /** Locks (approval) or unlocks (a recorded reopening) the lines of a report. */
    default void setLocked(long submissionId, boolean locked) {
        transition(submissionId, locked ? ValueState.APPROVED : ValueState.DRAFT);
    }

    /**
     * The lines that can count (official lines with an approved figure, or a submitted one), for the analytics module
     * to build its in-memory aggregate at start: ids, keys, figures, version, demo flag and state only (source, who,
     * when and comment are left out).
     */
    void forEach(Consumer<DataValue> consumer);

    /** A line that can count, as primitives (NaN where a figure is missing): see {@link #forEachCell}. */
    @FunctionalInterface
    interface CellConsumer {
        void accept(long unitId, String period, int version, boolean demo, double approvedValue, double approvedNumerator,
                    double approvedDenominator, boolean submitted, double value, double numerator, double denominator);
    }

    /**
     * The lines of one indicator that can count (as {@link #forEach}), in unit order and without an object per line:
     * the analytics module's start-up build reads tens of millions of them.
     */
    void forEachCell(long indicatorId, CellConsumer consumer);

    /**
     * How many lines of each indicator can count (as {@link #forEach}): for sizing the in-memory aggregate. Exact for
     * a small table; above a couple of million rows an estimate from PostgreSQL's statistics (every indicator of the
     * catalogue listed), so that a start does not scan the whole table.
     */
    java.util.Map<Long, Long> countCells();
}
