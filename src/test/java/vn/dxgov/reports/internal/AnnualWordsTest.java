package vn.dxgov.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import vn.dxgov.analytics.SplitAssessment;
import vn.dxgov.analytics.StatusAssessment;
import vn.dxgov.analytics.TargetStatus;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanStatus;
import vn.dxgov.plans.PlanType;
import vn.dxgov.reports.AnnualReport;
import vn.dxgov.shared.Pillar;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.SplitLevel;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.targets.TargetSplit;

/**
 * The words of the consolidated report, read back from the .pdf (PDFBox) and the .docx (POI) as a leader reads them:
 * a compound count target with each split's own unit ("xã, phường, thị trấn: ≥ 300 xã", not "≥ 300 huyện, thị xã,
 * thành phố"), ranks as "hạng 12" (not "12 hạng") and "nhóm 10", a title with one "năm" per year, a value after the
 * deadline named as such, no raw pattern or enum name.
 */
class AnnualWordsTest {

    static final String TITLE = "Chương trình hành động thực hiện Nghị quyết số 06-NQ/TU về chuyển đổi số tỉnh "
            + "Thanh Hóa đến năm 2025, định hướng đến năm 2030";

    static Target target(long id, String text, TargetKind kind, Comparison c, String value, String unit, Integer deadline,
                         List<TargetSplit> splits) {
        return new Target(id, 1, (int) id, String.valueOf(id), text, text, kind, c, new BigDecimal(value), unit,
                deadline, null, null, Pillar.DIGITAL_GOVERNMENT, splits, List.of(HandBuiltYear.A), List.of(), null, id);
    }

    static StatusAssessment status(long id, TargetStatus s, String latest, Integer year, List<SplitAssessment> splits,
                                   String after, Integer afterYear) {
        return new StatusAssessment(id, 38, s, null, null, latest == null ? null : new BigDecimal(latest), year, null,
                null, null, null, false, "Nhận định " + id, splits, after == null ? null : new BigDecimal(after),
                afterYear);
    }

    static SplitAssessment split(SplitLevel level, String label, String target, TargetStatus s, String latest) {
        return new SplitAssessment(level, label, null, new BigDecimal(target), s,
                latest == null ? null : new BigDecimal(latest), latest == null ? null : 2024, null, null, null, null,
                false, "…");
    }

    /** The hand-built year (HandBuiltYear) with the plan's full title and five targets whose words went wrong. */
    static PlanYear year() {
        PlanYear base = HandBuiltYear.build(false);
        Plan p = base.plan();
        Plan plan = new Plan(p.id(), PlanStatus.PUBLISHED, PlanType.PROGRAMME, p.number(), TITLE, p.issuer(),
                p.issuedOn(), null, p.provinceCode(), p.provinceName(), 2021, 2025, 2030, null, null, null, null, 0,
                "seed", null, null, null);
        List<Target> targets = new ArrayList<>();
        targets.add(target(1, "Có 06 huyện, thị xã, thành phố trở lên và 300 xã, phường, thị trấn trở lên hoàn thành "
                        + "chuyển đổi số", TargetKind.COUNT, Comparison.AT_LEAST, "6", "huyện, thị xã, thành phố", 2025,
                List.of(new TargetSplit(SplitLevel.DISTRICT, "huyện, thị xã, thành phố", Comparison.AT_LEAST,
                                new BigDecimal("6")),
                        new TargetSplit(SplitLevel.COMMUNE, "xã, phường, thị trấn", Comparison.AT_LEAST,
                                new BigDecimal("300")))));
        targets.add(target(2, "Thanh Hóa trong nhóm 10 tỉnh, thành phố dẫn đầu cả nước về chuyển đổi số",
                TargetKind.RANK, Comparison.AT_MOST, "10", "hạng", 2025, List.of()));
        targets.add(target(3, "Chỉ số DTI của tỉnh xếp thứ 15 trở lên", TargetKind.RANK, Comparison.AT_MOST, "15",
                "hạng", 2025, List.of()));
        targets.add(target(4, "90% hồ sơ cấp tỉnh, 80% cấp huyện được xử lý trên môi trường mạng", TargetKind.PERCENT,
                Comparison.AT_LEAST, "90", "%", 2025, List.of(
                        new TargetSplit(SplitLevel.PROVINCE, "cấp tỉnh", Comparison.AT_LEAST, new BigDecimal("90")),
                        new TargetSplit(SplitLevel.DISTRICT, null, Comparison.AT_LEAST, new BigDecimal("80")))));
        targets.add(target(5, "Năm 2023: 95% cơ quan dùng chữ ký số", TargetKind.PERCENT, Comparison.AT_LEAST, "95",
                "%", 2023, List.of()));
        Map<Long, StatusAssessment> assessed = new LinkedHashMap<>();
        assessed.put(1L, status(1, TargetStatus.NO_DATA, "6", 2024, List.of(
                split(SplitLevel.DISTRICT, "6 huyện", "6", TargetStatus.ACHIEVED, "6"),
                split(SplitLevel.COMMUNE, "300 xã", "300", TargetStatus.NO_DATA, null)), null, null));
        assessed.put(2L, status(2, TargetStatus.AT_RISK, "12", 2024, List.of(), null, null));
        assessed.put(3L, status(3, TargetStatus.ACHIEVED, "14", 2024, List.of(), null, null));
        assessed.put(4L, status(4, TargetStatus.AT_RISK, "85", 2024, List.of(), null, null));
        assessed.put(5L, status(5, TargetStatus.OFF_TRACK, "91", 2023, List.of(), "97", 2024));
        return new PlanYear(plan, base.year(), base.today(), base.asOf(), base.provinceName(), base.provinceType(),
                base.periods(), targets, assessed, List.of(), Map.of(), base.agencies());
    }

