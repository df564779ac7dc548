package vn.dxgov.portal.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.plans.PlanTexts;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.shared.web.EnumName;
import vn.dxgov.shared.web.FormErrors;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.tasks.Task;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.AgencyKind;
import vn.dxgov.units.AgencyMergeRefused;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.reports.Scorecard;
import vn.dxgov.reports.Scorecards;
import vn.dxgov.security.CurrentUser;

/**
 * The agency pages: the list with a diacritics-insensitive search, and one agency with everything it leads or
 * co-operates on in the plans the user may see; the steering department corrects its name, kind and aliases.
 */
// size: the agency page with its parts (work, reports with lateness, scorecard line, merge form); to split by part next
@Controller
class AgencyPages implements PortalPage {

    record AgencyRow(Agency agency, String province) {
    }

    /** A target as the page lists it, its committed value written for the reader ("≥ 90%"). */
    record TargetRow(Target target, String value) {
    }

    /** A task as the page lists it, its time frame written for the reader ("2022–2025", "Hằng năm"). */
    record TaskRow(Task task, String timeFrame) {
    }

    record WorkTarget(TargetRow row, boolean lead) {
    }

    record WorkTask(TaskRow row, boolean lead) {
    }

    /** What an agency does in one plan. */
    record PlanWork(Plan plan, List<WorkTarget> targets, List<WorkTask> tasks) {
    }

    /**
     * One of the agency's reports, or a period it had to report in and has not (submissionId null): its status word
     * ({@code reporting.status.*}: NOT_STARTED for a report never opened), and how late: {@code daysLate} &gt; 0 days
     * after the deadline it was first submitted (or, not submitted yet, how far past the deadline it is), 0 or less
     * on time; null while not submitted and not yet due.
     */
    record ReportLine(Long submissionId, long planId, String planLabel, String period, String periodLabel,
                      LocalDate dueOn, String status, boolean submitted, Long daysLate) {
        public boolean late() {
            return daysLate != null && daysLate > 0;
        }
    }

    /** The agency's line of its province's scorecard for a year, with how many agencies the table has. */
    record ScoreLine(int year, Scorecard.AgencyScore score, int of) {
    }

    /** The merge form: the agency this one goes into. */
    public static class MergeForm {
        private Long into;

        public Long getInto() { return into; }
        public void setInto(Long into) { this.into = into; }
    }

    /** The agency edit form: a name of at most 300 characters, a kind, aliases one per line. */
    public static class AgencyForm {
        @NotBlank(message = "{review.error.required}")
        @Size(max = 300, message = "{agency.error.nameTooLong}")
        private String name = "";
        @EnumName(AgencyKind.class)
        private String kind = "";
        private String aliases = "";

        static AgencyForm of(Agency a) {
            AgencyForm f = new AgencyForm();
            f.name = a.name();
            f.kind = a.kind() == null ? "" : a.kind().name();
            f.aliases = String.join("\n", a.aliases() == null ? List.of() : a.aliases());
            return f;
        }

