package vn.dxgov.assessment;

import java.time.Instant;
import vn.dxgov.units.UnitLevel;

/**
 * An assessment round's results were published: stored ranked and read-only from now on
 * ({@link Assessments#publish}). Sent with the commit of the publication, once per round: a published round is never
 * published again (409) and there is no unpublishing. A listener may still receive it again when the event
 * publication registry resubmits a delivery that failed or was cut short, so listeners must be idempotent.
 *
 * @param roundId       the round; its results are read through {@link Assessments#results}
 * @param criteriaSetId the criteria set version it was assessed on
 * @param level         the level of its units
 * @param year          the year assessed
 * @param scopeUnitId   the unit whose units were in scope (a province), or null when units were listed
 * @param resultCount   how many units were ranked
 * @param publishedAt   when it was published
 */
public record RoundPublished(long roundId, long criteriaSetId, UnitLevel level, int year, Long scopeUnitId,
                             int resultCount, Instant publishedAt) {
}
