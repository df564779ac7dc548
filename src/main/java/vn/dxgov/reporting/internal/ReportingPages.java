package vn.dxgov.reporting.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dxgov.files.Attachments;
import vn.dxgov.indicators.StaleValueException;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.reporting.Frequency;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Schedule;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;

/**
 * The reporting pages: the landing page (an agency's to-do list; the steering department's inbox and the matrices of
 * current periods; leaders' read-only matrices), a period's matrix, the report form with htmx saving and inline
 * errors, the workflow buttons, evidence, and a plan's schedule and periods.
 */
@Controller
class ReportingPages implements ReportingUi {

    /** How far back a period's deadline may lie and still count as current on the landing page. */
    static final int CURRENT_DAYS = 90;

    private final Reporting reporting;
    private final Schedules schedules;
    private final Submissions submissions;
    private final ReportValidation validation;
    private final ReportingMessages messages;
    private final ReportingViews views;
    private final PlanCatalog plans;
    private final AgencyDirectory agencies;
    private final Clock clock;

    ReportingPages(Reporting reporting, Schedules schedules, Submissions submissions, ReportValidation validation,
                   ReportingMessages messages, ReportingViews views, PlanCatalog plans, AgencyDirectory agencies,
                   Clock clock) {
        this.reporting = reporting;
        this.schedules = schedules;
        this.submissions = submissions;
        this.validation = validation;
        this.messages = messages;
        this.views = views;
        this.plans = plans;
        this.agencies = agencies;
        this.clock = clock;
    }

    @org.springframework.web.bind.annotation.ModelAttribute("fmt")
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

    // ===== the report form =====

    @GetMapping("/reporting/submissions/{id}")
    String submission(@PathVariable long id, Model m) {
        fill(m, views.form(id), Map.of(), Map.of(), List.of());
        return "reporting/form";
    }

    @PostMapping("/reporting/submissions/{id}")
    String save(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model m,
                RedirectAttributes redirect) {
        submissions.checkWrite(id);
        ReportingViews.FormView view = views.form(id);
        Map<String, String> entered = entered(request);
        Parsed parsed = parse(view, entered);
        if (parsed.errors().isEmpty()) {
            try {
                reporting.save(id, parsed.input());
            } catch (StaleValueException e) {
                return stale(id, entered, e, request, response, m);
            } catch (ApiException e) {
                if (e.status() != HttpStatus.BAD_REQUEST) {
                    throw e;
                }
                return invalid(view, entered, parsed, e, request, response, m);
            }
        } else {
            return invalid(view, entered, parsed, null, request, response, m);
        }
        String notice = messages.msg("reporting.form.saved");
        if (ReportingUi.partial(request)) {
            fill(m, views.form(id), Map.of(), Map.of(), List.of());
            m.addAttribute("notice", notice);
            return "reporting/form :: reportForm";
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/reporting/submissions/" + id;
    }

    @PostMapping("/reporting/submissions/{id}/submit")
    String submit(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model m,
                  RedirectAttributes redirect) {
        submissions.checkWrite(id);
        ReportingViews.FormView view = views.form(id);
        Map<String, String> entered = entered(request);
        if (view.editable() && entered.keySet().stream().anyMatch(k -> k.startsWith("t.") || k.startsWith("k.") || k.equals("narrative"))) {
            // what is on the screen is saved first, then submitted
            Parsed parsed = parse(view, entered);
            if (!parsed.errors().isEmpty()) {
                return invalid(view, entered, parsed, null, request, response, m);
            }
            try {
                reporting.save(id, parsed.input());
            } catch (StaleValueException e) {
                return stale(id, entered, e, request, response, m);
            } catch (ApiException e) {
                if (e.status() != HttpStatus.BAD_REQUEST) {
                    throw e;
                }
                return invalid(view, entered, parsed, e, request, response, m);
            }
        }
        try {
            reporting.submit(id);
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST) {
                throw e;
            }
            response.setStatus(422);
            fill(m, views.form(id), Map.of(), Map.of(), e.details());
            m.addAttribute("problem", messages.msg(e.messageKey(), e.args()));
            return "reporting/form";
        }
        redirect.addFlashAttribute("notice", messages.msg("reporting.form.submitted"));
        return "redirect:/reporting/submissions/" + id;
    }

