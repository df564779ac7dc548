package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.List;
import vn.dxgov.shared.VietText;

/**
 * One line of text in reading order, for the parts of the parser that read the document as running text (header,
 * goal sections, reporting duties): a paragraph, or one line of a table cell.
 *
 * @param index  position in the flattened list
 * @param line   the source line number
 * @param folded {@link Fold#aligned} of {@code text}
 * @param row    the row the line comes from, null for a paragraph
 */
record TextLine(int index, int line, String text, String folded, boolean marked, boolean footnote,
                DocumentBlock.Row row) {

    boolean inTable() {
        return row != null;
    }

    /** True for a line of a table that holds data (three or more filled cells) rather than page layout. */
    boolean inDataTable() {
        return row != null && row.nonBlankCells() >= 3;
    }

    static List<TextLine> flatten(DocumentText doc) {
        List<TextLine> out = new ArrayList<>();
        for (DocumentBlock b : doc.blocks()) {
            if (b instanceof DocumentBlock.Paragraph p) {
                out.add(new TextLine(out.size(), p.line(), p.text(), VietText.foldAligned(p.text()), p.heading(), p.footnote(), null));
            } else if (b instanceof DocumentBlock.Row r) {
                for (String cell : r.cells()) {
                    for (String l : cell.split("\n")) {
                        if (!l.isBlank()) {
                            out.add(new TextLine(out.size(), r.line(), l.strip(), VietText.foldAligned(l.strip()), false, false, r));
                        }
                    }
                }
            }
        }
        return out;
    }
}
