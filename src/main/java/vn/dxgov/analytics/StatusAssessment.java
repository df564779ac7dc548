package vn.dxgov.analytics;

import java.math.BigDecimal;

/**
 * The judgement of one target for one unit on a day, with the figures behind it.
 *
 * @param expected    where the straight path from the baseline to the target puts the value in the latest year
 * @param forecast    the value expected at the deadline; {@code forecastLow}/{@code forecastHigh} bound its interval
 * @param explanation one Vietnamese sentence a person can read ("Dự báo 18,4% năm 2025 (16,9–19,9), thấp hơn 20%")
 */
public record StatusAssessment(long targetId, long unitId, TargetStatus status, BigDecimal baseline,
                               Integer baselineYear, BigDecimal latest, Integer latestYear, BigDecimal expected,
                               BigDecimal forecast, BigDecimal forecastLow, BigDecimal forecastHigh, boolean demo,
                               String explanation) {
}
