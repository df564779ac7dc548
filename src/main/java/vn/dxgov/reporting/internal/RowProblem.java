package vn.dxgov.reporting.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One problem of a batch write, in the form a client maps back to its own rows.
 *
 * @param item    the item's number in the batch (1-based), null for a problem of the whole body
 * @param row     where the client wrote it: the item's number in a JSON list, the row of a CSV file as a spreadsheet
 *                shows it (the header is row 1), the n-th {@code dataValue} of an ADX document
 * @param field   the field (the JSON name, the CSV column) at fault, when one is; "indicator", "unit" for the pairs
 *                id/code
 * @param code    what is wrong, for programs: INVALID, AMBIGUOUS_NUMBER, KEY_REUSED, NOT_YOUR_LINE, …
 * @param message what to change, in the request's language
 */
@Schema(description = "A problem of one row: item number, the client's row, field, code and message")
record RowProblem(Integer item, Integer row, String field, String code, String message) {

    /** A problem of the whole body (no row). */
    static RowProblem ofBody(String code, String message) {
        return new RowProblem(null, null, null, code, message);
    }

    /** "#3 (dòng 4): message", the one-line form of the answer's details. */
    String detail() {
        if (item == null) {
            return message;
        }
        return "#" + item + (row != null && !row.equals(item) ? " (" + row + ")" : "") + ": " + message;
    }
}
