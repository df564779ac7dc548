package vn.dxgov.plans.importing;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.dxgov.plans.importing.PdfRulings.Segment;

/**
 * The row codes of a scanned table ("1", "2.3", "II", "a"), read again cell by cell. Tesseract reading a whole page
 * drops most one-character codes of a narrow first column as noise and reads "II" as "lÍ"; once the ruling lines give
 * the cells, each code cell that OCR left empty (but that holds ink) or filled with something that is not a code is cut
 * out, padded with white, enlarged when small, and read as a single line with only the characters of codes allowed;
 * common confusions (l, |, Í for I; O for 0 among digits) are corrected there only, never in text cells.
 */
final class PdfCodeCells {

    /** The characters of row codes: digits, Roman numerals, the dot, and lettered items (a, b, c, d, đ, e). */
    static final String ALLOWED = "0123456789IVXivx.abcdđe";
    /** A first column narrower than this share of the table's width is a column of codes (TT, STT). */
    private static final float CODE_COLUMN_SHARE = 0.15f;
    private static final int INK = 140;
    /** A code read again with less confidence than this is a guess forced by the allow-list. */
    private static final float MIN_CONFIDENCE = 50f;
    private static final Pattern CODE = Pattern.compile("^([IVX]{1,6}|\\d{1,3}(?:\\.\\d{1,3}){0,5}|[a-eđ])[.)]?$");
    /** A letter that belongs to no code: the cell holds a word ("TT", "STT"), not a misread code. */
    private static final Pattern WORD_LETTER = Pattern.compile("[\\p{L}&&[^IVXlíÍìÌỊịỈỉĨĩiv|abcdđeoO]]");

    private PdfCodeCells() {
    }

    /** A code cell to read again: its box in points and the words OCR put in it. */
    private record Cell(float x0, float x1, float top, float bottom, List<PdfWord> words) {
    }

    /**
     * Re-reads the doubtful code cells of the ruled tables of a scanned page image (rulings already erased) and returns
     * the page's words with the codes read replacing what the page OCR had in those cells.
     */
    static List<PdfWord> reread(BufferedImage image, float dpi, List<Segment> segments, List<PdfWord> words,
                                TesseractOcr ocr) throws IOException {
        float scale = dpi / 72f;
        List<Cell> cells = new ArrayList<>();
        List<BufferedImage> crops = new ArrayList<>();
        List<int[]> boxes = new ArrayList<>();
        for (List<Segment> grid : PdfRuledTables.grids(segments)) {
            for (Cell cell : codeCells(grid, words)) {
                int[] ink = inkBox(image, cell, scale);
                if (ink != null) {
                    cells.add(cell);
                    boxes.add(ink);
                    crops.add(crop(image, ink));
                }
            }
        }
        if (cells.isEmpty()) {
            return words;
        }
        List<PdfWord> read = ocr.shortTexts(crops, TesseractOcr.LANGUAGE, 7, ALLOWED);
        // single-word mode reads lone digits that single-line mode drops; the English model, without the allow-list
        // (which makes it read nothing), reads a lone 7 that the Vietnamese one cannot
        retry(read, crops, ocr, TesseractOcr.LANGUAGE, 8, ALLOWED);
        retry(read, crops, ocr, "eng", 7, null);
        List<PdfWord> out = new ArrayList<>(words);
        for (int i = 0; i < cells.size(); i++) {
            String code = chosen(read.get(i), code(String.join("", cells.get(i).words().stream().map(PdfWord::text).toList())),
                    bar(image, boxes.get(i)));
            if (code == null) {
                continue;
            }
            int[] b = boxes.get(i);
            Cell c = cells.get(i);
            out.removeAll(c.words());
            float top = b[1] / scale;
            float bottom = b[3] / scale;
            out.add(new PdfWord(code, b[0] / scale, b[2] / scale, top, bottom, (bottom - top) / 0.7f, false,
                    read.get(i).confidence()));
        }
        return out;
    }

