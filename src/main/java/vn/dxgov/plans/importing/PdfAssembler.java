package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.dxgov.shared.VietText;

/**
 * Puts the pages of a PDF together into the blocks of a {@link DocumentText}: page numbers and running headers or
 * footers are dropped, visual lines are joined into paragraphs (a line continues the previous one when its first word
 * would not have fitted there), a table that goes on at the top of the next page is joined to the one that ended the
 * page (its repeated header row dropped, a row broken over the page break put back together).
 */
final class PdfAssembler {

    /** Share of the page height at its top and bottom where running headers, footers and page numbers sit. */
    private static final float MARGIN_ZONE = 0.075f;
    /** "3", "- 3 -", "Trang 3", "3/12" (folded). */
    private static final Pattern PAGE_NUMBER = Pattern.compile("^[-–—]?\\s*(?:trang\\s*)?\\d{1,4}(?:\\s*/\\s*\\d{1,4})?\\s*[-–—]?$");

    private final List<PdfPageLayout> pages;
    private final double lowConfidence;
    private final List<DocumentBlock> blocks = new ArrayList<>();
    private final List<ReadingInfo.LowConfidenceLine> lowLines = new ArrayList<>();
    private final List<PdfLine> paragraph = new ArrayList<>();
    private int paragraphPage;
    private int lastLinePage;
    private float[] lastMargins;
    private List<List<String>> table;
    private int tableIndex = -1;
    private int tableWidth;
    private boolean tableRuled;
    private final List<List<PdfLine>> tableLines = new ArrayList<>();
    private int tablePage;

    private PdfAssembler(List<PdfPageLayout> pages, double lowConfidence) {
        this.pages = pages;
        this.lowConfidence = lowConfidence;
    }

    /** The blocks and the lines OCR read with a confidence below {@code lowConfidence}. */
    record Result(List<DocumentBlock> blocks, List<ReadingInfo.LowConfidenceLine> lowConfidence) {
    }

    static Result assemble(List<PdfPageLayout> pages, double lowConfidence) {
        PdfAssembler a = new PdfAssembler(pages, lowConfidence);
        a.run();
        return new Result(a.blocks, a.lowLines);
    }

    private void run() {
        Map<String, Integer> repeated = repeatedMarginLines();
        int threshold = Math.max(2, (pages.size() + 1) / 2);
        for (PdfPageLayout page : pages) {
            float[] margins = page.margins();
            float gap = typicalGap(page);
            boolean first = true;
            for (PdfItem item : page.items()) {
                if (item instanceof PdfItem.Text t) {
                    if (isMarginLine(page, t.line()) && (PAGE_NUMBER.matcher(VietText.fold(t.line().text())).matches()
                            || repeated.getOrDefault(marginKey(t.line()), 0) >= threshold || scanNoise(t.line()))) {
                        continue;
                    }
                    flushTable();
                    text(page, t.line(), margins, gap);
                } else if (item instanceof PdfItem.Table t) {
                    flushParagraph();
                    table(page, t, first);
                }
                first = false;
            }
        }
        flushParagraph();
        flushTable();
    }

    // ------------------------------------------------------------------ paragraphs

    private void text(PdfPageLayout page, PdfLine line, float[] margins, float gap) {
        if (!paragraph.isEmpty() && !continues(page, line, margins, gap)) {
            flushParagraph();
        }
        if (paragraph.isEmpty()) {
            paragraphPage = page.number();
        }
        paragraph.add(line);
        lastMargins = margins;
        lastLinePage = page.number();
    }

    private boolean continues(PdfPageLayout page, PdfLine line, float[] margins, float gap) {
        PdfLine prev = paragraph.get(paragraph.size() - 1);
        boolean samePage = lastLinePage == page.number();
        if (samePage && line.top() - prev.bottom() > gap + 0.3f * prev.size()) {
            return false;
        }
        if (prev.bold() != line.bold()) {
            return false;
        }
        float[] m = samePage ? margins : lastMargins;
        boolean centred = Math.abs((line.x0() + line.x1()) / 2 - (m[0] + m[1]) / 2) < 4f;
        if (!centred && line.x0() > m[0] + 12f && line.x0() > prev.x0() + 4f) {
            return false;
        }
        return PdfCellText.wrapped(prev, line, m[0], m[1]);
    }

    private void flushParagraph() {
        if (paragraph.isEmpty()) {
            return;
        }
        StringBuilder raw = new StringBuilder();
        boolean bold = true;
        for (PdfLine l : paragraph) {
            raw.append(raw.length() == 0 || PdfCellText.brokenAtHyphen(raw.toString()) ? "" : " ").append(l.text());
            bold &= l.bold();
        }
        String clean = VietText.clean(MarkupCleaner.normalise(raw.toString()));
        if (!clean.isEmpty()) {
            int line = blocks.size() + 1;
            blocks.add(new DocumentBlock.Paragraph(line, clean, raw.toString(), bold, false));
            paragraph.forEach(l -> noteConfidence(line, paragraphPage, l));
        }
        paragraph.clear();
    }

