package vn.dxgov.plans.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanType;
import vn.dxgov.shared.Pillar;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.shared.web.FormErrors;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.tasks.Task;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;

/**
 * The plan pages: the plan tree, a plan with its targets and tasks (filtered with htmx or a plain GET form), and for
 * the steering department the inline review of targets and tasks, the metadata edit and publication.
 */
@Controller
class PlanPages implements UiPage {

    /** The filters of the plan page; null fields do not filter. */
    /**
     * @param pending the steering department's preview: statuses from approved figures and the submitted, not yet
     *                approved ones (each status so computed is marked)
     */
    record Filter(Long agency, Pillar pillar, Integer year, String q, boolean pending) {
        Filter(Long agency, Pillar pillar, Integer year, String q) {
            this(agency, pillar, year, q, false);
        }

        boolean active() {
            return agency != null || pillar != null || year != null || (q != null && !q.isBlank());
        }
    }

    private final PlanService plans;
    private final PlanReview review;
    private final PlanViews views;
    private final PlanPageModel model;
    private final TargetCatalog targets;
    private final TaskCatalog tasks;
    private final AgencyDirectory agencies;
    private final MessageSource messages;
    private final VersionPageModel versionPage;
    private final PageStamp pageStamp;
    private final Results results;

    /** A user's page: kept by the browser only, and checked again (If-None-Match) before each use. */
    static final String PRIVATE_REVALIDATE = "private, no-cache";

    PlanPages(PlanService plans, PlanReview review, PlanViews views, PlanPageModel model, TargetCatalog targets,
              TaskCatalog tasks, AgencyDirectory agencies, MessageSource messages,
              VersionPageModel versionPage, PageStamp pageStamp, Results results) {
        this.plans = plans;
        this.review = review;
        this.views = views;
        this.model = model;
        this.targets = targets;
        this.tasks = tasks;
        this.agencies = agencies;
        this.messages = messages;
        this.versionPage = versionPage;
        this.pageStamp = pageStamp;
        this.results = results;
    }

    @GetMapping("/plans")
    String list(Model m, Locale locale) {
        m.addAttribute("rows", model.tree(views.summaries(plans.list()), locale));
        m.addAttribute("reviewer", PlanService.canReview());
        return "plans/list";
    }

    @GetMapping("/plans/{id}")
    String plan(@PathVariable long id, @RequestParam(required = false) Long agency,
                @RequestParam(required = false) Pillar pillar, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String q,
                @RequestParam(required = false) vn.dxgov.analytics.ValueView view, Model m, Locale locale,
                HttpServletRequest request, HttpServletResponse response,
                org.springframework.web.context.request.ServletWebRequest web) {
        // a page the browser has, unchanged since: 304 without judging a status or rendering a row (PageStamp)
        java.time.LocalDate today = java.time.LocalDate.now();
        PageStamp.Stamp stamp = pageStamp.now();
        String etag = PageStamp.etag(stamp, request, locale, today);
        if (PageStamp.ifNoneMatches(request.getHeader("If-None-Match"), etag) && web.checkNotModified(etag)) {
            response.setHeader("Cache-Control", PRIVATE_REVALIDATE);
            return null;
        }
        Plan plan = plans.require(id);
        // submitted, not yet approved figures are the steering department's preview only; others see approved ones
        boolean pending = view == vn.dxgov.analytics.ValueView.PENDING && PlanService.canReview(plan);
        Filter filter = new Filter(agency, pillar, year, q == null || q.isBlank() ? null : q.trim(), pending);
        boolean reviewer = PlanService.canReview(plan);
        m.addAttribute("plan", plan);
        m.addAttribute("filter", filter);
        m.addAttribute("reviewer", reviewer);
        // the results (targets with their statuses, tasks): rendered once per database state and kept (Results)
        Results.Part part = results.part(plan, filter, reviewer, today, locale, stamp, m.asMap(), request, response);
        response.addHeader("Vary", "HX-Request");
        if (etag != null && pageStamp.unchanged(stamp)) {
            // private: the page is this user's; no-cache: the browser asks again each time, and gets 304 or the page
            response.setHeader("ETag", etag);
            response.setHeader("Cache-Control", PRIVATE_REVALIDATE);
        }
        if (UiPage.partial(request)) {
            response.setHeader("HX-Push-Url", planUrl(id, filter));
            m.addAttribute("rendered", part.html());
            return "fragments/rendered";
        }
        m.addAttribute("resultsHtml", part.html());
        m.addAttribute("header", model.row(plan, locale));
        m.addAttribute("parent", plan.parentId() == null ? null : plans.find(plan.parentId()).orElse(null));
        m.addAttribute("children", plans.children(id));
        versionPage.addTo(m, plan, plans);
        m.addAttribute("agencyOptions", part.agencyOptions());
        m.addAttribute("years", part.years());
        m.addAttribute("pillars", Pillar.values());
        return "plans/plan";
    }

