package vn.dxgov.targets;

import java.math.BigDecimal;

/**
 * One value of a split target, e.g. 80% at district level.
 *
 * @param indicatorId for a compound count target ({@link Target#compoundCount()}), the indicator that measures this
 *                    split when it is not the first one (the first split is measured by the target's indicator);
 *                    null otherwise and until linked
 */
public record TargetSplit(SplitLevel level, String label, Comparison comparison, BigDecimal value, Long indicatorId) {

    /** A split without an indicator of its own. */
    public TargetSplit(SplitLevel level, String label, Comparison comparison, BigDecimal value) {
        this(level, label, comparison, value, null);
    }
}
