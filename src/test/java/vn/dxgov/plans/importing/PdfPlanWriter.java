package vn.dxgov.plans.importing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import vn.dxgov.shared.VietText;

/**
 * Lays a read document out as a PDF the way a word processor exports an administrative document: A4 with 3 cm / 2 cm
 * margins, the header block in two columns (issuer and number left; national motto and place-date right), justified
 * paragraphs with a first-line indent, bold headings, tables with wrapping cells (wide ones on landscape pages), rows
 * broken across pages with the header row repeated, and page numbers at the top from page 2. A DejaVu font (Debian
 * fonts-dejavu-core) carries the Vietnamese letters. {@link #scan} turns a PDF into page images only, as a scanner does.
 */
final class PdfPlanWriter {

    static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    static final String BOLD_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    private static final float LEFT = 85f;
    private static final float RIGHT = 57f;
    private static final float TOP = 57f;
    private static final float BOTTOM = 57f;
    private static final float BODY = 12f;
    private static final float CELL = 10f;
    private static final float PAD = 4f;
    private static final Pattern TYPE_HEADING = Pattern.compile(
            "^(nghi quyet|quyet dinh|chuong trinh( hanh dong)?|ke hoach( hanh dong)?|cong van)$");
    private static final Pattern RIGHT_COLUMN = Pattern.compile("^(cong hoa xa hoi|doc lap)|^[^,]{2,40}, ngay");

    private final boolean rulings;
    private final PDDocument doc = new PDDocument();
    private final PDFont regular;
    private final PDFont bold;
    private PDPageContentStream out;
    private PDRectangle size;
    private float y;
    private int pageCount;

    private PdfPlanWriter(boolean rulings) throws IOException {
        this.rulings = rulings;
        this.regular = PDType0Font.load(doc, new File(FONT));
        this.bold = PDType0Font.load(doc, new File(BOLD_FONT));
    }