        List<String> aliasList() {
            if (aliases == null) {
                return List.of();
            }
            return List.copyOf(new LinkedHashSet<>(Arrays.stream(aliases.split("[\\r\\n;]+")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList()));
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getAliases() { return aliases; }
        public void setAliases(String aliases) { this.aliases = aliases; }
    }

    private final AgencyDirectory agencies;
    private final AdminUnits units;
    private final PlanCatalog plans;
    private final PlanTexts texts;
    private final TargetCatalog targets;
    private final TaskCatalog tasks;
    private final MessageSource messages;
    private final Reporting reporting;
    private final Scorecards scorecards;
    private final java.time.Clock clock;

    AgencyPages(AgencyDirectory agencies, AdminUnits units, PlanCatalog plans, PlanTexts texts, TargetCatalog targets,
                TaskCatalog tasks, MessageSource messages, Reporting reporting, Scorecards scorecards,
                java.time.Clock clock) {
        this.reporting = reporting;
        this.scorecards = scorecards;
        this.clock = clock;
        this.agencies = agencies;
        this.units = units;
        this.plans = plans;
        this.texts = texts;
        this.targets = targets;
        this.tasks = tasks;
        this.messages = messages;
    }

    @GetMapping("/agencies")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String province,
                @RequestParam(required = false) AgencyKind kind, @RequestParam(required = false) Boolean review,
                Model m, jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
        String query = q == null || q.isBlank() ? null : q.trim();
        String prov = province == null || province.isBlank() ? null : province.trim();
        // another province's agencies do not exist for a user of a province
        List<Agency> all = agencies.list(null, null).stream().filter(a -> CurrentUser.mayRead(a.provinceCode())).toList();
        Map<String, String> provinceNames = provinceNames(all);
        List<Agency> shown = agencies.list(prov, query).stream()
                .filter(a -> CurrentUser.mayRead(a.provinceCode()))
                .filter(a -> kind == null || a.kind() == kind)
                .filter(a -> !Boolean.TRUE.equals(review) || a.needsReview())
                .toList();
        m.addAttribute("rows", shown.stream().map(a -> new AgencyRow(a, provinceNames.get(a.provinceCode()))).toList());
        m.addAttribute("total", all.size());
        m.addAttribute("q", query);
        m.addAttribute("province", prov);
        m.addAttribute("kind", kind);
        m.addAttribute("review", Boolean.TRUE.equals(review));
        m.addAttribute("kinds", AgencyKind.values());
        m.addAttribute("provinces", provinceNames);
        m.addAttribute("reviewCount", all.stream().filter(Agency::needsReview).count());
        m.addAttribute("mayAdd", CurrentUser.steering());
        response.addHeader("Vary", "HX-Request");
        if (PortalPage.partial(request)) {
            return "agencies/list :: results";
        }
        return "agencies/list";
    }

    @GetMapping("/agencies/{id}")
    String agency(@PathVariable long id, Model m, Locale locale) {
        java.util.Optional<Agency> found = agencies.find(id).filter(a -> CurrentUser.mayRead(a.provinceCode()));
        if (found.isEmpty()) {
            // a merged agency's old address leads to the agency it went into
            java.util.Optional<Long> into = agencies.mergedInto(id)
                    .filter(i -> agencies.find(i).filter(a -> CurrentUser.mayRead(a.provinceCode())).isPresent());
            if (into.isPresent()) {
                return "redirect:/agencies/" + into.get();
            }
        }
        Agency agency = found.orElseThrow(() -> ApiException.notFound("agency", id));
        m.addAttribute("form", AgencyForm.of(agency));
        m.addAttribute("mergeForm", new MergeForm());
        return page(agency, m, locale);
    }

    /** The agency's scorecard line (this year and last): a fragment the agency page loads after itself. */
    @GetMapping("/agencies/{id}/scorecard")
    String scorecard(@PathVariable long id, Model m) {
        Agency agency = readable(id);
        List<ScoreLine> scores = scores(agency);
        if (scores == null) {
            throw new org.springframework.security.access.AccessDeniedException("scorecards are for STEERING, LEADER, ADMIN");
        }
        m.addAttribute("agency", agency);
        m.addAttribute("scores", scores);
        return "agencies/agency :: scorecard";
    }

    /** The agency of a province the user reads; another province's is not found (404). */
    private Agency readable(long id) {
        return agencies.find(id).filter(a -> CurrentUser.mayRead(a.provinceCode()))
                .orElseThrow(() -> ApiException.notFound("agency", id));
    }

    /** Steering the agency's province (its steering department, a national one, an administrator), else 403. */
    private static void requireSteer(Agency agency) {
        PortalPage.requireSteering();
        if (!CurrentUser.maySteer(agency.provinceCode())) {
            throw new org.springframework.security.access.AccessDeniedException("another province's agency");
        }
    }

