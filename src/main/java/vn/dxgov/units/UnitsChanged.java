package vn.dxgov.units;

/**
 * Published (and delivered after commit) when administrative units or their succession links change: a reform
 * imported, the shares of a split unit edited. Whoever keeps units or links in memory forgets them.
 *
 * @param reason {@code import} or {@code shares}
 */
public record UnitsChanged(String reason) {
}