    static String planUrl(long id, Filter f) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/plans/" + id);
        if (f.agency() != null) {
            b.queryParam("agency", f.agency());
        }
        if (f.pillar() != null) {
            b.queryParam("pillar", f.pillar().name());
        }
        if (f.year() != null) {
            b.queryParam("year", f.year());
        }
        if (f.q() != null) {
            b.queryParam("q", f.q());
        }
        if (f.pending()) {
            b.queryParam("view", "PENDING");
        }
        return b.encode().build().toUriString();
    }

    // ----- plan metadata and publication (steering department)

    @GetMapping("/plans/{id}/edit")
    String editPlan(@PathVariable long id, Model m) {
        requireReviewer();
        Plan plan = plans.requireReview(id);
        m.addAttribute("form", ReviewForms.PlanForm.of(plan));
        return planForm(plan, m);
    }

    @PostMapping("/plans/{id}/edit")
    String updatePlan(@PathVariable long id, @Valid @ModelAttribute("form") ReviewForms.PlanForm form,
                      BindingResult result, Model m, Locale locale, HttpServletResponse response,
                      RedirectAttributes redirect) {
        requireReviewer();
        Plan plan = plans.requireReview(id);
        if (!result.hasErrors()) {
            try {
                plans.update(id, form.toEdit());
                redirect.addFlashAttribute("notice", messages.getMessage("plan.saved", null, locale));
                return "redirect:/plans/" + id;
            } catch (ApiException e) {
                FormErrors.global(result, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
                FormErrors.details(result, e.details(), Map.of(), locale);
            }
        }
        response.setStatus(422);
        return planForm(plan, m);
    }

    /** The plan form; the model holds {@code form} (and, after a post, its binding result). */
    private String planForm(Plan plan, Model m) {
        m.addAttribute("plan", plan);
        m.addAttribute("types", PlanType.values());
        List<Plan> parents = new ArrayList<>(plans.list().stream().filter(p -> p.id() != plan.id()).toList());
        m.addAttribute("parents", parents);
        return "plans/edit";
    }

    @PostMapping("/plans/{id}/publish")
    String publish(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        requireReviewer();
        plans.publish(id);
        redirect.addFlashAttribute("notice", messages.getMessage("plan.published", null, locale));
        return "redirect:/plans/" + id;
    }

    // ----- targets: show a row, edit it inline (steering department)

    @GetMapping("/plans/{planId}/targets/{id}/row")
    String targetRow(@PathVariable long planId, @PathVariable long id, Model m, Locale locale) {
        Target t = target(planId, id);
        Plan owner = plans.require(planId);
        m.addAttribute("plan", owner);
        m.addAttribute("reviewer", PlanService.canReview(owner));
        m.addAttribute("row", model.targetRow(views.targets(List.of(t)).get(0), locale));
        return "plans/rows :: targetRow";
    }

    @GetMapping("/plans/{planId}/targets/{id}/edit")
    String editTarget(@PathVariable long planId, @PathVariable long id, Model m, Locale locale,
                      HttpServletRequest request) {
        requireReviewer();
        plans.requireReview(planId);
        Target t = target(planId, id);
        m.addAttribute("form", ReviewForms.TargetForm.of(t, locale));
        return targetForm(plans.require(planId), t, m, request);
    }

    @RequestMapping(path = "/plans/{planId}/targets/{id}", method = {RequestMethod.PUT, RequestMethod.POST})
    String updateTarget(@PathVariable long planId, @PathVariable long id,
                        @Valid @ModelAttribute("form") ReviewForms.TargetForm form, BindingResult result, Model m,
                        Locale locale, HttpServletRequest request, HttpServletResponse response) {
        requireReviewer();
        Target current = target(planId, id);
        if (!result.hasErrors()) {
            try {
                Target saved = review.updateTarget(id, form.toEdit(current, locale));
                if (!UiPage.partial(request)) {
                    return "redirect:/plans/" + planId + "#target-" + id;
                }
                m.addAttribute("plan", plans.require(planId));
                m.addAttribute("reviewer", true);
                m.addAttribute("saved", true);
                m.addAttribute("row", model.targetRow(views.targets(List.of(saved)).get(0), locale));
                return "plans/rows :: targetRow";
            } catch (ApiException e) {
                serviceRefused(result, e, ReviewForms.TargetForm.FIELDS, locale);
            }
        }
        response.setStatus(422);
        return targetForm(plans.require(planId), current, m, request);
    }

    /** The target form; the model holds {@code form} (and, after a put, its binding result). */
    private String targetForm(Plan plan, Target t, Model m, HttpServletRequest request) {
        m.addAttribute("plan", plan);
        m.addAttribute("target", t);
        m.addAttribute("kinds", TargetKind.values());
        m.addAttribute("comparisons", Comparison.values());
        m.addAttribute("pillars", Pillar.values());
        m.addAttribute("agencyChoices", agencyChoices(plan, t.leadAgencyIds(), t.cooperatingAgencyIds()));
        return UiPage.partial(request) ? "plans/rows :: targetEdit" : "plans/edit-target";
    }

    private Target target(long planId, long id) {
        Target t = targets.find(id).filter(x -> x.planId() == planId)
                .orElseThrow(() -> ApiException.notFound("target", id));
        plans.require(planId);
        return t;
    }

    // ----- tasks: show a row, edit it inline (steering department)

    @GetMapping("/plans/{planId}/tasks/{id}/row")
    String taskRow(@PathVariable long planId, @PathVariable long id, Model m, Locale locale) {
        Task t = task(planId, id);
        Plan owner = plans.require(planId);
        m.addAttribute("plan", owner);
        m.addAttribute("reviewer", PlanService.canReview(owner));
        m.addAttribute("row", model.taskRow(views.tasks(List.of(t)).get(0), null, locale));
        return "plans/rows :: taskRow";
    }

    @GetMapping("/plans/{planId}/tasks/{id}/edit")
    String editTask(@PathVariable long planId, @PathVariable long id, Model m, HttpServletRequest request) {
        requireReviewer();
        plans.requireReview(planId);
        Task t = task(planId, id);
        m.addAttribute("form", ReviewForms.TaskForm.of(t));
        return taskForm(plans.require(planId), t, m, request);
    }

    @RequestMapping(path = "/plans/{planId}/tasks/{id}", method = {RequestMethod.PUT, RequestMethod.POST})
    String updateTask(@PathVariable long planId, @PathVariable long id,
                      @Valid @ModelAttribute("form") ReviewForms.TaskForm form, BindingResult result, Model m,
                      Locale locale, HttpServletRequest request, HttpServletResponse response) {
        requireReviewer();
        Task current = task(planId, id);
        if (!result.hasErrors()) {
            try {
                Task saved = review.updateTask(id, form.toEdit(current));
                if (!UiPage.partial(request)) {
                    return "redirect:/plans/" + planId + "#task-" + id;
                }
                m.addAttribute("plan", plans.require(planId));
                m.addAttribute("reviewer", true);
                m.addAttribute("saved", true);
                m.addAttribute("row", model.taskRow(views.tasks(List.of(saved)).get(0), null, locale));
                return "plans/rows :: taskRow";
            } catch (ApiException e) {
                serviceRefused(result, e, ReviewForms.TaskForm.FIELDS, locale);
            }
        }
        response.setStatus(422);
        return taskForm(plans.require(planId), current, m, request);
    }

    /** The task form; the model holds {@code form} (and, after a put, its binding result). */
    private String taskForm(Plan plan, Task t, Model m, HttpServletRequest request) {
        m.addAttribute("plan", plan);
        m.addAttribute("task", t);
        m.addAttribute("pillars", Pillar.values());
        m.addAttribute("agencyChoices", agencyChoices(plan, t.leadAgencyIds(), t.cooperatingAgencyIds()));
        return UiPage.partial(request) ? "plans/rows :: taskEdit" : "plans/edit-task";
    }

    private Task task(long planId, long id) {
        Task t = tasks.find(id).filter(x -> x.planId() == planId).orElseThrow(() -> ApiException.notFound("task", id));
        plans.require(planId);
        return t;
    }

    // -----

    /** The review service's refusal on the form: its details on their fields, or its message above the form. */
    private void serviceRefused(BindingResult result, ApiException e, Map<String, String> fields, Locale locale) {
        FormErrors.details(result, e.details(), fields, locale);
        if (e.details().isEmpty()) {
            FormErrors.global(result, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
    }

    /** The agencies of the plan's province, plus those already assigned (national bodies, other provinces). */
    private List<Agency> agencyChoices(Plan plan, List<Long> lead, List<Long> cooperating) {
        Map<Long, Agency> byId = new LinkedHashMap<>();
        agencies.list(plan.provinceCode(), null).forEach(a -> byId.put(a.id(), a));
        List<Long> assigned = new ArrayList<>(lead);
        assigned.addAll(cooperating);
        if (!assigned.isEmpty()) {
            agencies.findAll(assigned).values().forEach(a -> byId.putIfAbsent(a.id(), a));
        }
        List<Agency> list = new ArrayList<>(byId.values());
        Comparator<String> collator = VietText.collator();
        list.sort((a, b) -> collator.compare(a.name(), b.name()));
        return list;
    }

    static void requireReviewer() {
        if (!PlanService.canReview()) {
            throw new AccessDeniedException("review needs STEERING or ADMIN");
        }
    }
}
