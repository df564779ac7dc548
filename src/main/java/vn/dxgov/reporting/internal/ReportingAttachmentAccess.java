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

    private final ReportingService reporting;

    ReportingAttachmentAccess(ReportingService reporting) {
        this.reporting = reporting;
    }

    @Override
    public boolean decides(String ownerType) {
        return ReportingService.OWNER_SUBMISSION.equals(ownerType) || ReportingService.OWNER_TASK_PROGRESS.equals(ownerType);
    }

    @Override
    public boolean mayRead(String ownerType, long ownerId) {
        return reporting.ownerSubmission(ownerType, ownerId).flatMap(reporting::find).isPresent();
    }

    @Override
    public boolean mayWrite(String ownerType, long ownerId) {
        return reporting.mayChangeEvidence(ownerType, ownerId);
    }
}
