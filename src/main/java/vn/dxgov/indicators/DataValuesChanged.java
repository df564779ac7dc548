package vn.dxgov.indicators;

import java.util.List;

/**
 * Published after a transaction that created, changed, deleted or moved through the workflow (submitted, approved,
 * returned, reopened) data values commits. Each value is the line's state after the change.
 */
public record DataValuesChanged(List<DataValue> changed, List<DataValue> deleted) {
}
