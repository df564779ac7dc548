package vn.dxgov.assessment.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.dxgov.assessment.Assessments.AnswerInput;
import vn.dxgov.assessment.Assessments.Round;
import vn.dxgov.assessment.Assessments.RoundDraft;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.assessment.RuleType;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.shared.web.Limits;
import vn.dxgov.shared.web.MaxChars;
import vn.dxgov.shared.web.YearRange;
import vn.dxgov.units.UnitLevel;

/**
 * Round pages: the list (on the assessment page), opening a round, a round with its units and results, a unit's
 * self-assessment form (one card per criterion, fits a phone) with the reviewer's accept/adjust per criterion, and a
 * unit's history.
 */
@Controller
class RoundPages implements AssessmentUi {

    private final Assessments rounds;
    private final CriteriaSetService sets;
    private final MessageSource messages;
    private final java.time.Clock clock;

    RoundPages(Assessments rounds, CriteriaSetService sets, MessageSource messages, java.time.Clock clock) {
        this.rounds = rounds;
        this.sets = sets;
        this.messages = messages;
        this.clock = clock;
    }

    /** Rounds the current user may see: everything for the steering department and leaders, else their units' and published ones. */
    List<Round> visibleRounds() {
        if (AssessmentAccess.readsAll()) {
            return rounds.rounds();
        }
        List<Round> mine = rounds.myRounds();
        return rounds.rounds().stream().filter(r -> r.status() == Assessments.RoundStatus.PUBLISHED
                || mine.stream().anyMatch(x -> x.id() == r.id())).toList();
    }

    @GetMapping("/assessment/rounds/new")
    String create(Model m) {
        AssessmentAccess.requireSteering();
        return roundForm(m, RoundForm.blank(java.time.Year.now(clock).getValue()));
    }

    /**
     * Opens a round; a problem brings the form back with everything typed and the message at its field, in the
     * person's language and in words ("bộ tiêu chí … dành cho cấp xã, không phải cấp huyện"), never a field or enum
     * name (issue 14).
     */
    @PostMapping("/assessment/rounds/new")
    String open(@jakarta.validation.Valid @org.springframework.web.bind.annotation.ModelAttribute("roundForm") RoundForm form,
                org.springframework.validation.BindingResult result, Model m, RedirectAttributes redirect,
                HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        AssessmentAccess.requireSteering();
        RoundDraft draft = result.hasErrors() ? null : form.draft(result);
        if (draft != null && draft.level() == UnitLevel.PROVINCE && !vn.dxgov.security.CurrentUser.maySteer(null)) {
            // a province-level round covers every province: only a national steering user opens one; say so at the
            // level instead of a bare "forbidden" page that loses what was typed
            result.rejectValue("level", "forms.round.provinceLevelNational");
            draft = null;
        }
        if (draft != null) {
            try {
                Round r = rounds.open(draft);
                redirect.addFlashAttribute("notice", msg(request, "assessment.round.opened", Numbers.current().count(r.unitCount())));
                return "redirect:/assessment/rounds/" + r.id();
            } catch (ApiException e) {
                if (e.status().value() == 403 && draft.provinceCode() != null) {
                    // another province's units: the steering department opens rounds of its own province only
                    result.rejectValue("provinceCode", "forms.round.otherProvince");
                    return invalidRound(m, form, request, response);
                }
                if (e.status().value() == 403 || e.status().value() == 404) {
                    throw e;
                }
                vn.dxgov.shared.web.FormErrors.details(result, e.details(), RoundForm.FIELDS, RequestContextUtils.getLocale(request));
                if (!result.hasErrors()) {
                    vn.dxgov.shared.web.FormErrors.global(result, msg(request, e.messageKey(), e.args()));
                }
            }
        }
        return invalidRound(m, form, request, response);
    }

    private String invalidRound(Model m, RoundForm form, HttpServletRequest request,
                                jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(422);
        m.addAttribute("error", msg(request, "assessment.round.invalid"));
        return roundForm(m, form);
    }

    private String roundForm(Model m, RoundForm form) {
        if (!m.containsAttribute("roundForm")) {
            m.addAttribute("roundForm", form);
        }
        m.addAttribute("sets", sets.list());
        m.addAttribute("unitLevels", UnitLevel.values());
        return "assessment/round-new";
    }

