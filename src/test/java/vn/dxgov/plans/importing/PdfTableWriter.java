package vn.dxgov.plans.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes one table for {@link PdfPlanWriter}: column widths from the cells' text (at least the longest word), a bold
 * centred header row, cells that wrap, a row with text only in its first cell drawn as one merged cell, rows broken
 * over a page break when at least two lines fit, the header row repeated on each new page; a table of six columns or
 * more on landscape pages, as appendices are printed.
 */
final class PdfTableWriter {

    private static final float LINE = PdfPlanWriter.cellSize() * 1.25f;

    private final PdfPlanWriter page;
    private final List<List<String>> rows;
    private final int columns;
    private float[] xs;

    PdfTableWriter(PdfPlanWriter page, List<List<String>> rows) {
        this.page = page;
        this.rows = rows;
        this.columns = rows.stream().mapToInt(List::size).max().orElse(1);
    }

    void write() throws IOException {
        boolean wide = columns >= 6;
        if (wide != page.landscape()) {
            page.newPage(wide);
        }
        xs = columnEdges();
        page.ensure(LINE * 3);
        for (int r = 0; r < rows.size(); r++) {
            row(r);
        }
        page.y(page.y() + 8f);
    }

    private void row(int r) throws IOException {
        boolean header = r == 0;
        List<List<String>> lines = cellLines(rows.get(r), header);
        int height = lines.stream().mapToInt(List::size).max().orElse(1);
        int from = 0;
        while (from < height) {
            float avail = page.bottom() - page.y() - 2 * PdfPlanWriter.pad();
            int fit = (int) Math.floor(avail / LINE);
            if (fit < height - from && (fit < 2 || header)) {
                newPage(header);
                continue;
            }
            int to = Math.min(height, from + fit);
            draw(lines, from, to, header, merged(rows.get(r)));
            from = to;
            if (from < height) {
                newPage(false);
            }
        }
    }

    private void newPage(boolean header) throws IOException {
        page.newPage(page.landscape());
        if (!header && rows.size() > 3) {
            List<List<String>> lines = cellLines(rows.get(0), true);
            int height = lines.stream().mapToInt(List::size).max().orElse(1);
            draw(lines, 0, height, true, false);
        }
    }

    private void draw(List<List<String>> lines, int from, int to, boolean header, boolean merged) throws IOException {
        float top = page.y();
        float height = (to - from) * LINE + 2 * PdfPlanWriter.pad();
        PDFont font = page.font(header);
        for (int c = 0; c < lines.size(); c++) {
            List<String> cell = lines.get(c);
            float x0 = xs[c];
            float x1 = merged ? xs[columns] : xs[c + 1];
            for (int k = from; k < to && k < cell.size(); k++) {
                String s = cell.get(k);
                float w = PdfPlanWriter.width(s, font, PdfPlanWriter.cellSize());
                float x = header ? x0 + (x1 - x0 - w) / 2 : x0 + PdfPlanWriter.pad();
                page.text(s, font, PdfPlanWriter.cellSize(), x,
                        top + PdfPlanWriter.pad() + PdfPlanWriter.cellSize() + (k - from) * LINE);
            }
        }
        if (page.rulings()) {
            page.line(xs[0], top, xs[columns], top);
            page.line(xs[0], top + height, xs[columns], top + height);
            for (int c = 0; c <= columns; c++) {
                if (!merged || c == 0 || c == columns) {
                    page.line(xs[c], top, xs[c], top + height);
                }
            }
        }
        page.y(top + height);
    }

    /** A row with text only in its first cell, longer than a code: a merged cell over the whole row. */
    private boolean merged(List<String> cells) {
        return cells.get(0).length() > 12 && cells.stream().skip(1).allMatch(String::isBlank);
    }

    private List<List<String>> cellLines(List<String> cells, boolean header) throws IOException {
        boolean merged = merged(cells);
        List<List<String>> out = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            float width = (merged ? xs[columns] : xs[c + 1]) - xs[c] - 2 * PdfPlanWriter.pad();
            List<String> lines = new ArrayList<>();
            for (String part : cells.get(c).split("\n")) {
                if (!part.isBlank()) {
                    lines.addAll(PdfPlanWriter.wrap(part, page.font(header), PdfPlanWriter.cellSize(), width));
                }
            }
            out.add(lines);
            if (merged) {
                break;
            }
        }
        return out;
    }

    /** Column edges: each column at least as wide as its longest word, the rest shared by the length of its text. */
    private float[] columnEdges() throws IOException {
        float total = page.pageWidth() - page.left() - page.right();
        float[] min = new float[columns];
        float[] weight = new float[columns];
        for (int c = 0; c < columns; c++) {
            double chars = 0;
            int n = 0;
            for (int r = 0; r < rows.size(); r++) {
                String cell = c < rows.get(r).size() ? rows.get(r).get(c) : "";
                if (merged(rows.get(r)) && c == 0) {
                    continue;
                }
                for (String word : cell.split("\\s+")) {
                    min[c] = Math.max(min[c], PdfPlanWriter.width(word, page.font(r == 0), PdfPlanWriter.cellSize()));
                }
                if (!cell.isBlank()) {
                    chars += cell.length();
                    n++;
                }
            }
            min[c] = Math.min(min[c] + 2 * PdfPlanWriter.pad() + 1, total * 0.3f);
            weight[c] = (float) Math.pow(Math.max(n == 0 ? 4 : chars / n, 4), 0.7);
        }
        float spare = total;
        float weights = 0;
        for (int c = 0; c < columns; c++) {
            spare -= min[c];
            weights += weight[c];
        }
        float[] edges = new float[columns + 1];
        edges[0] = page.left();
        for (int c = 0; c < columns; c++) {
            edges[c + 1] = edges[c] + min[c] + Math.max(spare, 0) * weight[c] / weights;
        }
        return edges;
    }
}