    @PostMapping("/agencies/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") AgencyForm form, BindingResult result, Model m,
                  Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        PortalPage.requireSteering();
        Agency agency = readable(id);
        requireSteer(agency);
        if (!result.hasErrors()) {
            try {
                agencies.update(id, form.getName().trim(), AgencyKind.valueOf(form.getKind().trim()), form.aliasList());
                redirect.addFlashAttribute("notice", messages.getMessage("agency.saved", null, locale));
                return "redirect:/agencies/" + id;
            } catch (ApiException e) {
                refused(result, e, locale);
            }
        }
        response.setStatus(422);
        m.addAttribute("editOpen", true);
        m.addAttribute("mergeForm", new MergeForm());
        return page(agency, m, locale);
    }

    @PostMapping("/agencies/{id}/merge")
    String merge(@PathVariable long id, @ModelAttribute("mergeForm") MergeForm mergeForm, BindingResult result,
                 @RequestParam(required = false) String back, Model m, Locale locale, HttpServletResponse response,
                 RedirectAttributes redirect) {
        PortalPage.requireSteering();
        Agency agency = readable(id);
        requireSteer(agency);
        Long into = mergeForm.getInto();
        if (into == null) {
            result.rejectValue("into", "required", messages.getMessage("agency.merge.error.into", null, locale));
        } else if (into == id) {
            result.rejectValue("into", "self", messages.getMessage("agency.merge.error.self", null, locale));
        } else {
            java.util.Optional<Agency> target = agencies.find(into).filter(a -> CurrentUser.mayRead(a.provinceCode()));
            if (target.isEmpty()) {
                result.rejectValue("into", "missing", messages.getMessage("agency.merge.error.into", null, locale));
            } else if (!Objects.equals(target.get().provinceCode(), agency.provinceCode())) {
                result.rejectValue("into", "province", messages.getMessage("agency.merge.error.otherProvince", null, locale));
            }
        }
        if (!result.hasErrors()) {
            try {
                Agency merged = agencies.merge(id, into);
                redirect.addFlashAttribute("notice", messages.getMessage("agency.merge.done",
                        new Object[]{agency.name(), merged.name()}, locale));
                String to = AgencyCreatePages.safeBack(back);
                return "redirect:" + (to.isEmpty() ? "/agencies/" + merged.id() : to);
            } catch (AgencyMergeRefused e) {
                m.addAttribute("mergeConflicts", e.conflicts().stream()
                        .map(c -> messages.getMessage(c.messageKey(), c.args().toArray(), c.messageKey(), locale)).toList());
                result.reject("conflicts", messages.getMessage("agency.merge.refused", new Object[]{e.conflicts().size()}, locale));
            } catch (ApiException e) {
                String field = e.messageKey().startsWith("agency.merge.error") ? "into" : null;
                String text = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
                if (field != null) {
                    result.rejectValue(field, "service", text);
                } else {
                    FormErrors.global(result, text);
                }
            }
        }
        response.setStatus(422);
        m.addAttribute("mergeOpen", true);
        m.addAttribute("form", AgencyForm.of(agency));
        return page(agency, m, locale);
    }

    /** The directory's refusal on the edit form: a duplicate name on the name field, in the reader's language. */
    private void refused(BindingResult result, ApiException e, Locale locale) {
        String text = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
        if ("agency.error.duplicate".equals(e.messageKey())) {
            boolean alias = e.details().stream().anyMatch(d -> d.startsWith("aliases:"));
            result.rejectValue(alias ? "aliases" : "name", "duplicate", text);
        } else if (!e.details().isEmpty()) {
            FormErrors.details(result, e.details(), Map.of("name", "name", "kind", "kind", "aliases", "aliases"), locale);
        } else {
            FormErrors.global(result, text);
        }
    }

