package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.List;
import vn.dxgov.shared.VietText;

/**
 * Collects the blocks of a word-processor document (.doc, .odt) the way {@link DocxDocumentReader} makes them, so
 * that every Word-like format gives the parser the same blocks: each paragraph or table row takes the next line
 * number, a paragraph's own line breaks become lines of that number, a cell keeps its paragraphs on separate lines
 * ('\n'), and text is cleaned like a .docx's (markup normalised, Unicode NFC, whitespace collapsed).
 */
final class WordBlocks {

    private final List<DocumentBlock> blocks = new ArrayList<>();
    private int line;
    private int table = -1;

    /** A body paragraph; {@code text} may hold line breaks ('\n'). Blank paragraphs take a line but make no block. */
    void paragraph(String text, boolean heading) {
        line++;
        if (text == null || text.isBlank()) {
            return;
        }
        for (String l : text.split("\\R")) {
            String clean = clean(l);
            if (!clean.isEmpty()) {
                blocks.add(new DocumentBlock.Paragraph(line, clean, text, heading, false));
            }
        }
    }

    /** Starts a new table: the rows added next belong to it. */
    void table() {
        table++;
    }

    /** A table row of the current table; each cell is given as its lines (paragraphs) as read. */
    void row(List<List<String>> cellLines) {
        line++;
        List<String> cells = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        for (List<String> lines : cellLines) {
            String text = cell(lines);
            cells.add(text);
            raw.append(raw.length() == 0 ? "" : "\t").append(text.replace('\n', ' '));
        }
        blocks.add(new DocumentBlock.Row(line, Math.max(table, 0), cells, raw.toString()));
    }

    List<DocumentBlock> blocks() {
        return blocks;
    }

    /** A cell's lines cleaned and joined with '\n'; blank lines dropped. */
    static String cell(List<String> lines) {
        List<String> clean = new ArrayList<>();
        for (String l : lines) {
            for (String part : l.split("\\R")) {
                String c = clean(part);
                if (!c.isEmpty()) {
                    clean.add(c);
                }
            }
        }
        return String.join("\n", clean);
    }

    private static String clean(String text) {
        return VietText.clean(MarkupCleaner.normalise(text.replace('\t', ' ')));
    }
}
