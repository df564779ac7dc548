package vn.dxgov.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.dxgov.analytics.TargetStatus;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.TargetKind;

/**
 * The status method on cases computed by hand in docs/METHODS.md (section 4, "Ví dụ tính tay"): the expected
 * numbers below are the ones written there, step by step, not outputs of the code.
 */
class StatusMethodTest {

    static final LocalDate DEC_2024 = LocalDate.of(2024, 12, 15);

    static List<StatusMethod.Point> points(int firstYear, double... values) {
        List<StatusMethod.Point> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new StatusMethod.Point(firstYear + i, values[i], false));
        }
        return out;
    }

    static StatusMethod.Result percent(Comparison c, double target, Integer deadline, Double baseline, Integer baselineYear,
                                       List<StatusMethod.Point> points, LocalDate asOf) {
        return StatusMethod.assess(new StatusMethod.Input(TargetKind.PERCENT, c, target, deadline, baseline, baselineYear,
                points, asOf, "%", false));
    }

    /** METHODS.md 4.1: Thanh Hóa's digital economy, 12.0, 14.1, 16.0, 17.6% of GRDP (2021–2024), "≥ 20% by 2025". */
    @Nested
    class DigitalEconomyShare {

        final StatusMethod.Result r = percent(Comparison.AT_LEAST, 20, 2025, null, null,
                points(2021, 12.0, 14.1, 16.0, 17.6), DEC_2024);

        @Test
        void stepByStep() {
            // x̄ = 2022.5, ȳ = 59.7 / 4 = 14.925, Sxx = 5, Sxy = 9.35, b = 1.87
            // ŷ(2025) = 14.925 + 1.87 × 2.5 = 19.6
            assertThat(r.forecast()).isCloseTo(19.6, within(1e-9));
            // residuals −0.12, 0.11, 0.14, −0.13; SSE = 0.063; s² = 0.0315
            // se = √(0.0315 × (1 + 1/4 + 2.5²/5)) = √0.07875 = 0.280624; t = 1.8856; ± 0.529145
            assertThat(r.low()).isCloseTo(19.0709, within(1e-4));
            assertThat(r.high()).isCloseTo(20.1291, within(1e-4));
            // straight path from the first value 12 (2021) to 20 (2025), at 2024: 12 + 8 × 3/4 = 18
            assertThat(r.expected()).isCloseTo(18, within(1e-9));
            assertThat(r.status()).isEqualTo(TargetStatus.AT_RISK);
            assertThat(r.explanation()).isEqualTo("Có nguy cơ không đạt: năm 2024 17,6%, dự báo năm 2025 19,6% "
                    + "(khoảng 80%: 19,1–20,1), chưa đạt mục tiêu ≥ 20% nhưng mức cao của khoảng dự báo vẫn đạt; "
                    + "theo lộ trình năm 2024 cần 18%.");
        }
    }

    /** METHODS.md 4.2: online dossiers 45% (2021 baseline), 52, 58.5, 63 (2022–2024); deadline 2025. */
    @Nested
    class WorkedExample {

        final List<StatusMethod.Point> values = points(2022, 52.0, 58.5, 63.0);

        StatusMethod.Result target(double v) {
            return percent(Comparison.AT_LEAST, v, 2025, 45.0, 2021, values, DEC_2024);
        }

        @Test
        void leastSquaresForecastAndInterval() {
            StatusMethod.Result r = target(70);
            // x̄ = 2022.5, ȳ = 54.625, Sxx = 5, Sxy = 30.25, b = 6.05, ŷ(2025) = 54.625 + 6.05 × 2.5 = 69.75
            assertThat(r.forecast()).isCloseTo(69.75, within(1e-9));
            // SSE = 1.675, s² = 0.8375, se = √(0.8375 × 2.5) = 1.44698, t(0.90; 2) = 1.8856, ± 2.72842
            assertThat(r.low()).isCloseTo(67.0216, within(1e-4));
            assertThat(r.high()).isCloseTo(72.4784, within(1e-4));
            assertThat(r.method()).isEqualTo("OLS");
            assertThat(r.latest()).isEqualTo(63.0);
            assertThat(r.latestYear()).isEqualTo(2024);
            // straight path 45 (2021) → 70 (2025) at 2024: 45 + 25 × 3/4 = 63.75
            assertThat(r.expected()).isCloseTo(63.75, within(1e-9));
        }

        @Test
        void atRiskWhenOnlyTheHighEndReachesTheTarget() {
            StatusMethod.Result r = target(70);
            assertThat(r.status()).isEqualTo(TargetStatus.AT_RISK);
            assertThat(r.explanation()).isEqualTo("Có nguy cơ không đạt: năm 2024 63%, dự báo năm 2025 69,8% "
                    + "(khoảng 80%: 67–72,5), chưa đạt mục tiêu ≥ 70% nhưng mức cao của khoảng dự báo vẫn đạt; "
                    + "theo lộ trình năm 2024 cần 63,8%.");
        }

        @Test
        void onTrackWhenTheForecastReachesIt() {
            assertThat(target(65).status()).isEqualTo(TargetStatus.ON_TRACK);
        }

        @Test
        void offTrackWhenNotEvenTheHighEndDoes() {
            StatusMethod.Result r = target(75);
            assertThat(r.status()).isEqualTo(TargetStatus.OFF_TRACK);
            assertThat(r.explanation()).startsWith("Chậm tiến độ:").contains("72,5");
        }

        @Test
        void achievedWhenTheLatestValueMeetsIt() {
            StatusMethod.Result r = target(60);
            assertThat(r.status()).isEqualTo(TargetStatus.ACHIEVED);
            assertThat(r.forecast()).isNull();
            assertThat(r.explanation()).isEqualTo("Đã đạt: năm 2024 63%, mục tiêu ≥ 60%.");
        }
    }

    @Nested
    class Boundaries {

        @Test
        void atLeastIsMetByTheTargetItselfButMoreThanIsNot() {
            List<StatusMethod.Point> v = points(2023, 85, 90);
            assertThat(percent(Comparison.AT_LEAST, 90, 2025, null, null, v, DEC_2024).status())
                    .isEqualTo(TargetStatus.ACHIEVED);
            StatusMethod.Result more = percent(Comparison.MORE_THAN, 90, 2025, null, null, v, DEC_2024);
            // two points: slope 5/year, 2025: 90 + 5 = 95, ± 0.5 × 5 × 1 = 2.5
            assertThat(more.status()).isEqualTo(TargetStatus.ON_TRACK);
            assertThat(more.forecast()).isCloseTo(95, within(1e-9));
            assertThat(more.low()).isCloseTo(92.5, within(1e-9));
            assertThat(more.high()).isCloseTo(97.5, within(1e-9));
            assertThat(more.method()).isEqualTo("TWO_POINTS");
        }

        @Test
        void aForecastEqualToTheTargetIsOnTrackForAtLeastAndAtRiskForMoreThan() {
            List<StatusMethod.Point> v = points(2023, 80, 85);
            StatusMethod.Result atLeast = percent(Comparison.AT_LEAST, 90, 2025, null, null, v, DEC_2024);
            assertThat(atLeast.forecast()).isCloseTo(90, within(1e-9));
            assertThat(atLeast.status()).isEqualTo(TargetStatus.ON_TRACK);
            assertThat(percent(Comparison.MORE_THAN, 90, 2025, null, null, v, DEC_2024).status())
                    .isEqualTo(TargetStatus.AT_RISK);
        }

        @Test
        void theTwoPointIntervalWidensWithTheYearsAhead() {
            // 2022: 120, 2023: 190 → slope 70; 2025 is 2 years ahead: 330 ± 0.5 × 70 × 2 = 70
            StatusMethod.Result r = StatusMethod.assess(new StatusMethod.Input(TargetKind.COUNT, Comparison.AT_LEAST,
                    300.0, 2025, null, null, points(2022, 120, 190), LocalDate.of(2024, 6, 30), "xã", false));
            assertThat(r.forecast()).isCloseTo(330, within(1e-9));
            assertThat(r.low()).isCloseTo(260, within(1e-9));
            assertThat(r.high()).isCloseTo(400, within(1e-9));
            assertThat(r.status()).isEqualTo(TargetStatus.ON_TRACK);
            // straight path from the first value 120 (2022) to 300 (2025), at 2023: 120 + 180/3 = 180
            assertThat(r.expected()).isCloseTo(180, within(1e-9));
            assertThat(r.explanation()).contains("330 xã").contains("≥ 300 xã");
        }

        @Test
        void oneValueWithoutBaselineHasNoForecastAndIsAtRisk() {
            StatusMethod.Result r = percent(Comparison.AT_LEAST, 60, 2025, null, null, points(2024, 40), DEC_2024);
            assertThat(r.status()).isEqualTo(TargetStatus.AT_RISK);
            assertThat(r.forecast()).isNull();
            assertThat(r.explanation()).contains("một số liệu");
        }

        @Test
        void oneValueWithABaselineFollowsTheLineFromTheBaseline() {
            // (2020, 20) and (2024, 40): slope 5, 2025: 45 ± 2.5 → even 47.5 misses 60
            StatusMethod.Result r = percent(Comparison.AT_LEAST, 60, 2025, 20.0, 2020, points(2024, 40), DEC_2024);
            assertThat(r.forecast()).isCloseTo(45, within(1e-9));
            assertThat(r.high()).isCloseTo(47.5, within(1e-9));
            assertThat(r.status()).isEqualTo(TargetStatus.OFF_TRACK);
        }

        @Test
        void theDeadlinePassedUnmetIsOffTrack() {
            StatusMethod.Result r = percent(Comparison.AT_LEAST, 90, 2023, null, null, points(2022, 80, 85),
                    LocalDate.of(2024, 3, 1));
            assertThat(r.status()).isEqualTo(TargetStatus.OFF_TRACK);
            assertThat(r.explanation()).isEqualTo("Đã hết thời hạn năm 2023: năm 2023 85%, chưa đạt mục tiêu ≥ 90%.");
            // the deadline year's value is in: no more forecasting
            assertThat(percent(Comparison.AT_LEAST, 90, 2023, null, null, points(2022, 80, 85),
                    LocalDate.of(2023, 12, 20)).status()).isEqualTo(TargetStatus.OFF_TRACK);
        }

        @Test
        void aValueOfTheDeadlineYearBeforeItsLastMonthIsProvisional() {
            // 85% by May 2023 towards ≥ 90% by 2023: the year is not over, at risk rather than off track
            StatusMethod.Result r = percent(Comparison.AT_LEAST, 90, 2023, null, null, points(2022, 80, 85),
                    LocalDate.of(2023, 5, 31));
            assertThat(r.status()).isEqualTo(TargetStatus.AT_RISK);
            assertThat(r.explanation()).isEqualTo("Có nguy cơ không đạt: năm 2023 85% (số liệu trong năm, năm 2023 "
                    + "chưa kết thúc), chưa đạt mục tiêu ≥ 90%.");
            // met already: achieved whatever the month
            assertThat(percent(Comparison.AT_LEAST, 90, 2023, null, null, points(2022, 80, 91),
                    LocalDate.of(2023, 5, 31)).status()).isEqualTo(TargetStatus.ACHIEVED);
        }

        @Test
        void anEqualTargetIsJudgedByDistanceAndByTheInterval() {
            // two points 96, 98 (2023, 2024): 2025 forecast 100 ± 1 → "= 100" on track
            assertThat(percent(Comparison.EQUAL, 100, 2025, null, null, points(2023, 96, 98), DEC_2024).status())
                    .isEqualTo(TargetStatus.ON_TRACK);
            // 90, 94: forecast 98 ± 2 (96–100): 2 from 100 is more than 1, but 100 is inside the interval → at risk
            StatusMethod.Result r = percent(Comparison.EQUAL, 100, 2025, null, null, points(2023, 90, 94), DEC_2024);
            assertThat(r.forecast()).isCloseTo(98, within(1e-9));
            assertThat(r.status()).isEqualTo(TargetStatus.AT_RISK);
            // 80, 84: forecast 88 ± 2: 100 outside → off track
            assertThat(percent(Comparison.EQUAL, 100, 2025, null, null, points(2023, 80, 84), DEC_2024).status())
                    .isEqualTo(TargetStatus.OFF_TRACK);
            // a count "= 50": 40, 51 → forecast 62 ± 5.5 (56.5–67.5): above the target, off track
            StatusMethod.Result count = StatusMethod.assess(new StatusMethod.Input(TargetKind.COUNT, Comparison.EQUAL,
                    50.0, 2025, null, null, points(2023, 40, 51), DEC_2024, "xã", false));
            assertThat(count.forecast()).isCloseTo(62, within(1e-9));
            assertThat(count.status()).isEqualTo(TargetStatus.OFF_TRACK);
            assertThat(count.explanation()).contains("nằm ngoài khoảng dự báo");
        }

        @Test
        void noYearlyValueIsNoData() {
            StatusMethod.Result r = percent(Comparison.AT_LEAST, 90, 2025, 50.0, 2020, List.of(), DEC_2024);
            assertThat(r.status()).isEqualTo(TargetStatus.NO_DATA);
            assertThat(percent(Comparison.AT_LEAST, 90, 2025, null, null, points(2026, 95), DEC_2024).status())
                    .as("values after the day of the assessment do not count").isEqualTo(TargetStatus.NO_DATA);
        }

        @Test
        void percentForecastsStayWithin0And100() {
            StatusMethod.Result r = percent(Comparison.AT_LEAST, 100, 2030, null, null, points(2023, 70, 90), DEC_2024);
            assertThat(r.forecast()).isEqualTo(100.0);
            assertThat(r.high()).isEqualTo(100.0);
        }
    }

    /**
     * METHODS.md 4.6, "After the deadline": a target is judged on the values of its deadline year and before; the
     * latest later value is shown beside the judgement and never changes it.
     */
    @Nested
    class AfterTheDeadline {

        static final LocalDate MARCH_2027 = LocalDate.of(2027, 3, 1);

        @Test
        void aTargetMissedAtTheDeadlineStaysMissedWhenALaterYearMeetsIt() {
            // "≥ 90% by 2025": 80 (2023), 84 (2024), 85 (2025) then 98 (2026). The 2025 value 85 < 90 decides:
            // off track; 98 is a 2026 value, after the deadline
            StatusMethod.Result r = percent(Comparison.AT_LEAST, 90, 2025, null, null, points(2023, 80, 84, 85, 98),
                    MARCH_2027);
            assertThat(r.status()).isEqualTo(TargetStatus.OFF_TRACK);
            assertThat(r.latest()).isEqualTo(85.0);
            assertThat(r.latestYear()).isEqualTo(2025);
            assertThat(r.afterDeadline()).isEqualTo(98.0);
            assertThat(r.afterDeadlineYear()).isEqualTo(2026);
            assertThat(r.forecast()).isNull();
            assertThat(r.explanation()).isEqualTo("Đã hết thời hạn năm 2025: năm 2025 85%, chưa đạt mục tiêu ≥ 90%; "
                    + "sau hạn: năm 2026 đạt 98% (không tính vào đánh giá).");
            // the same on the day the 2026 annual report comes in
            assertThat(percent(Comparison.AT_LEAST, 90, 2025, null, null, points(2023, 80, 84, 85, 98),
                    LocalDate.of(2026, 12, 20)).status()).isEqualTo(TargetStatus.OFF_TRACK);
        }

        @Test
        void aTargetAchievedByTheDeadlineStaysAchievedWhenALaterValueFalls() {
            // 88 (2024), 91 (2025) meets ≥ 90 in the deadline year; 70 in 2026 does not undo it
            StatusMethod.Result r = percent(Comparison.AT_LEAST, 90, 2025, null, null, points(2024, 88, 91, 70),
                    MARCH_2027);
            assertThat(r.status()).isEqualTo(TargetStatus.ACHIEVED);
            assertThat(r.latest()).isEqualTo(91.0);
            assertThat(r.latestYear()).isEqualTo(2025);
            assertThat(r.afterDeadline()).isEqualTo(70.0);
            assertThat(r.afterDeadlineYear()).isEqualTo(2026);
            assertThat(r.explanation()).isEqualTo("Đã đạt: năm 2025 91%, mục tiêu ≥ 90%; sau hạn: năm 2026 đạt 70% "
                    + "(không tính vào đánh giá).");
        }

        @Test
        void nothingReportedByTheDeadlineIsNoDataWhateverCameLater() {
            // only a 2026 value: nobody knows how 2025 ended; the 2025 figure may still be reported late
            StatusMethod.Result r = percent(Comparison.AT_LEAST, 90, 2025, null, null, points(2026, 98), MARCH_2027);
            assertThat(r.status()).isEqualTo(TargetStatus.NO_DATA);
            assertThat(r.latest()).isNull();
            assertThat(r.afterDeadline()).isEqualTo(98.0);
            assertThat(r.afterDeadlineYear()).isEqualTo(2026);
            assertThat(r.explanation()).isEqualTo("Không có số liệu nào đến hết thời hạn năm 2025; sau hạn: năm 2026 "
                    + "đạt 98% (không tính vào đánh giá).");
        }

        @Test
        void withoutAValueOfTheDeadlineYearTheLastOneBeforeItDecides() {
            // 84 (2024), nothing for 2025, 98 (2026): 84 < 90 at the deadline → off track, the missing year named
            StatusMethod.Result r = percent(Comparison.AT_LEAST, 90, 2025, null, null,
                    List.of(new StatusMethod.Point(2024, 84, false), new StatusMethod.Point(2026, 98, false)), MARCH_2027);
            assertThat(r.status()).isEqualTo(TargetStatus.OFF_TRACK);
            assertThat(r.latestYear()).isEqualTo(2024);
            assertThat(r.explanation()).isEqualTo("Đã hết thời hạn năm 2025: năm 2024 84% (không có số liệu năm 2025), "
                    + "chưa đạt mục tiêu ≥ 90%; sau hạn: năm 2026 đạt 98% (không tính vào đánh giá).");
        }

        @Test
        void aRankReachedAfterTheDeadlineDoesNotCount() {
            // "nhóm 10" by 2025: rank 12 in 2025, 8 in 2026
            StatusMethod.Result r = StatusMethod.assess(new StatusMethod.Input(TargetKind.RANK, Comparison.AT_MOST, 10.0,
                    2025, null, null, points(2024, 14, 12, 8), MARCH_2027, "hạng", false));
            assertThat(r.status()).isEqualTo(TargetStatus.OFF_TRACK);
            assertThat(r.latest()).isEqualTo(12.0);
            assertThat(r.explanation()).isEqualTo("Đã hết thời hạn năm 2025: năm 2025 hạng 12, chưa đạt mục tiêu hạng 10 "
                    + "trở lên; sau hạn: năm 2026 đạt hạng 8 (không tính vào đánh giá).");
        }

        @Test
        void growthIsTheMeanOverThePlansYearsOnly() {
            // +8, +9, +11, +9% (2022–2025), then +30% in 2026: 1.08 × 1.09 × 1.11 × 1.09 = 1.42429428,
            // ⁴√1.42429428 − 1 = 9.2446% < 9.6% → off track; the 2026 rate is shown, not averaged in
            StatusMethod.Result r = StatusMethod.assess(new StatusMethod.Input(TargetKind.GROWTH_RATE,
                    Comparison.AT_LEAST, 9.6, 2025, null, 2021, points(2022, 8, 9, 11, 9, 30), MARCH_2027, "%/năm", false));
            assertThat(r.forecast()).isCloseTo(9.2446, within(1e-4));
            assertThat(r.status()).isEqualTo(TargetStatus.OFF_TRACK);
            assertThat(r.latest()).isEqualTo(9.0);
            assertThat(r.latestYear()).isEqualTo(2025);
            assertThat(r.afterDeadline()).isEqualTo(30.0);
            assertThat(r.explanation()).endsWith("; sau hạn: năm 2026 tăng 30% (không tính vào đánh giá).");
            // the same as levels 100 (2021) … 142.429428 (2025), 185.1582564 (2026): the 2026 growth is shown
            StatusMethod.Result levels = StatusMethod.assess(new StatusMethod.Input(TargetKind.GROWTH_RATE,
                    Comparison.AT_LEAST, 9.6, 2025, 100.0, 2021,
                    points(2022, 108, 117.72, 130.6692, 142.429428, 185.1582564), MARCH_2027, "triệu đồng/người", true));
            assertThat(levels.forecast()).isCloseTo(9.2446, within(1e-4));
            assertThat(levels.status()).isEqualTo(TargetStatus.OFF_TRACK);
            assertThat(levels.afterDeadline()).isCloseTo(30, within(1e-6));
            assertThat(levels.afterDeadlineYear()).isEqualTo(2026);
        }

        @Test
        void doneAfterTheDeadlineIsStillNotDoneInTime() {
            StatusMethod.Result r = StatusMethod.assess(new StatusMethod.Input(TargetKind.YES_NO, null, 1.0, 2025, null,
                    null, points(2024, 0, 0, 1), MARCH_2027, null, false));
            assertThat(r.status()).isEqualTo(TargetStatus.OFF_TRACK);
            assertThat(r.explanation()).isEqualTo("Đã hết thời hạn năm 2025 mà chưa hoàn thành; sau hạn: năm 2026 đã "
                    + "hoàn thành (không tính vào đánh giá).");
        }

        @Test
        void beforeTheDeadlineNothingIsAfterIt() {
            StatusMethod.Result r = percent(Comparison.AT_LEAST, 90, 2025, null, null, points(2023, 80, 85), DEC_2024);
            assertThat(r.afterDeadline()).isNull();
            assertThat(r.afterDeadlineYear()).isNull();
            assertThat(r.explanation()).doesNotContain("sau hạn");
        }
    }

    /** METHODS.md 4.3: DTI rank 25, 21, 16, 14 (2021–2024), "nhóm 10" by 2025. */
    @Nested
    class Rank {

        StatusMethod.Result rank(double target) {
            return StatusMethod.assess(new StatusMethod.Input(TargetKind.RANK, Comparison.AT_MOST, target, 2025, null,
                    null, points(2021, 25, 21, 16, 14), DEC_2024, "hạng", false));
        }

        @Test
        void topTenIsOnTrackWithTheRankFalling() {
            StatusMethod.Result r = rank(10);
            // ȳ = 19, Sxy = −19, b = −3.8, ŷ(2025) = 19 − 3.8 × 2.5 = 9.5; SSE = 1.8, se = √(0.9 × 2.5) = 1.5, ± 2.8284
            assertThat(r.forecast()).isCloseTo(9.5, within(1e-9));
            assertThat(r.low()).isCloseTo(6.6716, within(1e-4));
            assertThat(r.high()).isCloseTo(12.3284, within(1e-4));
            assertThat(r.status()).isEqualTo(TargetStatus.ON_TRACK);
            assertThat(r.explanation()).contains("hạng 9,5").contains("hạng 10 trở lên");
        }

        @Test
        void lowerIsBetterSoTheLowEndDecidesAtRisk() {
            assertThat(rank(8).status()).isEqualTo(TargetStatus.AT_RISK);
            assertThat(rank(6).status()).isEqualTo(TargetStatus.OFF_TRACK);
        }

        @Test
        void aRankAtOrAboveTheGroupIsAchieved() {
            assertThat(rank(15).status()).isEqualTo(TargetStatus.ACHIEVED);
            assertThat(rank(14).status()).isEqualTo(TargetStatus.ACHIEVED);
        }

        @Test
        void withoutComparisonARankTargetIsAtMost() {
            StatusMethod.Result r = StatusMethod.assess(new StatusMethod.Input(TargetKind.RANK, null, 14.0, 2025, null,
                    null, points(2021, 25, 21, 16, 14), DEC_2024, "hạng", false));
            assertThat(r.status()).isEqualTo(TargetStatus.ACHIEVED);
        }
    }

    /** METHODS.md 4.4: labour productivity +8.0%, +9.0%, +11.0% (2022–2024), target 9.6%/year 2021–2025. */
    @Nested
    class GrowthRate {

        StatusMethod.Result growth(double target, int deadline) {
            return StatusMethod.assess(new StatusMethod.Input(TargetKind.GROWTH_RATE, Comparison.AT_LEAST, target,
                    deadline, null, 2021, points(2022, 8.0, 9.0, 11.0), DEC_2024, "%/năm", false));
        }

        @Test
        void meanGrowthSoFarAndTheRateNeededInTheRemainingYear() {
            StatusMethod.Result r = growth(9.6, 2025);
            // 1.08 × 1.09 × 1.11 = 1.306692; ∛1.306692 − 1 = 9.3262%
            assertThat(r.forecast()).isCloseTo(9.3262, within(1e-4));
            // needed in 2025: 1.096⁴ ÷ 1.306692 − 1 = 1.442920 ÷ 1.306692 − 1 = 10.4254%
            assertThat(r.required()).isCloseTo(10.4254, within(1e-4));
            // if 2025 repeats the best year (11%): (1.306692 × 1.11)^¼ − 1 = 9.7423%; the worst (8%): 8.9932%
            assertThat(r.high()).isCloseTo(9.7423, within(1e-4));
            assertThat(r.low()).isCloseTo(8.9932, within(1e-4));
            assertThat(r.status()).isEqualTo(TargetStatus.AT_RISK);
            assertThat(r.explanation()).isEqualTo("Có nguy cơ không đạt: tăng bình quân 9,3%/năm giai đoạn 2022–2024, "
                    + "thấp hơn mục tiêu ≥ 9,6%/năm; 1 năm còn lại (đến 2025) cần tăng 10,4%/năm, không vượt mức tốt "
                    + "nhất đã đạt 11%/năm.");
        }

        @Test
        void onTrackWhenTheMeanSoFarMeetsTheRate() {
            assertThat(growth(9.0, 2025).status()).isEqualTo(TargetStatus.ON_TRACK);
        }

        @Test
        void offTrackWhenTheNeededRateWasNeverReached() {
            StatusMethod.Result r = growth(10.0, 2025);
            // 1.1⁴ ÷ 1.306692 − 1 = 12.0463% > 11%
            assertThat(r.required()).isCloseTo(12.0463, within(1e-4));
            assertThat(r.status()).isEqualTo(TargetStatus.OFF_TRACK);
        }

        @Test
        void achievedOnceTheDeadlineYearIsInAndTheMeanMeetsIt() {
            assertThat(growth(9.0, 2024).status()).isEqualTo(TargetStatus.ACHIEVED);
            assertThat(growth(9.6, 2024).status()).isEqualTo(TargetStatus.OFF_TRACK);
        }

        @Test
        void aCeilingOnGrowthIsJudgedAtTheSlowEnd() {
            // "≤ 2%/năm" by 2025 with +3%, +3%, +1% (2022–2024): 1.03 × 1.03 × 1.01 = 1.071509, mean ∛1.071509 − 1
            // = 2.3290% is above the ceiling; 2025 needs 1.02⁴ ÷ 1.071509 − 1 = 1.08243216 ÷ 1.071509 − 1 = 1.0194%;
            // the slowest year again (1%) would do it: (1.071509 × 1.01)^¼ − 1 = 1.9951% ≤ 2% → at risk, not off track
            StatusMethod.Result r = StatusMethod.assess(new StatusMethod.Input(TargetKind.GROWTH_RATE, Comparison.AT_MOST,
                    2.0, 2025, null, 2021, points(2022, 3.0, 3.0, 1.0), DEC_2024, "%/năm", false));
            assertThat(r.forecast()).isCloseTo(2.3290, within(1e-4));
            assertThat(r.required()).isCloseTo(1.0194, within(1e-4));
            assertThat(r.low()).isCloseTo(1.9951, within(1e-4));
            assertThat(r.status()).isEqualTo(TargetStatus.AT_RISK);
            assertThat(r.explanation()).contains("cao hơn mục tiêu ≤ 2%/năm").contains("không thấp hơn mức tốt nhất đã đạt 1%/năm");
        }

        @Test
        void levelsBeforeTheBaselineYearDoNotCount() {
            // levels 50, 60, 72 (2018–2020) before the 2021 baseline 100 are ignored: the same as example 4.4
            List<StatusMethod.Point> levels = new ArrayList<>(points(2018, 50, 60, 72));
            levels.addAll(points(2022, 108, 117.72, 130.6692));
            StatusMethod.Result r = StatusMethod.assess(new StatusMethod.Input(TargetKind.GROWTH_RATE,
                    Comparison.AT_LEAST, 9.6, 2025, 100.0, 2021, levels, DEC_2024, "triệu đồng/người", true));
            assertThat(r.forecast()).isCloseTo(9.3262, within(1e-4));
            assertThat(r.status()).isEqualTo(TargetStatus.AT_RISK);
        }

        @Test
        void levelsGiveTheSameGrowthAsRates() {
            // 100 (2021 baseline) → 108 → 117.72 → 130.6692 is +8%, +9%, +11%
            StatusMethod.Result r = StatusMethod.assess(new StatusMethod.Input(TargetKind.GROWTH_RATE,
                    Comparison.AT_LEAST, 9.6, 2025, 100.0, 2021, points(2022, 108, 117.72, 130.6692), DEC_2024,
                    "triệu đồng/người", true));
            assertThat(r.forecast()).isCloseTo(9.3262, within(1e-4));
            assertThat(r.required()).isCloseTo(10.4254, within(1e-4));
            assertThat(r.status()).isEqualTo(TargetStatus.AT_RISK);
        }
    }

    @Nested
    class YesNo {

        StatusMethod.Result yesNo(List<StatusMethod.Point> points, LocalDate asOf) {
            return StatusMethod.assess(new StatusMethod.Input(TargetKind.YES_NO, null, 1.0, 2025, null, null, points,
                    asOf, null, false));
        }

        @Test
        void doneIsAchieved() {
            assertThat(yesNo(points(2023, 0, 1), DEC_2024).status()).isEqualTo(TargetStatus.ACHIEVED);
        }

        @Test
        void notDoneIsOnTrackWhileMoreThanAYearRemains() {
            // 30/6/2024 → 31/12/2025: 549 days
            StatusMethod.Result r = yesNo(points(2023, 0), LocalDate.of(2024, 6, 30));
            assertThat(r.status()).isEqualTo(TargetStatus.ON_TRACK);
            assertThat(r.explanation()).contains("549 ngày");
        }

        @Test
        void notDoneWithinTheLastYearIsAtRisk() {
            // 1/3/2025 → 31/12/2025: 305 days
            StatusMethod.Result r = yesNo(points(2024, 0), LocalDate.of(2025, 3, 1));
            assertThat(r.status()).isEqualTo(TargetStatus.AT_RISK);
            assertThat(r.explanation()).contains("305 ngày");
        }

        @Test
        void notDoneAfterTheDeadlineIsOffTrack() {
            assertThat(yesNo(points(2025, 0), LocalDate.of(2026, 1, 10)).status()).isEqualTo(TargetStatus.OFF_TRACK);
        }

        @Test
        void noValueIsNoData() {
            assertThat(yesNo(List.of(), DEC_2024).status()).isEqualTo(TargetStatus.NO_DATA);
        }
    }

    @Test
    void demoValuesMarkTheAssessment() {
        List<StatusMethod.Point> v = List.of(new StatusMethod.Point(2023, 50, true), new StatusMethod.Point(2024, 55, false));
        assertThat(percent(Comparison.AT_LEAST, 90, 2025, null, null, v, DEC_2024).demo()).isTrue();
    }

    @Test
    void studentQuantiles() {
        assertThat(Forecasts.t90(2)).isEqualTo(1.8856);
        assertThat(Forecasts.t90(30)).isEqualTo(1.3104);
        assertThat(Forecasts.t90(60)).isCloseTo(1.2958, within(5e-4));
        assertThat(Forecasts.t90(1000)).isCloseTo(1.2824, within(5e-4));
    }

    @Test
    void vietnameseNumbers() {
        assertThat(StatusWords.format(18.4, 1)).isEqualTo("18,4");
        assertThat(StatusWords.format(3000, 1)).isEqualTo("3.000");
        assertThat(StatusWords.format(1234.56, 1)).isEqualTo("1.234,6");
    }

    @Test
    void aCompoundCountTargetTakesTheWorstOfItsSplits() {
        assertThat(TargetStatusService.worst(List.of(TargetStatus.ACHIEVED, TargetStatus.ACHIEVED))).isEqualTo(TargetStatus.ACHIEVED);
        assertThat(TargetStatusService.worst(List.of(TargetStatus.ACHIEVED, TargetStatus.ON_TRACK))).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(TargetStatusService.worst(List.of(TargetStatus.ON_TRACK, TargetStatus.AT_RISK))).isEqualTo(TargetStatus.AT_RISK);
        assertThat(TargetStatusService.worst(List.of(TargetStatus.ACHIEVED, TargetStatus.NO_DATA))).isEqualTo(TargetStatus.NO_DATA);
        assertThat(TargetStatusService.worst(List.of(TargetStatus.NO_DATA, TargetStatus.OFF_TRACK))).isEqualTo(TargetStatus.OFF_TRACK);
        vn.dxgov.targets.TargetSplit districts = new vn.dxgov.targets.TargetSplit(vn.dxgov.targets.SplitLevel.DISTRICT,
                "huyện, thị xã, thành phố", Comparison.AT_LEAST, java.math.BigDecimal.valueOf(6));
        vn.dxgov.targets.TargetSplit communes = new vn.dxgov.targets.TargetSplit(vn.dxgov.targets.SplitLevel.COMMUNE,
                "xã, phường, thị trấn", Comparison.AT_LEAST, java.math.BigDecimal.valueOf(300));
        assertThat(TargetStatusService.splitLabel(districts)).isEqualTo("6 huyện");
        assertThat(TargetStatusService.splitLabel(communes)).isEqualTo("300 xã");
        assertThat(target(TargetKind.COUNT, List.of(districts, communes)).compoundCount()).isTrue();
        // percentage splits ("90% cấp tỉnh, 80% cấp huyện") and single counts are judged as before
        assertThat(target(TargetKind.PERCENT, List.of(districts, communes)).compoundCount()).isFalse();
        assertThat(target(TargetKind.COUNT, List.of(districts)).compoundCount()).isFalse();
        assertThat(target(TargetKind.COUNT, List.of(districts, new vn.dxgov.targets.TargetSplit(
                vn.dxgov.targets.SplitLevel.PROVINCE, "cấp tỉnh", Comparison.AT_LEAST, java.math.BigDecimal.TEN)))
                .compoundCount()).isFalse();
    }

    private static vn.dxgov.targets.Target target(TargetKind kind, List<vn.dxgov.targets.TargetSplit> splits) {
        return new vn.dxgov.targets.Target(1, 1, 1, null, "x", "x", kind, Comparison.AT_LEAST,
                splits.get(0).value(), null, 2025, null, null, vn.dxgov.shared.Pillar.DIGITAL_GOVERNMENT, splits,
                List.of(), List.of(), null, 7L);
    }
}
