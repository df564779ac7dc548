package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The layout of one page: tables drawn with ruling lines first, then tables of aligned columns among the remaining
 * words, then the other words as lines of running text; all in top-to-bottom order.
 *
 * @param number 1-based page number
 * @param ocr    the words came from OCR
 */
record PdfPageLayout(int number, float width, float height, boolean ocr, List<PdfItem> items) {

    PdfPageLayout {
        items = List.copyOf(items);
    }

    static PdfPageLayout of(int number, float width, float height, boolean ocr, List<PdfWord> pageWords,
                            List<PdfRulings.Segment> segments) {
        List<PdfWord> words = new ArrayList<>(pageWords);
        List<PdfItem> items = new ArrayList<>(PdfRuledTables.find(segments, words));
        float[] margins = margins(words, width);
        items.addAll(PdfUnruledTables.find(words, margins[0], margins[1]));
        for (PdfLine l : PdfLine.group(words)) {
            items.add(new PdfItem.Text(l));
        }
        items.sort(Comparator.comparingDouble(PdfItem::top));
        return new PdfPageLayout(number, width, height, ocr, items);
    }

    /** Left and right edge of the running text: where most long lines start and end. */
    static float[] margins(List<PdfWord> words, float pageWidth) {
        List<Float> lefts = new ArrayList<>();
        List<Float> rights = new ArrayList<>();
        for (PdfLine l : PdfLine.group(words)) {
            if (l.words().size() >= 6) {
                lefts.add(l.x0());
                rights.add(l.x1());
            }
        }
        if (lefts.isEmpty()) {
            return new float[] {pageWidth * 0.1f, pageWidth * 0.9f};
        }
        lefts.sort(Float::compare);
        rights.sort(Float::compare);
        return new float[] {lefts.get(lefts.size() / 10), rights.get(rights.size() * 9 / 10)};
    }

    /** The text margins of this page's running text. */
    float[] margins() {
        List<PdfWord> words = new ArrayList<>();
        for (PdfItem i : items) {
            if (i instanceof PdfItem.Text t) {
                words.addAll(t.line().words());
            }
        }
        return margins(words, width);
    }
}
