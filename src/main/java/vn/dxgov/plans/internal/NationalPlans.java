package vn.dxgov.plans.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanStatus;
import vn.dxgov.plans.importing.DocumentLevel;
import vn.dxgov.plans.importing.ParsedPlan;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.VietText;

/**
 * The rules for national documents (Bộ Chính trị, Trung ương, Quốc hội, Chính phủ, Thủ tướng, ministries) on import
 * (see docs/SECURITY.md, "National plans"):
 * <ul>
 *   <li>a document the header parser reads as {@link DocumentLevel#NATIONAL} ({@link ParsedPlan#level()}) is stored
 *   without a province, whoever imports it: a national object every province reads and links to;</li>
 *   <li>any steering official may import one (a province needs the national plan in dxgov to link its own plan to
 *   it); when the same document (same number, issuer agreeing) is already there, the import answers with that plan
 *   instead of making a copy;</li>
 *   <li>imported by a province, it is published at once as a reference: read-only for every province (only national
 *   users review and edit a national object, {@link CurrentUser#maySteer(String)}), so no province changes the
 *   national targets that other provinces link to. Imported by a national user, it is a draft like any plan.</li>
 * </ul>
 */
@Component
class NationalPlans {

    private final PlanRepository plans;
    private final AuditLog audit;
    private final TargetLinks links;

    NationalPlans(PlanRepository plans, AuditLog audit, TargetLinks links) {
        this.plans = plans;
        this.audit = audit;
        this.links = links;
    }

    /** Whether the parsed document is a national one (the header parser's level). */
    static boolean national(ParsedPlan p) {
        return p.level() == DocumentLevel.NATIONAL;
    }

    /**
     * The national plan already in dxgov that this national document is: same document number and issuer (when both
     * give one). Empty for a document that is not national or shows no number.
     */
    Optional<Plan> sameDocument(ParsedPlan p) {
        if (!national(p) || p.number() == null || p.number().isBlank() || CurrentUser.maySteer(null)) {
            // a national user's import of a national document goes on to version recognition (a corrected
            // resolution is a new version of it); the no-copy rule is for the provinces' imports
            return Optional.empty();
        }
        String number = PlanLinks.normaliseNumber(p.number());
        return plans.all().stream()
                .filter(c -> c.provinceCode() == null && c.number() != null && c.status() != PlanStatus.SUPERSEDED)
                .filter(c -> PlanLinks.normaliseNumber(c.number()).equals(number))
                .filter(c -> issuerAgrees(p.issuer(), c.issuer()))
                .min((a, b) -> a.published() != b.published() ? (a.published() ? -1 : 1) : Long.compare(a.id(), b.id()));
    }

    /** The import report's note for a national document that is already there. */
    static ImportReport.Note alreadyThere(Plan existing) {
        return new ImportReport.Note(0, "INFO", "national.existing",
                "Văn bản trung ương " + existing.number() + " đã có trong hệ thống (kế hoạch #" + existing.id()
                        + "); văn bản của tỉnh sẽ liên kết tới bản này, không tạo bản sao.", null);
    }

    /**
     * After a national document is stored: imported by a province, it is published as a reference (read-only for
     * provinces). Returns the import report's notes.
     */
    List<ImportReport.Note> afterStore(long planId) {
        if (CurrentUser.maySteer(null)) {
            return List.of(new ImportReport.Note(0, "INFO", "national.stored",
                    "Văn bản trung ương: lưu không gắn với tỉnh nào; mọi tỉnh đọc được sau khi công bố.", null));
        }
        String who = CurrentUser.username().orElse("system");
        plans.publish(planId, who);
        audit.record("plan.publish.reference", "plan", planId, null,
                Map.of("by", who, "province", CurrentUser.provinceCode().orElse("")));
        return List.of(new ImportReport.Note(0, "INFO", "national.reference",
                "Văn bản trung ương: được công bố ngay làm văn bản tham chiếu cho mọi tỉnh; chỉ người dùng cấp trung ương "
                        + "được sửa. Các kế hoạch của tỉnh có thể liên kết tới văn bản và chỉ tiêu của nó.", null));
    }

    /**
     * After an import has linked the plan into the tree: suggestions of national targets for the plan and for the plans
     * below it (a national plan arriving after the province plans that implement it). Returns the report's note.
     */
    List<ImportReport.Note> suggestTargetLinks(long planId) {
        int made = links.suggestFamily(planId);
        return made == 0 ? List.of() : List.of(new ImportReport.Note(0, "INFO", "targetLinks.suggested",
                made + " liên kết chỉ tiêu tới chỉ tiêu quốc gia được gợi ý; Sở điều hành xác nhận hoặc bác bỏ trên trang "
                        + "\"Liên kết chỉ tiêu quốc gia\" của kế hoạch.", null));
    }

    private static boolean issuerAgrees(String a, String b) {
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            return true;
        }
        String x = VietText.fold(a);
        String y = VietText.fold(b);
        return x.contains(y) || y.contains(x);
    }
}
