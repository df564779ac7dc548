package vn.dxgov.indicators;

import vn.dxgov.indicators.IndicatorTypes.Direction;
import vn.dxgov.indicators.IndicatorTypes.PeriodAggregation;
import vn.dxgov.indicators.IndicatorTypes.UnitAggregation;
import vn.dxgov.indicators.IndicatorTypes.ValueType;

/**
 * The measured quantity behind a target.
 *
 * @param code    stable key used in formulas, Excel forms and the API (e.g. "TH-KTS-GRDP")
 * @param formula for derived indicators, an expression over other indicators' codes, e.g. "{A} / {B} * 100";
 *                null for indicators entered directly
 * @param draft   true when made automatically for an imported target and not yet confirmed
 * @param provinceCode the province that owns it (its steering department edits it), null for a national indicator
 */
public record Indicator(long id, String code, String name, String unit, ValueType valueType, Direction direction,
                        UnitAggregation unitAggregation, PeriodAggregation periodAggregation, String formula,
                        int decimals, String description, boolean draft, String provinceCode) {

    public boolean derived() {
        return formula != null && !formula.isBlank();
    }
}
