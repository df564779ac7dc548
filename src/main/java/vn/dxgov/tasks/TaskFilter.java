package vn.dxgov.tasks;

import vn.dxgov.shared.Pillar;

/**
 * Narrows a list of tasks; null fields do not filter.
 *
 * @param agencyId lead or cooperating agency
 * @param year     a year the task runs in
 * @param text     diacritics-insensitive words that must all occur in the task's code, title or scope
 */
public record TaskFilter(Long agencyId, Pillar pillar, Integer year, String text) {

    public static final TaskFilter ALL = new TaskFilter(null, null, null, null);
}
