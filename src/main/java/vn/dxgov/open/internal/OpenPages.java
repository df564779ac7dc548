package vn.dxgov.open.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.dxgov.assessment.PublicResults;
import vn.dxgov.open.internal.OpenProvinces.Province;
import vn.dxgov.open.internal.OpenReader.Tally;
import vn.dxgov.open.internal.OpenReader.TargetRow;
import vn.dxgov.plans.Plan;
import vn.dxgov.tasks.TaskCatalog;

/**
 * The portal's front pages: {@code /open}, the provinces with published plans and how their targets stand, and
 * {@code /open/{province}}, a province's published plans with their targets by pillar and status. A province's old
 * address (its name before a merger) redirects (301) to its address today.
 */
@Controller
class OpenPages implements OpenPage {

    /** A province on the front page: its plans and how all their targets stand. */
    record ProvinceCard(Province province, int plans, Tally tally) {
    }

    /** A plan on its province's page. */
    record PlanCard(Plan plan, String slug, Tally tally, int tasks) {
    }

    private final OpenProvinces provinces;
    private final OpenReader reader;
    private final TaskCatalog tasks;
    private final PublicResults results;
    private final OpenSettings settings;

    OpenPages(OpenProvinces provinces, OpenReader reader, TaskCatalog tasks, PublicResults results,
              OpenSettings settings) {
        this.provinces = provinces;
        this.reader = reader;
        this.tasks = tasks;
        this.results = results;
        this.settings = settings;
    }

    @GetMapping({"/open", "/open/"})
    String home(Model m, Locale locale) {
        List<ProvinceCard> cards = new ArrayList<>();
        for (Province p : provinces.all()) {
            List<TargetRow> rows = new ArrayList<>();
            p.plans().forEach(plan -> rows.addAll(reader.targets(p, plan, provinces.today(), locale)));
            cards.add(new ProvinceCard(p, p.plans().size(), OpenReader.tally(rows, locale)));
        }
        m.addAttribute("cards", cards);
        m.addAttribute("path", "/open");
        return "open/home";
    }

    @GetMapping("/open/{slug}")
    String province(@PathVariable String slug, Model m, Locale locale,
                    jakarta.servlet.http.HttpServletRequest request) {
        Province p = provinces.find(slug).orElseThrow(OpenNotFound::new);
        if (!p.slug().equals(slug)) {
            return OpenLinks.moved(request, OpenLinks.province(p));
        }
        List<PlanCard> plans = new ArrayList<>();
        List<TargetRow> all = new ArrayList<>();
        Map<Long, Integer> taskCounts = tasks.countByPlan(p.plans().stream().map(Plan::id).toList());
        for (Plan plan : p.plans()) {
            List<TargetRow> rows = reader.targets(p, plan, provinces.today(), locale);
            all.addAll(rows);
            plans.add(new PlanCard(plan, OpenReader.slug(plan.title()), OpenReader.tally(rows, locale),
                    taskCounts.getOrDefault(plan.id(), 0)));
        }
        m.addAttribute("province", p);
        m.addAttribute("plans", plans);
        m.addAttribute("tally", OpenReader.tally(all, locale));
        m.addAttribute("pillars", OpenReader.byPillar(all, locale));
        m.addAttribute("statuses", vn.dxgov.analytics.TargetStatus.values());
        m.addAttribute("demo", all.stream().anyMatch(TargetRow::demo));
        m.addAttribute("hasAssessment", !results.publishedRounds(p.code()).isEmpty());
        m.addAttribute("hasAgencies", settings.publishesAgencyLeague(p.code()));
        m.addAttribute("path", OpenLinks.province(p));
        return "open/province";
    }
}
