package vn.dxgov.plans.importing;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.List;
import vn.dxgov.plans.importing.PdfRulings.Segment;

/**
 * The ruling lines of a scanned page, found in its grey image: long straight runs of dark pixels, horizontal and
 * vertical, so that a scanned table is cut into cells by the same code as a drawn one.
 */
final class PdfRasterRulings {

    /** Darker than this (0 black – 255 white) is ink. */
    private static final int INK = 140;
    /** A horizontal run at least this long (inches) is a line: a scan's blurred letters touch over shorter runs. */
    private static final float MIN_HORIZONTAL = 1.0f;
    /** A vertical run at least this long (inches): taller than the letters of body text. */
    private static final float MIN_VERTICAL = 0.3f;
    /** A run may cross this many lighter pixels (a scan's breaks in a line). */
    private static final int MAX_BREAK = 1;

    private PdfRasterRulings() {
    }

    /**
     * Paints the ruling lines white, so that OCR reads the cells' text without the borders (Tesseract drops short
     * text, a row's code, that touches a line).
     */
    static void erase(BufferedImage grey, List<Segment> segments, float dpi) {
        java.awt.Graphics2D g = grey.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            float scale = dpi / 72f;
            int pad = Math.max(2, Math.round(dpi / 100f));
            for (Segment s : segments) {
                int at = Math.round(s.at() * scale);
                int from = Math.round(s.from() * scale);
                int to = Math.round(s.to() * scale);
                if (s.vertical()) {
                    g.fillRect(at - pad, from, 2 * pad + 1, to - from + 1);
                } else {
                    g.fillRect(from, at - pad, to - from + 1, 2 * pad + 1);
                }
            }
        } finally {
            g.dispose();
        }
    }

    static List<Segment> of(BufferedImage grey, float dpi) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        Raster raster = grey.getRaster();
        boolean[] ink = new boolean[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                ink[y * w + x] = row[x] < INK;
            }
        }
        float scale = 72f / dpi;
        List<Segment> out = new ArrayList<>();
        int minH = Math.round(MIN_HORIZONTAL * dpi);
        for (int y = 0; y < h; y++) {
            final int yy = y;
            runs(w, i -> ink[yy * w + i], minH, (a, b) -> out.add(new Segment(false, yy * scale, a * scale, b * scale)));
        }
        int minV = Math.round(MIN_VERTICAL * dpi);
        for (int x = 0; x < w; x++) {
            final int xx = x;
            runs(h, i -> ink[i * w + xx], minV, (a, b) -> out.add(new Segment(true, xx * scale, a * scale, b * scale)));
        }
        return PdfRulings.merge(out);
    }

    private static void runs(int length, java.util.function.IntPredicate ink, int min,
                             java.util.function.BiConsumer<Integer, Integer> found) {
        int start = -1;
        int lastInk = -1;
        for (int i = 0; i <= length; i++) {
            boolean on = i < length && ink.test(i);
            if (on) {
                if (start < 0) {
                    start = i;
                }
                lastInk = i;
            } else if (start >= 0 && i - lastInk > MAX_BREAK) {
                if (lastInk - start + 1 >= min) {
                    found.accept(start, lastInk + 1);
                }
                start = -1;
            }
        }
        if (start >= 0 && lastInk - start + 1 >= min) {
            found.accept(start, lastInk + 1);
        }
    }
}