    /** The agency's page; the model holds the edit {@code form} (and, after a post, its binding result). */
    private String page(Agency agency, Model m, Locale locale) {
        List<Plan> visible = plans.list();
        List<Long> ids = visible.stream().map(Plan::id).toList();
        Map<Long, PlanWork> work = new LinkedHashMap<>();
        visible.forEach(p -> work.put(p.id(), new PlanWork(p, new ArrayList<>(), new ArrayList<>())));
        List<Target> ts = targets.forAgency(agency.id(), ids);
        for (Target t : ts) {
            PlanWork w = work.get(t.planId());
            if (w != null) {
                w.targets().add(new WorkTarget(new TargetRow(t, texts.targetValue(t, locale)),
                        t.leadAgencyIds().contains(agency.id())));
            }
        }
        List<Task> ks = tasks.forAgency(agency.id(), ids);
        for (Task t : ks) {
            PlanWork w = work.get(t.planId());
            if (w != null) {
                w.tasks().add(new WorkTask(new TaskRow(t, texts.timeFrame(t, locale)),
                        t.leadAgencyIds().contains(agency.id())));
            }
        }
        List<PlanWork> plansWithWork = work.values().stream()
                .filter(w -> !w.targets().isEmpty() || !w.tasks().isEmpty()).toList();
        long leadCount = plansWithWork.stream().mapToLong(w -> w.targets().stream().filter(WorkTarget::lead).count()
                + w.tasks().stream().filter(WorkTask::lead).count()).sum();
        m.addAttribute("agency", agency);
        m.addAttribute("province", provinceNames(List.of(agency)).get(agency.provinceCode()));
        m.addAttribute("work", plansWithWork);
        m.addAttribute("targetCount", ts.size());
        m.addAttribute("taskCount", ks.size());
        m.addAttribute("leadCount", leadCount);
        m.addAttribute("cooperatingCount", ts.size() + ks.size() - leadCount);
        m.addAttribute("kinds", AgencyKind.values());
        List<Long> leadPlans = plansWithWork.stream().filter(w -> w.targets().stream().anyMatch(WorkTarget::lead)
                || w.tasks().stream().anyMatch(WorkTask::lead)).map(w -> w.plan().id()).toList();
        m.addAttribute("reports", reports(agency, leadPlans, locale));
        // the scorecard line comes after the page (htmx, on load): the reports module judges the whole province's
        // plans for it, about 0,5 s a year on the demo data, twice the rest of the page
        m.addAttribute("mayScore", agency.provinceCode() != null && CurrentUser.readsAll(agency.provinceCode()));
        if (CurrentUser.maySteer(agency.provinceCode())) {
            m.addAttribute("mergeChoices", agencies.list(agency.provinceCode(), null).stream()
                    .filter(a -> a.id() != agency.id() && Objects.equals(a.provinceCode(), agency.provinceCode())).toList());
        }
        return "agencies/agency";
    }

