package vn.dxgov.dashboard.internal;

import java.util.List;
import java.util.function.Predicate;
import vn.dxgov.shared.VietText;

/**
 * Which {@link ComparedKind} a target's text is of, by keywords on the folded text (no diacritics, lower case), the
 * first rule that matches winning. Pure: no database. A target linked to a national target is classified by the
 * national target's text first ({@link #classify(String, String)}), its own text when that says nothing.
 *
 * <p>Why the order: a sentence often names two things ("100% người dân sử dụng dịch vụ công trực tuyến được định
 * danh"; "hài lòng với dịch vụ công trực tuyến"): what is measured (identity, satisfaction) comes before the service
 * it is measured on; "doanh nghiệp chuyển đổi số" before "doanh nghiệp số".
 */
final class TargetKinds {

    private record Rule(ComparedKind kind, Predicate<String> test) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(ComparedKind.DIGITAL_ECONOMY_SHARE, t -> t.contains("kinh te so")
                    && (t.contains("grdp") || t.contains("gdp"))),
            new Rule(ComparedKind.SATISFACTION, t -> t.contains("hai long")),
            new Rule(ComparedKind.ELECTRONIC_IDENTITY, t -> t.contains("dinh danh")),
            new Rule(ComparedKind.ONLINE_INSPECTION, t -> t.contains("hoat dong kiem tra")),
            new Rule(ComparedKind.ONLINE_WORK_FILES, t -> t.contains("ho so cong viec")
                    || (t.contains("van ban") && t.contains("moi truong mang"))),
            new Rule(ComparedKind.FULL_ONLINE_SERVICES, t -> t.contains("truc tuyen")
                    && (t.contains("toan trinh") || t.contains("muc do 4"))),
            new Rule(ComparedKind.ONLINE_DOSSIER_SHARE, t -> t.contains("ho so") && t.contains("truc tuyen")),
            new Rule(ComparedKind.DIGITAL_SIGNATURE, t -> t.contains("chu ky so")),
            new Rule(ComparedKind.CASHLESS_PAYMENT, t -> t.contains("khong dung tien mat")
                    || t.contains("khong tien mat") || t.contains("thanh toan dien tu")
                    || t.contains("tai khoan thanh toan") || t.contains("thanh toan truc tuyen")),
            new Rule(ComparedKind.DATA_SHARING, t -> t.contains("co so du lieu")
                    && (t.contains("ket noi") || t.contains("chia se"))),
            new Rule(ComparedKind.ENTERPRISE_TRANSFORMATION, t -> t.contains("doanh nghiep chuyen doi so")),
            new Rule(ComparedKind.DIGITAL_ENTERPRISES, t -> t.contains("doanh nghiep so")
                    || t.contains("doanh nghiep cong nghe so")),
            new Rule(ComparedKind.LABOUR_PRODUCTIVITY, t -> t.contains("nang suat lao dong")),
            new Rule(ComparedKind.FIBRE_BROADBAND, t -> t.contains("cap quang") || t.contains("bang rong")),
            new Rule(ComparedKind.MOBILE_NETWORK, t -> t.contains("4g") || t.contains("5g")),
            new Rule(ComparedKind.UNITS_TRANSFORMED, t -> t.contains("hoan thanh chuyen doi so")),
            new Rule(ComparedKind.CYBER_SECURITY, t -> t.contains("an ninh mang") || t.contains("an toan thong tin")));

    private TargetKinds() {
    }

    /** The kind of a target's text; null when it is none of the compared kinds. */
    static ComparedKind classify(String text) {
        String t = VietText.fold(text);
        if (t.isEmpty()) {
            return null;
        }
        for (Rule r : RULES) {
            if (r.test().test(t)) {
                return r.kind();
            }
        }
        return null;
    }

    /** The kind of a target linked to a national target: the national target's, else the target's own. */
    static ComparedKind classify(String nationalText, String ownText) {
        ComparedKind national = nationalText == null ? null : classify(nationalText);
        return national != null ? national : classify(ownText);
    }
}
