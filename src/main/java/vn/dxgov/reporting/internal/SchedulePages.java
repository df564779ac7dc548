package vn.dxgov.reporting.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.reporting.Frequency;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.Schedule;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.web.ApiException;

/** A plan's reporting page: its schedule (the steering department edits it) and its periods. */
@Controller
class SchedulePages implements ReportingUi {

    private final Reporting reporting;
    private final ReportingMessages messages;
    private final PlanCatalog plans;
    private final Clock clock;

    SchedulePages(Reporting reporting, ReportingMessages messages, PlanCatalog plans, Clock clock) {
        this.reporting = reporting;
        this.messages = messages;
        this.plans = plans;
        this.clock = clock;
    }

    @ModelAttribute("fmt")
    Formats formats() {
        return new Formats(Map.of());
    }

    @GetMapping("/plans/{id}/reporting")
    String planReporting(@PathVariable long id, Model m) {
        Access.requireParticipant();
        Plan plan = plans.find(id).orElseThrow(() -> ApiException.notFound("plan", id));
        Optional<Schedule> schedule = reporting.activeSchedule(id);
        m.addAttribute("schedule", schedule.orElse(null));
        m.addAttribute("scheduleForm", schedule.map(ScheduleForm::of).orElseGet(() -> ScheduleForm.blank(plan, LocalDate.now(clock))));
        return planPage(plan, m, Map.of());
    }

    @PostMapping("/plans/{id}/reporting/schedule")
    String saveSchedule(@PathVariable long id, ScheduleForm form, HttpServletResponse response, Model m,
                        RedirectAttributes redirect) {
        Access.requireSteering();
        Plan plan = plans.find(id).orElseThrow(() -> ApiException.notFound("plan", id));
        Map<String, String> errors = new LinkedHashMap<>();
        Integer first = ScheduleForm.year(form.firstYear(), "firstYear", errors, messages);
        Integer last = ScheduleForm.year(form.lastYear(), "lastYear", errors, messages);
        List<Integer> before = ScheduleForm.days(form.reminderDaysBefore(), "reminderDaysBefore", errors, messages);
        List<Integer> after = ScheduleForm.days(form.reminderDaysAfter(), "reminderDaysAfter", errors, messages);
        if (errors.isEmpty()) {
            try {
                reporting.saveSchedule(id, form.frequency(), ScheduleForm.list(form.agencyDue()),
                        ScheduleForm.list(form.consolidationDue()), first, last, before, after, null);
                redirect.addFlashAttribute("notice", messages.msg("reporting.schedule.saved"));
                return "redirect:/plans/" + id + "/reporting";
            } catch (ApiException e) {
                if (e.status() != HttpStatus.BAD_REQUEST) {
                    throw e;
                }
                m.addAttribute("scheduleProblems", e.details());
            }
        }
        response.setStatus(422);
        m.addAttribute("schedule", reporting.activeSchedule(id).orElse(null));
        m.addAttribute("scheduleForm", form);
        m.addAttribute("editing", true);
        return planPage(plan, m, errors);
    }

    private String planPage(Plan plan, Model m, Map<String, String> errors) {
        m.addAttribute("plan", plan);
        m.addAttribute("periods", reporting.periods(plan.id()));
        m.addAttribute("today", LocalDate.now(clock));
        m.addAttribute("steering", CurrentUser.steering());
        m.addAttribute("frequencies", Frequency.values());
        m.addAttribute("errors", errors);
        m.addAttribute("myAgency", Access.editorAgency().orElse(null));
        return "reporting/plan";
    }

    /** The schedule form as typed: day-months separated by commas or spaces. */
    record ScheduleForm(Frequency frequency, String agencyDue, String consolidationDue, String firstYear,
                        String lastYear, String reminderDaysBefore, String reminderDaysAfter) {

        static ScheduleForm of(Schedule s) {
            return new ScheduleForm(s.frequency(), String.join(", ", s.agencyDue()),
                    s.consolidationDue() == null ? "" : String.join(", ", s.consolidationDue()),
                    Integer.toString(s.firstYear()), Integer.toString(s.lastYear()),
                    join(s.reminderDaysBefore()), join(s.reminderDaysAfter()));
        }

        static ScheduleForm blank(Plan plan, LocalDate today) {
            int first = plan.issuedOn() != null ? plan.issuedOn().getYear()
                    : plan.periodStart() != null ? plan.periodStart() : today.getYear();
            int last = Math.max(plan.periodEnd() == null ? first : plan.periodEnd(), today.getYear());
            return new ScheduleForm(Frequency.ANNUAL, "15/12", "", Integer.toString(first), Integer.toString(last),
                    join(ScheduleRules.DEFAULT_BEFORE), join(ScheduleRules.DEFAULT_AFTER));
        }

        private static String join(List<Integer> days) {
            return days == null ? "" : String.join(", ", days.stream().map(String::valueOf).toList());
        }

        static List<String> list(String text) {
            if (text == null || text.isBlank()) {
                return List.of();
            }
            return List.of(text.trim().split("[,;\\s]+"));
        }

        static Integer year(String text, String field, Map<String, String> errors, ReportingMessages messages) {
            try {
                return Integer.parseInt(text == null ? "" : text.trim());
            } catch (NumberFormatException e) {
                errors.put(field, messages.msg("reporting.schedule.error.yearFormat"));
                return null;
            }
        }

        static List<Integer> days(String text, String field, Map<String, String> errors, ReportingMessages messages) {
            List<Integer> out = new ArrayList<>();
            for (String s : list(text)) {
                try {
                    out.add(Integer.parseInt(s));
                } catch (NumberFormatException e) {
                    errors.put(field, messages.msg("reporting.schedule.error.daysFormat"));
                    return null;
                }
            }
            return out;
        }
    }
}
