package vn.dxgov.plans.importing;

/**
 * A word on a PDF page, in points from the page's top-left corner (y grows downwards), from the text layer or from
 * OCR.
 *
 * @param confidence OCR confidence 0–100, or {@link #TEXT_LAYER} for a word of the PDF's own text
 */
record PdfWord(String text, float x0, float x1, float top, float bottom, float size, boolean bold, float confidence) {

    static final float TEXT_LAYER = -1f;

    float centreX() {
        return (x0 + x1) / 2;
    }

    float centreY() {
        return (top + bottom) / 2;
    }

    float height() {
        return bottom - top;
    }

    boolean fromOcr() {
        return confidence >= 0;
    }
}
