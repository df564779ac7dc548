package vn.dxgov.assessment.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.units.UnitLevel;

/**
 * Rankings pages (bảng xếp hạng): the league table over published rounds with filters (level, year, criteria set,
 * round, classification, diacritics-insensitive text) and sorting, the map of one round coloured by classification or
 * score, and a unit's profile (scores per group against the group's maximum, total and rank over the years,
 * classifications). Everyone logged in may read them: they show published results only.
 */
@Controller
class RankingPages implements AssessmentUi {

    private final RankingService rankings;
    private final ObjectMapper json;

    /** Optional background tiles (e.g. a tile server inside the government network); empty: a plain background. */
    private final String tiles;
    private final String tilesAttribution;

    RankingPages(RankingService rankings, ObjectMapper json,
                 @Value("${dxgov.map.tiles-url:${DXGOV_MAP_TILES:}}") String tiles,
                 @Value("${dxgov.map.tiles-attribution:${DXGOV_MAP_TILES_ATTRIBUTION:}}") String tilesAttribution) {
        this.tiles = tiles;
        this.tilesAttribution = tilesAttribution;
        this.rankings = rankings;
        this.json = json;
    }

    @GetMapping({"/rankings", "/assessment/rankings"})
    String league(@RequestParam(required = false) UnitLevel level, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) String set, @RequestParam(required = false) Long round,
                  @RequestParam(required = false) String classification, @RequestParam(required = false) String q,
                  @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                  HttpServletRequest request, Model m) {
        RankingService.League league = rankings.league(
                new RankingService.Filter(level, year, set, round, classification, q, sort, dir));
        m.addAttribute("league", league);
        m.addAttribute("levels", UnitLevel.values());
        if (league.round() != null) {
            RankingService.MapData map = rankings.map(league.round().id());
            m.addAttribute("map", map);
            m.addAttribute("mapJson", script(map));
            m.addAttribute("mapTiles", tiles.isBlank() ? null : tiles);
            m.addAttribute("mapTilesAttribution", tilesAttribution.isBlank() ? null : tilesAttribution);
        }
        m.addAttribute("sortLinks", sortLinks(request, league.filter()));
        return "assessment/rankings";
    }

    @GetMapping({"/rankings/units/{unitId}", "/assessment/rankings/units/{unitId}"})
    String unit(@PathVariable long unitId, @RequestParam(required = false) Long round, Model m) {
        RankingService.Profile p = rankings.profile(unitId, round);
        m.addAttribute("p", p);
        m.addAttribute("chartJson", script(new Charts(p.groups(), p.trend().stream()
                .map(r -> new Point(r.year(), r.total(), r.rank(), r.unitCount(), r.classificationName())).toList())));
        return "assessment/rankings-unit";
    }

    /** Header links: sort by a column, a second click reverses ("asc" is best first for rank, score and change). */
    static java.util.Map<String, String> sortLinks(HttpServletRequest request, RankingService.Filter f) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String key : java.util.List.of("rank", "name", "code", "score", "change")) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath(request.getContextPath() + "/rankings");
            b.queryParam("level", f.level());
            if (f.year() != null) {
                b.queryParam("year", f.year());
            }
            if (f.set() != null) {
                b.queryParam("set", f.set());
            }
            if (f.round() != null) {
                b.queryParam("round", f.round());
            }
            if (f.classification() != null) {
                b.queryParam("classification", f.classification());
            }
            if (f.q() != null) {
                b.queryParam("q", f.q());
            }
            b.queryParam("sort", key).queryParam("dir", key.equals(f.sort()) && !f.descending() ? "desc" : "asc");
            out.put(key, b.encode().build().toUriString());
        }
        return out;
    }

    record Point(int year, java.math.BigDecimal total, int rank, int of, String classification) {
    }

    record Charts(java.util.List<RankingService.GroupScore> groups, java.util.List<Point> trend) {
    }

    /** JSON for a {@code <script type="application/json">} block ("</" cannot close the block). */
    private String script(Object value) {
        return vn.dxgov.shared.web.JsonIsland.of(json, value);
    }
}
