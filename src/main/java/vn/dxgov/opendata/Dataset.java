package vn.dxgov.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A public dataset's description (what the catalogue, the CKAN API and the landing page say about it).
 *
 * @param id           {@code plan-{planId}}, {@code indicator-{indicatorId}} or {@code round-{roundId}}
 * @param provinceCode the province it belongs to (official code); null for a national one
 * @param keywords     the pillars of a plan's targets, the unit of an indicator, the criteria set of a round
 * @param from         the first day its figures cover; null when it has none
 * @param to           the last day its figures cover; null when it has none
 * @param modified     the latest publication or approval of anything in it
 * @param demo         true when some of its figures are demonstration data (flagged row by row)
 * @param rows         how many rows its files have
 */
public record Dataset(String id, Kind kind, String titleVi, String titleEn, String descriptionVi,
                      String descriptionEn, String provinceCode, String provinceName, List<String> keywords,
                      LocalDate from, LocalDate to, Instant modified, boolean demo, int rows) {

    /** What a dataset is about. */
    public enum Kind {
        PLAN, INDICATOR, ROUND;

        /** The prefix of the ids of this kind: "plan", "indicator", "round". */
        public String prefix() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
