package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.plans.importing.OutlineLine.Kind;
import vn.dxgov.shared.VietText;

/**
 * Finds recurring reporting duties: "trước ngày 05/12 hằng năm báo cáo kết quả ... gửi Sở Thông tin và Truyền thông",
 * "báo cáo ... trước ngày 30/6 và 15/12 hàng năm", "định kỳ hàng quý báo cáo ...". The reporting agency is the
 * subject of the sentence or the agency heading it stands under ("4. Các sở, ban, ngành cấp tỉnh").
 */
final class ReportingDutyParser {

    /** "trước ngày 30/6 và 15/12", "chậm nhất ngày 05/12": day/month without a year (folded). */
    private static final Pattern DUE = Pattern.compile(
            "(?:truoc|cham nhat(?: la)?|han chot)?\\s*(?:ngay\\s+)?(\\d{1,2})\\s*/\\s*(\\d{1,2})(?!\\s*/\\s*\\d)(?!\\d)");
    private static final Pattern DUE_CONTEXT = Pattern.compile("truoc ngay|cham nhat|ngay\\s+\\d");
    private static final Pattern QUARTERLY = Pattern.compile("hang quy|moi quy|dinh ky quy|tung quy");
    private static final Pattern MONTHLY = Pattern.compile("hang thang|moi thang|dinh ky thang");
    private static final Pattern SEMI_ANNUAL = Pattern.compile("(?:0?6|sau) thang|nua nam|ban nien");
    private static final Pattern ANNUAL = Pattern.compile("hang nam|moi nam|dinh ky nam|thuong nien|cuoi nam");
    private static final Pattern REPORT = Pattern.compile("(?:^|[^a-z])bao cao(?![a-z])");
    /** Words that end the subject of a duty sentence (folded). */
    private static final Pattern SUBJECT_END = Pattern.compile(
            "\\s(?:la co quan|theo chuc nang|co trach nhiem|chu tri|chi dao|xay dung|to chuc|phoi hop|lanh dao"
                    + "|thuc hien|trien khai|can cu|chu dong|dinh ky|truoc ngay|bao cao)(?![a-z])");
    private static final Pattern AGENCY = Pattern.compile(
            "^(so |cac so|ubnd|uy ban|van phong|ban |phong |cac phong|cong an|dai |bao |cac co quan|cac don vi|dang doan"
                    + "|ban can su|truong |trung tam|thanh tra|de nghi|cac hiep hoi|cac doanh nghiep|hoi dong|cac to chuc)");

    private ReportingDutyParser() {
    }

    static List<ReportingDuty> parse(List<TextLine> lines, int from, ImportReport report) {
        List<ReportingDuty> out = new ArrayList<>();
        String headingAgency = null;
        for (int i = from; i < lines.size(); i++) {
            TextLine l = lines.get(i);
            if (l.inTable() || l.footnote()) {
                continue;
            }
            OutlineLine o = OutlineLine.of(l.text(), l.marked());
            String bf = VietText.foldAligned(o.body());
            if (o.kind() == Kind.ROMAN) {
                headingAgency = null;
            }
            boolean agencyHeading = (o.kind() == Kind.NUMBERED || o.kind() == Kind.NONE && l.marked())
                    && AGENCY.matcher(bf).find() && !o.body().endsWith(".") && o.body().length() <= 220;
            if (agencyHeading && !REPORT.matcher(bf).find()) {
                headingAgency = o.body();
                continue;
            }
            if (o.kind() == Kind.NUMBERED && !agencyHeading) {
                headingAgency = null;
            }
            for (String clause : TargetSentenceParser.clauses(o.body())) {
                String cf = VietText.foldAligned(clause);
                if (!REPORT.matcher(cf).find()) {
                    continue;
                }
                List<String> due = dueDates(cf);
                if (due.isEmpty() && TargetSentenceParser.hasQuantity(clause)) {
                    continue; // a target about reports ("100% chế độ báo cáo định kỳ hằng năm ..."), not a duty
                }
                String frequency = frequency(cf, due.size());
                if (frequency == null) {
                    continue;
                }
                String who = subject(o, bf);
                if (who == null) {
                    who = headingAgency;
                }
                out.add(new ReportingDuty(l.line(), TargetSentenceParser.tidy(clause), who, frequency, due));
                report.info(l.line(), "REPORTING_DUTY", "Nghĩa vụ báo cáo " + frequencyName(frequency)
                        + (due.isEmpty() ? "" : " (hạn " + String.join(", ", due) + ")")
                        + (who == null ? "" : " của " + who) + ".", clause);
            }
        }
        return out;
    }

    private static List<String> dueDates(String folded) {
        List<String> out = new ArrayList<>();
        if (!DUE_CONTEXT.matcher(folded).find()) {
            return out;
        }
        Matcher m = DUE.matcher(folded);
        while (m.find()) {
            int d = Integer.parseInt(m.group(1));
            int mo = Integer.parseInt(m.group(2));
            if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12) {
                out.add(String.format("%02d/%02d", d, mo));
            }
        }
        return out;
    }

    private static String frequency(String folded, int dueDates) {
        if (QUARTERLY.matcher(folded).find()) {
            return "QUARTERLY";
        }
        if (MONTHLY.matcher(folded).find()) {
            return "MONTHLY";
        }
        if (SEMI_ANNUAL.matcher(folded).find()) {
            return "SEMI_ANNUAL";
        }
        if (dueDates >= 2) {
            return "SEMI_ANNUAL"; // two day/month deadlines a year ("30/6 và 15/12 hàng năm")
        }
        if (ANNUAL.matcher(folded).find() || dueDates == 1) {
            return "ANNUAL";
        }
        return null;
    }

    /** The agency a numbered paragraph starts with ("3. Ban cán sự đảng UBND tỉnh chỉ đạo ..."), if any. */
    private static String subject(OutlineLine o, String bodyFolded) {
        if (o.kind() != Kind.NUMBERED || !AGENCY.matcher(bodyFolded).find()) {
            return null;
        }
        Matcher end = SUBJECT_END.matcher(bodyFolded);
        if (end.find() && end.start() > 3) {
            return TargetSentenceParser.tidy(o.body().substring(0, end.start()));
        }
        return null;
    }

    static String frequencyName(String frequency) {
        return switch (frequency) {
            case "QUARTERLY" -> "hằng quý";
            case "MONTHLY" -> "hằng tháng";
            case "SEMI_ANNUAL" -> "6 tháng";
            default -> "hằng năm";
        };
    }
}
