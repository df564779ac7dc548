package vn.dxgov.open.internal;

import vn.dxgov.opendata.Dataset;
import vn.dxgov.opendata.OpenData;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.dxgov.assessment.PublicResults;
import vn.dxgov.open.internal.OpenProvinces.Province;
import vn.dxgov.plans.Plan;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;

/**
 * {@code /sitemap.xml}: every public page of the portal (the front page, each province, plan and target, a province's
 * assessment results when it has published rounds, its agencies' reporting when it publishes it), absolute with the
 * installation's public address. {@code /robots.txt}: search engines may read {@code /open} and nothing else, and are
 * pointed at the sitemap. The open-data catalogue's pages follow: {@code /open/data} and each dataset's page, from the
 * catalogue itself ({@link OpenData#datasets()}, public datasets only).
 */
@Controller
class OpenSitemap implements OpenPage {

    private final OpenProvinces provinces;
    private final TargetCatalog targets;
    private final PublicResults results;
    private final OpenSettings settings;
    private final OpenAdvice advice;
    private final OpenData catalogue;

    OpenSitemap(OpenProvinces provinces, TargetCatalog targets, PublicResults results, OpenSettings settings,
                OpenAdvice advice, OpenData catalogue) {
        this.catalogue = catalogue;
        this.provinces = provinces;
        this.targets = targets;
        this.results = results;
        this.settings = settings;
        this.advice = advice;
    }

    /** The paths of every public page of the portal, the front page first. */
    List<String> paths() {
        List<String> out = new ArrayList<>();
        out.add("/open");
        for (Province p : provinces.all()) {
            out.add(OpenLinks.province(p));
            if (!results.publishedRounds(p.code()).isEmpty()) {
                out.add(OpenLinks.assessment(p));
            }
            if (settings.publishesAgencyLeague(p.code())) {
                out.add(OpenLinks.agencies(p));
            }
            for (Plan plan : p.plans()) {
                out.add(OpenLinks.plan(p, plan));
                for (Target t : targets.forPlan(plan.id(), TargetFilter.ALL)) {
                    out.add(OpenLinks.target(p, t));
                }
            }
        }
        out.add("/open/data");
        for (Dataset d : catalogue.datasets()) {
            out.add("/open/data/" + d.id());
        }
        return out;
    }

    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    @ResponseBody
    String sitemap(HttpServletRequest request) {
        String base = advice.baseUrl(request);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String path : paths()) {
            xml.append("  <url><loc>").append(escape(base + path)).append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    @GetMapping(value = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    String robots(HttpServletRequest request) {
        return "User-agent: *\nAllow: /open\nDisallow: /\n\nSitemap: " + advice.baseUrl(request) + "/sitemap.xml\n";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
