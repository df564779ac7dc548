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

/**
 * The agency pages: the list with a diacritics-insensitive search, and one agency with everything it leads or
 * co-operates on in the plans the user may see; the steering department corrects its name, kind and aliases.
 */
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

    AgencyPages(AgencyDirectory agencies, AdminUnits units, PlanCatalog plans, PlanTexts texts, TargetCatalog targets,
                TaskCatalog tasks, MessageSource messages) {
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
        List<Agency> all = agencies.list(null, null);
        Map<String, String> provinceNames = provinceNames(all);
        List<Agency> shown = agencies.list(prov, query).stream()
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
        response.addHeader("Vary", "HX-Request");
        if (PortalPage.partial(request)) {
            return "agencies/list :: results";
        }
        return "agencies/list";
    }

    @GetMapping("/agencies/{id}")
    String agency(@PathVariable long id, Model m, Locale locale) {
        Agency agency = agencies.find(id).orElseThrow(() -> ApiException.notFound("agency", id));
        m.addAttribute("form", AgencyForm.of(agency));
        return page(agency, m, locale);
    }

    @PostMapping("/agencies/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") AgencyForm form, BindingResult result, Model m,
                  Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        PortalPage.requireSteering();
        Agency agency = agencies.find(id).orElseThrow(() -> ApiException.notFound("agency", id));
        if (!result.hasErrors()) {
            try {
                agencies.update(id, form.getName().trim(), AgencyKind.valueOf(form.getKind().trim()), form.aliasList());
                redirect.addFlashAttribute("notice", messages.getMessage("agency.saved", null, locale));
                return "redirect:/agencies/" + id;
            } catch (ApiException e) {
                FormErrors.global(result, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
                FormErrors.details(result, e.details(), Map.of("name", "name", "kind", "kind", "aliases", "aliases"),
                        locale);
            }
        }
        response.setStatus(422);
        m.addAttribute("editOpen", true);
        return page(agency, m, locale);
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
        return "agencies/agency";
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
