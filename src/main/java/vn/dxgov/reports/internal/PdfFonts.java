package vn.dxgov.reports.internal;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The TrueType fonts embedded in PDF reports: Liberation Serif (metric-compatible with Times New Roman, with every
 * Vietnamese letter) from the {@code com.github.librepdf:openpdf-fonts-extra} jar on the classpath, so that the PDF
 * never depends on the fonts installed on the server.
 */
final class PdfFonts {

    static final String REGULAR = "liberation/LiberationSerif-Regular.ttf";
    static final String BOLD = "liberation/LiberationSerif-Bold.ttf";
    static final String ITALIC = "liberation/LiberationSerif-Italic.ttf";
    static final String BOLD_ITALIC = "liberation/LiberationSerif-BoldItalic.ttf";

    private static volatile PdfFonts loaded;

    final BaseFont regular;
    final BaseFont bold;
    final BaseFont italic;
    final BaseFont boldItalic;

    private PdfFonts() {
        regular = load(REGULAR);
        bold = load(BOLD);
        italic = load(ITALIC);
        boldItalic = load(BOLD_ITALIC);
    }

    static PdfFonts get() {
        PdfFonts f = loaded;
        if (f == null) {
            synchronized (PdfFonts.class) {
                if (loaded == null) {
                    loaded = new PdfFonts();
                }
                f = loaded;
            }
        }
        return f;
    }

    private static BaseFont load(String resource) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is not on the classpath (openpdf-fonts-extra)");
            }
            byte[] bytes = in.readAllBytes();
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
