package vn.dxgov.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import vn.dxgov.units.UnitLevel;

/**
 * A stored version of a criteria set.
 *
 * @param locked true when an assessment round uses it: it can no longer change (make a new version instead)
 * @param provinceCode the province that owns it (its steering department edits it), null for a national set
 */
public record CriteriaSet(long id, String code, int year, String name, UnitLevel level, boolean example,
                          BigDecimal maxPoints, int criteriaCount, boolean locked, Instant updatedAt,
                          CriteriaSetDocument document, String provinceCode) {
}
