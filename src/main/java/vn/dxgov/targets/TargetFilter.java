package vn.dxgov.targets;

import vn.dxgov.shared.Pillar;

/**
 * Narrows a list of targets; null fields do not filter.
 *
 * @param agencyId lead or cooperating agency
 * @param year     deadline year
 * @param text     diacritics-insensitive words that must all occur in the target's text
 */
public record TargetFilter(Long agencyId, Pillar pillar, Integer year, String text) {

    public static final TargetFilter ALL = new TargetFilter(null, null, null, null);
}