    /**
     * The agency's reports in the plans the user sees, newest deadline first, with the periods past their deadline it
     * had to report in and never opened; null when the user may not read its reports (a viewer, another agency's
     * editor: the reporting module's rule).
     */
    private List<ReportLine> reports(Agency agency, List<Long> leadPlans, Locale locale) {
        List<Submission> mine;
        try {
            mine = reporting.forAgency(agency.id());
        } catch (ApiException | org.springframework.security.access.AccessDeniedException e) {
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        Map<Long, String> labels = new HashMap<>();
        for (Plan p : plans.list()) {
            // "06-NQ/TU", or a plan without a number by the start of its title
            String title = p.title() == null ? "#" + p.id() : p.title();
            labels.put(p.id(), p.number() != null ? p.number()
                    : title.length() > 60 ? title.substring(0, title.lastIndexOf(' ', 59) > 20 ? title.lastIndexOf(' ', 59) : 59) + "…" : title);
        }
        List<ReportLine> lines = new ArrayList<>();
        java.util.Set<Long> reported = new java.util.HashSet<>();
        for (Submission s : mine) {
            reported.add(s.reportingPeriodId());
            boolean submitted = s.firstSubmittedAt() != null;
            Long daysLate = null;
            if (s.dueOn() != null && submitted) {
                daysLate = java.time.temporal.ChronoUnit.DAYS.between(s.dueOn(),
                        LocalDate.ofInstant(s.firstSubmittedAt(), clock.getZone()));
            } else if (s.dueOn() != null && today.isAfter(s.dueOn())) {
                daysLate = java.time.temporal.ChronoUnit.DAYS.between(s.dueOn(), today);
            }
            lines.add(new ReportLine(s.id(), s.planId(), labels.getOrDefault(s.planId(), "#" + s.planId()), s.period(),
                    periodLabel(s.period(), locale), s.dueOn(), s.status().name(), submitted, daysLate));
        }
        // the periods past their deadline it had to report in (it leads something there) and never opened
        for (long planId : leadPlans) {
            List<ReportingPeriod> periods;
            try {
                periods = reporting.periods(planId);
            } catch (ApiException e) {
                continue;
            }
            for (ReportingPeriod p : periods) {
                if (reported.contains(p.id()) || !today.isAfter(p.agencyDueOn())
                        || !reporting.requiredAgencies(p.id()).contains(agency.id())) {
                    continue;
                }
                lines.add(new ReportLine(null, planId, labels.getOrDefault(planId, "#" + planId), p.period(),
                        periodLabel(p.period(), locale), p.agencyDueOn(), "NOT_STARTED", false,
                        java.time.temporal.ChronoUnit.DAYS.between(p.agencyDueOn(), today)));
            }
        }
        lines.sort(java.util.Comparator.comparing(ReportLine::dueOn, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
                .thenComparing(ReportLine::planLabel));
        return lines;
    }

    private static String periodLabel(String code, Locale locale) {
        try {
            return vn.dxgov.shared.Period.label(code, locale);
        } catch (RuntimeException e) {
            return code;
        }
    }

    /**
     * The agency's line of its province's scorecard (the reports module's, as on /reports/scorecard) this year and
     * last year; null for those who may not read scorecards (editors, viewers) and for a national body.
     */
    private List<ScoreLine> scores(Agency agency) {
        if (agency.provinceCode() == null || !CurrentUser.readsAll(agency.provinceCode())) {
            return null;
        }
        int year = LocalDate.now(clock).getYear();
        List<ScoreLine> out = new ArrayList<>();
        for (int y = year; y >= year - 1; y--) {
            try {
                Scorecard sc = scorecards.forProvince(agency.provinceCode(), y);
                int yy = y;
                sc.rows().stream().filter(r -> r.agencyId() == agency.id()).findFirst()
                        .ifPresent(r -> out.add(new ScoreLine(yy, r, sc.rows().size())));
            } catch (ApiException e) {
                // no published plan of the province: no scorecard
            }
        }
        return out;
    }

    /** Province names for the agencies' province codes, from the plans first, then the administrative units. */
    private Map<String, String> provinceNames(List<Agency> list) {
        Map<String, String> names = new HashMap<>();
        for (Plan p : plans.list()) {
            if (p.provinceCode() != null && p.provinceName() != null) {
                names.putIfAbsent(p.provinceCode(), p.provinceName());
            }
        }
        Map<String, String> out = new java.util.TreeMap<>();
        list.stream().map(Agency::provinceCode).filter(Objects::nonNull).distinct().forEach(code -> {
            String name = names.get(code);
            if (name == null) {
                try {
                    name = units.find(code, LocalDate.now())
                            .or(() -> units.find(code, LocalDate.of(2025, 6, 30)))
                            .map(AdminUnit::shortName).orElse(code);
                } catch (RuntimeException e) {
                    name = code;
                }
            }
            out.put(code, name);
        });
        java.util.Comparator<String> collator = vn.dxgov.shared.VietText.collator();
        Map<String, String> sorted = new LinkedHashMap<>();
        out.entrySet().stream().sorted((a, b) -> collator.compare(a.getValue(), b.getValue()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
