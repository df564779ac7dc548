package vn.dxgov.assignments.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.dxgov.assignments.Assignments;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.shared.web.Limits;
import vn.dxgov.shared.web.MaxChars;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.units.UnitLevel;

/**
 * Pages: the decisions with their figures (reached from a count target's page), a decision with its figures per
 * tranche, the assigned units with their status and successors, and for the steering department the CSV import, the
 * commune search to assign units to a year, and the round → target update. Cards and tables that fit a phone.
 */
@Controller
class AssignmentPages {

    private final JdbcAssignments assignments;
    private final AssignmentCandidates candidates;
    private final TargetCatalog targets;
    private final MessageSource messages;

    AssignmentPages(JdbcAssignments assignments, AssignmentCandidates candidates, TargetCatalog targets,
                    MessageSource messages) {
        this.assignments = assignments;
        this.candidates = candidates;
        this.targets = targets;
        this.messages = messages;
    }

    @GetMapping("/assignments")
    String list(@RequestParam(required = false) Long targetId, Model m) {
        List<Assignments.Rollup> rollups = new ArrayList<>();
        for (Assignments.Decision d : assignments.decisions()) {
            rollups.add(assignments.rollup(d.id()));
        }
        m.addAttribute("rollups", rollups);
        m.addAttribute("targetId", targetId);
        m.addAttribute("target", targetId == null ? null : targets.find(targetId).orElse(null));
        m.addAttribute("edits", AssignmentAccess.edits());
        m.addAttribute("errors", List.of());
        return "assignments/list";
    }

    @PostMapping("/assignments/import")
    String importCsv(@RequestParam(value = "file", required = false) MultipartFile file,
                     @RequestParam(required = false) @MaxChars(Limits.Kind.NAME) String provinceCode,
                     @RequestParam(required = false) @MaxChars(Limits.Kind.NAME) String number,
                     @RequestParam(required = false) @MaxChars(Limits.Kind.TITLE) String title,
                     @RequestParam(required = false) String issuedOn,
                     @RequestParam(defaultValue = "false") boolean replace, Model m, RedirectAttributes redirect,
                     HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        AssignmentAccess.requireEdit();
        // issue 14: a problem brings the form back (422) with everything typed and each message at its field
        java.util.Locale locale = RequestContextUtils.getLocale(request);
        Map<String, String> fieldErrors = new java.util.LinkedHashMap<>();
        LocalDate issued = null;
        try {
            issued = vn.dxgov.shared.VietDates.parseTyped(issuedOn);
        } catch (java.time.DateTimeException e) {
            fieldErrors.put("issuedOn", msg(request, "forms2.badDay", issuedOn));
        }
        if (file == null || file.isEmpty()) {
            fieldErrors.put("file", msg(request, "forms2.assign.noFile"));
        }
        List<String> rest = List.of();
        if (fieldErrors.isEmpty()) {
            try {
                Assignments.ImportResult r = assignments.importCsv(new Assignments.ImportRequest(provinceCode, number,
                        title, issued, null, replace), file.getOriginalFilename(), file.getBytes());
                redirect.addFlashAttribute("notice", msg(request, "assignments.import.done", r.tranches(), r.namedUnits()));
                return "redirect:/assignments/" + r.decision().id();
            } catch (ApiException e) {
                m.addAttribute("error", msg(request, e.messageKey(), e.args()));
                rest = vn.dxgov.shared.web.FormErrors.split(e.details(),
                        java.util.Set.of("provinceCode", "number", "title", "issuedOn"), fieldErrors, locale);
            }
        } else {
            m.addAttribute("error", msg(request, "forms2.fixBelow"));
        }
        list(null, m);
        m.addAttribute("errors", rest);
        m.addAttribute("fieldErrors", fieldErrors);
        m.addAttribute("entered", request.getParameterMap());
        response.setStatus(422);
        return "assignments/list";
    }

    @GetMapping("/assignments/{id}")
    String decision(@PathVariable long id, @RequestParam(required = false) Integer year,
                    @RequestParam(required = false) String q, Model m) {
        Assignments.Rollup r = assignments.rollup(id);
        m.addAttribute("rollup", r);
        m.addAttribute("d", r.decision());
        m.addAttribute("target", r.decision().targetId() == null ? null : targets.find(r.decision().targetId()).orElse(null));
        boolean edits = AssignmentAccess.edits();
        m.addAttribute("edits", edits);
        List<Integer> communeYears = r.decision().tranches().stream().filter(t -> t.level() == UnitLevel.COMMUNE)
                .map(Assignments.Tranche::year).toList();
        m.addAttribute("communeYears", communeYears);
        Integer chosen = year != null ? year : communeYears.isEmpty() ? null : communeYears.get(0);
        m.addAttribute("year", chosen);
        m.addAttribute("q", q);
        m.addAttribute("candidates", edits && chosen != null && q != null && !q.isBlank()
                ? candidates.candidates(r.decision(), UnitLevel.COMMUNE, chosen, q, 30) : List.of());
        return "assignments/decision";
    }

    @PostMapping("/assignments/{id}/assign")
    String assign(@PathVariable long id, @RequestParam UnitLevel level, @RequestParam int year,
                  @RequestParam(required = false) List<Long> unitIds, RedirectAttributes redirect,
                  HttpServletRequest request) {
        AssignmentAccess.requireEdit();
        try {
            List<Assignments.Assignment> added = assignments.assign(id, level, year, unitIds);
            redirect.addFlashAttribute("notice", msg(request, "assignments.assign.done", Numbers.current().count(added.size())));
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", msg(request, e.messageKey(), e.args()));
            // "unitIds: chọn ít nhất một đơn vị" reads "chọn ít nhất một đơn vị": never the API's field name
            redirect.addFlashAttribute("errors", vn.dxgov.shared.web.FormErrors.split(e.details(),
                    java.util.Set.of(), new java.util.HashMap<>(), RequestContextUtils.getLocale(request)).stream()
                    .map(d -> d.startsWith("unitIds: ") ? d.substring("unitIds: ".length()) : d).toList());
        }
        return "redirect:/assignments/" + id + "?year=" + year;
    }

    @PostMapping("/assignments/{id}/unassign")
    String unassign(@PathVariable long id, @RequestParam long unitId, RedirectAttributes redirect,
                    HttpServletRequest request) {
        assignments.unassign(id, unitId);
        redirect.addFlashAttribute("notice", msg(request, "assignments.unassigned"));
        return "redirect:/assignments/" + id;
    }

    @PostMapping("/assignments/feed")
    String feed(@RequestParam(required = false) Long back, RedirectAttributes redirect, HttpServletRequest request) {
        List<Assignments.FeedWrite> writes = assignments.feedTargets();
        redirect.addFlashAttribute("notice", msg(request, "assignments.feed.done",
                Numbers.current().count(writes.stream().filter(w -> w.outcome().equals("written")).count())));
        return back == null ? "redirect:/assignments" : "redirect:/assignments/" + back;
    }

    private String msg(HttpServletRequest request, String key, Object... args) {
        return messages.getMessage(key, args, key, RequestContextUtils.getLocale(request));
    }
}