    @GetMapping("/assessment/rounds/{id}")
    String round(@PathVariable long id, Model m) {
        Round r = rounds.round(id);
        boolean readsAll = AssessmentAccess.readsAll();
        List<Assessments.Participant> participants = rounds.participants(id);
        if (!readsAll && participants.isEmpty() && r.status() != Assessments.RoundStatus.PUBLISHED) {
            throw ApiException.notFound("assessment round", id);
        }
        m.addAttribute("round", r);
        m.addAttribute("participants", participants);
        m.addAttribute("steering", AssessmentAccess.steering());
        m.addAttribute("results", r.status() == Assessments.RoundStatus.PUBLISHED || readsAll ? rounds.results(id) : null);
        m.addAttribute("set", sets.require(r.criteriaSetId()));
        return "assessment/round";
    }

    @PostMapping("/assessment/rounds/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect, HttpServletRequest request) {
        rounds.close(id);
        redirect.addFlashAttribute("notice", msg(request, "assessment.round.closed"));
        return "redirect:/assessment/rounds/" + id;
    }

    @PostMapping("/assessment/rounds/{id}/link-agencies")
    String linkAgencies(@PathVariable long id, RedirectAttributes redirect, HttpServletRequest request) {
        int n = rounds.linkAgencies(id).size();
        redirect.addFlashAttribute("notice", msg(request, "assessment.round.agenciesLinked", Numbers.current().count(n)));
        return "redirect:/assessment/rounds/" + id;
    }

    @PostMapping("/assessment/rounds/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect, HttpServletRequest request) {
        rounds.publish(id);
        redirect.addFlashAttribute("notice", msg(request, "assessment.round.publishedNotice"));
        return "redirect:/assessment/rounds/" + id;
    }

    @GetMapping("/assessment/rounds/{id}/units/{unitId}")
    String unit(@PathVariable long id, @PathVariable long unitId, Model m, HttpServletRequest request) {
        unitPage(m, rounds.assessment(id, unitId), request);
        m.addAttribute("errors", List.of());
        return "assessment/unit";
    }

    /** The unit page's model: the assessment and, when its fields are greyed out, why and what to do. */
    private void unitPage(Model m, Assessments.UnitAssessment a, HttpServletRequest request) {
        m.addAttribute("a", a);
        m.addAttribute("readOnlyReason", a.mayEdit() ? null : readOnlyReason(a, request));
        if (!m.containsAttribute("fileErrors")) {
            m.addAttribute("fileErrors", java.util.Map.of());
        }
    }

    /**
     * Why a unit's self-assessment cannot be changed here, and what to do (issue 14: no greyed-out field without a
     * word): the round closed, the deadline passed, the form submitted, the unit not yet tied to its People's
     * Committee (no staff can enter it until the steering department ties it), or the reader not the unit's staff.
     */
    private String readOnlyReason(Assessments.UnitAssessment a, HttpServletRequest request) {
        Round r = a.round();
        Assessments.Participant p = a.participant();
        if (r.status() != Assessments.RoundStatus.OPEN) {
            return msg(request, "forms.unit.readOnly.closed");
        }
        if (LocalDate.now(clock).isAfter(r.deadline())) {
            return msg(request, "forms.unit.readOnly.pastDeadline", vn.dxgov.shared.VietDates.day(r.deadline()));
        }
        if (p.status() != Assessments.ParticipantStatus.DRAFT) {
            return msg(request, "forms.unit.readOnly.submitted");
        }
        if (p.agencyId() == null) {
            return msg(request, AssessmentAccess.steering() ? "forms.unit.readOnly.noAgencySteering" : "forms.unit.readOnly.noAgency");
        }
        return msg(request, "forms.unit.readOnly.notStaff");
    }

