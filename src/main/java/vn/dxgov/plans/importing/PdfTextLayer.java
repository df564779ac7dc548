package vn.dxgov.plans.importing;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The words of one page's text layer with their positions: PDFBox's text stripper merges diacritics and drops the
 * glyphs a bold simulation draws twice; its word pieces are split again on spaces and on gaps, so a word never spans
 * two table cells.
 */
final class PdfTextLayer extends PDFTextStripper {

    private final List<PdfWord> words = new ArrayList<>();

    private PdfTextLayer() {
        setSortByPosition(true);
        setSuppressDuplicateOverlappingText(true);
    }

    /** The words of page {@code pageIndex} (0-based). */
    static List<PdfWord> words(PDDocument doc, int pageIndex) throws IOException {
        PdfTextLayer layer = new PdfTextLayer();
        layer.setStartPage(pageIndex + 1);
        layer.setEndPage(pageIndex + 1);
        layer.getText(doc);
        return layer.words;
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        List<TextPosition> piece = new ArrayList<>();
        TextPosition previous = null;
        for (TextPosition p : positions) {
            String u = p.getUnicode();
            boolean blank = u == null || u.isBlank();
            boolean gap = previous != null && p.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj())
                    > Math.max(previous.getFontSizeInPt(), 1f) * 0.25f;
            if (blank || gap) {
                flush(piece);
            }
            if (!blank) {
                piece.add(p);
            }
            previous = blank ? null : p;
        }
        flush(piece);
    }

    private void flush(List<TextPosition> piece) {
        if (piece.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        float x0 = Float.MAX_VALUE;
        float x1 = -Float.MAX_VALUE;
        float top = Float.MAX_VALUE;
        float bottom = -Float.MAX_VALUE;
        float size = 0;
        boolean bold = true;
        for (TextPosition p : piece) {
            sb.append(p.getUnicode());
            x0 = Math.min(x0, p.getXDirAdj());
            x1 = Math.max(x1, p.getXDirAdj() + p.getWidthDirAdj());
            float fontSize = p.getFontSizeInPt() > 0 ? p.getFontSizeInPt() : p.getHeightDir();
            // baseline minus the font's ascent; PDFBox's glyph height is too small for some fonts
            top = Math.min(top, p.getYDirAdj() - fontSize * 0.8f);
            bottom = Math.max(bottom, p.getYDirAdj() + fontSize * 0.2f);
            size = Math.max(size, fontSize);
            bold &= isBold(p.getFont());
        }
        piece.clear();
        String text = Normalizer.normalize(ligatures(sb.toString()), Normalizer.Form.NFC).strip();
        if (!text.isEmpty()) {
            words.add(new PdfWord(text, x0, x1, top, bottom, size, bold, PdfWord.TEXT_LAYER));
        }
    }

    /** Typographic ligatures (ﬁ, ﬂ, ﬀ...) that fonts substitute are written out as their letters. */
    static String ligatures(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFB00' && c <= '\uFB06') {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
                sb.append(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        String name = font.getName() == null ? "" : font.getName().toLowerCase(Locale.ROOT);
        if (name.contains("bold") || name.contains("black") || name.contains("heavy") || name.contains(",bd")) {
            return true;
        }
        PDFontDescriptor d = font.getFontDescriptor();
        return d != null && (d.isForceBold() || d.getFontWeight() >= 600);
    }
}
