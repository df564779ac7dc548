package vn.dxgov.reporting.internal;

import java.util.Arrays;
import java.util.List;

/**
 * A batch as read from a request body, whatever its format: the items, the client's row of each, and the problems
 * found while reading (a cell that is not a number, an unknown column…). A slice of it (a job's chunk) keeps the
 * numbering of the whole.
 *
 * @param offset the number of items before this slice in the whole batch (0 for a whole batch)
 * @param rows   the client's row of each item ({@link RowProblem#row()})
 */
record BatchInput(BatchFormat format, List<DataValueWriteApiController.Item> items, int[] rows,
                  List<RowProblem> problems, int offset) {

    BatchInput {
        items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items)); // a JSON null stays a null item
        problems = List.copyOf(problems);
    }

    /** A JSON list: the row of an item is its number. */
    static BatchInput json(List<DataValueWriteApiController.Item> items) {
        List<DataValueWriteApiController.Item> list = items == null ? List.of() : items;
        int[] rows = new int[list.size()];
        Arrays.setAll(rows, i -> i + 1);
        return new BatchInput(BatchFormat.JSON, list, rows, List.of(), 0);
    }

    int size() {
        return items.size();
    }

    /** Items {@code from} (inclusive) to {@code to} (exclusive), numbered as in the whole batch; no problems. */
    BatchInput slice(int from, int to) {
        return new BatchInput(format, items.subList(from, to), Arrays.copyOfRange(rows, from, to), List.of(),
                offset + from);
    }

    /** The client's row of the item numbered {@code number} in this slice (1-based). */
    Integer row(int number) {
        return number >= 1 && number <= rows.length ? rows[number - 1] : null;
    }
}
