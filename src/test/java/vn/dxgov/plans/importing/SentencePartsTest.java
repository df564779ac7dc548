package vn.dxgov.plans.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.dxgov.plans.PlanType;
import vn.dxgov.plans.importing.TargetSentenceParser.Reading;
import vn.dxgov.plans.importing.TimeFrameParser.TimeFrame;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.SplitLevel;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.targets.TargetSplit;
import vn.dxgov.tasks.Recurrence;

/** Numbers, target sentences, time frames and citations, one at a time. */
class SentencePartsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "3.000|3000", "9,6|9.6", "06|6", "1.234,5|1234.5", "100|100", "1.250.000|1250000", "0,5|0.5", "1.300|1300"})
    void vietnameseNumbers(String token, String expected) {
        assertThat(NumberParser.parse(token)).isEqualByComparingTo(new BigDecimal(expected));
    }

    /** Tokens that fit no Vietnamese number are not numbers: "2.5" could be 2,5 or 2.500, so it is not guessed. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2.5", "1.3", "1.23.4", "1,2,3", "12,", "abc"})
    void whatFitsNoGrammarIsNotANumber(String token) {
        assertThat(NumberParser.parse(token)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "100% dịch vụ công trực tuyến mức độ 4|PERCENT|AT_LEAST|100|%",
            "Trên 90% dịch vụ công trực tuyến|PERCENT|MORE_THAN|90|%",
            "Tỷ lệ dân số có tài khoản thanh toán điện tử đạt trên 50%|PERCENT|MORE_THAN|50|%",
            "Có 90% người dân, doanh nghiệp trở lên hài lòng|PERCENT|AT_LEAST|90|%",
            "Dưới 5% hồ sơ bị trả lại|PERCENT|LESS_THAN|5|%",
            "Không quá 10% hồ sơ trực tuyến bị trả lại|PERCENT|AT_MOST|10|%",
            "Tỷ lệ hồ sơ trễ hạn tối đa 2%|PERCENT|AT_MOST|2|%",
            "Kinh tế số chiếm tối thiểu 10% GRDP của tỉnh|PERCENT|AT_LEAST|10|%",
            "Tiếp tục duy trì tỷ lệ hồ sơ mức độ 3, mức độ 4 trên tổng số hồ sơ đạt 100%|PERCENT|AT_LEAST|100|%",
            "Năng suất lao động tăng bình quân hàng năm 9,6% trở lên|GROWTH_RATE|AT_LEAST|9.6|%",
            "Năng suất lao động hàng năm tăng tối thiểu 7%|GROWTH_RATE|AT_LEAST|7|%",
            "Tốc độ tăng trưởng kinh tế số bình quân 20%/năm|GROWTH_RATE|AT_LEAST|20|%",
            "Giảm 30% thủ tục hành chính|PERCENT|AT_LEAST|30|%",
            "Phấn đấu có trên 700 doanh nghiệp số|COUNT|MORE_THAN|700|doanh nghiệp số",
            "Phân đấu có trên 3.000 doanh nghiệp số.|COUNT|MORE_THAN|3000|doanh nghiệp số",
            "Tập trung đầu tư xây dựng 3 đô thị thông minh, gồm: Thành phố A|COUNT|AT_LEAST|3|đô thị thông minh",
            "Có ít nhất 1.200 doanh nghiệp công nghệ số hoạt động|COUNT|AT_LEAST|1200|doanh nghiệp công nghệ số",
            "Doanh thu thương mại điện tử đạt 15.000 tỷ đồng|MONEY|AT_LEAST|15000|tỷ đồng",
            "Thu hút tối thiểu 5 triệu USD vốn đầu tư|MONEY|AT_LEAST|5|triệu USD",
            "Tỉnh Thái Nguyên thuộc nhóm 15 tỉnh, thành phố dẫn đầu về an toàn, an ninh mạng|RANK|AT_MOST|15|hạng",
            "Xếp hạng thứ 5/34 về chỉ số chuyển đổi số cấp tỉnh (DTI)|RANK|AT_MOST|5|hạng",
            "Phổ cập dịch vụ mạng di động 4G/5G và điện thoại di động thông minh|YES_NO|EQUAL|1|",
            "Giai đoạn 2021 - 2025 năng suất lao động tăng bình quân hàng năm 9,6% trở lên|GROWTH_RATE|AT_LEAST|9.6|%"})
    void targetSentences(String text, TargetKind kind, Comparison comparison, String value, String unit) {
        Reading r = TargetSentenceParser.read(text);
        assertThat(r.kind()).isEqualTo(kind);
        assertThat(r.comparison()).isEqualTo(comparison);
        assertThat(r.value()).isEqualByComparingTo(new BigDecimal(value));
        assertThat(r.unit()).isEqualTo(unit);
        assertThat(r.numberUnread()).isFalse();
    }

    @Test
    void baselineAndTarget() {
        Reading r = TargetSentenceParser.read("Tăng tỷ lệ thanh toán trực tuyến từ 45% năm 2020 lên 80% vào năm 2025");
        assertThat(r.kind()).isEqualTo(TargetKind.PERCENT);
        assertThat(r.value()).isEqualByComparingTo("80");
        assertThat(r.baseline()).isEqualByComparingTo("45");
        assertThat(r.baselineYear()).isEqualTo(2020);
        assertThat(r.deadlineYear()).isEqualTo(2025);
    }

    @Test
    void splitsPerLevel() {
        Reading r = TargetSentenceParser.read(
                "90% hồ sơ công việc tại cấp tỉnh, 80% hồ sơ công việc tại cấp huyện và 60% hồ sơ công việc tại cấp xã");
        assertThat(r.value()).isEqualByComparingTo("90");
        assertThat(r.splits()).containsExactly(
                new TargetSplit(SplitLevel.PROVINCE, "cấp tỉnh", Comparison.AT_LEAST, new BigDecimal("90")),
                new TargetSplit(SplitLevel.DISTRICT, "cấp huyện", Comparison.AT_LEAST, new BigDecimal("80")),
                new TargetSplit(SplitLevel.COMMUNE, "cấp xã", Comparison.AT_LEAST, new BigDecimal("60")));
        Reading city = TargetSentenceParser.read("100% cơ quan cấp tỉnh, 95% cấp huyện và 80% cấp xã sử dụng văn bản điện tử");
        assertThat(city.splits()).extracting(TargetSplit::level)
                .containsExactly(SplitLevel.PROVINCE, SplitLevel.DISTRICT, SplitLevel.COMMUNE);
        assertThat(TargetSentenceParser.read("100% hồ sơ thủ tục hành chính của tỉnh").splits()).isEmpty();
    }

    @Test
    void aNumberThatCannotBeReadIsFlagged() {
        Reading r = TargetSentenceParser.read("Vận hành tổng đài 1022 của tỉnh");
        assertThat(r.kind()).isEqualTo(TargetKind.YES_NO);
        assertThat(r.numberUnread()).isTrue();
    }

    @Test
    void clausesAndDeadlines() {
        assertThat(TargetSentenceParser.clauses("A 10%; B (x; y) 20%; C.")).containsExactly("A 10%", "B (x; y) 20%", "C");
        assertThat(TargetSentenceParser.deadline("Phấn đấu đến hết năm 2021, có trên 80%")).isEqualTo(2021);
        assertThat(TargetSentenceParser.deadline("Giai đoạn 2021 - 2025 năng suất")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2022-2025|2022|2025|", "2023 - 2025|2023|2025|", "2022 -2025|2022|2025|", "2026 - 2030|2026|2030|",
            "2022|2022|2022|", "Quý II/2024|2024|2024|", "2022-25|2022|2025|", "Từ 2023 đến 2025|2023|2025|",
            "Hàng năm||ANNUAL|", "Thực hiện hàng năm||ANNUAL|", "hằng năm||ANNUAL|", "Hàng năm (2022-2025)|2022|2025|ANNUAL"})
    void timeFrames(String text, Integer start, String endOrRecurrence, String recurrence) {
        TimeFrame tf = TimeFrameParser.parse(text);
        assertThat(tf.recognised()).isTrue();
        if (start == null) {
            assertThat(tf.startYear()).isNull();
            assertThat(tf.endYear()).isNull();
            assertThat(tf.recurrence()).isEqualTo(Recurrence.ANNUAL);
        } else {
            assertThat(tf.startYear()).isEqualTo(start);
            assertThat(tf.endYear()).isEqualTo(Integer.valueOf(endOrRecurrence));
            assertThat(tf.recurrence()).isEqualTo(recurrence == null ? null : Recurrence.ANNUAL);
        }
    }

    @Test
    void unknownTimeFrames() {
        assertThat(TimeFrameParser.parse("").recognised()).isFalse();
        assertThat(TimeFrameParser.parse("Thường xuyên").recognised()).isFalse();
    }

    @Test
    void citations() {
        assertThat(DocumentReferenceParser.find("Thực hiện Nghị quyết số 06-NQ/TU ngày 10/11/2021 của Ban Thường vụ Tỉnh uỷ về chuyển đổi số"))
                .singleElement().satisfies(r -> {
                    assertThat(r.type()).isEqualTo(PlanType.RESOLUTION);
                    assertThat(r.number()).isEqualTo("06-NQ/TU");
                    assertThat(r.date()).isEqualTo(LocalDate.of(2021, 11, 10));
                    assertThat(r.issuer()).isEqualTo("Ban Thường vụ Tỉnh uỷ");
                });
        assertThat(DocumentReferenceParser.find("theo Nghị định số 45/2020/NĐ-CP ngày 08 tháng 4 năm 2020 của Chính phủ."))
                .singleElement().satisfies(r -> {
                    assertThat(r.type()).isNull();
                    assertThat(r.number()).isEqualTo("45/2020/NĐ-CP");
                    assertThat(r.date()).isEqualTo(LocalDate.of(2020, 4, 8));
                    assertThat(r.issuer()).isEqualTo("Chính phủ");
                });
        assertThat(DocumentReferenceParser.normaliseNumber("16 -NQ/TU")).isEqualTo("16-NQ/TU");
        assertThat(DocumentReferenceParser.typeFromNumber("125/KH-UBND")).isEqualTo(PlanType.PLAN);
    }

    @Test
    void tonePlacementAndProvinceLexicon() {
        assertThat(VietTones.classic("Tỉnh uỷ Thanh Hoá, Khánh Hoà, quý")).isEqualTo("Tỉnh ủy Thanh Hóa, Khánh Hòa, quý");
        ProvinceLexicon lexicon = TestDocuments.provinces();
        assertThat(lexicon.find("TP.Thanh Hoá, ngày tháng năm 2021")).contains("Thanh Hóa");
        assertThat(lexicon.find("Khánh Hoà, ngày 19 tháng 10 năm 2021")).contains("Khánh Hòa");
        assertThat(lexicon.find("Thừa Thiên Huế, ngày 1/1/2021")).contains("Huế");
        assertThat(ProvinceLexicon.of(java.util.List.of("Huế", "Thừa Thiên Huế")).find("tỉnh Thừa Thiên Huế"))
                .contains("Thừa Thiên Huế");
        assertThat(lexicon.find("Cách nấu phở bò")).isEmpty();
    }
}
