package vn.dxgov.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A unit's score against a criteria set.
 *
 * @param total            total points (2 decimals)
 * @param index            total ÷ the set's maximum (DTI = points ÷ 1000)
 * @param points           points per node code, groups included
 * @param ratios           points ÷ maximum per node code (each main index of DTI); absent for nodes worth 0 points
 * @param mandatoryMissed  codes of the mandatory criteria not met
 * @param classification   the level reached, or null when the set has none or none is reached
 */
public record SetScore(BigDecimal total, BigDecimal index, Map<String, BigDecimal> points,
                       Map<String, BigDecimal> ratios, List<String> mandatoryMissed,
                       CriteriaSetDocument.Classification classification) {

    public boolean mandatoryMet() {
        return mandatoryMissed.isEmpty();
    }
}
