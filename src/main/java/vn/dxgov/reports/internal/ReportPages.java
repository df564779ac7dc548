package vn.dxgov.reports.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.reports.AnnualReports;
import vn.dxgov.reports.Scorecard;
import vn.dxgov.reports.Scorecards;

/**
 * The reports pages: {@code /reports} lists the plans with their years and the documents of each, and
 * {@code /reports/scorecard} shows the league table with column sort links (works without JavaScript and on a
 * phone). STEERING, LEADER and ADMIN only.
 */
@Controller
class ReportPages {

    /** A plan with the years it can be reported on. */
    public record PlanYears(Plan plan, List<Integer> years) {
    }

    private final PlanCatalog plans;
    private final ReportFacts facts;
    private final Scorecards scorecards;
    private final AnnualReports annual;

    ReportPages(PlanCatalog plans, ReportFacts facts, Scorecards scorecards, AnnualReports annual) {
        this.plans = plans;
        this.facts = facts;
        this.scorecards = scorecards;
        this.annual = annual;
    }

    @GetMapping("/reports")
    String index(Model model) {
        ReportAccess.require();
        model.addAttribute("rows", planYears());
        return "reports/index";
    }

    List<PlanYears> planYears() {
        int thisYear = facts.today().getYear();
        List<PlanYears> rows = new ArrayList<>();
        for (Plan p : plans.list()) {
            if (!p.published()) {
                continue;
            }
            List<Integer> years = new ArrayList<>(facts.years(p.id()).stream().filter(y -> y <= thisYear).toList());
            if (years.isEmpty() && p.periodStart() != null) {
                int to = Math.min(p.periodEnd() == null ? thisYear : p.periodEnd(), thisYear);
                for (int y = p.periodStart(); y <= to; y++) {
                    years.add(y);
                }
            }
            java.util.Collections.reverse(years);
            rows.add(new PlanYears(p, years));
        }
        return rows;
    }

    @GetMapping("/reports/scorecard")
    String scorecard(@RequestParam(required = false) Long plan, @RequestParam(required = false) Integer year,
                     @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                     Model model) {
        ReportAccess.require();
        List<PlanYears> options = planYears();
        model.addAttribute("options", options);
        if (plan == null && !options.isEmpty()) {
            plan = options.get(0).plan().id();
        }
        if (plan == null) {
            return "reports/scorecard";
        }
        long planId = plan;
        if (year == null) {
            year = options.stream().filter(o -> o.plan().id() == planId).findFirst()
                    .flatMap(o -> o.years().stream().findFirst()).orElse(facts.today().getYear());
        }
        String s = sort == null || !ReportPageModel.SORTS.contains(sort) ? "rank" : sort;
        String d = "desc".equals(dir) ? "desc" : "asc";
        Scorecard sc = scorecards.forPlan(planId, year);
        model.addAttribute("plan", planId);
        model.addAttribute("year", year);
        model.addAttribute("scorecard", sc);
        model.addAttribute("rows", ReportPageModel.sorted(sc, s, "desc".equals(d)));
        model.addAttribute("sort", s);
        model.addAttribute("dir", d);
        model.addAttribute("years", options.stream().filter(o -> o.plan().id() == planId).findFirst()
                .map(PlanYears::years).orElse(List.of(year)));
        model.addAttribute("model", new SortLinks(s, d));
        return "reports/scorecard";
    }

    /** For the template: the direction each column's link asks for. */
    public record SortLinks(String sort, String dir) {
        public String next(String column) {
            return ReportPageModel.nextDir(column, sort, dir);
        }

        public String arrow(String column) {
            return column.equals(sort) ? ("desc".equals(dir) ? " ▼" : " ▲") : "";
        }
    }

    @GetMapping("/reports/scorecard.xlsx")
    ResponseEntity<byte[]> scorecardXlsx(@RequestParam long plan, @RequestParam int year) {
        Scorecard sc = scorecards.forPlan(plan, year);
        return file("xep-hang-" + year + "-ke-hoach-" + plan + ".xlsx", AnnualReports.Format.XLSX.mediaType(),
                ScorecardXlsx.render(sc));
    }

    @GetMapping("/reports/plans/{id}/annual/{year:\\d{4}}.{format:docx|pdf|xlsx}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable int year, @PathVariable String format,
                                    HttpServletRequest request) {
        AnnualReports.Document d = annual.render(id, year, AnnualReports.Format.valueOf(format.toUpperCase()));
        return file(d.filename(), d.mediaType(), d.bytes());
    }

    static ResponseEntity<byte[]> file(String filename, String mediaType, byte[] bytes) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(mediaType))
                .body(bytes);
    }
}
