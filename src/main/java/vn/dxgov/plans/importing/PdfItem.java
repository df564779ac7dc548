package vn.dxgov.plans.importing;

import java.util.List;

/** What the layout of one PDF page is made of, top to bottom: text lines outside tables, and tables. */
sealed interface PdfItem permits PdfItem.Text, PdfItem.Table {

    float top();

    /** A visual line of running text. */
    record Text(PdfLine line) implements PdfItem {

        @Override
        public float top() {
            return line.top();
        }
    }

    /**
     * A table on one page.
     *
     * @param columns the x of the column boundaries (n + 1 values for n columns)
     * @param ruled   found from ruling lines (else from aligned gaps between words)
     */
    record Table(List<Row> rows, List<Float> columns, boolean ruled, float top, float bottom) implements PdfItem {

        public Table {
            rows = List.copyOf(rows);
            columns = List.copyOf(columns);
        }

        int width() {
            return columns.size() - 1;
        }
    }

    /**
     * A row: one text per column of the grid (a merged cell's text is in its first column, "" in the others; a cell's
     * own lines separated by '\n'), and the visual lines read into it (for OCR confidence).
     */
    record Row(List<String> cells, List<PdfLine> lines) {

        public Row {
            cells = List.copyOf(cells);
            lines = List.copyOf(lines);
        }

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }
}
