package vn.dxgov.open.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.open.internal.OpenProvinces.Province;
import vn.dxgov.open.internal.OpenReader.TargetRow;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanTexts;
import vn.dxgov.reporting.PublicReports;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.Period;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.tasks.Task;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.tasks.TaskFilter;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;

/**
 * A published plan ({@code /open/{province}/plans/{id}-{slug}}: its targets with their latest approved value, status
 * and trend, its tasks with their approved progress) and a target ({@code /open/{province}/targets/{id}-{slug}}: the
 * chart of its approved yearly values against the path to the target, the status and the method in words, the source
 * document, the indicator and the downloads). An address with other words, or under another province's address,
 * redirects (301) to the right one; a plan or target not published is not found (404).
 */
@Controller
class OpenPlanPages implements OpenPage {

    /**
     * A task with its latest approved progress (of its lead agencies first, else of anyone who reported it).
     *
     * @param period the period of that progress, as people read it ("Năm 2024"); null without an approved report
     */
    record TaskRow(Task task, String timeFrame, List<String> leads, TaskProgressStatus status, Integer percent,
                   String period, boolean demo) {
    }

    private final OpenProvinces provinces;
    private final OpenReader reader;
    private final TargetCatalog targets;
    private final TaskCatalog tasks;
    private final PublicReports reports;
    private final AgencyDirectory agencies;
    private final IndicatorCatalog indicators;
    private final PlanTexts texts;

    OpenPlanPages(OpenProvinces provinces, OpenReader reader, TargetCatalog targets, TaskCatalog tasks,
                  PublicReports reports, AgencyDirectory agencies, IndicatorCatalog indicators, PlanTexts texts) {
        this.provinces = provinces;
        this.reader = reader;
        this.targets = targets;
        this.tasks = tasks;
        this.reports = reports;
        this.agencies = agencies;
        this.indicators = indicators;
        this.texts = texts;
    }

    @GetMapping("/open/{slug}/plans/{ref}")
    String plan(@PathVariable String slug, @PathVariable String ref, Model m, Locale locale,
                HttpServletRequest request) {
        long id = OpenLinks.id(ref).orElseThrow(OpenNotFound::new);
        Province p = provinces.ofPlan(id).orElseThrow(OpenNotFound::new);
        Plan plan = p.plans().stream().filter(x -> x.id() == id).findFirst().orElseThrow(OpenNotFound::new);
        String canonical = OpenLinks.plan(p, plan);
        if (!canonical.equals(OpenLinks.province(p) + "/plans/" + ref) || !p.slug().equals(slug)) {
            return OpenLinks.moved(request, canonical);
        }
        List<TargetRow> rows = reader.targets(p, plan, provinces.today(), locale);
        List<TaskRow> taskRows = taskRows(plan, locale);
        m.addAttribute("province", p);
        m.addAttribute("plan", plan);
        m.addAttribute("rows", rows);
        m.addAttribute("tally", OpenReader.tally(rows, locale));
        m.addAttribute("tasks", taskRows);
        m.addAttribute("demo", rows.stream().anyMatch(TargetRow::demo) || taskRows.stream().anyMatch(TaskRow::demo));
        m.addAttribute("path", canonical);
        return "open/plan";
    }

    @GetMapping("/open/{slug}/targets/{ref}")
    String target(@PathVariable String slug, @PathVariable String ref, Model m, Locale locale,
                  HttpServletRequest request) {
        long id = OpenLinks.id(ref).orElseThrow(OpenNotFound::new);
        Target t = targets.find(id).orElseThrow(OpenNotFound::new);
        Province p = provinces.ofPlan(t.planId()).orElseThrow(OpenNotFound::new);
        Plan plan = p.plans().stream().filter(x -> x.id() == t.planId()).findFirst().orElseThrow(OpenNotFound::new);
        String canonical = OpenLinks.target(p, t);
        if (!canonical.equals(OpenLinks.province(p) + "/targets/" + ref) || !p.slug().equals(slug)) {
            return OpenLinks.moved(request, canonical);
        }
        TargetRow row = reader.rows(p, List.of(t), provinces.today(), locale).get(0);
        m.addAttribute("province", p);
        m.addAttribute("plan", plan);
        m.addAttribute("row", row);
        m.addAttribute("target", t);
        m.addAttribute("chart", TrendChart.chart(row.years(), t.baselineYear(), t.baseline(), t.deadlineYear(),
                t.value(), Numbers.of(locale)));
        m.addAttribute("indicator", t.indicatorId() == null ? null : indicators.find(t.indicatorId()).orElse(null));
        m.addAttribute("leads", names(t.leadAgencyIds()));
        m.addAttribute("planLink", OpenLinks.plan(p, plan));
        m.addAttribute("path", canonical);
        return "open/target";
    }

    private List<TaskRow> taskRows(Plan plan, Locale locale) {
        List<Task> list = tasks.forPlan(plan.id(), TaskFilter.ALL);
        Map<Long, List<PublicReports.TaskProgress>> progress = new java.util.HashMap<>();
        for (PublicReports.TaskProgress line : reports.approvedProgress(plan.id())) {
            progress.computeIfAbsent(line.taskId(), k -> new ArrayList<>()).add(line);
        }
        java.util.Set<Long> leadIds = new java.util.LinkedHashSet<>();
        list.forEach(task -> leadIds.addAll(task.leadAgencyIds()));
        Map<Long, Agency> found = leadIds.isEmpty() ? Map.of() : agencies.findAll(leadIds);
        List<TaskRow> out = new ArrayList<>();
        for (Task task : list) {
            Optional<PublicReports.TaskProgress> latest = latest(task, progress.getOrDefault(task.id(), List.of()));
            out.add(new TaskRow(task, texts.timeFrame(task, locale), task.leadAgencyIds().stream()
                    .filter(found::containsKey).map(id -> found.get(id).name()).toList(),
                    latest.map(PublicReports.TaskProgress::status).orElse(null),
                    latest.map(PublicReports.TaskProgress::percentComplete).orElse(null),
                    latest.map(l -> Period.label(l.period(), locale)).orElse(null),
                    latest.map(PublicReports.TaskProgress::demo).orElse(false)));
        }
        return out;
    }

    /** The latest approved line of a task: of its lead agencies when one reported, else of anyone. */
    static Optional<PublicReports.TaskProgress> latest(Task task, List<PublicReports.TaskProgress> lines) {
        Comparator<PublicReports.TaskProgress> byPeriod = Comparator.comparing(l -> Period.parse(l.period()));
        Optional<PublicReports.TaskProgress> lead = lines.stream()
                .filter(l -> task.leadAgencyIds().contains(l.agencyId())).max(byPeriod);
        return lead.isPresent() ? lead : lines.stream().max(byPeriod);
    }

    private List<String> names(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Agency> found = agencies.findAll(ids);
        return ids.stream().filter(found::containsKey).map(id -> found.get(id).name()).toList();
    }
}
