package vn.dxgov.assessment;

/** How a criterion turns what a unit reports into points. */
public enum RuleType {
    /** có / không: the maximum when yes, 0 when no */
    YES_NO,
    /** bậc điểm: a count reaches steps ("4 cuộc họp = 20 điểm, 3 = 15, 2 = 10, 1 = 5"); the highest step reached */
    STEPS,
    /** tỷ lệ: numerator a ÷ denominator b × maximum, capped at the maximum */
    RATIO,
    /** ngưỡng: a value (or a ÷ b × 100 in %) compared to thresholds, highest threshold reached (lowest when lower is better) */
    THRESHOLDS,
    /**
     * từ chỉ số: the unit's value of an indicator for the round's year, through the analytics module; with thresholds
     * as for THRESHOLDS, otherwise read as a percentage (value ÷ 100 × maximum, capped; a YES_NO indicator gives the
     * maximum when done)
     */
    INDICATOR,
    /** chấm thủ công: the reviewer gives the points (the unit may propose them) */
    MANUAL
}
