package vn.dxgov.units;

/**
 * Published by {@link AgencyDirectory#merge} inside the merge's transaction, after {@link AgencyMergeCheck} found no
 * conflict and before the merged agency's row is deleted. Every module that keeps agency ids in its tables moves its
 * rows from {@code mergedId} to {@code intoId} in a plain {@code @EventListener} (not after commit, not async): the
 * merge and all the moves commit together, and a failure in any of them rolls the whole merge back.
 *
 * @param provinceCode the province of both agencies (null for national bodies)
 */
public record AgenciesMerged(long mergedId, long intoId, String provinceCode) {
}
