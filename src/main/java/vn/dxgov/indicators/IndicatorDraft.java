package vn.dxgov.indicators;

import vn.dxgov.indicators.IndicatorTypes.Direction;
import vn.dxgov.indicators.IndicatorTypes.PeriodAggregation;
import vn.dxgov.indicators.IndicatorTypes.UnitAggregation;
import vn.dxgov.indicators.IndicatorTypes.ValueType;

/** The editable content of an indicator; a null code lets dxgov choose one. */
public record IndicatorDraft(String code, String name, String unit, ValueType valueType, Direction direction,
                             UnitAggregation unitAggregation, PeriodAggregation periodAggregation, String formula,
                             Integer decimals, String description) {
}
