package vn.dxgov.analytics;

import java.math.BigDecimal;
import java.util.List;

/**
 * The judgement of one target for one unit on a day, with the figures behind it.
 *
 * @param expected    where the straight path from the baseline to the target puts the value in the latest year
 * @param forecast    the value expected at the deadline; {@code forecastLow}/{@code forecastHigh} bound its interval
 * @param explanation one Vietnamese sentence a person can read ("Dự báo 18,4% năm 2025 (16,9–19,9), thấp hơn 20%")
 * @param latest      the latest yearly value judged: of the deadline year or before (never a later year)
 * @param splits      for a compound count target judged for a province, each split judged on its own indicator (the
 *                    status is the worst of them, the figures are the first split's); empty otherwise
 * @param afterDeadline     the latest value of a year after the deadline year, shown beside the judgement and never
 *                          part of it ("Sau hạn: 2026 đạt 98%"); null when there is none
 * @param afterDeadlineYear its year
 * @param pending     true when the judgement used submitted figures not yet approved (the steering department's
 *                    {@link ValueView#PENDING} preview); never in the default, approved view
 */
public record StatusAssessment(long targetId, long unitId, TargetStatus status, BigDecimal baseline,
                               Integer baselineYear, BigDecimal latest, Integer latestYear, BigDecimal expected,
                               BigDecimal forecast, BigDecimal forecastLow, BigDecimal forecastHigh, boolean demo,
                               String explanation, List<SplitAssessment> splits, BigDecimal afterDeadline,
                               Integer afterDeadlineYear, boolean pending) {

    public StatusAssessment {
        splits = splits == null ? List.of() : List.copyOf(splits);
    }

    /** A judgement from approved figures. */
    public StatusAssessment(long targetId, long unitId, TargetStatus status, BigDecimal baseline, Integer baselineYear,
                            BigDecimal latest, Integer latestYear, BigDecimal expected, BigDecimal forecast,
                            BigDecimal forecastLow, BigDecimal forecastHigh, boolean demo, String explanation,
                            List<SplitAssessment> splits, BigDecimal afterDeadline, Integer afterDeadlineYear) {
        this(targetId, unitId, status, baseline, baselineYear, latest, latestYear, expected, forecast, forecastLow,
                forecastHigh, demo, explanation, splits, afterDeadline, afterDeadlineYear, false);
    }

    /** A judgement with no value after the deadline. */
    public StatusAssessment(long targetId, long unitId, TargetStatus status, BigDecimal baseline, Integer baselineYear,
                            BigDecimal latest, Integer latestYear, BigDecimal expected, BigDecimal forecast,
                            BigDecimal forecastLow, BigDecimal forecastHigh, boolean demo, String explanation,
                            List<SplitAssessment> splits) {
        this(targetId, unitId, status, baseline, baselineYear, latest, latestYear, expected, forecast, forecastLow,
                forecastHigh, demo, explanation, splits, null, null, false);
    }

    /** A judgement without splits and with no value after the deadline. */
    public StatusAssessment(long targetId, long unitId, TargetStatus status, BigDecimal baseline, Integer baselineYear,
                            BigDecimal latest, Integer latestYear, BigDecimal expected, BigDecimal forecast,
                            BigDecimal forecastLow, BigDecimal forecastHigh, boolean demo, String explanation) {
        this(targetId, unitId, status, baseline, baselineYear, latest, latestYear, expected, forecast, forecastLow,
                forecastHigh, demo, explanation, List.of(), null, null, false);
    }

    /** The same judgement, marked as made with submitted, not yet approved figures. */
    public StatusAssessment withPending(boolean isPending) {
        return isPending == pending ? this : new StatusAssessment(targetId, unitId, status, baseline, baselineYear,
                latest, latestYear, expected, forecast, forecastLow, forecastHigh, demo, explanation, splits,
                afterDeadline, afterDeadlineYear, isPending);
    }
}
