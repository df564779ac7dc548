package vn.dxgov.plans.importing;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * The ruling lines drawn on a page (table borders), in the same top-down point coordinates as {@link PdfWord}: stroked
 * straight segments, and filled rectangles thin enough to be a border (Word draws its borders either way). Whether
 * the page draws an image is noted too: a page with an image and no text is a scan.
 */
final class PdfRulings extends PDFGraphicsStreamEngine {

    /** A filled rectangle at most this thick (points) is a border line, a thicker one a shaded cell. */
    private static final float MAX_THICKNESS = 2.5f;
    /** Segments shorter than this (points) are glyph parts or decoration, not borders. */
    private static final float MIN_LENGTH = 6f;

    /** A horizontal ({@code vertical == false}: y fixed, a..b along x) or vertical segment. */
    record Segment(boolean vertical, float at, float from, float to) {

        float length() {
            return to - from;
        }
    }

    private final float left;
    private final float top;
    private final List<Segment> segments = new ArrayList<>();
    private final List<Point2D> path = new ArrayList<>();
    private final List<Integer> subpathStarts = new ArrayList<>();
    private final List<Point2D[]> rectangles = new ArrayList<>();
    private Point2D current;
    private boolean image;

    private PdfRulings(PDPage page) {
        super(page);
        PDRectangle box = page.getCropBox();
        this.left = box.getLowerLeftX();
        this.top = box.getUpperRightY();
    }

    /** The page's ruling lines and whether it draws an image. */
    record Result(List<Segment> segments, boolean hasImage) {
    }

    static Result of(PDPage page) throws IOException {
        PdfRulings r = new PdfRulings(page);
        r.processPage(page);
        return new Result(merge(r.segments), r.image);
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        rectangles.add(new Point2D[] {p0, p1, p2, p3});
        subpathStarts.add(path.size());
        path.add(p0);
        path.add(p1);
        path.add(p2);
        path.add(p3);
        path.add(p0);
        current = p0;
    }

    @Override
    public void drawImage(PDImage pdImage) {
        image = true;
    }

    @Override
    public void clip(int windingRule) {
        // clipping paths are not drawn
    }

    @Override
    public void moveTo(float x, float y) {
        subpathStarts.add(path.size());
        current = new Point2D.Float(x, y);
        path.add(current);
    }

    @Override
    public void lineTo(float x, float y) {
        if (path.isEmpty()) {
            moveTo(x, y);
            return;
        }
        current = new Point2D.Float(x, y);
        path.add(current);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        // a curve breaks the straight line it is part of
        subpathStarts.add(path.size());
        current = new Point2D.Float(x3, y3);
        path.add(current);
    }

    @Override
    public Point2D getCurrentPoint() {
        return current;
    }

    @Override
    public void closePath() {
        if (!subpathStarts.isEmpty() && !path.isEmpty()) {
            path.add(path.get(subpathStarts.get(subpathStarts.size() - 1)));
        }
    }

    @Override
    public void endPath() {
        reset();
    }

    @Override
    public void strokePath() {
        for (int s = 0; s < subpathStarts.size(); s++) {
            int from = subpathStarts.get(s);
            int to = s + 1 < subpathStarts.size() ? subpathStarts.get(s + 1) : path.size();
            for (int i = from + 1; i < to; i++) {
                addLine(path.get(i - 1), path.get(i));
            }
        }
        reset();
    }

    @Override
    public void fillPath(int windingRule) {
        for (Point2D[] r : rectangles) {
            float x0 = (float) Math.min(Math.min(r[0].getX(), r[1].getX()), Math.min(r[2].getX(), r[3].getX()));
            float x1 = (float) Math.max(Math.max(r[0].getX(), r[1].getX()), Math.max(r[2].getX(), r[3].getX()));
            float y0 = (float) Math.min(Math.min(r[0].getY(), r[1].getY()), Math.min(r[2].getY(), r[3].getY()));
            float y1 = (float) Math.max(Math.max(r[0].getY(), r[1].getY()), Math.max(r[2].getY(), r[3].getY()));
            if (y1 - y0 <= MAX_THICKNESS && x1 - x0 >= MIN_LENGTH) {
                add(new Segment(false, top - (y0 + y1) / 2, x0 - left, x1 - left));
            } else if (x1 - x0 <= MAX_THICKNESS && y1 - y0 >= MIN_LENGTH) {
                add(new Segment(true, (x0 + x1) / 2 - left, top - y1, top - y0));
            }
        }
        reset();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        strokePath();
    }

    @Override
    public void shadingFill(COSName shadingName) {
        // shading is colour, not lines
    }

    private void reset() {
        path.clear();
        subpathStarts.clear();
        rectangles.clear();
    }

    private void addLine(Point2D a, Point2D b) {
        float ax = (float) a.getX() - left;
        float bx = (float) b.getX() - left;
        float ay = top - (float) a.getY();
        float by = top - (float) b.getY();
        if (Math.abs(ay - by) <= 1f && Math.abs(ax - bx) >= MIN_LENGTH) {
            add(new Segment(false, (ay + by) / 2, Math.min(ax, bx), Math.max(ax, bx)));
        } else if (Math.abs(ax - bx) <= 1f && Math.abs(ay - by) >= MIN_LENGTH) {
            add(new Segment(true, (ax + bx) / 2, Math.min(ay, by), Math.max(ay, by)));
        }
    }

    private void add(Segment s) {
        if (segments.size() < 20_000) {
            segments.add(s);
        }
    }

    /** Joins collinear segments that touch or overlap (a border drawn cell by cell becomes one line). */
    static List<Segment> merge(List<Segment> in) {
        List<Segment> sorted = new ArrayList<>(in);
        sorted.sort(Comparator.comparing(Segment::vertical).thenComparingDouble(Segment::at)
                .thenComparingDouble(Segment::from));
        List<Segment> out = new ArrayList<>();
        for (Segment s : sorted) {
            Segment last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.vertical() == s.vertical() && Math.abs(last.at() - s.at()) <= 1.5f
                    && s.from() <= last.to() + 2f) {
                out.set(out.size() - 1, new Segment(s.vertical(), last.at(), last.from(), Math.max(last.to(), s.to())));
            } else {
                out.add(s);
            }
        }
        return out;
    }
}
