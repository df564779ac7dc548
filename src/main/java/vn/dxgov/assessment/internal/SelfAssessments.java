package vn.dxgov.assessment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.assessment.Assessments.AnswerInput;
import vn.dxgov.assessment.Assessments.Round;
import vn.dxgov.assessment.Assessments.UnitAssessment;
import vn.dxgov.assessment.CriteriaSetDocument.Node;
import vn.dxgov.assessment.RuleType;
import vn.dxgov.files.Attachments;
import vn.dxgov.security.AuditLog;
import vn.dxgov.shared.web.ApiException;

/**
 * Self-assessment: a unit's staff save their answers with evidence (text and files) per criterion and submit, while
 * the round is open, before its deadline and until they submit ({@link UnitAssessments#requireWrite}).
 */
@Service
class SelfAssessments {

    private final RoundRepository repo;
    private final CriteriaSetService sets;
    private final UnitAssessments assessments;
    private final Attachments attachments;
    private final AuditLog audit;

    SelfAssessments(RoundRepository repo, CriteriaSetService sets, UnitAssessments assessments, Attachments attachments,
                    AuditLog audit) {
        this.repo = repo;
        this.sets = sets;
        this.assessments = assessments;
        this.attachments = attachments;
        this.audit = audit;
    }

    @Transactional
    public UnitAssessment save(long roundId, long unitId, List<AnswerInput> answers) {
        Round r = repo.round(roundId);
        assessments.requireWrite(r, unitId);
        List<AnswerInput> in = answers == null ? List.of() : answers;
        List<String> problems = check(r, in);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "assessment.answer.invalid");
        }
        UnitAssessment before = assessments.view(r, unitId);
        for (AnswerInput x : in) {
            repo.saveAnswer(roundId, unitId, x, x.evidence() == null || x.evidence().isBlank() ? null : x.evidence().strip(),
                    AssessmentAccess.actor());
        }
        UnitAssessment after = assessments.view(r, unitId);
        audit.record("assessment.save", "assessment", roundId + "/" + unitId, before.lines(), after.lines());
        return after;
    }

    /** What is wrong with the answers, one message per problem, against the round's criteria. */
    private List<String> check(Round r, List<AnswerInput> in) {
        Map<String, Node> criteria = new HashMap<>();
        sets.require(r.criteriaSetId()).document().criteria().forEach(c -> criteria.put(c.code(), c));
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            AnswerInput x = in.get(i);
            Node c = x == null || x.criterion() == null ? null : criteria.get(x.criterion());
            if (c == null) {
                problems.add("answers[" + i + "].criterion: không có tiêu chí \"" + (x == null ? null : x.criterion()) + "\"");
            } else {
                check(c, x, problems);
            }
        }
        return problems;
    }

    private static void check(Node c, AnswerInput x, List<String> problems) {
        String at = "tiêu chí " + c.code();
        if (negative(x.value()) || negative(x.numerator()) || negative(x.denominator()) || negative(x.points())) {
            problems.add(at + ": số liệu không được âm");
        }
        if (c.rule().type() == RuleType.RATIO || (c.rule().type() == RuleType.THRESHOLDS && x.value() == null
                && x.numerator() != null)) {
            if ((x.numerator() == null) != (x.denominator() == null)) {
                problems.add(at + ": cần cả tử số và mẫu số");
            } else if (x.denominator() != null && x.denominator().signum() == 0) {
                problems.add(at + ": mẫu số phải lớn hơn 0");
            } else if (x.numerator() != null && x.numerator().compareTo(x.denominator()) > 0) {
                problems.add(at + ": tử số lớn hơn mẫu số");
            }
        }
        if (x.points() != null && x.points().compareTo(c.maxPoints()) > 0) {
            problems.add(at + ": điểm đề xuất vượt điểm tối đa " + CriteriaValidator.plain(c.maxPoints()));
        }
        if (x.evidence() != null && x.evidence().length() > 4000) {
            problems.add(at + ": minh chứng dài quá 4000 ký tự");
        }
    }

    private static boolean negative(BigDecimal v) {
        return v != null && v.signum() < 0;
    }

    @Transactional
    public UnitAssessment submit(long roundId, long unitId) {
        Round r = repo.round(roundId);
        assessments.requireWrite(r, unitId);
        repo.submit(roundId, unitId, AssessmentAccess.actor());
        UnitAssessment after = assessments.view(r, unitId);
        audit.record("assessment.submit", "assessment", roundId + "/" + unitId, null,
                Map.of("selfTotal", after.selfScore().total()));
        return after;
    }

    // ----- evidence files

    private int criterionIndex(Round r, String criterion) {
        List<Node> criteria = sets.require(r.criteriaSetId()).document().criteria();
        for (int i = 0; i < criteria.size(); i++) {
            if (criteria.get(i).code().equals(criterion)) {
                return i;
            }
        }
        throw ApiException.notFound("criterion", criterion);
    }

    @Transactional
    public Attachments.Attachment addEvidence(long roundId, long unitId, String criterion, String filename,
                                              String mediaType, byte[] bytes) {
        Round r = repo.round(roundId);
        assessments.requireWrite(r, unitId);
        return attachments.add(EvidenceKeys.OWNER, EvidenceKeys.key(roundId, unitId, criterionIndex(r, criterion)),
                filename, mediaType, bytes);
    }

    /** A file of this unit's evidence in this round, or a 404. */
    private Attachments.Content ownFile(long roundId, long unitId, long attachmentId) {
        Attachments.Content c = attachments.get(attachmentId).orElseThrow(() -> ApiException.notFound("attachment", attachmentId));
        Attachments.Attachment a = c.attachment();
        if (!EvidenceKeys.OWNER.equals(a.ownerType()) || EvidenceKeys.round(a.ownerId()) != roundId
                || EvidenceKeys.unit(a.ownerId()) != unitId) {
            throw ApiException.notFound("attachment", attachmentId);
        }
        return c;
    }

    @Transactional
    public void deleteEvidence(long roundId, long unitId, long attachmentId) {
        Round r = repo.round(roundId);
        assessments.requireWrite(r, unitId);
        ownFile(roundId, unitId, attachmentId);
        attachments.delete(attachmentId);
    }

    @Transactional(readOnly = true)
    public Attachments.Content evidenceFile(long roundId, long unitId, long attachmentId) {
        repo.round(roundId);
        assessments.requireRead(unitId);
        return ownFile(roundId, unitId, attachmentId);
    }

    /** For the files module's own endpoints: who reads and writes evidence of an owner id. */
    boolean mayReadEvidence(long key) {
        try {
            assessments.requireRead(EvidenceKeys.unit(key));
            repo.round(EvidenceKeys.round(key));
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    boolean mayWriteEvidence(long key) {
        try {
            assessments.requireWrite(repo.round(EvidenceKeys.round(key)), EvidenceKeys.unit(key));
            return true;
        } catch (ApiException e) {
            return false;
        }
    }
}
