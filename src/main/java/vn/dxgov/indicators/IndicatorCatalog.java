package vn.dxgov.indicators;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Indicators. Every imported target gets a draft indicator chosen from its kind and unit (a percent target a
 * RATIO indicator, a count target a summed NUMBER, a rank target a NUMBER where lower is better...), linked to the
 * target; the steering department edits and confirms it. Writes are audited.
 */
public interface IndicatorCatalog {

    Indicator create(IndicatorDraft draft);

    /** Replaces the content and confirms the indicator (draft = false). Validates the formula. */
    Indicator update(long id, IndicatorDraft draft);

    Optional<Indicator> find(long id);

    Optional<Indicator> findByCode(String code);

    Map<Long, Indicator> findAll(Collection<Long> ids);

    /** Indicators matching a diacritics-insensitive query (all when blank), by name. */
    List<Indicator> list(String query);

    /** The indicator linked to a target, if any. */
    Optional<Indicator> forTarget(long targetId);

    /** Target id → indicator, for the targets that have one. */
    Map<Long, Indicator> forTargets(Collection<Long> targetIds);

    /**
     * Deletes an indicator that nothing uses: no stored values, no target linked to it, no formula referring to it
     * (otherwise 409 naming what uses it). Audited.
     */
    void delete(long id);
}
