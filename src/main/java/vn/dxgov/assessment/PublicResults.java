package vn.dxgov.assessment;

import java.util.List;

/**
 * Published assessment results as everyone sees them, a visitor without a login included (the public portal): rounds
 * whose results are published, their results ({@link Assessments#results}, which answers published rounds to anyone)
 * and the data of their map. Nothing of a round that is open or closed, nothing of a self-assessment or review.
 */
public interface PublicResults {

    /**
     * Published rounds whose scope lies in a province (official code such as "38"; the round's scope unit is the
     * province or a unit in it), newest first.
     */
    List<Assessments.Round> publishedRounds(String provinceCode);

    /**
     * The map of a published round as the rankings map script ({@code static/js/rankings-map.js}) reads it, as JSON:
     * boundary files (URLs), units with their results, classification levels, and why some units are not drawn.
     * A round that is not published is not found (404).
     */
    String mapJson(long roundId);
}
