package vn.dxgov.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.assessment.Assessments.Line;
import vn.dxgov.assessment.Assessments.Participant;
import vn.dxgov.assessment.Assessments.ParticipantStatus;
import vn.dxgov.assessment.Assessments.Round;
import vn.dxgov.assessment.Assessments.RoundStatus;
import vn.dxgov.assessment.Assessments.UnitAssessment;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.assessment.CriteriaSetDocument.Node;
import vn.dxgov.assessment.CriterionInput;
import vn.dxgov.files.Attachments;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.web.ApiException;

/**
 * A unit's assessment in a round as one reads it (each criterion with the unit's answer, the review, the points and
 * the evidence files, and what the current user may do), and who may read or write it: the self-assessment and
 * review services both start here.
 */
@Service
class UnitAssessments {

    private final RoundRepository repo;
    private final CriteriaSetService sets;
    private final ParticipantScores scores;
    private final UnitAgencies staff;
    private final Attachments attachments;
    private final Clock clock;

    UnitAssessments(RoundRepository repo, CriteriaSetService sets, ParticipantScores scores, UnitAgencies staff,
                    Attachments attachments, Clock clock) {
        this.repo = repo;
        this.sets = sets;
        this.scores = scores;
        this.staff = staff;
        this.attachments = attachments;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public UnitAssessment assessment(long roundId, long unitId) {
        Round r = repo.round(roundId);
        requireRead(unitId);
        return view(r, unitId);
    }

    /** Those who read everything, and the unit's own staff; to anyone else the unit is not there (404). */
    void requireRead(long unitId) {
        if (!AssessmentAccess.readsAll() && !staff.isStaffOf(unitId)) {
            throw ApiException.notFound("unit in round", unitId);
        }
    }

    /** A unit's own staff (EDITOR of the unit's agency), round open, before the deadline, not yet submitted. */
    void requireWrite(Round r, long unitId) {
        requireRead(unitId);
        if (r.status() == RoundStatus.PUBLISHED) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.round.published");
        }
        if (!staff.isEditorOf(unitId)) {
            throw AssessmentAccess.forbidden();
        }
        ParticipantStatus status = status(r, unitId);
        if (r.status() != RoundStatus.OPEN) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.round.notOpen");
        }
        if (LocalDate.now(clock).isAfter(r.deadline())) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.round.pastDeadline", r.deadline().toString());
        }
        if (status != ParticipantStatus.DRAFT) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.answer.submitted");
        }
    }

    /** Where the unit's self-assessment is; a 404 when the unit is not in the round. */
    ParticipantStatus status(Round r, long unitId) {
        return repo.participant(r.id(), unitId).map(RoundRepository.ParticipantRow::status)
                .orElseThrow(() -> ApiException.notFound("unit in round", unitId));
    }

    private boolean editable(Round r, Participant p) {
        return r.status() == RoundStatus.OPEN && !LocalDate.now(clock).isAfter(r.deadline())
                && p.status() == ParticipantStatus.DRAFT;
    }

    UnitAssessment view(Round r, long unitId) {
        Participant p = scores.participant(r, unitId);
        CriteriaSetDocument doc = sets.require(r.criteriaSetId()).document();
        Map<String, Answer> a = repo.answers(r.id(), unitId);
        ParticipantScores.Scores s = scores.scores(doc, a, unitId, r.year());
        List<Line> lines = new ArrayList<>();
        collectLines(doc.topNodes(), null, a, s, lines);
        boolean mayEdit = editable(r, p) && staff.isEditorOf(unitId);
        boolean mayReview = AssessmentAccess.steering() && r.status() != RoundStatus.PUBLISHED
                && (r.status() == RoundStatus.CLOSED || p.status() == ParticipantStatus.SUBMITTED);
        Map<String, List<Attachments.Attachment>> files = new LinkedHashMap<>();
        List<Node> criteria = doc.criteria();
        for (int i = 0; i < criteria.size(); i++) {
            List<Attachments.Attachment> f = attachments.list(EvidenceKeys.OWNER, EvidenceKeys.key(r.id(), unitId, i));
            if (!f.isEmpty()) {
                files.put(criteria.get(i).code(), f);
            }
        }
        return new UnitAssessment(r, p, lines, s.self(), s.fin(), mayEdit, mayReview, files);
    }

    private static void collectLines(List<Node> nodes, String group, Map<String, Answer> a, ParticipantScores.Scores s,
                                     List<Line> out) {
        for (Node n : nodes) {
            if (n.group()) {
                collectLines(n.kids(), n.name(), a, s, out);
                continue;
            }
            Answer x = a.get(n.code());
            out.add(new Line(n.code(), n.name(), group, n.maxPoints(), n.rule().type(), n.isMandatory(),
                    CriteriaValues.stepsText(n.rule().stepList(), Numbers.current()), n.rule().indicator(),
                    x == null ? CriterionInput.EMPTY : x.input(), x == null ? null : x.evidence(),
                    s.selfPoints().get(n.code()), x == null || x.review() == null ? null : x.review().name(), x == null ? null : x.reviewPoints(),
                    x == null ? null : x.reviewReason(), x == null ? null : x.reviewedBy(), s.finalPoints().get(n.code())));
        }
    }
}
