package vn.dxgov.plans.importing;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.plans.PlanType;

/**
 * The metadata block that legal-document web sites print above a copied document ("Số hiệu: 57-NQ/TW", "Ngày ban
 * hành: 22/12/2024", "Cơ quan ban hành: Bộ Chính trị", "Loại văn bản: Nghị quyết"), as "label: value" on one line or
 * as a two-cell row. Only a fallback for what the document's own header does not say.
 */
record SiteMetadata(String number, LocalDate issuedOn, String issuedOnText, String issuer, PlanType type, int line) {

    private static final Pattern LABEL = Pattern.compile(
            "^[-•*\\s]*(so hieu|so ky hieu|ngay ban hanh|co quan ban hanh|co quan bh|noi ban hanh|loai van ban)\\s*:?\\s*(.*)$");
    private static final Pattern NUMBER = Pattern.compile("^\\d{1,6}[a-z]?(?:/\\d{4})?[-/][\\p{L}\\d&/.-]*[\\p{L}\\d]");
    private static final Pattern DATE = Pattern.compile("^(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})");
    private static final int SEARCHED_LINES = 60;

    /** A line of a metadata row ("| Loại văn bản | Kế hoạch |"): never the document's heading or title. */
    static boolean isMetadataRow(TextLine l) {
        if (l.row() == null) {
            return false;
        }
        for (String cell : l.row().cells()) {
            if (LABEL.matcher(vn.dxgov.shared.VietText.foldAligned(cell.strip())).matches()) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return number == null && issuedOn == null && issuer == null && type == null;
    }

    /** The metadata block in the first lines, or an empty one. */
    static SiteMetadata find(List<TextLine> lines) {
        String number = null;
        LocalDate date = null;
        String dateText = null;
        String issuer = null;
        PlanType type = null;
        int at = 0;
        for (int i = 0; i < Math.min(lines.size(), SEARCHED_LINES); i++) {
            TextLine l = lines.get(i);
            Matcher m = LABEL.matcher(l.folded());
            if (!m.matches()) {
                continue;
            }
            String value = l.text().substring(m.start(2)).strip();
            if (value.isEmpty() && i + 1 < lines.size() && lines.get(i + 1).row() != null && lines.get(i + 1).row() == l.row()) {
                value = lines.get(i + 1).text().strip(); // "| Số hiệu | 186/KH-UBND |": the value is the next cell
            }
            if (value.isEmpty()) {
                continue;
            }
            at = at == 0 ? l.line() : at;
            switch (m.group(1)) {
                case "so hieu", "so ky hieu" -> {
                    Matcher n = NUMBER.matcher(DocumentReferenceParser.normaliseNumber(value).replaceFirst("^(?i)số\\s*", ""));
                    number = number == null && n.find() ? n.group() : number;
                }
                case "ngay ban hanh" -> {
                    Matcher d = DATE.matcher(value);
                    if (date == null && d.find()) {
                        date = DocumentReferenceParser.date(d.group(1), d.group(2), d.group(3));
                        dateText = d.group();
                    }
                }
                case "loai van ban" -> type = type == null ? DocumentReferenceParser.type(kind(value), null) : type;
                default -> issuer = issuer == null ? value : issuer;
            }
        }
        return new SiteMetadata(number, date, dateText, issuer, type, at);
    }

    private static String kind(String value) {
        String f = vn.dxgov.shared.VietText.fold(value);
        for (String k : new String[] {"nghi quyet", "quyet dinh", "chuong trinh", "ke hoach"}) {
            if (f.startsWith(k)) {
                return k;
            }
        }
        return "";
    }
}