    @PostMapping("/reporting/submissions/{id}/return")
    String returnToAgency(@PathVariable long id, @RequestParam(required = false) String reason,
                          HttpServletResponse response, Model m, RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            return decisionProblem(id, "returnReason", response, m);
        }
        reporting.returnToAgency(id, reason);
        redirect.addFlashAttribute("notice", messages.msg("reporting.form.returned"));
        return "redirect:/reporting/submissions/" + id;
    }

    @PostMapping("/reporting/submissions/{id}/approve")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        reporting.approve(id);
        redirect.addFlashAttribute("notice", messages.msg("reporting.form.approved"));
        return "redirect:/reporting/submissions/" + id;
    }

    @PostMapping("/reporting/submissions/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam(required = false) String reason, HttpServletResponse response,
                  Model m, RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            return decisionProblem(id, "reopenReason", response, m);
        }
        reporting.reopen(id, reason);
        redirect.addFlashAttribute("notice", messages.msg("reporting.form.reopened"));
        return "redirect:/reporting/submissions/" + id;
    }

    /** A return or reopening without a reason: the page again with the message at the reason field. */
    private String decisionProblem(long id, String field, HttpServletResponse response, Model m) {
        Access.requireSteering();
        ReportingViews.FormView view = views.form(id);
        response.setStatus(422);
        fill(m, view, Map.of(), Map.of(field, messages.msg("reporting.error.reasonRequired")), List.of());
        return "reporting/form";
    }

    @PostMapping("/reporting/submissions/{id}/evidence")
    String addEvidence(@PathVariable long id, @RequestParam(required = false) Long task,
                       @RequestParam(value = "file", required = false) MultipartFile file,
                       RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "error.upload.missingFile");
        }
        reporting.addEvidence(id, task, file.getOriginalFilename(),
                file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType(),
                file.getBytes());
        redirect.addFlashAttribute("notice", messages.msg("reporting.evidence.added", file.getOriginalFilename()));
        return "redirect:/reporting/submissions/" + id + (task == null ? "#evidence" : "#task-" + task);
    }

    @GetMapping("/reporting/evidence/{id}")
    ResponseEntity<byte[]> evidence(@PathVariable long id) {
        Attachments.Content c = reporting.evidenceFile(id).orElseThrow(() -> ApiException.notFound("attachment", id));
        return ReportingApiController.download(c);
    }

    @PostMapping("/reporting/evidence/{id}/delete")
    String deleteEvidence(@PathVariable long id, @RequestParam long submission, RedirectAttributes redirect) {
        reporting.deleteEvidence(id);
        redirect.addFlashAttribute("notice", messages.msg("reporting.evidence.deleted"));
        return "redirect:/reporting/submissions/" + submission + "#evidence";
    }

    // ===== a plan's schedule =====

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

    // ===== the form: parsing and the model =====

    /** What the form posted, parsed, with one message per bad field (keyed as the input's name). */
    record Parsed(ReportInput input, Map<String, String> errors) {
    }

    private static Map<String, String> entered(HttpServletRequest request) {
        Map<String, String> out = new HashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (v.length > 0) {
                out.put(k, v[0]);
            }
        });
        return out;
    }

    /** Reads the posted fields of the lines the user may change. */
    Parsed parse(ReportingViews.FormView view, Map<String, String> entered) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<ReportInput.TargetValue> targets = new ArrayList<>();
        for (ReportForm.TargetLine l : view.targets()) {
            String p = "t." + l.key() + ".";
            if (l.locked() || !(entered.containsKey(p + "value") || entered.containsKey(p + "num") || entered.containsKey(p + "den"))) {
                continue;
            }
            boolean percentUnit = l.unit() != null && l.unit().strip().startsWith("%");
            BigDecimal value = number(entered.get(p + "value"), p + "value", percentUnit, errors);
            BigDecimal num = number(entered.get(p + "num"), p + "num", false, errors);
            BigDecimal den = number(entered.get(p + "den"), p + "den", false, errors);
            targets.add(new ReportInput.TargetValue(l.targetId(), l.ratio() ? null : value, l.ratio() ? num : null,
                    l.ratio() ? den : null, entered.get(p + "comment"), l.split(), version(entered.get(p + "version"))));
        }
        List<ReportInput.TaskProgress> tasks = new ArrayList<>();
        for (ReportForm.TaskLine l : view.tasks()) {
            String p = "k." + l.taskId() + ".";
            if (l.locked() || !entered.containsKey(p + "status")) {
                continue;
            }
            String st = entered.get(p + "status");
            TaskProgressStatus status = null;
            if (st != null && !st.isBlank()) {
                try {
                    status = TaskProgressStatus.valueOf(st);
                } catch (IllegalArgumentException e) {
                    errors.put(p + "status", messages.msg("reporting.line.statusUnknown"));
                }
            }
            Integer percent = null;
            String pc = entered.get(p + "percent");
            if (pc != null && !pc.isBlank()) {
                // a whole percentage: anything else gets the message that says so ("Nhập số nguyên từ 0 đến 100")
                Numbers.Reading r = Numbers.current().parsePercent(pc);
                BigDecimal n = r.value();
                if (!r.ok()) {
                    errors.put(p + "percent", messages.msg("reporting.line.percentFormat"));
                } else if (n != null) {
                    if (n.stripTrailingZeros().scale() > 0 || n.signum() < 0 || n.compareTo(BigDecimal.valueOf(100)) > 0) {
                        errors.put(p + "percent", messages.msg("reporting.line.percentFormat"));
                    } else {
                        percent = n.intValueExact();
                    }
                }
            }
            tasks.add(new ReportInput.TaskProgress(l.taskId(), status, percent, entered.get(p + "narrative")));
        }
        ReportInput input = new ReportInput(entered.get("narrative"), targets, tasks);
        if (errors.isEmpty()) {
            ReportForm form = new ReportForm(null, view.targets(), view.tasks(), view.skipped());
            for (ReportValidation.LineError e : validation.validate(form, input)) {
                String key = ("target".equals(e.kind()) ? "t." : "k.") + e.key() + "." + switch (e.field()) {
                    case "numerator" -> "num";
                    case "denominator" -> "den";
                    default -> e.field();
                };
                errors.putIfAbsent(key, e.message());
            }
        }
        return new Parsed(input, errors);
    }

    /** The version of a line the form was opened with (a hidden field); null when absent or unreadable. */
    private static Integer version(String text) {
        if (text == null || text.isBlank() || !text.trim().matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(text.trim());
    }

    /**
     * A number in the grammar of the person's language ({@link Numbers}): in Vietnamese "1.300" is 1300 and "12,5"
     * twelve and a half; "1.3" or "12.5" is refused with how to write it, never guessed. Blank is no value. A field
     * of a percentage also takes a trailing "%".
     */
    BigDecimal number(String text, String field, boolean percent, Map<String, String> errors) {
        Numbers grammar = Numbers.current();
        Numbers.Reading r = percent ? grammar.parsePercent(text) : grammar.parse(text);
        if (!r.ok()) {
            errors.put(field, messages.msg(r.problem().key(), r.problem().arguments()));
        }
        return r.value();
    }

    /**
     * Someone changed lines since the person opened the form: the form again with the person's input kept, the current
     * figure and who changed it beside each such line, and the new versions, so that saving again overwrites on
     * purpose.
     */
    private String stale(long id, Map<String, String> entered, StaleValueException e, HttpServletRequest request,
                         HttpServletResponse response, Model m) {
        response.setStatus(409);
        ReportingViews.FormView fresh = views.form(id);
        Map<String, String> errors = new LinkedHashMap<>();
        for (vn.dxgov.indicators.DataValue v : e.current()) {
            for (ReportForm.TargetLine l : fresh.targets()) {
                if (l.indicatorId() == v.indicatorId() && l.contribution() == v.contribution()) {
                    String field = "t." + l.key() + "." + (l.ratio() ? "num" : "value");
                    errors.put(field, messages.msg("reporting.line.stale", FormLines.lineLabel(l),
                            v.updatedBy() == null ? "?" : v.updatedBy(), Formats.instant(v.updatedAt()),
                            v.value() == null ? "—" : Formats.figure(v.value(), v.numerator(), v.denominator())));
                }
            }
        }
        fill(m, fresh, entered, errors, List.of());
        m.addAttribute("problem", messages.msg("reporting.form.stale"));
        return ReportingUi.partial(request) ? "reporting/form :: reportForm" : "reporting/form";
    }

    private String invalid(ReportingViews.FormView view, Map<String, String> entered, Parsed parsed, ApiException e,
                           HttpServletRequest request, HttpServletResponse response, Model m) {
        response.setStatus(422);
        List<String> details = e == null ? List.of() : e.details();
        fill(m, view, entered, parsed.errors(), details);
        m.addAttribute("problem", messages.msg("reporting.form.invalid"));
        return ReportingUi.partial(request) ? "reporting/form :: reportForm" : "reporting/form";
    }

    /** The model of the form page. */
    private void fill(Model m, ReportingViews.FormView view, Map<String, String> entered, Map<String, String> errors,
                      List<String> details) {
        m.addAttribute("view", view);
        m.addAttribute("s", view.submission());
        m.addAttribute("entered", entered);
        m.addAttribute("errors", errors);
        m.addAttribute("details", details);
        m.addAttribute("steering", CurrentUser.steering());
        m.addAttribute("statuses", TaskProgressStatus.values());
        m.addAttribute("history", reporting.history(view.submission().id()));
        m.addAttribute("period", schedules.requirePeriod(view.submission().reportingPeriodId()));
        m.addAttribute("today", LocalDate.now(clock));
        Agency agency = agencies.find(view.submission().agencyId()).orElse(null);
        m.addAttribute("agency", agency);
        m.addAttribute("fmt", new Formats(entered));
        if (!m.containsAttribute("notice")) {
            m.addAttribute("notice", null);
        }
    }
}
