package vn.dxgov.assessment.internal;

import org.springframework.stereotype.Component;
import vn.dxgov.files.AttachmentAccess;

/**
 * Evidence files of self-assessments through the files module's API: the unit's staff and those who read everything
 * read them; the unit's own staff attach and remove them while they may edit the self-assessment.
 */
@Component
class AssessmentEvidenceAccess implements AttachmentAccess {

    private final SelfAssessments rounds;

    AssessmentEvidenceAccess(SelfAssessments rounds) {
        this.rounds = rounds;
    }

    @Override
    public boolean decides(String ownerType) {
        return EvidenceKeys.OWNER.equals(ownerType);
    }

    @Override
    public boolean mayRead(String ownerType, long ownerId) {
        return rounds.mayReadEvidence(ownerId);
    }

    @Override
    public boolean mayWrite(String ownerType, long ownerId) {
        return rounds.mayWriteEvidence(ownerId);
    }
}
