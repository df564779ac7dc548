package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts the words of a table band into rows and cells. A row starts at each code in the first column when that column
 * is a narrow code column ("1", "1.2", "II", "a)"); in a table without ruling lines, also where a blank gap runs
 * across all columns. Each cell's lines are joined by {@link PdfCellText}, so a wrapped cell stays one row.
 */
final class PdfRowSplitter {

    /** A row code: "1", "1.2.3", "II", "a)", "2.1." — what the first column of a plan's tables holds. */
    private static final Pattern CODE = Pattern.compile("^(?:\\d{1,3}(?:\\.\\d{1,3}){0,3}\\.?|[IVXLC]{1,6}\\.?|[a-zđ]\\)|[A-Z]\\.?)$");
    /** A first column narrower than this share of the table is a code column. */
    private static final float CODE_COLUMN_SHARE = 0.18f;
    /** Words further apart than this many font sizes are in different cells (tables without ruling lines). */
    static final float CELL_GAP = 0.9f;
    /** Words closer than this many font sizes are one run of text, kept in one cell even across a column gap. */
    private static final float SPAN_GAP = 0.55f;

    private PdfRowSplitter() {
    }

    /**
     * The rows of a band.
     *
     * @param xs    the grid's column boundaries
     * @param cuts  the boundaries actually drawn in this band (a merged cell has fewer)
     * @param ruled the band is closed by ruling lines (rows are only cut at codes)
     */
    static List<PdfItem.Row> rows(List<PdfWord> band, List<Float> xs, List<Float> cuts, boolean ruled) {
        int columns = xs.size() - 1;
        List<List<PdfWord>> byColumn = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            byColumn.add(new ArrayList<>());
        }
        assign(band, xs, cuts, ruled, byColumn);
        List<Float> starts = rowStarts(byColumn, xs, ruled);
        List<PdfItem.Row> rows = new ArrayList<>();
        for (int r = 0; r < starts.size(); r++) {
            float from = r == 0 ? -Float.MAX_VALUE : starts.get(r);
            float to = r + 1 < starts.size() ? starts.get(r + 1) : Float.MAX_VALUE;
            List<String> cells = new ArrayList<>();
            List<PdfLine> rowLines = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                List<PdfWord> in = byColumn.get(c).stream()
                        .filter(w -> w.centreY() >= from && w.centreY() < to).toList();
                if (in.isEmpty()) {
                    cells.add("");
                    continue;
                }
                List<PdfLine> lines = PdfLine.group(in);
                rowLines.addAll(lines);
                cells.add(ruled ? cellText(lines, xs.get(c), right(xs, cuts, c, byColumn.get(c), true))
                        : unruledCellText(lines, byColumn.get(c)));
            }
            rows.add(new PdfItem.Row(cells, rowLines));
        }
        return rows;
    }

    /** Puts each word in the grid column of the drawn cell holding its centre; without rulings, a run of close words
     * (a merged cell's text) goes to the column where it starts. */
    private static void assign(List<PdfWord> band, List<Float> xs, List<Float> cuts, boolean ruled,
                               List<List<PdfWord>> byColumn) {
        if (ruled) {
            for (PdfWord w : band) {
                byColumn.get(column(xs, cutStart(cuts, w.centreX()))).add(w);
            }
            return;
        }
        for (PdfLine line : PdfLine.group(band)) {
            int column = -1;
            PdfWord previous = null;
            for (PdfWord w : line.words()) {
                if (previous == null || w.x0() - previous.x1() > SPAN_GAP * Math.max(w.size(), 1f)) {
                    column = column(xs, w.x0() + 0.5f);
                }
                byColumn.get(column).add(w);
                previous = w;
            }
        }
    }

    private static float cutStart(List<Float> cuts, float x) {
        float start = cuts.get(0);
        for (float c : cuts) {
            if (c <= x) {
                start = c;
            }
        }
        return start;
    }

    /** The grid column whose interval holds {@code x} (clamped to the grid). */
    static int column(List<Float> xs, float x) {
        for (int c = xs.size() - 2; c >= 0; c--) {
            if (x >= xs.get(c) - 1f) {
                return c;
            }
        }
        return 0;
    }

    /** The right edge of a column's text: the next drawn boundary, or the widest line of the column. */
    private static float right(List<Float> xs, List<Float> cuts, int c, List<PdfWord> words, boolean ruled) {
        if (!ruled) {
            return (float) words.stream().mapToDouble(PdfWord::x1).max().orElse(xs.get(c + 1));
        }
        for (float cut : cuts) {
            if (cut > xs.get(c) + 1f) {
                return cut;
            }
        }
        return xs.get(xs.size() - 1);
    }

    /**
     * A cell of a table without ruling lines, whose edges are unknown: a line is wrapped into the next only when it
     * reaches the column's right edge and the next starts at its left edge (left-aligned or justified text); centred
     * lines (a header block's) stay separate lines.
     */
    private static String unruledCellText(List<PdfLine> lines, List<PdfWord> column) {
        float left = (float) column.stream().mapToDouble(PdfWord::x0).min().orElse(0);
        float right = (float) column.stream().mapToDouble(PdfWord::x1).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        PdfLine previous = null;
        for (PdfLine l : lines) {
            if (previous != null) {
                PdfWord first = l.words().get(0);
                boolean reachesEdge = previous.x1() + PdfCellText.space(previous, l) + (first.x1() - first.x0()) > right - 1f;
                boolean wrapped = Math.abs(l.x0() - left) < 2f && reachesEdge
                        && !PdfCellText.startsItem(first.text())
                        && !(previous.x0() > left + 2f && Math.abs((previous.x0() + previous.x1()) - (l.x0() + l.x1())) < 4f);
                sb.append(wrapped ? " " : "\n");
            }
            sb.append(l.text());
            previous = l;
        }
        return sb.toString();
    }

    private static String cellText(List<PdfLine> lines, float left, float right) {
        float textLeft = (float) lines.stream().mapToDouble(PdfLine::x0).min().orElse(left);
        float padding = Math.min(Math.max(textLeft - left, 0f), 8f);
        float innerRight = right - padding;
        if (innerRight <= textLeft) {
            innerRight = (float) lines.stream().mapToDouble(PdfLine::x1).max().orElse(right);
        }
        return PdfCellText.join(lines, textLeft, innerRight);
    }

    /** The tops of the rows in the band (at least one). */
    private static List<Float> rowStarts(List<List<PdfWord>> byColumn, List<Float> xs, boolean ruled) {
        List<Float> starts = new ArrayList<>();
        float width = xs.get(xs.size() - 1) - xs.get(0);
        List<PdfLine> first = PdfLine.group(byColumn.get(0));
        boolean codeColumn = xs.size() > 2 && xs.get(1) - xs.get(0) < CODE_COLUMN_SHARE * width
                && first.stream().filter(l -> CODE.matcher(l.text()).matches()).count() >= 2;
        if (codeColumn) {
            PdfLine previous = null;
            for (PdfLine l : first) {
                boolean code = CODE.matcher(l.text()).matches();
                boolean continues = previous != null && !code && l.top() - previous.bottom() < previous.size() * 0.5f;
                if (!continues) {
                    starts.add(l.top() - l.size() * 0.2f);
                }
                previous = l;
            }
        }
        if (!ruled) {
            for (float gap : gapStarts(byColumn)) {
                if (starts.stream().noneMatch(st -> Math.abs(st - gap) < 6f)) {
                    starts.add(gap);
                }
            }
            starts.sort(Float::compare);
        }
        if (starts.isEmpty()) {
            starts.add(-Float.MAX_VALUE);
        }
        return starts;
    }

    /** Row tops where blank space as tall as most of a line runs across every column. */
    private static List<Float> gapStarts(List<List<PdfWord>> byColumn) {
        List<PdfLine> lines = new ArrayList<>();
        for (List<PdfWord> col : byColumn) {
            lines.addAll(PdfLine.group(col));
        }
        lines.sort(Comparator.comparingDouble(PdfLine::top));
        List<Float> starts = new ArrayList<>();
        float bottom = -Float.MAX_VALUE;
        for (PdfLine l : lines) {
            if (starts.isEmpty() || l.top() - bottom > l.size() * 0.8f) {
                starts.add(l.top() - 0.5f);
            }
            bottom = Math.max(bottom, l.bottom());
        }
        return starts;
    }
}
