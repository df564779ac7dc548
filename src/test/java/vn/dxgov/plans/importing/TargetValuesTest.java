package vn.dxgov.plans.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.TargetKind;

/**
 * The words of target values (value cells of target tables, and goal sentences holding several targets), generated
 * with other numbers, units and subjects so that the rules, not one document, are what is checked.
 */
class TargetValuesTest {

    static Stream<Arguments> valueCells() {
        return Stream.of(
                Arguments.of("≥ 30%", "", TargetKind.PERCENT, Comparison.AT_LEAST, "30", null, "%"),
                Arguments.of("≥ 30%", "% GDP", TargetKind.PERCENT, Comparison.AT_LEAST, "30", null, "% GDP"),
                Arguments.of("tối thiểu 30", "% GRDP", TargetKind.PERCENT, Comparison.AT_LEAST, "30", null, "% GRDP"),
                Arguments.of("ít nhất 1.500", "Doanh nghiệp", TargetKind.COUNT, Comparison.AT_LEAST, "1500", null, "Doanh nghiệp"),
                Arguments.of("trên 80", "%", TargetKind.PERCENT, Comparison.MORE_THAN, "80", null, "%"),
                Arguments.of("> 0,7", "Điểm", TargetKind.COUNT, Comparison.MORE_THAN, "0.7", null, "Điểm"),
                Arguments.of("dưới 5", "%", TargetKind.PERCENT, Comparison.LESS_THAN, "5", null, "%"),
                Arguments.of("< 5%", "", TargetKind.PERCENT, Comparison.LESS_THAN, "5", null, "%"),
                Arguments.of("không quá 10", "Ngày", TargetKind.COUNT, Comparison.AT_MOST, "10", null, "Ngày"),
                Arguments.of("tối đa 3", "Ngày", TargetKind.COUNT, Comparison.AT_MOST, "3", null, "Ngày"),
                Arguments.of("<= 15", "Phút", TargetKind.COUNT, Comparison.AT_MOST, "15", null, "Phút"),
                Arguments.of("khoảng 30", "% GDP", TargetKind.PERCENT, Comparison.AT_LEAST, "30", null, "% GDP"),
                Arguments.of("10 trở lên", "Xã", TargetKind.COUNT, Comparison.AT_LEAST, "10", null, "Xã"),
                Arguments.of("5 trở xuống", "%", TargetKind.PERCENT, Comparison.AT_MOST, "5", null, "%"),
                Arguments.of("≤ 20", "Thứ bậc", TargetKind.RANK, Comparison.AT_MOST, "20", null, "hạng"),
                Arguments.of("15", "Thứ hạng", TargetKind.RANK, Comparison.AT_MOST, "15", null, "hạng"),
                Arguments.of("Top 10 cả nước", "Thứ hạng", TargetKind.RANK, Comparison.AT_MOST, "10", null, "hạng"),
                Arguments.of("30-40%", "", TargetKind.PERCENT, Comparison.AT_LEAST, "30", "40", "%"),
                Arguments.of("từ 30 đến 40%", "", TargetKind.PERCENT, Comparison.AT_LEAST, "30", "40", "%"),
                Arguments.of("2,5", "%/năm", TargetKind.GROWTH_RATE, Comparison.AT_LEAST, "2.5", null, "%/năm"),
                Arguments.of("500", "Tỷ đồng", TargetKind.MONEY, Comparison.AT_LEAST, "500", null, "Tỷ đồng"),
                Arguments.of("Nằm trong nhóm dẫn đầu", "Thứ hạng", TargetKind.YES_NO, Comparison.EQUAL, "1", null, null),
                Arguments.of("Hoàn thành", "", TargetKind.YES_NO, Comparison.EQUAL, "1", null, null));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("valueCells")
    void valueCellWithItsUnit(String cell, String unit, TargetKind kind, Comparison comparison, String value, String max,
                              String storedUnit) {
        List<TableValue.Part> parts = TableValue.read(cell, unit, "Chỉ tiêu");
        assertThat(parts).hasSize(1);
        TableValue.Part p = parts.get(0);
        assertThat(p.kind()).isEqualTo(kind);
        assertThat(p.comparison()).isEqualTo(comparison);
        assertThat(p.value()).isEqualByComparingTo(value);
        assertThat(p.max() == null ? null : p.max().stripTrailingZeros().toPlainString()).isEqualTo(max);
        assertThat(p.unit()).isEqualTo(storedUnit);
        assertThat(p.written()).isEqualTo(cell);
        assertThat(p.qualitative()).isEqualTo(kind == TargetKind.YES_NO);
    }

    @Test
    void severalRanksInOneCellAreOneValueEachWithTheirQualifier() {
        Random random = new Random(57);
        for (int i = 0; i < 20; i++) {
            int region = 1 + random.nextInt(9);
            int world = 20 + random.nextInt(80);
            String cell = "≤ " + region + " ASEAN; ≤ " + world + " thế giới";
            assertThat(TableValue.read(cell, "Thứ bậc", "Xếp hạng"))
                    .extracting(TableValue.Part::written, p -> p.value().intValue(), TableValue.Part::kind)
                    .containsExactly(tuple("≤ " + region + " ASEAN", region, TargetKind.RANK),
                            tuple("≤ " + world + " thế giới", world, TargetKind.RANK));
        }
    }

    /** "A đạt 100%, B đạt tối thiểu 80%; C đạt 50%": three targets, whatever the subjects and numbers. */
    @Test
    void severalTargetsInOneGoalSentenceAreSplitWithTheirValues() {
        Random random = new Random(2045);
        List<String> subjects = List.of("Tỷ lệ hồ sơ xử lý trực tuyến toàn trình", "tỷ lệ thanh toán trực tuyến",
                "tỷ lệ số hóa kết quả giải quyết thủ tục hành chính", "tỷ lệ người dân có danh tính số",
                "tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử");
        for (int i = 0; i < 20; i++) {
            int a = 50 + random.nextInt(51);
            int b = 30 + random.nextInt(61);
            int c = 10 + random.nextInt(81);
            int s = random.nextInt(3);
            String sentence = subjects.get(s) + " đạt " + a + "%, " + subjects.get(s + 1) + " đạt tối thiểu " + b + "%; "
                    + subjects.get(s + 2) + " đạt " + c + "%.";
            ParsedPlan p = plan(sentence);
            assertThat(p.targets()).as(sentence).extracting(t -> t.value().intValue(), ParsedTarget::comparison)
                    .containsExactly(tuple(a, Comparison.AT_LEAST), tuple(b, Comparison.AT_LEAST), tuple(c, Comparison.AT_LEAST));
            assertThat(p.targets().get(1).text()).startsWith(GoalSectionParser.capitalise(subjects.get(s + 1)));
        }
    }

    /** A baseline, a share or per-level values in the sentence qualify its one target: nothing is split off. */
    @Test
    void aBaselineAShareOrLevelsStayWithTheirTarget() {
        Random random = new Random(3);
        for (int i = 0; i < 10; i++) {
            int x = 10 + random.nextInt(40);
            int y = x + 10 + random.nextInt(40);
            assertThat(plan("Năng suất lao động tăng " + x + "% so với năm 2020.").targets()).hasSize(1);
            ParsedPlan share = plan("Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử đạt " + y + "%, trong đó doanh nghiệp nhỏ "
                    + "và vừa đạt " + x + "%.");
            assertThat(share.targets()).extracting(t -> t.value().intValue()).containsExactly(y);
            ParsedPlan shareAfterSemicolon = plan("Tỷ lệ hộ gia đình có cáp quang đạt " + y + "%; trong đó vùng sâu, vùng xa "
                    + "đạt " + x + "%.");
            assertThat(shareAfterSemicolon.targets()).extracting(t -> t.value().intValue()).containsExactly(y);
            ParsedPlan baseline = plan("Tăng tỷ lệ thanh toán trực tuyến từ " + x + "% năm 2023 lên " + y + "%.");
            assertThat(baseline.targets()).extracting(t -> t.value().intValue(), t -> t.baseline().intValue())
                    .containsExactly(tuple(y, x));
            ParsedPlan levels = plan(y + "% cơ quan cấp tỉnh, " + x + "% cấp xã sử dụng văn bản điện tử.");
            assertThat(levels.targets()).hasSize(1);
            assertThat(levels.targets().get(0).splits()).hasSize(2);
        }
    }

    private static ParsedPlan plan(String bullet) {
        return TestDocuments.parse("kh.txt", "KẾ HOẠCH\n\nII. MỤC TIÊU\n\n2. Mục tiêu cụ thể đến năm 2027\n\n- " + bullet
                + "\n\nIII. NHIỆM VỤ\n\n1. Triển khai.\n");
    }
}
