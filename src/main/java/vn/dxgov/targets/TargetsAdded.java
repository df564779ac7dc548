package vn.dxgov.targets;

import java.util.List;

/**
 * Published (within the transaction) when targets are added to a plan, e.g. by an import; {@code provinceCode} is the
 * plan's province (null: national or not known), which the draft indicators made for the targets belong to.
 */
public record TargetsAdded(long planId, String provinceCode, List<Target> targets) {

    public TargetsAdded(long planId, List<Target> targets) {
        this(planId, null, targets);
    }
}
