package vn.dxgov.plans.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.dxgov.plans.importing.DocumentLevel;
import vn.dxgov.plans.importing.DocumentReader;
import vn.dxgov.plans.importing.ParsedPlan;
import vn.dxgov.plans.importing.PlanDocumentParser;
import vn.dxgov.security.Role;
import vn.dxgov.support.TestUsers;
import vn.dxgov.units.AdminUnits;

/**
 * Documents of the cascade, written as the real ones are (header block, "Số:", a "Thực hiện ..." sentence, a target
 * list), imported through the importer as the users of two provinces (A = Thanh Hóa 38, B = Thái Nguyên 19) and
 * national users would. Made by each test class (not a bean: its users would otherwise exist in every test context). National documents get their level where the header parser gives it
 * ({@link ParsedPlan#level()}); until that parser lands, {@link #importNational} sets it as the parser will.
 */
class CascadeFixture {

    final PlanImportService importer;
    final TestUsers users;
    final AdminUnits units;
    final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    final String steeringA;
    final String viewerA;
    final String steeringB;
    final String nationalSteering;
    final String nationalLeader;

    CascadeFixture(PlanImportService importer, TestUsers users, AdminUnits units) {
        this.importer = importer;
        this.users = users;
        this.units = units;
        steeringA = users.ensure("cascade-steering-a", run, Role.STEERING, null, "38");
        viewerA = users.ensure("cascade-viewer-a", run, Role.VIEWER, null, "38");
        steeringB = users.ensure("cascade-steering-b", run, Role.STEERING, null, "19");
        nationalSteering = users.ensure("cascade-steering-n", run, Role.STEERING, null, null);
        nationalLeader = users.ensure("cascade-leader-n", run, Role.LEADER, null, null);
    }

    /** A national resolution: "CHÍNH PHỦ / Số: number", a vision, targets as bullets. */
    static String national(String issuerHeader, String number, String date, String title, List<String> targets) {
        String[] d = date.split("/");
        return """
                %s
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Số: %s
                Hà Nội, ngày %s tháng %s năm %s

                NGHỊ QUYẾT
                %s

                I. MỤC TIÊU
                1. Mục tiêu cụ thể
                a) Đến năm 2030:
                %s
                """.formatted(issuerHeader, number, d[0], Integer.parseInt(d[1]), d[2], title, bullets(targets));
    }

    /** A plan of a province's (or a commune's) People's Committee implementing a cited document. */
    static String local(String header, String place, String number, String date, String cited, List<String> targets) {
        String[] d = date.split("/");
        return """
                ỦY BAN NHÂN DÂN
                %s
                Số: %s
                %s, ngày %s tháng %s năm %s

                KẾ HOẠCH
                Thực hiện %s về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số

                Thực hiện %s, Ủy ban nhân dân ban hành Kế hoạch thực hiện như sau:
                I. MỤC TIÊU
                1. Mục tiêu cụ thể
                a) Đến năm 2030:
                %s
                """.formatted(header, number, place, d[0], Integer.parseInt(d[1]), d[2], cited, cited, bullets(targets));
    }

    private static String bullets(List<String> targets) {
        StringBuilder out = new StringBuilder();
        targets.forEach(t -> out.append("- ").append(t).append(".\n"));
        return out.toString();
    }

    /** Imports a national document as a user; the plan id (of the existing one when it was there already). */
    PlanImportService.Outcome importNational(String user, String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ParsedPlan p = new PlanDocumentParser().parse(new DocumentReader().read(name, bytes), new AdminUnitsLexicon(units));
        ParsedPlan national = p.level() == DocumentLevel.NATIONAL ? p
                : new ParsedPlan(p.type(), p.number(), p.title(), p.issuer(), p.issuedOn(), p.issuedOnText(),
                DocumentLevel.NATIONAL, p.provinceName(), p.periodStart(), p.periodEnd(), p.visionYear(),
                p.implementsRef(), p.targets(), p.tasks(), p.reportingDuties(), p.notes());
        return users.as(user, () -> importer.importParsed(name, bytes, national));
    }

    /** Imports a document as a user through the importer, as an upload does. */
    PlanImportService.Outcome importAs(String user, String name, String text) {
        return users.as(user, () -> importer.importDocument(name, text.getBytes(StandardCharsets.UTF_8),
                PlanImportService.Progress.NONE));
    }

    // ---- the documents of the tests

    static final List<String> NATIONAL_TARGETS = List.of(
            "Quy mô kinh tế số đạt tối thiểu 30% GDP",
            "Tỷ lệ người dân có tài khoản thanh toán điện tử đạt trên 80%",
            "Việt Nam thuộc nhóm 3 nước dẫn đầu Đông Nam Á về nghiên cứu và phát triển trí tuệ nhân tạo");

    static String resolution71() {
        return national("CHÍNH PHỦ", "71/NQ-CP", "01/04/2025", "Ban hành Chương trình hành động của Chính phủ về khoa "
                + "học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia", NATIONAL_TARGETS);
    }

    static String planA() {
        return local("TỈNH THANH HÓA", "Thanh Hóa", "95/KH-UBND", "15/05/2025",
                "Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ", List.of(
                        "Kinh tế số chiếm 25% trở lên trong GRDP của tỉnh",
                        "Tỷ lệ dân số có tài khoản thanh toán điện tử từ 80% trở lên",
                        "Có 300 xã, phường hoàn thành chuyển đổi số"));
    }

    static String planB() {
        return local("TỈNH THÁI NGUYÊN", "Thái Nguyên", "120/KH-UBND", "20/05/2025",
                "Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ", List.of(
                        "Phấn đấu kinh tế số chiếm trên 30% GRDP",
                        "Hạ tầng mạng băng rộng cáp quang phủ 100% hộ gia đình"));
    }
}
