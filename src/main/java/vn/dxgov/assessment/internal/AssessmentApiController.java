package vn.dxgov.assessment.internal;

import static vn.dxgov.shared.web.Limits.Kind.TEXT;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dxgov.assessment.Assessments.AnswerInput;
import vn.dxgov.assessment.Assessments.ReviewInput;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.shared.web.MaxChars;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Assessment rounds", description = "Đợt đánh giá, tự đánh giá, thẩm định, kết quả xếp hạng / rounds, self-assessments, reviews, results")
class AssessmentApiController {

    /** A reason (returning a self-assessment). */
    record Reason(@MaxChars(TEXT) String reason) {
    }

    /** Ties a unit to an agency. */
    record AgencyLink(Long agencyId) {
    }

    private final Assessments rounds;
    private final RoundRepository repo;
    private final CriteriaSetService sets;

    AssessmentApiController(Assessments rounds, CriteriaSetService sets, RoundRepository repo) {
        this.repo = repo;
        this.rounds = rounds;
        this.sets = sets;
    }

    @GetMapping("/assessment-rounds")
    @Operation(summary = "Every round, newest year first")
    List<Assessments.Round> rounds() {
        return rounds.rounds();
    }

    @PostMapping("/assessment-rounds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a round (steering department): a criteria set version, level, year, reference date, "
            + "deadline and the units in scope (unitIds, or every unit of the level under scopeUnitId / provinceCode "
            + "valid on the reference date, e.g. Thanh Hóa's 166 communes on 2025-12-31)")
    Assessments.Round open(@Valid @RequestBody Assessments.RoundDraft draft) {
        return rounds.open(draft);
    }

    @GetMapping("/assessment-rounds/{id}")
    Assessments.Round round(@PathVariable long id) {
        return rounds.round(id);
    }

    @GetMapping("/assessment-rounds/{id}/units")
    @Operation(summary = "The units of a round with the state of their self-assessment and scores (a unit's staff see their own unit)")
    List<Assessments.Participant> participants(@PathVariable long id) {
        return rounds.participants(id);
    }

    @PostMapping("/assessment-rounds/{id}/close")
    @Operation(summary = "Close self-assessment (steering department); reviewers may then review every unit")
    Assessments.Round close(@PathVariable long id) {
        return rounds.close(id);
    }

    @PostMapping("/assessment-rounds/{id}/publish")
    @Operation(summary = "Publish the results (steering department): final scores, ranks, classifications are stored; "
            + "the round becomes read-only")
    Assessments.Round publish(@PathVariable long id) {
        return rounds.publish(id);
    }

    @GetMapping("/assessment-rounds/{id}/units/{unitId}")
    @Operation(summary = "A unit's assessment: per criterion what the unit reported, evidence, self points, review and "
            + "final points; totals and classification; whether you may edit or review")
    Assessments.UnitAssessment assessment(@PathVariable long id, @PathVariable long unitId) {
        return rounds.assessment(id, unitId);
    }

    @PutMapping("/assessment-rounds/{id}/units/{unitId}")
    @Operation(summary = "Save a unit's self-assessment (the unit's staff, round open, before the deadline, not submitted); "
            + "criteria not sent stay as they are; 400 lists each bad answer and nothing is saved")
    Assessments.UnitAssessment save(@PathVariable long id, @PathVariable long unitId,
                                    @RequestBody List<@Valid AnswerInput> answers) {
        return rounds.save(id, unitId, answers);
    }

    @PostMapping("/assessment-rounds/{id}/units/{unitId}/submit")
    @Operation(summary = "Submit the self-assessment (the unit's staff)")
    Assessments.UnitAssessment submit(@PathVariable long id, @PathVariable long unitId) {
        return rounds.submit(id, unitId);
    }

    @PostMapping("/assessment-rounds/{id}/units/{unitId}/return")
    @Operation(summary = "Send a submitted self-assessment back to the unit while the round is open (steering department)")
    Assessments.UnitAssessment returnToUnit(@PathVariable long id, @PathVariable long unitId,
                                            @Valid @RequestBody(required = false) Reason reason) {
        return rounds.returnToUnit(id, unitId, reason == null ? null : reason.reason());
    }

