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

    RoundPages(Assessments rounds, CriteriaSetService sets, MessageSource messages) {
        this.rounds = rounds;
        this.sets = sets;
        this.messages = messages;
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
        m.addAttribute("sets", sets.list());
        m.addAttribute("unitLevels", UnitLevel.values());
        m.addAttribute("errors", List.of());
        return "assessment/round-new";
    }

    @PostMapping("/assessment/rounds/new")
    String open(@RequestParam @MaxChars(Limits.Kind.NAME) String name, @RequestParam(required = false) Long criteriaSetId,
                @RequestParam(required = false) @YearRange Integer year, @RequestParam(required = false) UnitLevel level,
                @RequestParam(required = false) LocalDate referenceDate, @RequestParam(required = false) LocalDate deadline,
                @RequestParam(required = false) String provinceCode, Model m, RedirectAttributes redirect,
                HttpServletRequest request) {
        try {
            Round r = rounds.open(new RoundDraft(name, criteriaSetId, year, level, referenceDate, deadline, null,
                    provinceCode == null || provinceCode.isBlank() ? null : provinceCode.strip(), null));
            redirect.addFlashAttribute("notice", msg(request, "assessment.round.opened", Numbers.current().count(r.unitCount())));
            return "redirect:/assessment/rounds/" + r.id();
        } catch (ApiException e) {
            m.addAttribute("error", msg(request, e.messageKey(), e.args()));
            m.addAttribute("errors", e.details());
            m.addAttribute("sets", sets.list());
            m.addAttribute("unitLevels", UnitLevel.values());
            return "assessment/round-new";
        }
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
    String unit(@PathVariable long id, @PathVariable long unitId, Model m) {
        m.addAttribute("a", rounds.assessment(id, unitId));
        m.addAttribute("errors", List.of());
        return "assessment/unit";
    }

    @PostMapping("/assessment/rounds/{id}/units/{unitId}")
    String save(@PathVariable long id, @PathVariable long unitId, @RequestParam(defaultValue = "save") String action,
                HttpServletRequest request, Model m, RedirectAttributes redirect) {
        Assessments.UnitAssessment current = rounds.assessment(id, unitId);
        List<String> errors = new ArrayList<>();
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
            m.addAttribute("a", current);
            // the form comes back with what was typed, never with the stored figures in its place
            m.addAttribute("entered", request.getParameterMap());
            m.addAttribute("error", msg(request, e.messageKey(), e.args()));
            m.addAttribute("errors", e.details());
            return "assessment/unit";
        }
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
            m.addAttribute("a", rounds.assessment(id, unitId));
            m.addAttribute("entered", points == null ? java.util.Map.of() : java.util.Map.of("points@" + criterion, points));
            m.addAttribute("error", msg(request, e.messageKey(), e.args()));
            m.addAttribute("errors", e.details());
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

    @PostMapping("/assessment/rounds/{id}/units/{unitId}/evidence/{criterion}")
    String addEvidence(@PathVariable long id, @PathVariable long unitId, @PathVariable String criterion,
                       @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                       RedirectAttributes redirect, HttpServletRequest request) throws java.io.IOException {
        try {
            rounds.addEvidence(id, unitId, criterion, file.getOriginalFilename(),
                    file.getContentType() == null ? "application/octet-stream" : file.getContentType(), file.getBytes());
            redirect.addFlashAttribute("notice", msg(request, "assessment.evidence.added", file.getOriginalFilename()));
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("notice", msg(request, e.messageKey(), e.args()));
        }
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
