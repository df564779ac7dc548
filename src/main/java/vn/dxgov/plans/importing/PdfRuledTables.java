package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import vn.dxgov.plans.importing.PdfRulings.Segment;

/**
 * Tables drawn with ruling lines: the lines that cross each other form a grid; its column boundaries are the vertical
 * lines, its rows the bands between horizontal lines. A band whose vertical lines stop (a merged cell) gives its text
 * to the first column it covers; a band holding several rows (borders only around the table) is cut again by
 * {@link PdfRowSplitter}.
 */
final class PdfRuledTables {

    /** Lines closer than this (points) meet. */
    private static final float TOUCH = 3f;

    private PdfRuledTables() {
    }

    /** Finds the ruled tables of a page, removing the words read into them from {@code words}. */
    static List<PdfItem.Table> find(List<Segment> segments, List<PdfWord> words) {
        List<List<Segment>> grids = grids(segments);
        List<PdfItem.Table> tables = new ArrayList<>();
        for (List<Segment> grid : grids) {
            PdfItem.Table t = table(grid, words);
            if (t != null) {
                tables.add(t);
            }
        }
        return tables;
    }

    /** Groups the segments that touch each other (union–find); keeps groups that can be a table. */
    static List<List<Segment>> grids(List<Segment> segments) {
        int n = segments.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (touch(segments.get(i), segments.get(j))) {
                    parent[root(parent, i)] = root(parent, j);
                }
            }
        }
        java.util.Map<Integer, List<Segment>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(segments.get(i));
        }
        List<List<Segment>> out = new ArrayList<>();
        for (List<Segment> g : groups.values()) {
            long h = g.stream().filter(s -> !s.vertical()).count();
            long v = g.stream().filter(Segment::vertical).count();
            if (h >= 2 && v >= 3) {
                out.add(g);
            }
        }
        return out;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static boolean touch(Segment a, Segment b) {
        if (a.vertical() == b.vertical()) {
            return false;
        }
        Segment h = a.vertical() ? b : a;
        Segment v = a.vertical() ? a : b;
        return v.at() >= h.from() - TOUCH && v.at() <= h.to() + TOUCH
                && h.at() >= v.from() - TOUCH && h.at() <= v.to() + TOUCH;
    }

    private static PdfItem.Table table(List<Segment> grid, List<PdfWord> words) {
        List<Float> xs = positions(grid.stream().filter(Segment::vertical).map(Segment::at).toList());
        List<Float> ys = positions(grid.stream().filter(s -> !s.vertical()).map(Segment::at).toList());
        if (xs.size() < 3 || ys.size() < 2) {
            return null;
        }
        float left = xs.get(0);
        float right = xs.get(xs.size() - 1);
        float top = ys.get(0);
        float bottom = ys.get(ys.size() - 1);
        List<PdfWord> inside = new ArrayList<>();
        for (PdfWord w : words) {
            if (w.centreX() > left && w.centreX() < right && w.centreY() > top && w.centreY() < bottom) {
                inside.add(w);
            }
        }
        words.removeAll(Set.copyOf(inside));
        List<PdfItem.Row> rows = new ArrayList<>();
        for (int b = 0; b + 1 < ys.size(); b++) {
            float y0 = ys.get(b);
            float y1 = ys.get(b + 1);
            if (y1 - y0 < 4f) {
                continue;
            }
            List<Float> cuts = cuts(grid, xs, (y0 + y1) / 2);
            List<PdfWord> band = inside.stream().filter(w -> w.centreY() >= y0 && w.centreY() < y1).toList();
            rows.addAll(PdfRowSplitter.rows(band, xs, cuts, true));
        }
        rows.removeIf(PdfItem.Row::blank);
        if (rows.isEmpty()) {
            return null;
        }
        return new PdfItem.Table(rows, xs, true, top, bottom);
    }

    /** The column boundaries of the grid that a vertical line crosses at height {@code y}. */
    private static List<Float> cuts(List<Segment> grid, List<Float> xs, float y) {
        List<Float> cuts = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            float x = xs.get(i);
            boolean crossed = i == 0 || i == xs.size() - 1;
            for (Segment s : grid) {
                if (s.vertical() && Math.abs(s.at() - x) <= TOUCH && s.from() <= y && s.to() >= y) {
                    crossed = true;
                    break;
                }
            }
            if (crossed) {
                cuts.add(x);
            }
        }
        return cuts;
    }

    /** Distinct positions, close ones (a double or thick border) merged. */
    static List<Float> positions(Collection<Float> values) {
        List<Float> sorted = new ArrayList<>(values);
        sorted.sort(Float::compare);
        List<Float> out = new ArrayList<>();
        for (float v : sorted) {
            if (out.isEmpty() || v - out.get(out.size() - 1) > TOUCH) {
                out.add(v);
            }
        }
        return out;
    }
}
