package vn.dxgov.plans.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.plans.PlanType;
import vn.dxgov.shared.VietText;

/**
 * Finds citations of documents in a sentence: "Nghị quyết số 06-NQ/TU ngày 10/11/2021 của Ban Thường vụ Tỉnh uỷ",
 * "Quyết định số 4216/QĐ-UBND ngày 06/10/2020 của UBND tỉnh Thanh Hóa", "Nghị quyết số 52-NQ/TW, ngày 27/9/2019 của
 * Bộ Chính trị".
 */
final class DocumentReferenceParser {

    /**
     * kind, "số", the number (may contain spaces around "-" and "/"), optional "ngày d/m/y" or "ngày d tháng m năm y"
     * (also in brackets: "(ngày 22/12/2024)"),
     * optional "của <issuer>" up to "về", "V/v", a comma or the end (folded text).
     */
    private static final Pattern CITATION = Pattern.compile(
            "(nghi quyet|quyet dinh|chuong trinh(?: hanh dong)?|ke hoach|chi thi|ket luan|thong bao|nghi dinh|thong tu|luat|cong van|de an)"
                    + "\\s+(?:so\\s*:?\\s*)?"
                    + "(\\d{1,5}[a-z]?(?:\\s*/\\s*\\d{4})?\\s*[-/]\\s*[a-z0-9đ]+(?:\\s*[-/]\\s*[a-z0-9đ]+){0,3})"
                    + "(?:\\s*,?\\s*\\(?\\s*(?:ban hanh\\s+)?ngay\\s+(\\d{1,2})\\s*(?:/|-|\\.|\\s+thang\\s+)\\s*(\\d{1,2})\\s*(?:/|-|\\.|\\s+nam\\s+)\\s*(\\d{4})\\s*\\)?)?"
                    + "(?:\\s*,?\\s*cua\\s+([^,;:()]+?)(?=\\s+(?:ve|v/v|phe duyet|ban hanh|trien khai|thuc hien|quy dinh)\\s|\\s*[,;:()\"“”]|\\s*$|\\.\\s|\\.$))?");

    private DocumentReferenceParser() {
    }

    /** A citation and where it stands in the text. */
    record Located(DocumentReference reference, int start, int end) {
    }

    static List<DocumentReference> find(String text) {
        return locate(text).stream().map(Located::reference).toList();
    }

    static List<Located> locate(String text) {
        String folded = VietText.foldAligned(text);
        List<Located> out = new ArrayList<>();
        Matcher m = CITATION.matcher(folded);
        while (m.find()) {
            String number = normaliseNumber(text.substring(m.start(2), m.end(2)));
            LocalDate date = null;
            if (m.group(3) != null) {
                date = date(m.group(3), m.group(4), m.group(5));
            }
            String issuer = m.group(6) == null ? null : text.substring(m.start(6), m.end(6)).strip();
            PlanType type = type(m.group(1), number);
            out.add(new Located(new DocumentReference(type, number, date, issuer, text.substring(m.start(), m.end()).strip()),
                    m.start(), m.end()));
        }
        return out;
    }

    static LocalDate date(String d, String mo, String y) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** "16 -NQ/TU" → "16-NQ/TU"; "11507/UBND-KGVX" stays. */
    static String normaliseNumber(String number) {
        return number.strip().replaceAll("\\s*([-/])\\s*", "$1").replaceAll("\\s+", " ");
    }

    /** The plan type a citation names, from its kind word or, failing that, its number's code ("-NQ/", "/QĐ-"). */
    static PlanType type(String kindFolded, String number) {
        PlanType t = switch (kindFolded == null ? "" : kindFolded) {
            case "nghi quyet" -> PlanType.RESOLUTION;
            case "quyet dinh" -> PlanType.DECISION;
            case "ke hoach" -> PlanType.PLAN;
            default -> kindFolded != null && kindFolded.startsWith("chuong trinh") ? PlanType.PROGRAMME : null;
        };
        if (t != null || number == null) {
            return t;
        }
        return typeFromNumber(number);
    }

    static PlanType typeFromNumber(String number) {
        String n = VietText.foldAligned(number);
        if (n.matches(".*[-/]nq([-/].*|$)")) {
            return PlanType.RESOLUTION;
        }
        if (n.matches(".*[-/]qd([-/].*|$)")) {
            return PlanType.DECISION;
        }
        if (n.matches(".*[-/]kh([-/].*|$)")) {
            return PlanType.PLAN;
        }
        if (n.matches(".*[-/](ctr|cthd|ct-ub|ctr-ub)([-/].*|$)")) {
            return PlanType.PROGRAMME;
        }
        return null;
    }
}
