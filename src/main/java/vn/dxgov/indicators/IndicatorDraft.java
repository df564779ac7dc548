package vn.dxgov.indicators;

import static vn.dxgov.shared.web.Limits.Kind.NAME;
import static vn.dxgov.shared.web.Limits.Kind.TEXT;

import vn.dxgov.indicators.IndicatorTypes.Direction;
import vn.dxgov.indicators.IndicatorTypes.PeriodAggregation;
import vn.dxgov.indicators.IndicatorTypes.UnitAggregation;
import vn.dxgov.indicators.IndicatorTypes.ValueType;
import vn.dxgov.shared.web.MaxChars;

/** The editable content of an indicator; a null code lets dxgov choose one. */
public record IndicatorDraft(@MaxChars(NAME) String code, @MaxChars(NAME) String name, @MaxChars(NAME) String unit,
                             ValueType valueType, Direction direction, UnitAggregation unitAggregation,
                             PeriodAggregation periodAggregation, @MaxChars(TEXT) String formula, Integer decimals,
                             @MaxChars(TEXT) String description) {
}
