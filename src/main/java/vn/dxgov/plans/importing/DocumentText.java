package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * A document read into an ordered list of blocks (paragraph lines and table rows), independent of its file format.
 *
 * @param filename the uploaded file's name (may be null)
 * @param format   the format it was read as
 * @param blocks   the blocks in reading order
 * @param reading  how it was read (pages, OCR confidence); {@link ReadingInfo#NONE} for formats without pages
 */
public record DocumentText(String filename, Format format, List<DocumentBlock> blocks, ReadingInfo reading) {

    /** The file format a document was read from. */
    public enum Format {
        TEXT, MARKDOWN, DOCX, PDF, PDF_SCANNED, DOC, ODT
    }

    public DocumentText {
        blocks = List.copyOf(blocks);
        reading = reading == null ? ReadingInfo.NONE : reading;
    }

    public DocumentText(String filename, Format format, List<DocumentBlock> blocks) {
        this(filename, format, blocks, ReadingInfo.NONE);
    }

    /** The paragraphs only. */
    public List<DocumentBlock.Paragraph> paragraphs() {
        List<DocumentBlock.Paragraph> out = new ArrayList<>();
        for (DocumentBlock b : blocks) {
            if (b instanceof DocumentBlock.Paragraph p) {
                out.add(p);
            }
        }
        return out;
    }

    /** The rows only. */
    public List<DocumentBlock.Row> rows() {
        List<DocumentBlock.Row> out = new ArrayList<>();
        for (DocumentBlock b : blocks) {
            if (b instanceof DocumentBlock.Row r) {
                out.add(r);
            }
        }
        return out;
    }

    /** The whole text, one block a line, cells separated by " | "; handy for logs and tests. */
    public String plainText() {
        StringBuilder sb = new StringBuilder();
        for (DocumentBlock b : blocks) {
            if (b instanceof DocumentBlock.Paragraph p) {
                sb.append(p.text());
            } else if (b instanceof DocumentBlock.Row r) {
                sb.append(String.join(" | ", r.cells().stream().map(c -> c.replace('\n', ' ')).toList()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
