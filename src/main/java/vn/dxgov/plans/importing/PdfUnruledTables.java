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
    /** A gap of this many font sizes inside one line only separates columns (justified text never stretches so far). */
    private static final float WIDE_GAP = 2.5f;

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
            PdfItem.Table t = end > i + 1 || widelySpaced(lines.get(i)) ? table(lines.subList(i, end)) : null;
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

    /**
     * The column gaps of a run: vertical strips where no word of a line with several pieces writes, unless lines of one
     * piece cross them often (a wrapped cell's text: the strip was a chance alignment); one such line alone crossing is
     * a merged cell and does not close the gap.
     */
    private static List<float[]> gutters(List<PdfLine> run, float min, float max) {
        int from = (int) Math.floor(min);
        int[] coverage = new int[(int) Math.ceil(max) - from + 2];
        List<PdfLine> singles = new ArrayList<>();
        float multiMin = Float.MAX_VALUE;
        float multiMax = -Float.MAX_VALUE;
        for (PdfLine l : run) {
            if (pieces(l).size() == 1) {
                singles.add(l);
                continue;
            }
            multiMin = Math.min(multiMin, l.x0());
            multiMax = Math.max(multiMax, l.x1());
            for (PdfWord w : l.words()) {
                for (int x = Math.max((int) Math.floor(w.x0()) - from, 0); x <= (int) Math.ceil(w.x1()) - from
                        && x < coverage.length; x++) {
                    coverage[x]++;
                }
            }
        }
        List<float[]> out = new ArrayList<>();
        int gapStart = -1;
        for (int x = 0; x < coverage.length; x++) {
            boolean empty = coverage[x] == 0 && from + x > multiMin && from + x < multiMax;
            if (empty && gapStart < 0) {
                gapStart = x;
            } else if (!empty && gapStart >= 0) {
                float g0 = from + gapStart;
                float g1 = from + x;
                long crossing = singles.stream().filter(l -> l.x0() < g0 && l.x1() > g1).count();
                if (g1 - g0 >= MIN_GUTTER && (crossing < 2 || crossing <= 0.2 * singles.size())) {
                    out.add(new float[] {g0, g1});
                }
                gapStart = -1;
            }
        }
        return out;
    }

    /** A line of pieces far apart ("Số: 12/KH-UBND" ... "Hà Nội, ngày ..."): two columns even when alone. */
    private static boolean widelySpaced(PdfLine line) {
        List<float[]> pieces = pieces(line);
        for (int p = 1; p < pieces.size(); p++) {
            if (pieces.get(p)[0] - pieces.get(p - 1)[1] > WIDE_GAP * line.size()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The end (exclusive) of the run starting at a line with several pieces: up to its last line with several pieces,
     * and the narrow lines right under it that stay inside the run's width without starting at its left edge (the rest
     * of a wrapped cell, the subject line under the number in a header block).
     */
    private static int runEnd(List<PdfLine> lines, int start, float textWidth) {
        int lastMulti = start;
        int multi = 1;
        float min = lines.get(start).x0();
        float max = lines.get(start).x1();
        for (int j = start + 1; j < lines.size(); j++) {
            PdfLine l = lines.get(j);
            if (!close(lines.get(j - 1), l)) {
                break;
            }
            if (pieces(l).size() >= 2) {
                lastMulti = j;
                multi++;
                min = Math.min(min, l.x0());
                max = Math.max(max, l.x1());
            } else if (l.x1() - l.x0() > SINGLE_LINE_SHARE * textWidth) {
                break;
            }
        }
        if (multi < MIN_MULTI_LINES && !widelySpaced(lines.get(start))) {
            return start + 1;
        }
        List<float[]> anchors = new ArrayList<>();
        for (int j = start; j <= lastMulti; j++) {
            if (pieces(lines.get(j)).size() >= 2) {
                anchors.addAll(pieces(lines.get(j)));
            }
        }
        int end = lastMulti + 1;
        while (end < lines.size() && close(lines.get(end - 1), lines.get(end)) && pieces(lines.get(end)).size() == 1
                && lines.get(end).x1() - lines.get(end).x0() <= SINGLE_LINE_SHARE * textWidth
                && anchored(lines.get(end), anchors, min)) {
            end++;
        }
        return end;
    }

    /**
     * A narrow line under the run belongs to it when it starts where a column after the first starts (a wrapped cell)
     * or is centred on a column's centre (a centred cell).
     */
    private static boolean anchored(PdfLine line, List<float[]> anchors, float runLeft) {
        float centre = (line.x0() + line.x1()) / 2;
        for (float[] a : anchors) {
            boolean starts = Math.abs(line.x0() - a[0]) < 2f && a[0] > runLeft + 10f;
            boolean centred = Math.abs(centre - (a[0] + a[1]) / 2) < 3f;
            if (starts || centred) {
                return true;
            }
        }
        return false;
    }

    private static boolean close(PdfLine above, PdfLine below) {
        return below.top() - above.bottom() <= 1.6f * Math.max(above.size(), below.size());
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
        List<Float> xs = new ArrayList<>();
        xs.add(min - 1f);
        for (float[] g : gutters(run, min, max)) {
            xs.add((g[0] + g[1]) / 2);
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
