package vn.dxgov.analytics.internal;

import vn.dxgov.indicators.Formula;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorTypes.ValueType;

/** An indicator as the aggregation uses it, with its formula read once. */
record IndicatorDef(Indicator indicator, Formula formula) {

    static IndicatorDef of(Indicator i) {
        Formula f = null;
        if (i.derived()) {
            try {
                f = Formula.parse(i.formula());
            } catch (IllegalArgumentException e) {
                // a formula the catalogue would not accept today: the indicator has no value
                f = null;
            }
        }
        return new IndicatorDef(i, f);
    }

    long id() {
        return indicator.id();
    }

    boolean ratio() {
        return indicator.valueType() == ValueType.RATIO;
    }

    boolean derived() {
        return indicator.derived();
    }
}
