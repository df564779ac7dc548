package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Words of a page on one visual line, left to right. */
record PdfLine(List<PdfWord> words) {

    PdfLine {
        words = List.copyOf(words);
    }

    float x0() {
        return words.get(0).x0();
    }

    float x1() {
        return words.get(words.size() - 1).x1();
    }

    float top() {
        return (float) words.stream().mapToDouble(PdfWord::top).min().orElse(0);
    }

    float bottom() {
        return (float) words.stream().mapToDouble(PdfWord::bottom).max().orElse(0);
    }

    /** The median font size (the height of the words for OCR). */
    float size() {
        List<Float> sizes = new ArrayList<>(words.stream().map(PdfWord::size).toList());
        sizes.sort(Comparator.naturalOrder());
        return sizes.get(sizes.size() / 2);
    }

    boolean bold() {
        return words.stream().allMatch(PdfWord::bold);
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        for (PdfWord w : words) {
            sb.append(sb.length() == 0 ? "" : " ").append(w.text());
        }
        return sb.toString();
    }

    /** Mean OCR confidence of the words, or null for text-layer words. */
    Double confidence() {
        if (!words.get(0).fromOcr()) {
            return null;
        }
        return words.stream().mapToDouble(PdfWord::confidence).average().orElse(0);
    }

    /**
     * Groups words into visual lines: a word joins the line whose vertical band its centre falls in, lines are
     * returned top to bottom and their words left to right.
     */
    static List<PdfLine> group(List<PdfWord> words) {
        List<PdfWord> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingDouble(PdfWord::centreY).thenComparingDouble(PdfWord::x0));
        List<List<PdfWord>> lines = new ArrayList<>();
        List<PdfWord> current = null;
        float top = 0;
        float bottom = 0;
        for (PdfWord w : sorted) {
            if (current != null && w.centreY() <= bottom && w.centreY() >= top) {
                current.add(w);
                continue;
            }
            current = new ArrayList<>();
            current.add(w);
            lines.add(current);
            float slack = w.height() * 0.15f;
            top = w.top() + slack;
            bottom = w.bottom() - slack;
        }
        List<PdfLine> out = new ArrayList<>();
        for (List<PdfWord> l : lines) {
            l.sort(Comparator.comparingDouble(PdfWord::x0));
            out.add(new PdfLine(l));
        }
        return out;
    }
}
