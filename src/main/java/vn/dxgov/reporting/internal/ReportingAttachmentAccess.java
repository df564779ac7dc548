package vn.dxgov.reporting.internal;

import org.springframework.stereotype.Component;
import vn.dxgov.files.AttachmentAccess;

/**
 * Who may see and attach evidence of reports through the files module's API: the report's readers read; its
 * agency's editor (and the steering department) attach and remove while the report is a draft or returned, and the
 * task's progress is not locked.
 */
@Component
class ReportingAttachmentAccess implements AttachmentAccess {

    private final ReportEvidence evidence;
    private final Submissions submissions;

    ReportingAttachmentAccess(ReportEvidence evidence, Submissions submissions) {
        this.evidence = evidence;
        this.submissions = submissions;
    }

    @Override
    public boolean decides(String ownerType) {
        return ReportEvidence.OWNER_SUBMISSION.equals(ownerType) || ReportEvidence.OWNER_TASK_PROGRESS.equals(ownerType);
    }

    @Override
    public boolean mayRead(String ownerType, long ownerId) {
        return evidence.ownerSubmission(ownerType, ownerId).flatMap(submissions::find).isPresent();
    }

    @Override
    public boolean mayWrite(String ownerType, long ownerId) {
        return evidence.mayChangeEvidence(ownerType, ownerId);
    }
}
