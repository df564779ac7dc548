package vn.dxgov.indicators;

/** The vocabulary of indicators. */
public final class IndicatorTypes {

    private IndicatorTypes() {
    }

    /** What one value of the indicator is. */
    public enum ValueType {
        /** a plain number (count, money, rank, growth rate) */
        NUMBER,
        /** a ratio kept as numerator and denominator; the value is 100 × numerator ÷ denominator */
        RATIO,
        /** 1 done, 0 not done */
        YES_NO
    }

    /** Which way is better. */
    public enum Direction {
        HIGHER, LOWER
    }

    /** How values of several units combine into the value of the unit above. */
    public enum UnitAggregation {
        /** counts, money */
        SUM,
        /** sum of numerators ÷ sum of denominators (never a mean of percentages) */
        RATIO,
        MEAN, MAX, MIN
    }

    /** How values of shorter periods combine into a longer one (months into a year). */
    public enum PeriodAggregation {
        /** flows: dossiers received per month add up */
        SUM,
        /** stocks: the latest value stands for the period */
        LAST,
        MEAN
    }
}
