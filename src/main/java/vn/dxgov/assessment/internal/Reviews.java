package vn.dxgov.assessment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.assessment.Assessments.Line;
import vn.dxgov.assessment.Assessments.ParticipantStatus;
import vn.dxgov.assessment.Assessments.ReviewInput;
import vn.dxgov.assessment.Assessments.Round;
import vn.dxgov.assessment.Assessments.RoundStatus;
import vn.dxgov.assessment.Assessments.UnitAssessment;
import vn.dxgov.assessment.CriteriaSetDocument.Node;
import vn.dxgov.security.AuditLog;
import vn.dxgov.shared.web.ApiException;

/**
 * Review by the steering department: accept a unit's points for a criterion or adjust them with a reason (a submitted
 * self-assessment while the round is open, any unit once it is closed, nothing once it is published), and return a
 * submitted self-assessment to the unit while the round is open.
 */
@Service
class Reviews {

    /** A reviewer's decision as stored in {@code assessment_answer.review}, with the points when adjusted. */
    private record Decision(ReviewDecision review, BigDecimal points) {
    }

    private final RoundRepository repo;
    private final CriteriaSetService sets;
    private final UnitAssessments assessments;
    private final AuditLog audit;

    Reviews(RoundRepository repo, CriteriaSetService sets, UnitAssessments assessments, AuditLog audit) {
        this.repo = repo;
        this.sets = sets;
        this.assessments = assessments;
        this.audit = audit;
    }

    @Transactional
    public UnitAssessment returnToUnit(long roundId, long unitId, String reason) {
        AssessmentAccess.requireSteering();
        Round r = repo.steered(roundId);
        ParticipantStatus status = assessments.status(r, unitId);
        if (r.status() != RoundStatus.OPEN) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.round.notOpen");
        }
        if (status != ParticipantStatus.SUBMITTED) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.answer.notSubmitted");
        }
        repo.returnToDraft(roundId, unitId);
        audit.record("assessment.return", "assessment", roundId + "/" + unitId,
                Map.of("status", ParticipantStatus.SUBMITTED.name()),
                Map.of("status", ParticipantStatus.DRAFT.name(), "reason", reason == null ? "" : reason));
        return assessments.view(r, unitId);
    }

    @Transactional
    public UnitAssessment review(long roundId, long unitId, String criterion, ReviewInput in) {
        AssessmentAccess.requireSteering();
        Round r = repo.steered(roundId);
        if (r.status() == RoundStatus.PUBLISHED) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.round.published");
        }
        ParticipantStatus status = assessments.status(r, unitId);
        if (r.status() == RoundStatus.OPEN && status != ParticipantStatus.SUBMITTED) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.answer.notSubmitted");
        }
        Node c = sets.require(r.criteriaSetId()).document().criteria().stream()
                .filter(x -> x.code().equals(criterion)).findFirst()
                .orElseThrow(() -> ApiException.notFound("criterion", criterion));
        UnitAssessment before = assessments.view(r, unitId);
        Line old = line(before, criterion);
        Decision d = decision(c, in);
        repo.saveReview(roundId, unitId, criterion, d.review(), d.points(),
                in.reason() == null || in.reason().isBlank() ? null : in.reason().strip(), AssessmentAccess.actor());
        UnitAssessment after = assessments.view(r, unitId);
        audit.record("assessment.review", "assessment", roundId + "/" + unitId + "/" + criterion, old, line(after, criterion));
        return after;
    }

    private static Line line(UnitAssessment a, String criterion) {
        return a.lines().stream().filter(l -> l.code().equals(criterion)).findFirst().orElseThrow();
    }

    /** ACCEPT(ED) keeps the unit's points; ADJUST(ED) needs points from 0 to the criterion's maximum and a reason. */
    private static Decision decision(Node c, ReviewInput in) {
        ReviewDecision decision = ReviewDecision.parse(in == null ? null : in.decision())
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, List.of("decision: ACCEPT hoặc ADJUST"),
                        "assessment.review.invalid"));
        if (decision == ReviewDecision.ACCEPTED) {
            return new Decision(ReviewDecision.ACCEPTED, null);
        }
        BigDecimal points = in.points();
        List<String> problems = new ArrayList<>();
        if (points == null || points.signum() < 0 || points.compareTo(c.maxPoints()) > 0) {
            problems.add("points: điểm thẩm định phải từ 0 đến " + CriteriaValidator.plain(c.maxPoints()));
        }
        if (in.reason() == null || in.reason().isBlank()) {
            problems.add("reason: cần nêu lý do điều chỉnh");
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "assessment.review.invalid");
        }
        return new Decision(ReviewDecision.ADJUSTED, points);
    }
}
