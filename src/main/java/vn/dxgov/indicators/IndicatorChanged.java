package vn.dxgov.indicators;

/**
 * Published (within the transaction) when an indicator is created, changed or deleted, so that caches of indicator
 * definitions (the analytics module's) refresh after commit. {@code indicator} is null for a deletion.
 */
public record IndicatorChanged(long indicatorId, Indicator indicator) {
}
