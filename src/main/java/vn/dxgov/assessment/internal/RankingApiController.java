package vn.dxgov.assessment.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dxgov.units.UnitLevel;

@RestController
@RequestMapping("/api/v1/rankings")
@Tag(name = "Rankings", description = "Bảng xếp hạng đã công bố, hồ sơ đơn vị, bản đồ / published league table, unit profile, map")
class RankingApiController {

    private final RankingService rankings;
    private final RoundRepository repo;

    RankingApiController(RankingService rankings, RoundRepository repo) {
        this.repo = repo;
        this.rankings = rankings;
    }

    @GetMapping
    @Operation(summary = "League table over published rounds: level, year (default: the newest published round's), "
            + "criteria set code, round, classification name, text (diacritics-insensitive), sort = rank|score|name|code|change, "
            + "dir = asc|desc; ranks as the rounds stored them, rank change against the previous year's round")
    RankingService.League league(@RequestParam(required = false) UnitLevel level, @RequestParam(required = false) Integer year,
                                 @RequestParam(required = false) String set, @RequestParam(required = false) Long round,
                                 @RequestParam(required = false) String classification,
                                 @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                                 @RequestParam(required = false) String dir) {
        return rankings.league(new RankingService.Filter(level, year, set, round, classification, q, sort, dir));
    }

    @GetMapping("/units/{unitId}")
    @Operation(summary = "A unit's published results, scores per group against the group's maximum, trend over years")
    RankingService.Profile unit(@PathVariable long unitId, @RequestParam(required = false) Long round) {
        repo.requireReadableUnit(unitId);
        return rankings.profile(unitId, round);
    }

    @GetMapping("/rounds/{roundId}/map")
    @Operation(summary = "What the map of a published round draws: boundary files, units matched by official code, "
            + "classification levels, and why units are not drawn (AFTER_REFORM, NO_COMMUNES, NO_BOUNDARIES, PARTIAL)")
    RankingService.MapData map(@PathVariable long roundId) {
        return rankings.map(roundId);
    }
}
