package vn.dxgov.reporting;

import vn.dxgov.shared.Period;

/** How often agencies report (định kỳ báo cáo). */
public enum Frequency {
    ANNUAL(Period.Type.YEAR), SEMI_ANNUAL(Period.Type.HALF), QUARTERLY(Period.Type.QUARTER), MONTHLY(Period.Type.MONTH);

    private final Period.Type periodType;

    Frequency(Period.Type periodType) {
        this.periodType = periodType;
    }

    public Period.Type periodType() {
        return periodType;
    }
}
