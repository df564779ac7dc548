package vn.dxgov.dashboard.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.assessment.CriteriaSet;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.assessment.CriteriaSets;
import vn.dxgov.shared.VietText;

/**
 * A province's DTI (Digital Transformation Index) over the years, when entered: the published assessment rounds of
 * a DTI criteria set (its code names DTI, such as {@code DTI-922-TINH}) the province took part in, one per year (the
 * latest round of a year), with the total, the rank and the points of each main group (the set's top nodes).
 */
@Component
class DtiHistory {

    /** Height of the chart's bars area, in SVG units. */
    static final int CHART_HEIGHT = 100;

    /** A main group of the set: code and name. */
    record Group(String code, String name) {
    }

    /**
     * One year. {@code barHeight}/{@code barY}: the total's bar in the small chart, in SVG units (machine numbers,
     * never shown as text).
     */
    record Year(int year, long roundId, BigDecimal total, int rank, int unitCount, String classification,
                Map<String, BigDecimal> points, int barHeight, int barY, int barX) {
    }

    record History(String setCode, List<Group> groups, List<Year> years, int chartWidth) {

        public boolean empty() {
            return years.isEmpty();
        }
    }

    private final Assessments assessments;
    private final CriteriaSets sets;

    DtiHistory(Assessments assessments, CriteriaSets sets) {
        this.assessments = assessments;
        this.sets = sets;
    }

    History of(long provinceUnitId) {
        Map<Integer, Assessments.HistoryEntry> byYear = new TreeMap<>();
        String code = null;
        for (Assessments.HistoryEntry h : assessments.history(provinceUnitId)) {
            if (!VietText.fold(h.criteriaSetCode()).contains("dti")) {
                continue;
            }
            // one set: the first DTI code met (a province is assessed on one national structure)
            code = code == null ? h.criteriaSetCode() : code;
            if (code.equals(h.criteriaSetCode())) {
                byYear.merge(h.year(), h, (a, b) -> b.roundId() > a.roundId() ? b : a);
            }
        }
        if (byYear.isEmpty()) {
            return new History(null, List.of(), List.of(), 0);
        }
        List<Group> groups = groups(code, byYear.keySet().stream().reduce((a, b) -> b).orElseThrow());
        BigDecimal max = byYear.values().stream().map(Assessments.HistoryEntry::total)
                .filter(java.util.Objects::nonNull).reduce(BigDecimal.ONE, BigDecimal::max);
        List<Year> years = new ArrayList<>();
        int x = 0;
        for (Assessments.HistoryEntry h : byYear.values()) {
            Map<String, BigDecimal> points = points(h.roundId(), provinceUnitId);
            int height = h.total() == null ? 0 : h.total().multiply(BigDecimal.valueOf(CHART_HEIGHT))
                    .divide(max, 0, java.math.RoundingMode.HALF_UP).intValue();
            years.add(new Year(h.year(), h.roundId(), h.total(), h.rank(), h.unitCount(), h.classificationName(),
                    points, height, CHART_HEIGHT - height, x));
            x += 40;
        }
        return new History(code, groups, years, Math.max(x, 40));
    }

    /** The set's main groups, from its latest version that is stored. */
    private List<Group> groups(String code, int year) {
        Optional<CriteriaSet> set = sets.find(code, year);
        if (set.isEmpty() || set.get().document() == null) {
            return List.of();
        }
        List<Group> out = new ArrayList<>();
        for (CriteriaSetDocument.Node n : set.get().document().topNodes()) {
            out.add(new Group(n.code(), n.name()));
        }
        return out;
    }

    /** The unit's points per main group in a published round; empty when the unit is not in its results. */
    private Map<String, BigDecimal> points(long roundId, long unitId) {
        for (Assessments.Result r : assessments.results(roundId).results()) {
            if (r.unitId() == unitId) {
                return r.points() == null ? Map.of() : new LinkedHashMap<>(r.points());
            }
        }
        return Map.of();
    }
}
