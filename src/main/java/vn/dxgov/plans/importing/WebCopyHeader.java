package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.dxgov.shared.VietText;

/**
 * Undoes what legal-document web sites do to a header when a plan is copied from them: the header table's cells
 * broken over lines at any space ("ỦY" / "BAN NHÂN DÂN", "Số:" / "123/KH-UBND", "Quảng Ngãi, ngày" / "20 tháng 02
 * năm 2024", "Tiền" / "Giang, ngày ..."), and the site's own lines (breadcrumbs, "Tải văn bản", "Văn bản liên quan",
 * "Hiệu lực:", "Lược đồ", "Mục lục"...) that are not part of the document.
 */
final class WebCopyHeader {

    /** Lines of a legal-document site around the copied text (folded). */
    private static final Pattern SITE_NOISE = Pattern.compile(
            "^(tai van ban|tai ve|van ban lien quan|van ban goc|van ban tieng anh|hieu luc\\b|tinh trang hieu luc|luoc do"
                    + "|muc luc$|noi dung toan van|van ban khac|thuoc tinh$|trang chu|dang nhap|dang ky|in van ban|chia se|xem them|tin lien quan"
                    + "|de su dung toan bo tien ich|dang tai noi dung|he thong phap luat$|thu vien phap luat$|!\\[)"
                    + "|\\s[>»›]\\s");
    /** The first lines that can belong to a header. */
    private static final int HEADER_LINES = 45;
    /** A "Số:" line with nothing after it. */
    private static final Pattern NUMBER_LABEL_ALONE = Pattern.compile("^so\\s*[:.]?$");
    /** The line after it: a document number. */
    private static final Pattern NUMBER_START = Pattern.compile("^\\d{1,6}[a-z]?(?:/\\d{4})?\\s*[-/]");
    /** "Quảng Ngãi, ngày" with the date on the next line (folded). */
    private static final Pattern PLACE_DAY_ALONE = Pattern.compile("^[^,\\d]{2,60},\\s*ngay[\\s._…]*(\\d{1,2})?[\\s._…]*$");
    /** The rest of a date: "20 tháng 02 năm 2024" (folded). */
    private static final Pattern DATE_REST = Pattern.compile("^(\\d{1,2}[\\s._…]*)?(thang|/|-)?.*\\d{4}.*$");
    /** A place and date line ("Giang, ngày 07 tháng ..."). */
    private static final Pattern PLACE_DATE = Pattern.compile("^[^,\\d]{2,60},\\s*ngay(?![a-z]).*\\d{4}");

    private WebCopyHeader() {
    }

    static boolean isSiteNoise(String folded) {
        return SITE_NOISE.matcher(folded).find();
    }

    /**
     * The lines with the broken header cells joined: the joined text goes to the first line, the lines it took are
     * left empty, so every line keeps its index.
     */
    static List<TextLine> join(List<TextLine> lines) {
        List<TextLine> out = new ArrayList<>(lines);
        int end = Math.min(lines.size(), HEADER_LINES);
        for (int i = 0; i + 1 < end; i++) {
            TextLine l = out.get(i);
            if (l.folded().isEmpty() || l.inDataTable()) {
                continue;
            }
            int next = nextNonEmpty(out, i + 1, end);
            if (next < 0) {
                break;
            }
            TextLine n = out.get(next);
            if (continues(l, n)) {
                out.set(i, with(l, l.text() + " " + n.text()));
                out.set(next, with(n, ""));
                i--; // the joined line may go on again ("Vĩnh Long, ngày" / "06 tháng 6" / "năm 2022")
            }
        }
        return out;
    }

    private static boolean continues(TextLine l, TextLine n) {
        String f = l.folded();
        String nf = n.folded();
        if (n.inDataTable() || nf.isEmpty()) {
            return false;
        }
        if (NUMBER_LABEL_ALONE.matcher(f).matches()) {
            return NUMBER_START.matcher(nf).find();
        }
        if (PLACE_DAY_ALONE.matcher(f).matches()) {
            return DATE_REST.matcher(nf).matches() && nf.length() < 40;
        }
        if (words(f) <= 2 && !f.matches(".*\\d.*") && PLACE_DATE.matcher(nf).find() && !isSiteNoise(f)
                && Character.isUpperCase(l.text().charAt(0)) && Character.isUpperCase(n.text().charAt(0))) {
            return true; // "Tiền" / "Giang, ngày 07 tháng 12 năm 2022"
        }
        // "ỦY" / "BAN NHÂN DÂN", "CHÍNH" / "PHỦ", "CỘNG" / "HÒA XÃ HỘI ...": a capital fragment that only makes a
        // header line together with the next one
        return words(f) <= 2 && IssuerNames.isUpper(l.text()) && IssuerNames.isUpper(n.text())
                && !IssuerNames.isOrgLine(f) && !headerWords(f)
                && (IssuerNames.isOrgLine(f + " " + nf) || headerWords(f + " " + nf));
    }

    private static boolean headerWords(String folded) {
        return folded.startsWith("cong hoa xa hoi") || folded.startsWith("dang cong san");
    }

    private static int nextNonEmpty(List<TextLine> lines, int from, int end) {
        for (int i = from; i < end; i++) {
            if (!lines.get(i).folded().isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : s.strip().split("\\s+").length;
    }

    private static TextLine with(TextLine l, String text) {
        String t = text.strip();
        return new TextLine(l.index(), l.line(), t, VietText.foldAligned(t), l.marked(), l.footnote(), l.row());
    }
}