    /** The usual space between two lines of a paragraph on the page: the most common gap between text lines. */
    private static float typicalGap(PdfPageLayout page) {
        List<Float> gaps = new ArrayList<>();
        PdfLine prev = null;
        for (PdfItem i : page.items()) {
            if (i instanceof PdfItem.Text t) {
                if (prev != null && t.line().top() > prev.bottom()) {
                    gaps.add(t.line().top() - prev.bottom());
                }
                prev = t.line();
            } else {
                prev = null;
            }
        }
        if (gaps.isEmpty()) {
            return 4f;
        }
        gaps.sort(Float::compare);
        return gaps.get(gaps.size() / 3);
    }

    // ------------------------------------------------------------------ tables

    private void table(PdfPageLayout page, PdfItem.Table t, boolean firstOnPage) {
        boolean continued = table != null && firstOnPage && page.number() == tablePage + 1
                && t.width() == tableWidth && t.ruled() == tableRuled;
        List<PdfItem.Row> rows = new ArrayList<>(t.rows());
        if (continued) {
            dropRepeatedHeader(rows);
            if (!rows.isEmpty() && brokenRow(rows.get(0))) {
                List<String> last = table.get(table.size() - 1);
                List<String> more = rows.remove(0).cells();
                for (int c = 0; c < last.size() && c < more.size(); c++) {
                    String a = last.get(c);
                    String b = more.get(c);
                    last.set(c, a.isBlank() ? b : b.isBlank() ? a : a + " " + b);
                }
            }
        } else {
            flushTable();
            table = new ArrayList<>();
            tableWidth = t.width();
            tableRuled = t.ruled();
        }
        for (PdfItem.Row r : rows) {
            table.add(new ArrayList<>(r.cells()));
            tableLines.add(r.lines());
        }
        tablePage = page.number();
    }

    /** Rows at the top of a continued table that repeat the table's first rows (Word's "repeat header row"). */
    private void dropRepeatedHeader(List<PdfItem.Row> rows) {
        for (int h = 0; h < Math.min(2, table.size()) && !rows.isEmpty(); h++) {
            if (key(rows.get(0).cells()).equals(key(table.get(h)))) {
                rows.remove(0);
            }
        }
    }

    /** A row at the top of a page whose first cell is empty while the table's rows have codes: the rest of a row. */
    private boolean brokenRow(PdfItem.Row row) {
        if (table.isEmpty() || !row.cells().get(0).isBlank()) {
            return false;
        }
        List<String> last = table.get(table.size() - 1);
        return !last.get(0).isBlank() && last.stream().filter(c -> !c.isBlank()).count() >= 2;
    }

    private static String key(List<String> cells) {
        return VietText.fold(String.join("|", cells)).replaceAll("\\s+", " ");
    }

    private void flushTable() {
        if (table == null) {
            return;
        }
        tableIndex++;
        for (int r = 0; r < table.size(); r++) {
            List<String> cells = new ArrayList<>();
            StringBuilder raw = new StringBuilder();
            for (String c : table.get(r)) {
                List<String> lines = new ArrayList<>();
                for (String part : c.split("\n")) {
                    String clean = VietText.clean(MarkupCleaner.normalise(part));
                    if (!clean.isEmpty()) {
                        lines.add(clean);
                    }
                }
                cells.add(String.join("\n", lines));
                raw.append(raw.length() == 0 ? "" : "\t").append(c.replace('\n', ' '));
            }
            int line = blocks.size() + 1;
            blocks.add(new DocumentBlock.Row(line, tableIndex, cells, raw.toString()));
            for (PdfLine l : tableLines.get(r)) {
                noteConfidence(line, tablePage, l);
            }
        }
        table = null;
        tableLines.clear();
    }

    // ------------------------------------------------------------------ margins and confidence

    private static boolean isMarginLine(PdfPageLayout page, PdfLine line) {
        return line.bottom() < page.height() * MARGIN_ZONE * 1.3f || line.top() > page.height() * (1 - MARGIN_ZONE);
    }

    /**
     * A scrap OCR read with low confidence in a page's margin: a page number or a mark it could not read ("để" for
     * "- 12 -"); kept, it would cut a table continued from the page before.
     */
    private boolean scanNoise(PdfLine line) {
        double conf = line.words().stream().mapToDouble(PdfWord::confidence).average().orElse(100);
        return line.words().stream().allMatch(PdfWord::fromOcr) && conf < lowConfidence
                && line.text().replaceAll("[^\\p{L}\\p{N}]", "").length() <= 4;
    }

    /** A margin line's text with digits blurred, so "Trang 2" and "Trang 3" count as the same running line. */
    private static String marginKey(PdfLine line) {
        return VietText.fold(line.text()).replaceAll("\\d+", "#");
    }

    private Map<String, Integer> repeatedMarginLines() {
        Map<String, Integer> counts = new HashMap<>();
        for (PdfPageLayout page : pages) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (PdfItem i : page.items()) {
                if (i instanceof PdfItem.Text t && isMarginLine(page, t.line()) && seen.add(marginKey(t.line()))) {
                    counts.merge(marginKey(t.line()), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private void noteConfidence(int line, int page, PdfLine l) {
        Double c = l.confidence();
        if (c != null && c < lowConfidence) {
            lowLines.add(new ReadingInfo.LowConfidenceLine(line, page, l.text(), Math.round(c * 10) / 10.0));
        }
    }
}
