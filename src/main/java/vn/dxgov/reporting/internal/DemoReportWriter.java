package vn.dxgov.reporting.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.reporting.DemoReports;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionAction;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.Role;
import vn.dxgov.shared.web.ApiException;

/**
 * The demonstration history's way into reporting: the report is opened and saved the ordinary way (same form,
 * same validation, values written with source DEMO), then its timeline is written with the past instants the demo
 * chose, without publishing workflow events (no notification or e-mail for history that never happened).
 */
@Service
class DemoReportWriter implements DemoReports {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Submissions submissions;
    private final ReportForms forms;
    private final ReportSaving saving;
    private final ReportingRepository repo;
    private final TaskProgressRepository taskProgress;
    private final DataValueStore values;
    private final AuditLog audit;

    DemoReportWriter(Submissions submissions, ReportForms forms, ReportSaving saving, ReportingRepository repo, TaskProgressRepository taskProgress,
                     DataValueStore values, AuditLog audit) {
        this.submissions = submissions;
        this.forms = forms;
        this.saving = saving;
        this.repo = repo;
        this.taskProgress = taskProgress;
        this.values = values;
        this.audit = audit;
    }

    @Override
    public boolean exists(long planId) {
        return repo.demoExists(planId);
    }

    @Override
    @Transactional
    public long record(long reportingPeriodId, long agencyId, String editor, Instant openedAt, ReportInput input,
                       List<Step> steps) {
        if (!CurrentUser.hasRole(Role.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        // never over a real report: demo history is written only where the agency has none for the period
        if (repo.submission(reportingPeriodId, agencyId).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "reporting.error.demoExists");
        }
        Submission s = submissions.open(reportingPeriodId, agencyId);
        saving.save(s.id(), asked(forms.buildForm(s), input), ValueSource.DEMO);
        repo.markDemo(s.id(), openedAt, editor);
        SubmissionStatus status = SubmissionStatus.DRAFT;
        Instant firstSubmitted = null;
        for (Step step : steps) {
            SubmissionStatus to;
            switch (step.action()) {
                case SUBMIT, RESUBMIT -> {
                    requireStatus(step, status, status == SubmissionStatus.DRAFT || status == SubmissionStatus.RETURNED);
                    boolean late = firstSubmitted == null && s.dueOn() != null
                            && LocalDate.ofInstant(step.at(), VIETNAM).isAfter(s.dueOn());
                    if (firstSubmitted == null) {
                        firstSubmitted = step.at();
                    }
                    repo.markSubmitted(s.id(), step.at(), step.actor(), late);
                    values.transition(s.id(), vn.dxgov.indicators.ValueState.SUBMITTED);
                    to = SubmissionStatus.SUBMITTED;
                }
                case RETURN -> {
                    requireStatus(step, status, status == SubmissionStatus.SUBMITTED);
                    repo.markDecided(s.id(), SubmissionStatus.RETURNED, step.at(), step.actor(), step.reason());
                    values.transition(s.id(), vn.dxgov.indicators.ValueState.DRAFT);
                    to = SubmissionStatus.RETURNED;
                }
                case APPROVE -> {
                    requireStatus(step, status, status == SubmissionStatus.SUBMITTED);
                    repo.markDecided(s.id(), SubmissionStatus.APPROVED, step.at(), step.actor(), null);
                    values.transition(s.id(), vn.dxgov.indicators.ValueState.APPROVED);
                    taskProgress.lockProgress(s.id(), true);
                    to = SubmissionStatus.APPROVED;
                }
                default -> throw new IllegalArgumentException("Unknown demo step " + step.action());
            }
            SubmissionAction action = step.action() == SubmissionAction.SUBMIT && status == SubmissionStatus.RETURNED
                    ? SubmissionAction.RESUBMIT : step.action();
            repo.insertEvent(s.id(), action, status, to, step.reason(), step.actor(), step.at());
            status = to;
        }
        audit.record("submission.demo", "submission", s.id(), null,
                Map.of("period", s.period(), "agencyId", agencyId, "status", status.name(), "steps", steps.size()));
        return s.id();
    }

    /**
     * The demo's figures for the lines the form asks for (a target past its deadline, a district count after the
     * reform are not asked), each as the agency's own line: official where it owns the figure, else its contribution.
     */
    private static ReportInput asked(vn.dxgov.reporting.ReportForm form, ReportInput input) {
        List<ReportInput.TargetValue> kept = input.targets() == null ? List.of() : input.targets().stream()
                .filter(tv -> FormLines.line(form, tv) != null).toList();
        return new ReportInput(input.narrative(), kept, input.tasks());
    }

    private static void requireStatus(Step step, SubmissionStatus status, boolean allowed) {
        if (!allowed) {
            throw new IllegalArgumentException("Demo step " + step.action() + " cannot follow status " + status);
        }
    }
}