    /** Reads again, with another model or mode, the cells where no code was read yet. */
    private static void retry(List<PdfWord> read, List<BufferedImage> crops, TesseractOcr ocr, String language, int psm,
                              String allowed) throws IOException {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            if (code(read.get(i).text()) == null) {
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<PdfWord> again = ocr.shortTexts(missing.stream().map(crops::get).toList(), language, psm, allowed);
        for (int k = 0; k < missing.size(); k++) {
            if (code(again.get(k).text()) != null) {
                read.set(missing.get(k), again.get(k));
            }
        }
    }

    /**
     * The code of a cell: a lone solid stroke is "I"; then the cell read again when Tesseract is fairly sure of it
     * (forced to code characters, it reads "TT" as "7" with confidence 0); else the page's own reading corrected
     * ("lII" for "III", "3:1" for "3.1").
     */
    private static String chosen(PdfWord reread, String pageCode, boolean bar) {
        if (bar) {
            return "I";
        }
        String code = code(reread.text());
        if (code != null && reread.confidence() >= MIN_CONFIDENCE) {
            return code;
        }
        return pageCode;
    }

    /** The first-column cells of a grid whose first column is narrow, that OCR left empty or without a code. */
    private static List<Cell> codeCells(List<Segment> grid, List<PdfWord> words) {
        List<Float> xs = PdfRuledTables.positions(grid.stream().filter(Segment::vertical).map(Segment::at).toList());
        List<Float> ys = PdfRuledTables.positions(grid.stream().filter(s -> !s.vertical()).map(Segment::at).toList());
        List<Cell> out = new ArrayList<>();
        if (xs.size() < 3 || ys.size() < 2) {
            return out;
        }
        float x0 = xs.get(0);
        float x1 = xs.get(1);
        if (x1 - x0 > CODE_COLUMN_SHARE * (xs.get(xs.size() - 1) - x0)) {
            return out;
        }
        for (int b = 0; b + 1 < ys.size(); b++) {
            float top = ys.get(b);
            float bottom = ys.get(b + 1);
            if (bottom - top < 6f || !crossed(grid, x1, (top + bottom) / 2)) {
                continue;
            }
            List<PdfWord> in = words.stream().filter(w -> w.centreX() > x0 && w.centreX() < x1
                    && w.centreY() > top && w.centreY() < bottom).toList();
            String text = String.join("", in.stream().map(PdfWord::text).toList());
            if (CODE.matcher(text).matches() || WORD_LETTER.matcher(text).find() && !text.matches(".*\\d.*")) {
                continue;
            }
            out.add(new Cell(x0, x1, top, bottom, in));
        }
        return out;
    }

    private static boolean crossed(List<Segment> grid, float x, float y) {
        for (Segment s : grid) {
            if (s.vertical() && Math.abs(s.at() - x) <= 3f && s.from() <= y && s.to() >= y) {
                return true;
            }
        }
        return false;
    }

    /** The box (pixels: left, top, right, bottom) of the ink inside the cell, away from its erased borders. */
    private static int[] inkBox(BufferedImage image, Cell cell, float scale) {
        int inset = Math.max(4, Math.round(scale * 2.5f));
        int left = Math.round(cell.x0() * scale) + inset;
        int right = Math.min(image.getWidth(), Math.round(cell.x1() * scale) - inset);
        int top = Math.round(cell.top() * scale) + inset;
        int bottom = Math.min(image.getHeight(), Math.round(cell.bottom() * scale) - inset);
        if (right - left < 4 || bottom - top < 4) {
            return null;
        }
        Raster r = image.getRaster();
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        int dark = 0;
        int[] row = new int[right - left];
        for (int y = top; y < bottom; y++) {
            r.getSamples(left, y, right - left, 1, 0, row);
            for (int x = 0; x < row.length; x++) {
                if (row[x] < INK) {
                    dark++;
                    minX = Math.min(minX, left + x);
                    maxX = Math.max(maxX, left + x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        // a few dark pixels are dust or the rest of a border, not a character
        return dark < Math.max(6, Math.round(scale * scale)) ? null : new int[] {minX, minY, maxX + 1, maxY + 1};
    }

    /**
     * True when the ink is one solid upright stroke: a sans-serif capital I, which Tesseract reads as "1" or not at
     * all (a "1" has a flag, and usually a foot, so it fills much less of its box).
     */
    private static boolean bar(BufferedImage image, int[] box) {
        int w = box[2] - box[0];
        int h = box[3] - box[1];
        if (w <= 0 || h <= 0 || w > 0.35f * h) {
            return false;
        }
        int[] px = image.getRaster().getSamples(box[0], box[1], w, h, 0, new int[w * h]);
        int dark = 0;
        for (int v : px) {
            if (v < INK) {
                dark++;
            }
        }
        return dark >= 0.85f * w * h;
    }

    /** The ink cut out with a white margin, enlarged so that its letters are about 40 pixels high. */
    private static BufferedImage crop(BufferedImage image, int[] box) {
        int w = box[2] - box[0];
        int h = box[3] - box[1];
        float zoom = h < 40 ? Math.min(4f, 40f / h) : 1f;
        int zw = Math.round(w * zoom);
        int zh = Math.round(h * zoom);
        int margin = Math.max(20, zh / 2);
        BufferedImage out = new BufferedImage(zw + 2 * margin, zh + 2 * margin, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(image.getSubimage(box[0], box[1], w, h), margin, margin, zw, zh, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * The code a code cell's text stands for, confusions corrected (l, |, Í, í, i for I in a Roman numeral; O, o for
     * 0 among digits; a final dot dropped), or null when it is not a code.
     */
    static String code(String text) {
        String t = text == null ? "" : text.replaceAll("\\s+", "");
        if (t.isEmpty()) {
            return null;
        }
        if (t.matches("[lI|ÍíìÌỊịỈỉĨĩi1VvXx]+") && !t.matches("\\d+")) {
            t = t.replaceAll("[l|ÍíìÌỊịỈỉĨĩi1]", "I").replace('v', 'V').replace('x', 'X');
        } else if (t.matches("[\\dOo.:,]+") && t.matches(".*\\d.*")) {
            t = t.replace('O', '0').replace('o', '0').replace(':', '.').replace(',', '.');
        }
        var m = CODE.matcher(t);
        if (!m.matches()) {
            return null;
        }
        String c = m.group(1);
        return Character.isUpperCase(c.charAt(0)) && !RomanNumerals.isRoman(c) ? null : c;
    }
}
