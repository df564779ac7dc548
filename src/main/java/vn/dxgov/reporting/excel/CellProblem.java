package vn.dxgov.reporting.excel;

/**
 * One thing wrong in an uploaded form, where it is and what is wrong.
 *
 * @param sheet  the sheet's name ("Chỉ tiêu")
 * @param row    1-based row number as Excel shows it; 0 when the problem is the whole sheet
 * @param column the column letter ("G"); null when the problem is the whole sheet or row
 * @param value  what the cell holds, as the person sees it; null for blank
 */
public record CellProblem(String sheet, int row, String column, String value, String message) {

    /** "G7", or "7" for a row, or null for a sheet. */
    public String cell() {
        if (row <= 0) {
            return null;
        }
        return column == null ? Integer.toString(row) : column + row;
    }

    /** "Chỉ tiêu!G7: "12,5a" không phải số". */
    public String text() {
        String where = cell() == null ? sheet : sheet + "!" + cell();
        return where + ": " + message;
    }
}
