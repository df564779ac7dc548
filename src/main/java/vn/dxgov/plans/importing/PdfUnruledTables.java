package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tables without ruling lines (a borderless Word table, the two-column header block of an administrative document,
 * a scanned table whose lines were not found): runs of lines whose words stand in columns separated by wide gaps.
 * The columns are the vertical strips that (almost) no line of the run writes in.
 */
final class PdfUnruledTables {

    /** A run needs this many lines with two or more separated pieces to be a table. */
    private static final int MIN_MULTI_LINES = 2;
    /** A strip this wide (points) without text separates two columns. */
    private static final float MIN_GUTTER = 5f;
    /** A line alone in the run (one piece) joins it when it is narrower than this share of the text width. */
    private static final float SINGLE_LINE_SHARE = 0.55f;

    private PdfUnruledTables() {
    }

    /** Finds the tables among the page's words, removing the words read into them. */
    static List<PdfItem.Table> find(List<PdfWord> words, float textLeft, float textRight) {
        List<PdfLine> lines = PdfLine.group(words);
        List<PdfItem.Table> tables = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (pieces(lines.get(i)).size() < 2) {
                i++;
                continue;
            }
            int end = runEnd(lines, i, textRight - textLeft);
            PdfItem.Table t = end - i >= MIN_MULTI_LINES ? table(lines.subList(i, end)) : null;
            if (t != null) {
                tables.add(t);
                List<PdfWord> used = new ArrayList<>();
                lines.subList(i, end).forEach(l -> used.addAll(l.words()));
                words.removeAll(Set.copyOf(used));
                i = end;
            } else {
                i++;
            }
        }
        return tables;
    }

    /** The end (exclusive) of the run starting at a line with several pieces. */
    private static int runEnd(List<PdfLine> lines, int start, float textWidth) {
        int lastMulti = start;
        int multi = 1;
        for (int j = start + 1; j < lines.size(); j++) {
            PdfLine prev = lines.get(j - 1);
            PdfLine l = lines.get(j);
            if (l.top() - prev.bottom() > 1.6f * Math.max(prev.size(), l.size())) {
                break;
            }
            if (pieces(l).size() >= 2) {
                lastMulti = j;
                multi++;
            } else if (l.x1() - l.x0() > SINGLE_LINE_SHARE * textWidth) {
                break;
            }
        }
        return multi >= MIN_MULTI_LINES ? lastMulti + 1 : start + 1;
    }

    /** The pieces of a line: runs of words closer than a cell gap. */
    static List<float[]> pieces(PdfLine line) {
        List<float[]> out = new ArrayList<>();
        float[] current = null;
        for (PdfWord w : line.words()) {
            if (current == null || w.x0() - current[1] > PdfRowSplitter.CELL_GAP * Math.max(w.size(), 1f)) {
                current = new float[] {w.x0(), w.x1()};
                out.add(current);
            } else {
                current[1] = Math.max(current[1], w.x1());
            }
        }
        return out;
    }

    private static PdfItem.Table table(List<PdfLine> run) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (PdfLine l : run) {
            min = Math.min(min, l.x0());
            max = Math.max(max, l.x1());
        }
        int from = (int) Math.floor(min);
        int[] coverage = new int[(int) Math.ceil(max) - from + 2];
        for (PdfLine l : run) {
            for (float[] p : pieces(l)) {
                for (int x = (int) Math.floor(p[0]) - from; x <= (int) Math.ceil(p[1]) - from && x < coverage.length; x++) {
                    coverage[Math.max(x, 0)]++;
                }
            }
        }
        int allowed = run.size() / 10;
        List<Float> xs = new ArrayList<>();
        xs.add(min - 1f);
        int gapStart = -1;
        for (int x = 0; x < coverage.length; x++) {
            boolean empty = coverage[x] <= allowed && from + x > min && from + x < max;
            if (empty && gapStart < 0) {
                gapStart = x;
            } else if (!empty && gapStart >= 0) {
                if (x - gapStart >= MIN_GUTTER) {
                    xs.add(from + (gapStart + x) / 2f);
                }
                gapStart = -1;
            }
        }
        xs.add(max + 1f);
        if (xs.size() < 3) {
            return null;
        }
        List<PdfWord> words = new ArrayList<>();
        run.forEach(l -> words.addAll(l.words()));
        List<PdfItem.Row> rows = PdfRowSplitter.rows(words, xs, xs, false);
        rows.removeIf(PdfItem.Row::blank);
        long spread = rows.stream().filter(r -> r.cells().stream().filter(c -> !c.isBlank()).count() >= 2).count();
        if (rows.isEmpty() || spread == 0) {
            return null;
        }
        return new PdfItem.Table(rows, xs, false, run.get(0).top(), run.get(run.size() - 1).bottom());
    }
}