    static final AnnualReport REPORT = AnnualReportBuilder.build(year());

    /** Whitespace (line and cell wraps) as single spaces. */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return flat(new PDFTextStripper().getText(doc));
        }
    }

    static String docxText(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            return flat(text.getText());
        }
    }

    /** What must be there and what must not, in any rendering of the report. */
    static void readsRight(String text) {
        assertThat(text).contains(
                "Kết quả thực hiện năm 2024 Chương trình hành động thực hiện Nghị quyết số 06-NQ/TU về chuyển đổi số "
                        + "tỉnh Thanh Hóa đến năm 2025, định hướng đến năm 2030",
                "huyện, thị xã, thành phố: ≥ 6 huyện", "xã, phường, thị trấn: ≥ 300 xã",
                "huyện, thị xã, thành phố: 6 huyện (2024)", "xã, phường, thị trấn: chưa có số liệu",
                "hạng 12 (2024)", "nhóm 10", "hạng 14 (2024)", "hạng 15 trở lên",
                "cấp tỉnh: ≥ 90%", "cấp huyện: ≥ 80%",
                "91% (2023); sau hạn: 97% (2024)");
        assertThat(text).doesNotContain("300 huyện", "huyện, thị xã, thành phố (2024)", "12 hạng", "14 hạng",
                "10 hạng", "Xếp hạng ≤", "năm 2030 năm", "DISTRICT", "COMMUNE", "PROVINCE", "{0}", "??");
        assertThat(text).doesNotContainPattern("năm \\d{4} năm \\d{4}");
    }

    @Test
    void theFiguresSayIt() {
        assertThat(REPORT.header().subtitle()).isEqualTo("Kết quả thực hiện năm 2024 " + TITLE);
        assertThat(REPORT.targets()).extracting(AnnualReport.TargetRow::target).containsExactly(
                "huyện, thị xã, thành phố: ≥ 6 huyện; xã, phường, thị trấn: ≥ 300 xã", "nhóm 10", "hạng 15 trở lên",
                "cấp tỉnh: ≥ 90%; cấp huyện: ≥ 80%", "≥ 95%");
        assertThat(REPORT.targets()).extracting(AnnualReport.TargetRow::current).containsExactly(
                "huyện, thị xã, thành phố: 6 huyện (2024); xã, phường, thị trấn: chưa có số liệu", "hạng 12 (2024)",
                "hạng 14 (2024)", "85% (2024)", "91% (2023); sau hạn: 97% (2024)");
    }

    @Test
    void thePdfReadsRight() throws Exception {
        byte[] pdf = AnnualPdf.render(REPORT);
        AnnualDocumentsTest.dump("words.pdf", pdf);
        readsRight(pdfText(pdf));
    }

    @Test
    void theDocxReadsRight() throws Exception {
        byte[] docx = AnnualDocx.render(REPORT);
        AnnualDocumentsTest.dump("words.docx", docx);
        readsRight(docxText(docx));
    }

    @Test
    void theXlsxReadsRight() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(AnnualXlsx.render(REPORT)))) {
            StringBuilder all = new StringBuilder();
            wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> all.append(cell).append(" | "))));
            readsRight(flat(all.toString()));
        }
    }

    @Test
    void titles() {
        Plan base = year().plan();
        java.util.function.Function<String, Plan> titled = t -> new Plan(1, PlanStatus.PUBLISHED, PlanType.PLAN, null,
                t, null, null, null, "38", "Thanh Hóa", 2021, 2025, null, null, null, null, null, 0, "seed", null,
                null, null);
        assertThat(AnnualReportBuilder.subtitle(titled.apply("Kế hoạch chuyển đổi số năm 2024"), 2024))
                .isEqualTo("Kết quả thực hiện Kế hoạch chuyển đổi số năm 2024");
        assertThat(AnnualReportBuilder.subtitle(titled.apply("Kế hoạch chuyển đổi số giai đoạn 2021 - 2025"), 2024))
                .isEqualTo("Kết quả thực hiện năm 2024 Kế hoạch chuyển đổi số giai đoạn 2021 - 2025");
        assertThat(AnnualReportBuilder.subtitle(titled.apply("Kế hoạch chuyển đổi số tỉnh Thanh Hóa"), 2024))
                .isEqualTo("Kết quả thực hiện Kế hoạch chuyển đổi số tỉnh Thanh Hóa năm 2024");
        assertThat(AnnualReportBuilder.subtitle(base, 2025)).isEqualTo("Kết quả thực hiện năm 2025 " + TITLE);
        assertThat(REPORT.header().intro()).doesNotContainPattern("năm \\d{4} năm \\d{4}");
    }
}
