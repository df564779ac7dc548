package vn.dxgov.plans.importing;

import java.util.List;

/**
 * Joins the visual lines of a cell or a paragraph: a line is continued by the next when the next line's first word
 * would not have fitted at its end (the writer's word processor wrapped it), otherwise the line ended there (a new
 * paragraph or list item inside the cell). Works for left-aligned, justified and centred text.
 */
final class PdfCellText {

    /**
     * Slack in points for measuring whether a word would have fitted: word processors keep a little more room at the
     * right of a cell than the left padding shows (LibreOffice wrapped "nông" / "thôn" with 0,1 pt to spare), so a
     * word that would only just have fitted counts as wrapped. A real paragraph end inside a cell (one agency a line)
     * leaves far more room than this.
     */
    private static final float MIN_SLACK = 2f;

    private PdfCellText() {
    }

    /**
     * True when {@code next} continues {@code line} in a box from {@code left} to {@code right} (the text area: the
     * cell or the page margins, without padding).
     */
    static boolean wrapped(PdfLine line, PdfLine next, float left, float right) {
        PdfWord first = next.words().get(0);
        float space = space(line, next);
        float needed = space + (first.x1() - first.x0()) + Math.max(MIN_SLACK, space);
        if (startsItem(first.text())) {
            return false;
        }
        if (line.x1() + needed > right) {
            return true;
        }
        boolean centred = Math.abs((line.x0() + line.x1()) / 2 - (left + right) / 2) < 4f
                && line.x0() > left + 8f;
        return centred && (line.x1() - line.x0()) + needed > right - left;
    }

    /**
     * The width of a space in these lines: the narrowest gap between two words (a justified line's gaps are wider,
     * never narrower), else a quarter of the font size.
     */
    static float space(PdfLine a, PdfLine b) {
        float min = Float.MAX_VALUE;
        for (PdfLine l : new PdfLine[] {a, b}) {
            List<PdfWord> w = l.words();
            for (int i = 1; i < w.size(); i++) {
                float gap = w.get(i).x0() - w.get(i - 1).x1();
                if (gap > 0.5f) {
                    min = Math.min(min, gap);
                }
            }
        }
        return min == Float.MAX_VALUE || min > a.size() ? Math.max(a.size() * 0.25f, 1.5f) : min;
    }

    /** A list item's marker at the start of a line: the line begins an item, it does not continue a sentence. */
    static boolean startsItem(String firstWord) {
        return firstWord.equals("-") || firstWord.equals("+") || firstWord.equals("•") || firstWord.equals("*")
                || firstWord.equals("–") || firstWord.startsWith("•");
    }

    /** A line wrapped after the hyphen of "2021-2025" or "QĐ-UBND": the next line goes on without a space. */
    static boolean brokenAtHyphen(String line) {
        int n = line.length();
        return n >= 2 && (line.charAt(n - 1) == '-' || line.charAt(n - 1) == '–')
                && Character.isLetterOrDigit(line.charAt(n - 2));
    }

    /** The lines of a cell, wrapped lines joined with a space, ended lines separated by '\n'. */
    static String join(List<PdfLine> lines, float left, float right) {
        StringBuilder sb = new StringBuilder();
        PdfLine previous = null;
        for (PdfLine l : lines) {
            if (previous != null) {
                boolean wrapped = wrapped(previous, l, left, right);
                sb.append(!wrapped ? "\n" : brokenAtHyphen(previous.text()) ? "" : " ");
            }
            sb.append(l.text());
            previous = l;
        }
        return sb.toString();
    }
}
