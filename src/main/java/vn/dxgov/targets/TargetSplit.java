package vn.dxgov.targets;

import java.math.BigDecimal;

/** One value of a split target, e.g. 80% at district level. */
public record TargetSplit(SplitLevel level, String label, Comparison comparison, BigDecimal value) {
}