    /** The document as a text PDF; tables drawn with ruling lines or, when {@code rulings} is false, without. */
    static byte[] write(DocumentText text, boolean rulings) {
        try {
            PdfPlanWriter w = new PdfPlanWriter(rulings);
            w.newPage(false);
            w.body(text.blocks());
            return w.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void body(List<DocumentBlock> blocks) throws IOException {
        int i = headerBlock(blocks);
        while (i < blocks.size()) {
            if (blocks.get(i) instanceof DocumentBlock.Row r) {
                List<List<String>> rows = new ArrayList<>();
                while (i < blocks.size() && blocks.get(i) instanceof DocumentBlock.Row next && next.table() == r.table()) {
                    rows.add(next.cells());
                    i++;
                }
                new PdfTableWriter(this, rows).write();
            } else if (blocks.get(i) instanceof DocumentBlock.Paragraph p) {
                if (!p.footnote()) {
                    paragraph(p);
                }
                i++;
            }
        }
    }

    /**
     * The header block laid out in two columns: the lines before the first type heading, or (a letter) the lines up to
     * the place-date line and its "V/v ..." subject; returns the index of the first block after it.
     */
    private int headerBlock(List<DocumentBlock> blocks) throws IOException {
        int heading = -1;
        for (int i = 0; i < Math.min(blocks.size(), 12) && heading < 0; i++) {
            if (blocks.get(i) instanceof DocumentBlock.Paragraph p) {
                String f = VietText.fold(p.text());
                if (TYPE_HEADING.matcher(f.replaceAll("[^a-z ]", "").strip()).matches()) {
                    heading = i;
                } else if (f.matches("^[^,]{2,40}, ngay.*")) {
                    heading = i + 1;
                    while (heading < blocks.size() && blocks.get(heading) instanceof DocumentBlock.Paragraph s
                            && VietText.fold(s.text()).matches("^(v/v|ngay|ve viec) .*") && s.text().length() < 60) {
                        heading++;
                    }
                }
            }
        }
        if (heading <= 0) {
            return 0;
        }
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        for (int i = 0; i < heading; i++) {
            if (blocks.get(i) instanceof DocumentBlock.Paragraph p) {
                (RIGHT_COLUMN.matcher(VietText.fold(p.text())).find() ? right : left).add(p.text());
            }
        }
        float width = pageWidth() - LEFT - RIGHT;
        float top = y;
        float leftBottom = column(left, LEFT, LEFT + width * 0.4f, top);
        float rightBottom = column(right, LEFT + width * 0.42f, LEFT + width, top);
        y = Math.max(leftBottom, rightBottom) + BODY;
        return heading;
    }

    private float column(List<String> lines, float x0, float x1, float top) throws IOException {
        float at = top;
        for (String l : lines) {
            for (String part : wrap(l, regular, BODY, x1 - x0)) {
                float w = width(part, regular, BODY);
                text(part, regular, BODY, x0 + (x1 - x0 - w) / 2, at + BODY);
                at += BODY * 1.3f;
            }
        }
        return at;
    }

    private void paragraph(DocumentBlock.Paragraph p) throws IOException {
        if (landscape()) {
            newPage(false);
        }
        String t = p.text();
        boolean caps = t.equals(t.toUpperCase()) && t.chars().anyMatch(Character::isLetter) && t.length() < 90;
        PDFont font = p.heading() ? bold : regular;
        float left = LEFT;
        float right = pageWidth() - RIGHT;
        float indent = caps ? 0 : 28f;
        List<String> lines = wrapFirst(t, font, BODY, right - left - indent, right - left);
        for (int n = 0; n < lines.size(); n++) {
            ensure(BODY * 1.3f);
            String line = lines.get(n);
            float x = left + (n == 0 ? indent : 0);
            float avail = right - x;
            if (caps) {
                text(line, font, BODY, left + (right - left - width(line, font, BODY)) / 2, y + BODY);
            } else if (n + 1 < lines.size()) {
                justified(line, font, BODY, x, avail, y + BODY);
            } else {
                text(line, font, BODY, x, y + BODY);
            }
            y += BODY * 1.3f;
        }
        y += 5f;
    }

    // ------------------------------------------------------------------ shared by the table writer

    float pageWidth() {
        return size.getWidth();
    }

    float left() {
        return LEFT;
    }

    float right() {
        return RIGHT;
    }

    float y() {
        return y;
    }

    void y(float value) {
        y = value;
    }

    float bottom() {
        return size.getHeight() - BOTTOM;
    }

    boolean rulings() {
        return rulings;
    }

    PDFont font(boolean isBold) {
        return isBold ? bold : regular;
    }

    static float cellSize() {
        return CELL;
    }

    static float pad() {
        return PAD;
    }

    boolean landscape() {
        return size.getWidth() > size.getHeight();
    }

    /** Starts a new page unless {@code height} still fits on this one. */
    void ensure(float height) throws IOException {
        if (y + height > bottom()) {
            newPage(landscape());
        }
    }

    void newPage(boolean landscape) throws IOException {
        if (out != null) {
            out.close();
        }
        size = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
        PDPage page = new PDPage(size);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        pageCount++;
        y = TOP;
        if (pageCount > 1) {
            String n = String.valueOf(pageCount);
            text(n, regular, 11f, (size.getWidth() - width(n, regular, 11f)) / 2, 38f);
        }
    }

    void text(String s, PDFont font, float fontSize, float x, float baseline) throws IOException {
        out.beginText();
        out.setFont(font, fontSize);
        out.newLineAtOffset(x, size.getHeight() - baseline);
        out.showText(s);
        out.endText();
    }

    /** Draws the words of a line spread over {@code avail}, as justified text is. */
    void justified(String line, PDFont font, float fontSize, float x, float avail, float baseline) throws IOException {
        String[] words = line.split(" ");
        float total = 0;
        for (String w : words) {
            total += width(w, font, fontSize);
        }
        float gap = words.length > 1 ? (avail - total) / (words.length - 1) : 0;
        float at = x;
        for (String w : words) {
            text(w, font, fontSize, at, baseline);
            at += width(w, font, fontSize) + gap;
        }
    }

    void line(float x0, float y0, float x1, float y1) throws IOException {
        out.setLineWidth(0.6f);
        out.moveTo(x0, size.getHeight() - y0);
        out.lineTo(x1, size.getHeight() - y1);
        out.stroke();
    }

    static float width(String s, PDFont font, float fontSize) throws IOException {
        return font.getStringWidth(s) / 1000f * fontSize;
    }

    static List<String> wrap(String text, PDFont font, float fontSize, float width) throws IOException {
        return wrapFirst(text, font, fontSize, width, width);
    }

    /** Greedy word wrap, the first line narrower (its indent). */
    static List<String> wrapFirst(String text, PDFont font, float fontSize, float first, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && width(candidate, font, fontSize) > (lines.isEmpty() ? first : width)) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private byte[] finish() throws IOException {
        out.close();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        doc.save(bytes);
        doc.close();
        return bytes.toByteArray();
    }

    /** The PDF's pages (all, or those listed, 1-based) rendered at {@code dpi} in grey into an image-only PDF. */
    static byte[] scan(byte[] pdf, float dpi, int... pages) {
        try (PDDocument source = Loader.loadPDF(pdf); PDDocument scan = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(source);
            List<Integer> selected = new ArrayList<>();
            if (pages.length == 0) {
                for (int i = 1; i <= source.getNumberOfPages(); i++) {
                    selected.add(i);
                }
            } else {
                for (int p : pages) {
                    selected.add(p);
                }
            }
            for (int p : selected) {
                PDRectangle box = source.getPage(p - 1).getMediaBox();
                BufferedImage image = renderer.renderImageWithDPI(p - 1, dpi, ImageType.GRAY);
                PDPage page = new PDPage(new PDRectangle(box.getWidth(), box.getHeight()));
                scan.addPage(page);
                PDImageXObject x = JPEGFactory.createFromImage(scan, image, 0.85f);
                try (PDPageContentStream c = new PDPageContentStream(scan, page)) {
                    c.drawImage(x, 0, 0, box.getWidth(), box.getHeight());
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            scan.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
