package vn.dxgov.targets;

import java.util.List;

/** Published (within the transaction) when targets are added to a plan, e.g. by an import. */
public record TargetsAdded(long planId, List<Target> targets) {
}
