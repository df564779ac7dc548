package vn.dxgov.opendata;

import java.util.List;

/**
 * A dataset's rows, as every file format writes them.
 *
 * @param columns the columns in order
 * @param rows    one list of cells per row, in the columns' order: a {@link String}, a {@link java.math.BigDecimal}, an
 *                {@link Integer}, a {@link Boolean} or null, as the column's type says
 */
public record DatasetTable(Dataset dataset, List<Column> columns, List<List<Object>> rows) {

    /** The type of a column's cells. */
    public enum Type {
        TEXT, NUMBER, INTEGER, BOOLEAN
    }

    /**
     * A column.
     *
     * @param name    the machine name (CSV header, JSON key): lower case, ASCII, underscores
     * @param labelVi the header people read, in Vietnamese
     * @param labelEn the same in English
     */
    public record Column(String name, String labelVi, String labelEn, Type type) {
    }
}
