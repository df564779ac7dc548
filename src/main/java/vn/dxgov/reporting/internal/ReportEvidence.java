package vn.dxgov.reporting.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.files.Attachments;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.Submission;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.web.ApiException;

/**
 * A report's evidence (minh chứng), kept by the files module: files of the report as a whole (owner type SUBMISSION)
 * and of its task lines (TASK_PROGRESS). The report's readers read them; its writers add and remove them while the
 * report is a draft or returned and the task's progress is not locked.
 */
@Service
@Transactional(readOnly = true)
class ReportEvidence {

    static final String OWNER_SUBMISSION = "SUBMISSION";
    static final String OWNER_TASK_PROGRESS = "TASK_PROGRESS";

    private final Submissions submissions;
    private final ReportForms forms;
    private final ReportingRepository repo;
    private final TaskProgressRepository taskProgress;
    private final Attachments files;
    private final ReportingMessages messages;

    ReportEvidence(Submissions submissions, ReportForms forms, ReportingRepository repo, TaskProgressRepository taskProgress, Attachments files,
                   ReportingMessages messages) {
        this.submissions = submissions;
        this.forms = forms;
        this.repo = repo;
        this.taskProgress = taskProgress;
        this.files = files;
        this.messages = messages;
    }

    /** Evidence files attached to the report as a whole. */
    List<Attachments.Attachment> evidence(long submissionId) {
        submissions.requireRead(submissionId);
        return files.list(OWNER_SUBMISSION, submissionId);
    }

    /** Evidence files of the report's task lines, by task id. */
    Map<Long, List<Attachments.Attachment>> taskEvidence(long submissionId) {
        Submission s = submissions.requireRead(submissionId);
        Map<Long, List<Attachments.Attachment>> out = new LinkedHashMap<>();
        for (ReportForm.TaskLine l : forms.buildForm(s).tasks()) {
            if (l.progressId() != null) {
                List<Attachments.Attachment> list = files.list(OWNER_TASK_PROGRESS, l.progressId());
                if (!list.isEmpty()) {
                    out.put(l.taskId(), list);
                }
            }
        }
        return out;
    }

    /** Attaches a file to the report ({@code taskId} null) or to the saved progress of one of its tasks. */
    @Transactional
    Attachments.Attachment addEvidence(long submissionId, Long taskId, String filename, String mediaType, byte[] bytes) {
        Submission s = submissions.requireWrite(submissionId);
        submissions.requireEditable(s);
        if (taskId == null) {
            return files.add(OWNER_SUBMISSION, s.id(), filename, mediaType, bytes);
        }
        TaskProgressRepository.Progress p = taskProgress.progress(List.of(taskId), s.period(), s.agencyId()).stream().findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "reporting.error.evidenceNeedsProgress"));
        if (p.locked()) {
            throw new ApiException(HttpStatus.CONFLICT, "reporting.error.notEditable", messages.statusName(s.status()));
        }
        return files.add(OWNER_TASK_PROGRESS, p.id(), filename, mediaType, bytes);
    }

    /** An evidence file of a report the current user may read. */
    Optional<Attachments.Content> evidenceFile(long attachmentId) {
        Access.requireParticipant();
        Optional<Attachments.Content> content = files.get(attachmentId);
        if (content.isEmpty() || evidenceSubmission(content.get().attachment()).flatMap(submissions::find).isEmpty()) {
            return Optional.empty();
        }
        return content;
    }

    /** Removes an evidence file from a DRAFT or RETURNED report. */
    @Transactional
    void deleteEvidence(long attachmentId) {
        Access.requireParticipant();
        Attachments.Content content = files.get(attachmentId)
                .orElseThrow(() -> ApiException.notFound("attachment", attachmentId));
        long submissionId = evidenceSubmission(content.attachment())
                .orElseThrow(() -> ApiException.notFound("attachment", attachmentId));
        if (submissions.find(submissionId).isEmpty() && !CurrentUser.steering()) {
            throw ApiException.notFound("attachment", attachmentId);
        }
        Submission s = submissions.requireWrite(submissionId);
        submissions.requireEditable(s);
        files.delete(attachmentId);
    }

    /** The submission an evidence file belongs to. */
    private Optional<Long> evidenceSubmission(Attachments.Attachment a) {
        return ownerSubmission(a.ownerType(), a.ownerId());
    }

    /** The submission an owner of evidence (SUBMISSION, TASK_PROGRESS) belongs to. */
    Optional<Long> ownerSubmission(String ownerType, long ownerId) {
        if (OWNER_SUBMISSION.equals(ownerType)) {
            return Optional.of(ownerId);
        }
        if (OWNER_TASK_PROGRESS.equals(ownerType)) {
            return taskProgress.progress(ownerId).map(TaskProgressRepository.Progress::submissionId);
        }
        return Optional.empty();
    }

    /** May the current user add or remove evidence of this owner now (its report is theirs and can be changed)? */
    boolean mayChangeEvidence(String ownerType, long ownerId) {
        if (!Access.participates()) {
            return false;
        }
        if (OWNER_TASK_PROGRESS.equals(ownerType)
                && taskProgress.progress(ownerId).map(TaskProgressRepository.Progress::locked).orElse(true)) {
            return false;
        }
        return ownerSubmission(ownerType, ownerId).flatMap(repo::submission).map(submissions::editable).orElse(false);
    }
}