    @PostMapping(value = "/assessment-rounds/{id}/units/{unitId}/evidence/{criterion}",
            consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach an evidence file (multipart field \"file\") to one criterion (the unit's staff, while they may edit)")
    vn.dxgov.files.Attachments.Attachment addEvidence(@PathVariable long id, @PathVariable long unitId,
                                                      @PathVariable String criterion,
                                                      @org.springframework.web.bind.annotation.RequestPart("file")
                                                      org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
        return rounds.addEvidence(id, unitId, criterion, file.getOriginalFilename(),
                file.getContentType() == null ? "application/octet-stream" : file.getContentType(), file.getBytes());
    }

    @GetMapping("/assessment-rounds/{id}/units/{unitId}/evidence/files/{attachmentId}")
    @Operation(summary = "Download an evidence file of a unit's assessment you may read")
    ResponseEntity<byte[]> evidenceFile(@PathVariable long id, @PathVariable long unitId, @PathVariable long attachmentId) {
        vn.dxgov.files.Attachments.Content c = rounds.evidenceFile(id, unitId, attachmentId);
        return CriteriaSetApiController.file(c.bytes(), c.attachment().filename(), c.attachment().mediaType());
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/assessment-rounds/{id}/units/{unitId}/evidence/files/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an evidence file (the unit's staff, while they may edit)")
    void deleteEvidence(@PathVariable long id, @PathVariable long unitId, @PathVariable long attachmentId) {
        rounds.deleteEvidence(id, unitId, attachmentId);
    }

    @PutMapping("/assessment-rounds/{id}/units/{unitId}/reviews/{criterion}")
    @Operation(summary = "Review one criterion (steering department): {decision: ACCEPT} or {decision: ADJUST, points, reason}")
    Assessments.UnitAssessment review(@PathVariable long id, @PathVariable long unitId, @PathVariable String criterion,
                                      @Valid @RequestBody ReviewInput review) {
        return rounds.review(id, unitId, criterion, review);
    }

    @GetMapping("/assessment-rounds/{id}/results")
    @Operation(summary = "Results ranked (equal totals share a rank: 1, 2, 2, 4) with classification and rank change "
            + "since the previous year's round of the same criteria set; before publication only for the steering "
            + "department and leaders (provisional)")
    Assessments.Results results(@PathVariable long id) {
        return rounds.results(id);
    }

    @GetMapping("/assessment-rounds/{id}/results.csv")
    @Operation(summary = "Results as CSV (UTF-8)")
    ResponseEntity<byte[]> csv(@PathVariable long id) {
        Assessments.Results r = rounds.results(id);
        return CriteriaSetApiController.file(ResultsExport.csv(sets.require(r.round().criteriaSetId()).document(), r),
                "ket-qua-danh-gia-" + id + ".csv", vn.dxgov.shared.Csv.CONTENT_TYPE);
    }

    @GetMapping("/assessment-rounds/{id}/results.xlsx")
    @Operation(summary = "Results as an .xlsx workbook")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        Assessments.Results r = rounds.results(id);
        return CriteriaSetApiController.file(ResultsExport.xlsx(sets.require(r.round().criteriaSetId()).document(), r),
                "ket-qua-danh-gia-" + id + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @GetMapping("/assessment/units/{unitId}/history")
    @Operation(summary = "A unit's published results over the years, with rank changes")
    List<Assessments.HistoryEntry> history(@PathVariable long unitId) {
        repo.requireReadableUnit(unitId);
        return rounds.history(unitId);
    }

    @PostMapping("/assessment-rounds/{id}/link-agencies")
    @Operation(summary = "Tie every unit of the round without an agency to its People's Committee (UBND xã ...), found "
            + "or created (flagged for review) in the agency directory (steering department)")
    List<Assessments.UnitAgency> linkAgencies(@PathVariable long id) {
        return rounds.linkAgencies(id);
    }

    @GetMapping("/assessment/unit-agencies")
    @Operation(summary = "Which agency's staff self-assess for which unit")
    List<Assessments.UnitAgency> unitAgencies() {
        return rounds.unitAgencies();
    }

    @PutMapping("/assessment/unit-agencies/{unitId}")
    @Operation(summary = "Tie a unit to the agency whose EDITOR users self-assess for it (steering department)")
    Assessments.UnitAgency link(@PathVariable long unitId, @RequestBody AgencyLink link) {
        // who asks before what is asked
        AssessmentAccess.requireSteering();
        repo.requireReadableUnit(unitId);
        if (link == null || link.agencyId() == null) {
            throw new vn.dxgov.shared.web.ApiException(HttpStatus.BAD_REQUEST, "error.badRequest");
        }
        return rounds.linkAgency(unitId, link.agencyId());
    }
}
