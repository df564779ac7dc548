package vn.dxgov.indicators;

import java.util.List;

/** Published after a transaction that created, changed or deleted data values commits. */
public record DataValuesChanged(List<DataValue> changed, List<DataValue> deleted) {
}
