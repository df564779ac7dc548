package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads plain text and markdown: a line with tabs is a table row (tab-separated), a line {@code | a | b |} is a
 * markdown table row, consecutive rows (blank lines allowed between them) form one table, other lines are paragraphs.
 */
final class TextDocumentReader {

    /** A markdown table separator row: {@code |---|:--:|}. */
    private static final Pattern MD_SEPARATOR = Pattern.compile("^\\s*\\|?(\\s*:?-{2,}:?\\s*\\|)+\\s*(:?-{2,}:?)?\\s*\\|?\\s*$");
    /** A markdown table row: starts with a pipe and has at least one more. */
    private static final Pattern MD_ROW = Pattern.compile("^\\s*\\|.*\\|.*$");
    /**
     * A row as legal-document web sites copy a table: cells ended by a pipe but no leading one
     * ({@code Số: 130/KH-UBND | Thanh Hoá, ngày 27 tháng 6 năm 2025 |}).
     */
    private static final Pattern WEB_ROW = Pattern.compile("^\\s*[^|\\s].*\\|\\s*$");

    private TextDocumentReader() {
    }

    static DocumentText read(String filename, String text, DocumentText.Format format) {
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        List<DocumentBlock> blocks = new ArrayList<>();
        int table = -1;
        boolean inTable = false;
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            int lineNo = i + 1;
            if (raw.isBlank() || raw.strip().equals("|")) {
                continue; // blank lines (and a web copy's lone cell separators) neither end a table nor make a block
            }
            List<String> cells = null;
            if (MD_SEPARATOR.matcher(raw).matches() && raw.contains("|")) {
                if (!inTable) {
                    inTable = true;
                    table++;
                }
                continue;
            } else if (MD_ROW.matcher(raw).matches()) {
                cells = markdownCells(raw);
            } else if (WEB_ROW.matcher(raw).matches()) {
                cells = markdownCells("|" + raw);
            } else if (raw.indexOf('\t') >= 0 && isTabRow(raw)) {
                cells = new ArrayList<>();
                for (String c : raw.split("\t", -1)) {
                    cells.add(MarkupCleaner.cleanCell(c));
                }
            }
            if (cells != null) {
                if (!inTable) {
                    inTable = true;
                    table++;
                }
                blocks.add(new DocumentBlock.Row(lineNo, table, cells, raw));
            } else {
                inTable = false;
                String clean = MarkupCleaner.cleanLine(raw.replace('\t', ' '));
                if (clean.isEmpty()) {
                    continue;
                }
                boolean heading = MarkupCleaner.isMarkdownHeading(raw) || MarkupCleaner.isWhollyBold(raw);
                blocks.add(new DocumentBlock.Paragraph(lineNo, clean, raw, heading, MarkupCleaner.isFootnoteBody(raw)));
            }
        }
        return new DocumentText(filename, format, blocks);
    }

    /**
     * A line with tabs is a row unless the tabs only indent a single piece of text.
     */
    private static boolean isTabRow(String raw) {
        String[] parts = raw.split("\t", -1);
        long nonBlank = 0;
        for (String p : parts) {
            if (!p.isBlank()) {
                nonBlank++;
            }
        }
        if (nonBlank >= 2) {
            return true;
        }
        // a single piece of text: a row only when a tab follows it (an empty cell), not when tabs just indent it
        return raw.replaceFirst("^[\\t ]+", "").indexOf('\t') >= 0;
    }

    /** Splits a markdown row on unescaped pipes, dropping the outer empty cells. */
    static List<String> markdownCells(String raw) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        String s = raw.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '|') {
                cur.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        cells.add(cur.toString());
        if (!cells.isEmpty() && cells.get(0).isBlank()) {
            cells.remove(0);
        }
        if (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank() && s.endsWith("|")) {
            cells.remove(cells.size() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String c : cells) {
            out.add(MarkupCleaner.cleanCell(c));
        }
        return out;
    }
}
