package vn.dxgov.reporting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.AgencyDirectory;

/**
 * The reporting landing page (an agency's to-do list; the steering department's inbox and the matrices of current
 * periods; leaders' read-only matrices) and a period's matrix, from which a report is opened. The report form is
 * {@link SubmissionPages}; a plan's schedule {@link SchedulePages}.
 */
@Controller
class ReportingPages implements ReportingUi {

    /** How far back a period's deadline may lie and still count as current on the landing page. */
    static final int CURRENT_DAYS = 90;

    private final Reporting reporting;
    private final Schedules schedules;
    private final ReportingViews views;
    private final PlanCatalog plans;
    private final AgencyDirectory agencies;
    private final Clock clock;

    ReportingPages(Reporting reporting, Schedules schedules, ReportingViews views, PlanCatalog plans,
                   AgencyDirectory agencies, Clock clock) {
        this.reporting = reporting;
        this.schedules = schedules;
        this.views = views;
        this.plans = plans;
        this.agencies = agencies;
        this.clock = clock;
    }

    @ModelAttribute("fmt")
    Formats formats() {
        return new Formats(Map.of());
    }

    // ===== landing page =====

    @GetMapping("/reporting")
    String index(@RequestParam(required = false) Long agency, Model m) {
        Access.requireParticipant();
        Optional<Long> mine = Access.editorAgency();
        m.addAttribute("steering", CurrentUser.steering());
        m.addAttribute("leader", Access.leader());
        m.addAttribute("today", LocalDate.now(clock));
        Long todoAgency = mine.orElse(agency);
        if (todoAgency != null) {
            m.addAttribute("todoAgency", agencies.find(todoAgency).orElse(null));
            m.addAttribute("todo", views.todo(todoAgency));
            m.addAttribute("recent", views.rows(reporting.forAgency(todoAgency)).stream().limit(10).toList());
        }
        if (CurrentUser.readsAll()) {
            m.addAttribute("inbox", views.rows(reporting.inbox()));
            m.addAttribute("current", currentPeriods());
        }
        return "reporting/index";
    }

    /** Open periods of published plans that have started and whose deadline is at most {@link #CURRENT_DAYS} ago. */
    private List<ReportingViews.PeriodView> currentPeriods() {
        LocalDate today = LocalDate.now(clock);
        List<ReportingViews.PeriodView> out = new ArrayList<>();
        for (Plan plan : plans.list()) {
            if (!plan.published()) {
                continue;
            }
            for (ReportingPeriod p : reporting.periods(plan.id())) {
                if (p.status() == ReportingPeriod.Status.OPEN && !Period.parse(p.period()).start().isAfter(today)
                        && !p.agencyDueOn().isBefore(today.minusDays(CURRENT_DAYS))) {
                    out.add(views.period(p));
                }
            }
        }
        out.sort((a, b) -> a.period().agencyDueOn().compareTo(b.period().agencyDueOn()));
        return out;
    }

    // ===== a period =====

    @GetMapping("/reporting/periods/{id}")
    String period(@PathVariable long id, Model m) {
        ReportingPeriod p = schedules.requirePeriod(id);
        m.addAttribute("view", views.period(p));
        m.addAttribute("plan", plans.find(p.planId()).orElseThrow(() -> ApiException.notFound("plan", p.planId())));
        m.addAttribute("steering", CurrentUser.steering());
        m.addAttribute("myAgency", Access.editorAgency().orElse(null));
        return "reporting/period";
    }

    /** Opens (or finds) a report: the editor's own agency, or for the steering department the agency chosen. */
    @PostMapping("/reporting/periods/{id}/open")
    String open(@PathVariable long id, @RequestParam(required = false) Long agency) {
        long agencyId = agency != null ? agency : Access.editorAgency().or(CurrentUser::agencyId)
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "reporting.error.agencyRequired"));
        Submission s = reporting.open(id, agencyId);
        return "redirect:/reporting/submissions/" + s.id();
    }
}
