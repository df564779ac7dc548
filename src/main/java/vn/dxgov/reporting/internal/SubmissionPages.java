package vn.dxgov.reporting.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dxgov.files.Attachments;
import vn.dxgov.indicators.StaleValueException;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.shared.web.Limits;
import vn.dxgov.shared.web.MaxChars;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;

/**
 * The report form: saving with htmx and inline errors (what was typed is kept, one message per bad field), the
 * workflow buttons, evidence. Reading what was posted is {@link PostedReport}'s job.
 */
@Controller
class SubmissionPages implements ReportingUi {

    private final Reporting reporting;
    private final Schedules schedules;
    private final Submissions submissions;
    private final PostedReport posted;
    private final ReportingMessages messages;
    private final ReportingViews views;
    private final AgencyDirectory agencies;
    private final Clock clock;

    SubmissionPages(Reporting reporting, Schedules schedules, Submissions submissions, PostedReport posted,
                    ReportingMessages messages, ReportingViews views, AgencyDirectory agencies, Clock clock) {
        this.reporting = reporting;
        this.schedules = schedules;
        this.submissions = submissions;
        this.posted = posted;
        this.messages = messages;
        this.views = views;
        this.agencies = agencies;
        this.clock = clock;
    }

    @ModelAttribute("fmt")
    Formats formats() {
        return new Formats(Map.of());
    }

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
        Map<String, String> entered = PostedReport.entered(request);
        PostedReport.Parsed parsed = posted.parse(view, entered);
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
            // the form's own notice: the flash "notice" of a redirect is shown once by the layout, not here as well
            m.addAttribute("formNotice", notice);
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
        Map<String, String> entered = PostedReport.entered(request);
        if (view.editable() && entered.keySet().stream().anyMatch(k -> k.startsWith("t.") || k.startsWith("k.") || k.equals("narrative"))) {
            // what is on the screen is saved first, then submitted
            PostedReport.Parsed parsed = posted.parse(view, entered);
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
    String returnToAgency(@PathVariable long id, @RequestParam(required = false) @MaxChars(Limits.Kind.TEXT) String reason,
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
    String reopen(@PathVariable long id, @RequestParam(required = false) @MaxChars(Limits.Kind.TEXT) String reason,
                  HttpServletResponse response,
                  Model m, RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            return decisionProblem(id, "reopenReason", response, m);
        }
        reporting.reopen(id, reason);
        redirect.addFlashAttribute("notice", messages.msg("reporting.form.reopened"));
        return "redirect:/reporting/submissions/" + id;
    }

    /** The page again with the message at the evidence file field and the task that was chosen. */
    private String evidenceProblem(long id, Long task, String message, HttpServletResponse response, Model m) {
        response.setStatus(422);
        fill(m, views.form(id), Map.of(), Map.of(), List.of());
        m.addAttribute("evidenceError", message);
        m.addAttribute("evidenceTask", task);
        return "reporting/form";
    }

    /** A return or reopening without a reason: the page again with the message at the reason field. */
    private String decisionProblem(long id, String field, HttpServletResponse response, Model m) {
        Access.requireSteering();
        ReportingViews.FormView view = views.form(id);
        response.setStatus(422);
        fill(m, view, Map.of(), Map.of(field, messages.msg("reporting.error.reasonRequired")), List.of());
        return "reporting/form";
    }

    /**
     * A file of evidence. No file, an empty one or one refused (type, size) brings the page back with the message at
     * the file field (422), the task chosen kept, instead of an error page in a developer's words (issue 14).
     */
    @PostMapping("/reporting/submissions/{id}/evidence")
    String addEvidence(@PathVariable long id, @RequestParam(required = false) Long task,
                       @RequestParam(value = "file", required = false) MultipartFile file,
                       HttpServletResponse response, Model m, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            return evidenceProblem(id, task, messages.msg("forms.evidence.noFileUpload"), response, m);
        }
        try {
            reporting.addEvidence(id, task, file.getOriginalFilename(),
                    file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType(),
                    file.getBytes());
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST && e.status() != HttpStatus.PAYLOAD_TOO_LARGE
                    && e.status() != HttpStatus.UNSUPPORTED_MEDIA_TYPE && e.status().value() != 422) {
                throw e;
            }
            return evidenceProblem(id, task, messages.msg(e.messageKey(), e.args()), response, m);
        }
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

    /**
     * Someone changed lines since the person opened the form: the form again with the person's input kept, the current
     * figure and who changed it beside each such line, and the new versions, so that saving again overwrites on
     * purpose.
     */
    private String stale(long id, Map<String, String> entered, StaleValueException e, HttpServletRequest request,
                         HttpServletResponse response, Model m) {
        // 409 Conflict; an htmx save gets 422 like any form to correct, so that htmx swaps the form in (the page's
        // htmx configuration swaps 2xx and 422 only, never a full error page into the form)
        response.setStatus(ReportingUi.partial(request) ? 422 : 409);
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

    private String invalid(ReportingViews.FormView view, Map<String, String> entered, PostedReport.Parsed parsed,
                           ApiException e, HttpServletRequest request, HttpServletResponse response, Model m) {
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
        // the service's lines in the reader's language, in words (never "#2 (T26 · …) … / numerator …", issue 14)
        m.addAttribute("details", vn.dxgov.shared.web.FormErrors.inLanguage(details,
                org.springframework.context.i18n.LocaleContextHolder.getLocale()));
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
