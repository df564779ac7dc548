package vn.dxgov.open.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.assessment.PublicResults;
import vn.dxgov.open.internal.OpenProvinces.Province;
import vn.dxgov.reporting.PublicReports;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.JsonIsland;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;

/**
 * A province's published results: {@code /open/{province}/assessment}, its published assessment rounds (the newest,
 * or {@code ?round=}) with the results table and the map of the rankings pages ({@code static/js/rankings-map.js},
 * the boundaries served under {@code /open/geo/}); and {@code /open/{province}/agencies}, the agencies' reporting
 * record (due, on time, late, missing, approved), only while the province publishes it ({@link OpenSettings}),
 * otherwise not found.
 */
@Controller
class OpenResultPages implements OpenPage {

    /** An agency's line in the reporting table. */
    record AgencyRow(String name, PublicReports.AgencyReports reports) {
    }

    private final OpenProvinces provinces;
    private final PublicResults results;
    private final Assessments assessments;
    private final PublicReports reports;
    private final AgencyDirectory agencies;
    private final OpenSettings settings;
    private final ObjectMapper json;
    private final String tiles;

    OpenResultPages(OpenProvinces provinces, PublicResults results, Assessments assessments, PublicReports reports,
                    AgencyDirectory agencies, OpenSettings settings, ObjectMapper json,
                    @Value("${dxgov.map.tiles-url:${DXGOV_MAP_TILES:}}") String tiles) {
        this.provinces = provinces;
        this.results = results;
        this.assessments = assessments;
        this.reports = reports;
        this.agencies = agencies;
        this.settings = settings;
        this.json = json;
        this.tiles = tiles;
    }

    @GetMapping("/open/{slug}/assessment")
    String assessment(@PathVariable String slug, @RequestParam(required = false) Long round, Model m,
                      HttpServletRequest request) {
        Province p = provinces.find(slug).orElseThrow(OpenNotFound::new);
        if (!p.slug().equals(slug)) {
            return OpenLinks.moved(request, OpenLinks.assessment(p));
        }
        List<Assessments.Round> rounds = results.publishedRounds(p.code());
        Assessments.Round chosen = round == null ? rounds.stream().findFirst().orElse(null)
                : rounds.stream().filter(r -> r.id() == round).findFirst().orElseThrow(OpenNotFound::new);
        m.addAttribute("province", p);
        m.addAttribute("rounds", rounds);
        m.addAttribute("round", chosen);
        if (chosen != null) {
            m.addAttribute("results", assessments.results(chosen.id()).results());
            JsonNode map = publicFiles(json.readTree(results.mapJson(chosen.id())));
            m.addAttribute("map", map);
            m.addAttribute("mapJson", JsonIsland.escape(json.writeValueAsString(map)));
            m.addAttribute("mapTiles", tiles.isBlank() ? null : tiles);
        }
        m.addAttribute("path", OpenLinks.assessment(p));
        return "open/assessment";
    }

    /** The map's boundary files at their public address ({@code /geo/x} → {@code /open/geo/x}). */
    static JsonNode publicFiles(JsonNode map) {
        if (map instanceof ObjectNode o && o.get("files") instanceof ArrayNode files) {
            ArrayNode out = o.putArray("files");
            files.forEach(f -> out.add("/open" + f.asString()));
        }
        return map;
    }

    /** A bundled boundary file (static/geo), readable without a login for the portal's map; kept a day. */
    @GetMapping("/open/geo/{file:[a-z0-9-]+\\.geojson}")
    ResponseEntity<Resource> geo(@PathVariable String file) {
        Resource res = new ClassPathResource("static/geo/" + file);
        if (!res.exists()) {
            throw new OpenNotFound();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic())
                .contentType(MediaType.parseMediaType("application/geo+json")).body(res);
    }

    @GetMapping("/open/{slug}/agencies")
    String agencies(@PathVariable String slug, Model m, Locale locale, HttpServletRequest request) {
        Province p = provinces.find(slug).orElseThrow(OpenNotFound::new);
        if (!settings.publishesAgencyLeague(p.code())) {
            throw new OpenNotFound();
        }
        if (!p.slug().equals(slug)) {
            return OpenLinks.moved(request, OpenLinks.agencies(p));
        }
        var asOf = provinces.today();
        List<PublicReports.AgencyReports> lines = reports.agencyReports(
                p.plans().stream().map(vn.dxgov.plans.Plan::id).toList(), asOf);
        Map<Long, Agency> names = lines.isEmpty() ? Map.of()
                : agencies.findAll(lines.stream().map(PublicReports.AgencyReports::agencyId).toList());
        List<AgencyRow> rows = lines.stream()
                .map(l -> new AgencyRow(names.containsKey(l.agencyId()) ? names.get(l.agencyId()).name() : "—", l))
                // best on-time share first (on time × other's due against other's on time × due: no division)
                .sorted(((java.util.Comparator<AgencyRow>) (a, b) -> Long.compare(
                        (long) b.reports().onTime() * a.reports().due(), (long) a.reports().onTime() * b.reports().due()))
                        .thenComparingInt(r -> r.reports().missing())
                        .thenComparing(AgencyRow::name, VietText.collator()))
                .toList();
        m.addAttribute("province", p);
        m.addAttribute("rows", rows);
        m.addAttribute("asOf", asOf);
        m.addAttribute("demo", rows.stream().anyMatch(r -> r.reports().demo()));
        m.addAttribute("path", OpenLinks.agencies(p));
        return "open/agencies";
    }
}