    @PostMapping("/assessment/rounds/{id}/units/{unitId}")
    String save(@PathVariable long id, @PathVariable long unitId, @RequestParam(defaultValue = "save") String action,
                HttpServletRequest request, Model m, RedirectAttributes redirect) {
        Assessments.UnitAssessment current = rounds.assessment(id, unitId);
        List<String> errors = new ArrayList<>();
        List<AnswerInput> answers = answers(current, request, errors);
        try {
            if (!errors.isEmpty()) {
                throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, errors, "assessment.answer.invalid");
            }
            rounds.save(id, unitId, answers);
            if ("submit".equals(action)) {
                rounds.submit(id, unitId);
                redirect.addFlashAttribute("notice", msg(request, "assessment.unit.submitted"));
            } else {
                redirect.addFlashAttribute("notice", msg(request, "assessment.unit.saved"));
            }
            return "redirect:/assessment/rounds/" + id + "/units/" + unitId;
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            return unitAgain(m, current, request, msg(request, e.messageKey(), e.args()),
                    vn.dxgov.shared.web.FormErrors.inLanguage(e.details(), RequestContextUtils.getLocale(request)), java.util.Map.of());
        }
    }

    /** What the self-assessment form posted, one answer per criterion; numbers that cannot be read go to {@code errors}. */
    private List<AnswerInput> answers(Assessments.UnitAssessment current, HttpServletRequest request, List<String> errors) {
        List<AnswerInput> answers = new ArrayList<>();
        for (Assessments.Line l : current.lines()) {
            String c = l.code();
            String at = msg(request, "assessment.unit.criterion", c);
            String yes = request.getParameter("yes_" + c);
            answers.add(new AnswerInput(c, yes == null || yes.isBlank() ? null : "true".equals(yes),
                    CriteriaValues.parseNumber(request.getParameter("value_" + c), at, errors, Numbers.current()),
                    CriteriaValues.parseNumber(request.getParameter("num_" + c), at, errors, Numbers.current()),
                    CriteriaValues.parseNumber(request.getParameter("den_" + c), at, errors, Numbers.current()),
                    l.rule() == RuleType.MANUAL ? CriteriaValues.parseNumber(request.getParameter("points_" + c), at, errors, Numbers.current()) : null,
                    request.getParameter("evidence_" + c)));
        }
        return answers;
    }

    /** The unit page again with everything the person typed, the problem above it and at each file that was refused. */
    private String unitAgain(Model m, Assessments.UnitAssessment current, HttpServletRequest request, String error,
                             List<String> errors, java.util.Map<String, String> fileErrors) {
        m.addAttribute("fileErrors", fileErrors);
        unitPage(m, current, request);
        // the form comes back with what was typed, never with the stored figures in its place
        m.addAttribute("entered", request.getParameterMap());
        m.addAttribute("error", error);
        m.addAttribute("errors", errors);
        return "assessment/unit";
    }

    @PostMapping("/assessment/rounds/{id}/units/{unitId}/reviews/{criterion}")
    String review(@PathVariable long id, @PathVariable long unitId, @PathVariable String criterion,
                  @RequestParam @MaxChars(Limits.Kind.NAME) String decision, @RequestParam(required = false) String points,
                  @RequestParam(required = false) @MaxChars(Limits.Kind.TEXT) String reason, Model m, RedirectAttributes redirect,
                  HttpServletRequest request) {
        List<String> errors = new ArrayList<>();
        BigDecimal p = CriteriaValues.parseNumber(points, msg(request, "assessment.unit.criterion", criterion), errors,
                Numbers.current());
        try {
            if (!errors.isEmpty()) {
                throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, errors, "assessment.review.invalid");
            }
            rounds.review(id, unitId, criterion, new Assessments.ReviewInput(decision, p, reason));
            redirect.addFlashAttribute("notice", msg(request, "assessment.review.saved", criterion));
            return "redirect:/assessment/rounds/" + id + "/units/" + unitId + "#c-" + criterion;
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            unitPage(m, rounds.assessment(id, unitId), request);
            // what the reviewer typed comes back: points, reason and decision of that criterion
            java.util.Map<String, String> typed = new java.util.HashMap<>();
            typed.put("points@" + criterion, points == null ? "" : points);
            typed.put("reason@" + criterion, reason == null ? "" : reason);
            typed.put("decision@" + criterion, decision);
            m.addAttribute("entered", typed);
            m.addAttribute("error", msg(request, e.messageKey(), e.args()));
            m.addAttribute("errors", vn.dxgov.shared.web.FormErrors.inLanguage(e.details(), RequestContextUtils.getLocale(request)));
            return "assessment/unit";
        }
    }

    @GetMapping("/assessment/rounds/{id}/results.csv")
    org.springframework.http.ResponseEntity<byte[]> csv(@PathVariable long id) {
        Assessments.Results r = rounds.results(id);
        return CriteriaSetApiController.file(ResultsExport.csv(sets.require(r.round().criteriaSetId()).document(), r),
                "ket-qua-danh-gia-" + id + ".csv", vn.dxgov.shared.Csv.CONTENT_TYPE);
    }

    @GetMapping("/assessment/rounds/{id}/results.xlsx")
    org.springframework.http.ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        Assessments.Results r = rounds.results(id);
        return CriteriaSetApiController.file(ResultsExport.xlsx(sets.require(r.round().criteriaSetId()).document(), r),
                "ket-qua-danh-gia-" + id + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    /**
     * A file for one criterion. The "Đính kèm" button posts the whole self-assessment form (its file field is
     * {@code file_<criterion>}; a bare {@code file} is still read), so nothing typed is lost: the upload is checked
     * first, and a missing, empty or refused file brings the page back with everything typed and the message at that
     * file (422); an accepted file is stored, and what was typed on the form is saved with it as the unit's draft
     * (or, when it cannot be read, shown again with its message), never thrown away (issue 14).
     */
    @PostMapping("/assessment/rounds/{id}/units/{unitId}/evidence/{criterion}")
    String addEvidence(@PathVariable long id, @PathVariable long unitId, @PathVariable String criterion,
                       HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model m,
                       RedirectAttributes redirect) throws java.io.IOException {
        org.springframework.web.multipart.MultipartFile file = null;
        // the multipart request may sit under the security wrappers
        org.springframework.web.multipart.MultipartRequest multipart = org.springframework.web.util.WebUtils.getNativeRequest(
                request, org.springframework.web.multipart.MultipartRequest.class);
        if (multipart != null) {
            file = multipart.getFile("file_" + criterion);
            if (file == null || file.isEmpty()) {
                org.springframework.web.multipart.MultipartFile bare = multipart.getFile("file");
                file = bare != null && !bare.isEmpty() ? bare : file;
            }
        }
        Assessments.UnitAssessment current = rounds.assessment(id, unitId);
        boolean wholeForm = current.lines().stream().anyMatch(l -> request.getParameter("evidence_" + l.code()) != null);
        if ((file == null || file.isEmpty()) && current.mayEdit()) {
            response.setStatus(422);
            String text = msg(request, "forms.evidence.noFile");
            return unitAgain(m, current, request, text, List.of(), java.util.Map.of(criterion, text));
        }
        try {
            // someone who may not add evidence gets the service's answer (403, 409), whatever was posted
            rounds.addEvidence(id, unitId, criterion, file == null ? null : file.getOriginalFilename(),
                    file == null || file.getContentType() == null ? "application/octet-stream" : file.getContentType(),
                    file == null ? new byte[0] : file.getBytes());
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            response.setStatus(422);
            String text = msg(request, e.messageKey(), e.args());
            return unitAgain(m, current, request, text,
                    vn.dxgov.shared.web.FormErrors.inLanguage(e.details(), RequestContextUtils.getLocale(request)), java.util.Map.of(criterion, text));
        }
        String added = msg(request, "assessment.evidence.added", file.getOriginalFilename());
        if (wholeForm && current.mayEdit()) {
            List<String> errors = new ArrayList<>();
            List<AnswerInput> answers = answers(current, request, errors);
            try {
                if (!errors.isEmpty()) {
                    throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, errors, "assessment.answer.invalid");
                }
                rounds.save(id, unitId, answers);
                added = msg(request, "forms.evidence.addedAndSaved", file.getOriginalFilename());
            } catch (ApiException e) {
                if (e.status().value() == 403 || e.status().value() == 404) {
                    throw e;
                }
                // the file is stored; what was typed comes back with its problems, to correct and save
                response.setStatus(422);
                m.addAttribute("notice", added);
                return unitAgain(m, rounds.assessment(id, unitId), request, msg(request, e.messageKey(), e.args()),
                        vn.dxgov.shared.web.FormErrors.inLanguage(e.details(), RequestContextUtils.getLocale(request)), java.util.Map.of());
            }
        }
        redirect.addFlashAttribute("notice", added);
        return "redirect:/assessment/rounds/" + id + "/units/" + unitId + "#c-" + criterion;
    }

    @GetMapping("/assessment/rounds/{id}/units/{unitId}/evidence/files/{attachmentId}")
    org.springframework.http.ResponseEntity<byte[]> evidenceFile(@PathVariable long id, @PathVariable long unitId,
                                                                 @PathVariable long attachmentId) {
        vn.dxgov.files.Attachments.Content c = rounds.evidenceFile(id, unitId, attachmentId);
        return CriteriaSetApiController.file(c.bytes(), c.attachment().filename(), c.attachment().mediaType());
    }

    @PostMapping("/assessment/rounds/{id}/units/{unitId}/evidence/files/{attachmentId}/delete")
    String deleteEvidence(@PathVariable long id, @PathVariable long unitId, @PathVariable long attachmentId,
                          RedirectAttributes redirect, HttpServletRequest request) {
        rounds.deleteEvidence(id, unitId, attachmentId);
        redirect.addFlashAttribute("notice", msg(request, "assessment.evidence.deleted"));
        return "redirect:/assessment/rounds/" + id + "/units/" + unitId;
    }

    @GetMapping("/assessment/units/{unitId}/history")
    String history(@PathVariable long unitId, Model m) {
        m.addAttribute("history", rounds.history(unitId));
        m.addAttribute("unitId", unitId);
        return "assessment/history";
    }

    private String msg(HttpServletRequest request, String key, Object... args) {
        Locale locale = RequestContextUtils.getLocale(request);
        return messages.getMessage(key, args, key, locale);
    }
}
