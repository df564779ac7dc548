package vn.dxgov.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.assessment.CriteriaSetDocument.Classification;
import vn.dxgov.assessment.CriteriaSetDocument.Node;
import vn.dxgov.assessment.CriteriaSetDocument.Rule;
import vn.dxgov.assessment.CriteriaSetDocument.Step;
import vn.dxgov.assessment.CriterionInput;
import vn.dxgov.assessment.RuleType;
import vn.dxgov.assessment.SetScore;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.UnitLevel;

/** Every scoring rule on hand-computed cases, the totals, mandatory criteria, classification and the DTI template. */
class ScoringTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static Node criterion(String code, String max, RuleType type, List<Step> steps, Boolean lower) {
        return new Node(code, code, d(max), null, null, new Rule(type, steps, type == RuleType.INDICATOR ? "X" : null, lower),
                null, null);
    }

    static List<Step> steps(String... pairs) {
        return java.util.Arrays.stream(pairs).map(p -> p.split("=")).map(p -> new Step(d(p[0]), d(p[1]))).toList();
    }

    static CriterionInput value(String v) {
        return new CriterionInput(null, d(v), null, null, null);
    }

    static CriterionInput ratio(String a, String b) {
        return new CriterionInput(null, null, d(a), d(b), null);
    }

    static void points(Node c, CriterionInput in, String expected) {
        assertThat(Scoring.points(c, in, null)).as(c.code() + " " + in).isEqualByComparingTo(expected);
    }

    @Test
    void yesNoGivesTheMaximumOrNothing() {
        Node c = criterion("YN", "5", RuleType.YES_NO, null, null);
        points(c, new CriterionInput(true, null, null, null, null), "5");
        points(c, new CriterionInput(false, null, null, null, null), "0");
        points(c, CriterionInput.EMPTY, "0");
        points(c, null, "0");
    }

    @Test
    void stepsGiveTheHighestStepReached() {
        // "4 cuộc họp một năm = 20 điểm, 3 = 15, 2 = 10, 1 = 5"
        Node c = criterion("ST", "20", RuleType.STEPS, steps("4=20", "3=15", "2=10", "1=5"), null);
        points(c, value("4"), "20");
        points(c, value("3"), "15");
        points(c, value("2"), "10");
        points(c, value("1"), "5");
        points(c, value("0"), "0");
        points(c, value("7"), "20");
        points(c, value("2.5"), "10");
        points(c, CriterionInput.EMPTY, "0");
        // steps in any order
        Node shuffled = criterion("ST2", "20", RuleType.STEPS, steps("1=5", "4=20", "2=10", "3=15"), null);
        points(shuffled, value("3"), "15");
    }

    @Test
    void ratioIsNumeratorOverDenominatorTimesTheMaximum() {
        Node c = criterion("RA", "8", RuleType.RATIO, null, null);
        points(c, ratio("7", "9"), "6.22");      // 7 ÷ 9 × 8 = 6.2222…
        points(c, ratio("9", "9"), "8");
        points(c, ratio("3", "4"), "6");
        points(c, ratio("0", "12"), "0");
        points(c, ratio("10", "9"), "8");        // capped at the maximum
        points(c, ratio("5", "0"), "0");         // no denominator: nothing to score
        points(c, CriterionInput.EMPTY, "0");
        assertThat(Scoring.points(criterion("R10", "10", RuleType.RATIO, null, null), ratio("1", "3"), null))
                .isEqualTo(d("3.33"));
    }

    @Test
    void thresholdsCompareAValueOrAPercentage() {
        Node c = criterion("TH", "7", RuleType.THRESHOLDS, steps("80=7", "60=5", "40=3"), null);
        points(c, value("80"), "7");
        points(c, value("79.99"), "5");
        points(c, value("60"), "5");
        points(c, value("45"), "3");
        points(c, value("39.9"), "0");
        points(c, ratio("45", "60"), "5");       // 75 %
        points(c, ratio("48", "60"), "7");       // 80 %
        Node lower = criterion("LO", "5", RuleType.THRESHOLDS, steps("0=5", "1=2"), true);
        points(lower, value("0"), "5");
        points(lower, value("1"), "2");
        points(lower, value("2"), "0");
    }

    @Test
    void indicatorCriteriaReadTheUnitsValue() {
        Node banded = criterion("IN", "10", RuleType.INDICATOR, steps("80=10", "60=7", "40=4"), null);
        assertThat(Scoring.points(banded, null, new Scoring.IndicatorValue(d("65"), null, null, false))).isEqualByComparingTo("7");
        assertThat(Scoring.points(banded, null, null)).isEqualByComparingTo("0");
        Node plain = criterion("IP", "10", RuleType.INDICATOR, null, null);
        // a ratio indicator: 45 ÷ 60 × 10
        assertThat(Scoring.points(plain, null, new Scoring.IndicatorValue(d("75"), d("45"), d("60"), false))).isEqualByComparingTo("7.5");
        // a percentage: 72.5 % of 10
        assertThat(Scoring.points(plain, null, new Scoring.IndicatorValue(d("72.5"), null, null, false))).isEqualByComparingTo("7.25");
        assertThat(Scoring.points(plain, null, new Scoring.IndicatorValue(d("130"), null, null, false))).isEqualByComparingTo("10");
        // a yes/no indicator
        assertThat(Scoring.points(plain, null, new Scoring.IndicatorValue(d("1"), null, null, true))).isEqualByComparingTo("10");
        assertThat(Scoring.points(plain, null, new Scoring.IndicatorValue(d("0"), null, null, true))).isEqualByComparingTo("0");
    }

    @Test
    void manualPointsStayWithinZeroAndTheMaximum() {
        Node c = criterion("MA", "5", RuleType.MANUAL, null, null);
        points(c, new CriterionInput(null, null, null, null, d("3.5")), "3.5");
        points(c, new CriterionInput(null, null, null, null, d("7")), "5");
        points(c, new CriterionInput(null, null, null, null, d("-1")), "0");
        points(c, CriterionInput.EMPTY, "0");
    }

    static CriteriaSetDocument twoCriteria() {
        Node a = new Node("A", "Ký số văn bản", d("50"), true, d("40"), new Rule(RuleType.RATIO, null, null, null), null, null);
        Node b = new Node("B", "Thẩm định", d("50"), null, null, new Rule(RuleType.MANUAL, null, null, null), null, null);
        Node g = new Node("G", "Nhóm", d("100"), null, null, null, null, List.of(a, b));
        return new CriteriaSetDocument("T", 2025, "T", UnitLevel.COMMUNE, null, true, d("100"), List.of(
                new Classification("CHUA_DAT", "Chưa đạt", d("0"), false),
                new Classification("HOAN_THANH", "Hoàn thành chuyển đổi số", d("80"), true),
                new Classification("TRUNG_BINH", "Trung bình", d("50"), false),
                new Classification("KHA", "Khá", d("65"), false)), List.of(g));
    }

    @Test
    void classificationNeedsThePointsAndForTheTopLevelEveryMandatoryCriterion() {
        CriteriaSetDocument doc = twoCriteria();
        SetScore full = Scoring.total(doc, Map.of("A", d("45"), "B", d("40")));
        assertThat(full.total()).isEqualByComparingTo("85");
        assertThat(full.mandatoryMet()).isTrue();
        assertThat(full.classification().code()).isEqualTo("HOAN_THANH");
        assertThat(full.points().get("G")).isEqualByComparingTo("85");

        // 85 points, but the mandatory criterion A needs 40 and has 35: the level below
        SetScore missed = Scoring.total(doc, Map.of("A", d("35"), "B", d("50")));
        assertThat(missed.total()).isEqualByComparingTo("85");
        assertThat(missed.mandatoryMissed()).containsExactly("A");
        assertThat(missed.classification().code()).isEqualTo("KHA");

        assertThat(Scoring.total(doc, Map.of("A", d("40"), "B", d("40"))).classification().code()).isEqualTo("HOAN_THANH");
        assertThat(Scoring.total(doc, Map.of("A", d("40"), "B", d("24.99"))).classification().code()).isEqualTo("TRUNG_BINH");
        assertThat(Scoring.total(doc, Map.of("B", d("10"))).classification().code()).isEqualTo("CHUA_DAT");
        assertThat(Scoring.total(doc, Map.of()).total()).isEqualByComparingTo("0");
    }

    @Test
    void dtiTemplateReproducesAHandComputedDti() throws Exception {
        CriteriaSetDocument dti = CriteriaTemplates.dti();
        assertThat(dti.maxPoints()).isEqualByComparingTo("1000");
        assertThat(dti.topNodes()).extracting(Node::code).containsExactly("I", "II");
        assertThat(dti.criteria()).extracting(Node::code).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(dti.criteria().stream().filter(c -> c.maxPoints().signum() > 0)).hasSize(8);
        assertThat(dti.topNodes().get(0).maxPoints()).isEqualByComparingTo("500");
        assertThat(dti.criteria().get(6).maxPoints()).isEqualByComparingTo("200");
        assertThat(dti.criteria()).allMatch(c -> c.rule().type() == RuleType.MANUAL);

        Map<String, BigDecimal> p = new HashMap<>();
        p.put("1", d("72.50"));
        p.put("2", d("64.25"));
        p.put("3", d("81.00"));
        p.put("4", d("55.75"));
        p.put("5", d("90.10"));
        p.put("7", d("150.40"));
        p.put("8", d("98.40"));
        p.put("9", d("110.70"));
        SetScore s = Scoring.total(dti, p);
        // I = 72.50 + 64.25 + 81.00 + 55.75 + 90.10 = 363.60; II = 150.40 + 98.40 + 110.70 = 359.50
        assertThat(s.points().get("I")).isEqualByComparingTo("363.60");
        assertThat(s.points().get("II")).isEqualByComparingTo("359.50");
        assertThat(s.total()).isEqualByComparingTo("723.10");
        assertThat(s.index()).isEqualByComparingTo("0.7231");              // DTI = 723.10 ÷ 1000
        assertThat(s.ratios().get("2")).isEqualByComparingTo("0.6425");     // 64.25 ÷ 100
        assertThat(s.ratios().get("7")).isEqualByComparingTo("0.752");      // 150.40 ÷ 200
        assertThat(s.ratios().get("8")).isEqualByComparingTo("0.656");      // 98.40 ÷ 150
        assertThat(s.ratios().get("9")).isEqualByComparingTo("0.738");      // 110.70 ÷ 150
        assertThat(s.ratios()).doesNotContainKey("6");                      // Đô thị thông minh: not scored
        assertThat(s.classification()).isNull();
    }

    @Test
    void aMainIndexCanBeBrokenDownIntoComponents() throws Exception {
        CriteriaSetDocument dti = CriteriaTemplates.dti();
        Node one = dti.topNodes().get(0).kids().get(0);
        Node withComponents = new Node(one.code(), one.name(), one.maxPoints(), null, null, null, one.note(), List.of(
                new Node("1.1", "Thành phần 1", d("60"), null, null, new Rule(RuleType.MANUAL, null, null, null), null, null),
                new Node("1.2", "Thành phần 2", d("40"), null, null, new Rule(RuleType.YES_NO, null, null, null), null, null)));
        Node groupI = dti.topNodes().get(0);
        List<Node> kids = new java.util.ArrayList<>(groupI.kids());
        kids.set(0, withComponents);
        CriteriaSetDocument extended = new CriteriaSetDocument(dti.code(), dti.year(), dti.name(), dti.level(),
                dti.description(), dti.example(), dti.maxPoints(), dti.classifications(), List.of(
                new Node(groupI.code(), groupI.name(), groupI.maxPoints(), null, null, null, null, kids), dti.topNodes().get(1)));
        assertThat(CriteriaValidator.validate(extended)).isEmpty();
        SetScore s = Scoring.total(extended, Map.of("1.1", d("45"), "1.2", d("40")));
        assertThat(s.points().get("1")).isEqualByComparingTo("85");
        assertThat(s.ratios().get("1")).isEqualByComparingTo("0.85");
        assertThat(s.index()).isEqualByComparingTo("0.085");
    }

    @Test
    void theValidatorNamesEveryProblem() {
        Node bad = new Node("G", "Nhóm", d("10"), null, null, null, null, List.of(
                new Node("C1", "", d("5"), null, null, new Rule(RuleType.STEPS, null, null, null), null, null),
                new Node("C1", "Trùng", d("4"), null, null, null, null, null)));
        CriteriaSetDocument doc = new CriteriaSetDocument("bad code!", 1990, "x", UnitLevel.COMMUNE, null, null,
                d("12"), List.of(), List.of(bad));
        List<String> problems = CriteriaValidator.validate(doc).stream().map(CriteriaValidator.Issue::asJsonPath).toList();
        assertThat(problems).anyMatch(p -> p.startsWith("code:"))
                .anyMatch(p -> p.startsWith("year:"))
                .anyMatch(p -> p.startsWith("maxPoints:") && p.contains("12"))
                .anyMatch(p -> p.startsWith("nodes[0].maxPoints:") && p.contains("9"))
                .anyMatch(p -> p.startsWith("nodes[0].children[0].name:"))
                .anyMatch(p -> p.startsWith("nodes[0].children[0].rule.steps:"))
                .anyMatch(p -> p.startsWith("nodes[0].children[1].code:") && p.contains("trùng"))
                .anyMatch(p -> p.startsWith("nodes[0].children[1].rule:"));
    }

    @Test
    void theWorkbookRoundTripsAndLocatesErrorsByRowAndColumn() throws Exception {
        CriteriaSetDocument dti = CriteriaTemplates.dti();
        assertThat(CriteriaFiles.readXlsx(CriteriaWorkbookWriter.write(dti))).isEqualTo(dti);
        CriteriaSetDocument doc = twoCriteria();
        CriteriaSetDocument back = CriteriaFiles.readXlsx(CriteriaWorkbookWriter.write(doc));
        assertThat(back.nodes()).isEqualTo(doc.nodes());
        assertThat(back.classifications()).isEqualTo(doc.classifications());

        // break row 3 (criterion A): its maximum becomes text, and its rule unknown
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(CriteriaWorkbookWriter.write(doc)))) {
            var sheet = wb.getSheet(CriteriaFiles.CRITERIA);
            sheet.getRow(2).getCell(3).setCellValue("năm mươi");
            sheet.getRow(2).getCell(6).setCellValue("XYZ");
            sheet.getRow(3).getCell(1).setCellValue("KHONG-CO");
            var out = new java.io.ByteArrayOutputStream();
            wb.write(out);
            assertThatThrownBy(() -> CriteriaFiles.readXlsx(out.toByteArray()))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details())
                            .anyMatch(m -> m.startsWith("Tiêu chí, dòng 3, cột Điểm tối đa") && m.contains("năm mươi"))
                            .anyMatch(m -> m.startsWith("Tiêu chí, dòng 3, cột Quy tắc") && m.contains("XYZ"))
                            .anyMatch(m -> m.startsWith("Tiêu chí, dòng 4, cột Thuộc nhóm") && m.contains("KHONG-CO")));
        }
        assertThatThrownBy(() -> CriteriaFiles.readXlsx("not a workbook".getBytes()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.messageKey()).isEqualTo("assessment.import.notWorkbook"));
    }

    @Test
    void stepsAreWrittenAsText() {
        assertThat(CriteriaValues.steps("4=20; 3=15;2=10\n1=5", "x", new java.util.ArrayList<>()))
                .isEqualTo(steps("4=20", "3=15", "2=10", "1=5"));
        assertThat(CriteriaValues.steps("2,5=7,5", "x", new java.util.ArrayList<>())).isEqualTo(steps("2.5=7.5"));
        List<String> errors = new java.util.ArrayList<>();
        CriteriaValues.steps("4:20", "Tiêu chí, dòng 2, cột Bậc điểm", errors);
        assertThat(errors).singleElement().asString().contains("mức=điểm");
    }

    @Test
    void equalTotalsShareARankAndTheNextIsSkipped() {
        record U(String name, BigDecimal total) {
        }
        List<U> units = List.of(new U("Xã Đông", d("61.5")), new U("Xã An", d("99")), new U("Xã Bình", d("61.50")),
                new U("Xã Cẩm", d("0")), new U("Xã Yên", d("0")));
        var ranked = Ranking.rank(units, U::total, java.util.Comparator.comparing(U::name, vn.dxgov.shared.VietText.collator()));
        assertThat(ranked).extracting(Ranking.Ranked::rank).containsExactly(1, 2, 2, 4, 4);
        assertThat(ranked).extracting(r -> r.item().name()).containsExactly("Xã An", "Xã Bình", "Xã Đông", "Xã Cẩm", "Xã Yên");
        assertThat(Ranking.rank(List.<U>of(), U::total, java.util.Comparator.comparing(U::name))).isEmpty();
    }
}
