package vn.dxgov.plans.importing;

import java.util.List;

/** One block of a document in reading order: a paragraph line or a table row. */
public sealed interface DocumentBlock permits DocumentBlock.Paragraph, DocumentBlock.Row {

    /** 1-based line number: the line in a text file, the ordinal of the paragraph or row in a .docx body. */
    int line();

    /** The block as written in the source (markup kept), for the import report. */
    String raw();

    /**
     * A paragraph line.
     *
     * @param text     cleaned text: markup removed, Unicode NFC, whitespace collapsed
     * @param heading  the source marks it as a heading (markdown {@code #}, wholly bold, a Word heading style)
     * @param footnote a footnote body ({@code <sup>1</sup> Báo cáo số ...}), not part of the plan's content
     */
    record Paragraph(int line, String text, String raw, boolean heading, boolean footnote) implements DocumentBlock {
    }

    /**
     * A table row.
     *
     * @param table 0-based index of the table in the document; consecutive rows share it
     * @param cells cleaned cell texts; a cell's own lines (paragraphs, list items, {@code <br>}) are separated by '\n'
     */
    record Row(int line, int table, List<String> cells, String raw) implements DocumentBlock {

        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell at {@code index}, or "" when the row is shorter. */
        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }

        /** The cell with its lines joined by {@code separator}. */
        public String cell(int index, String separator) {
            return String.join(separator, cell(index).lines().map(String::strip).filter(s -> !s.isEmpty()).toList());
        }

        /** True when no cell has text. */
        public boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }

        public long nonBlankCells() {
            return cells.stream().filter(c -> !c.isBlank()).count();
        }
    }
}
