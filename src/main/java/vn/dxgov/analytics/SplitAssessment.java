package vn.dxgov.analytics;

import java.math.BigDecimal;
import vn.dxgov.targets.SplitLevel;

/**
 * The judgement of one split of a compound count target ("300 xã" of "06 huyện ... và 300 xã ... hoàn thành chuyển
 * đổi số") for a province, on the split's own indicator against the split's value.
 *
 * @param label       the split as the explanation names it ("300 xã")
 * @param indicatorId the indicator the split is judged on, null when none is linked
 * @param afterDeadline the latest value of a year after the deadline year, shown and never judged; null when none
 */
public record SplitAssessment(SplitLevel level, String label, Long indicatorId, BigDecimal target, TargetStatus status,
                              BigDecimal latest, Integer latestYear, BigDecimal expected, BigDecimal forecast,
                              BigDecimal forecastLow, BigDecimal forecastHigh, boolean demo, String explanation,
                              BigDecimal afterDeadline, Integer afterDeadlineYear) {

    /** A split's judgement with no value after the deadline. */
    public SplitAssessment(SplitLevel level, String label, Long indicatorId, BigDecimal target, TargetStatus status,
                           BigDecimal latest, Integer latestYear, BigDecimal expected, BigDecimal forecast,
                           BigDecimal forecastLow, BigDecimal forecastHigh, boolean demo, String explanation) {
        this(level, label, indicatorId, target, status, latest, latestYear, expected, forecast, forecastLow,
                forecastHigh, demo, explanation, null, null);
    }
}
