package vn.dxgov.reports.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import vn.dxgov.reports.Scorecard;
import vn.dxgov.reports.Scorecard.AgencyScore;
import vn.dxgov.shared.VietText;

/** Sorting of the league table by a column, for the page's sort links. */
final class ReportPageModel {

    private ReportPageModel() {
    }

    /** The columns a person may sort by; "rank" is the league order. */
    static final List<String> SORTS = List.of("rank", "name", "reports", "targets", "tasks", "score");

    static List<AgencyScore> sorted(Scorecard sc, String sort, boolean descending) {
        List<AgencyScore> rows = new ArrayList<>(sc.rows());
        Comparator<AgencyScore> c = switch (sort == null ? "rank" : sort) {
            case "name" -> Comparator.comparing(AgencyScore::agencyName, VietText.collator());
            case "reports" -> byRate(AgencyScore::onTimeRate);
            case "targets" -> byRate(AgencyScore::targetRate);
            case "tasks" -> byRate(AgencyScore::taskRate);
            case "score" -> byRate(AgencyScore::score);
            default -> Comparator.comparingInt(AgencyScore::rank);
        };
        if (descending) {
            c = c.reversed();
        }
        // ties keep the league order
        rows.sort(c.thenComparing(ScorecardCalculator.LEAGUE));
        return rows;
    }

    /** Ascending by rate; agencies without the rate come first ascending, last descending. */
    private static Comparator<AgencyScore> byRate(Function<AgencyScore, java.math.BigDecimal> f) {
        return Comparator.comparing(f, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    /** The direction a column's link asks for: the opposite of the current one on the sorted column. */
    static String nextDir(String column, String sort, String dir) {
        if (column.equals(sort)) {
            return "desc".equals(dir) ? "asc" : "desc";
        }
        return column.equals("name") || column.equals("rank") ? "asc" : "desc";
    }
}
