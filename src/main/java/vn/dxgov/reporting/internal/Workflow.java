package vn.dxgov.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.ValueState;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionAction;
import vn.dxgov.reporting.SubmissionChanged;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.web.ApiException;

/**
 * A report's workflow: submit (or resubmit a returned one) by its agency; return, approve and reopen by the steering
 * department. Each step is one transaction on the locked report: it checks the transition, moves the report's figures
 * to their new state, leaves a {@code submission_event} and an audit record, and publishes {@link SubmissionChanged}
 * inside the transaction, so transactional listeners receive it after commit.
 */
@Service
@Transactional(readOnly = true)
class Workflow {

    private final Submissions submissions;
    private final ReportForms forms;
    private final ReportingRepository repo;
    private final TaskProgressRepository taskProgress;
    private final DataValueStore values;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReportingMessages messages;

    Workflow(Submissions submissions, ReportForms forms, ReportingRepository repo, TaskProgressRepository taskProgress, DataValueStore values, AuditLog audit,
             ApplicationEventPublisher events, Clock clock, ReportingMessages messages) {
        this.submissions = submissions;
        this.forms = forms;
        this.repo = repo;
        this.taskProgress = taskProgress;
        this.values = values;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.messages = messages;
    }

    /** Sends a DRAFT (SUBMIT) or RETURNED (RESUBMIT) report whose required lines are all filled; late after its deadline. */
    @Transactional
    Submission submit(long submissionId) {
        Submission s = submissions.requireWrite(submissionId);
        SubmissionAction action;
        if (s.status() == SubmissionStatus.DRAFT) {
            action = SubmissionAction.SUBMIT;
        } else if (s.status() == SubmissionStatus.RETURNED) {
            action = SubmissionAction.RESUBMIT;
        } else {
            throw transition(SubmissionAction.SUBMIT, s);
        }
        List<String> missing = forms.missingLines(forms.buildForm(s));
        if (!missing.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, missing, "reporting.error.incomplete", missing.size());
        }
        Instant now = clock.instant();
        boolean late = s.firstSubmittedAt() == null && s.dueOn() != null && LocalDate.ofInstant(now, clock.getZone()).isAfter(s.dueOn());
        repo.markSubmitted(s.id(), now, CurrentUser.actor(), late);
        values.transition(s.id(), ValueState.SUBMITTED);
        return step(s, action, SubmissionStatus.SUBMITTED, null, now);
    }

    @Transactional
    Submission returnToAgency(long submissionId, String reason) {
        Submission s = submissions.requireDecision(submissionId);
        String why = requireReason(reason);
        if (s.status() != SubmissionStatus.SUBMITTED) {
            throw transition(SubmissionAction.RETURN, s);
        }
        Instant now = clock.instant();
        repo.markDecided(s.id(), SubmissionStatus.RETURNED, now, CurrentUser.actor(), why);
        values.transition(s.id(), ValueState.DRAFT);
        return step(s, SubmissionAction.RETURN, SubmissionStatus.RETURNED, why, now);
    }

    @Transactional
    Submission approve(long submissionId) {
        Submission s = submissions.requireDecision(submissionId);
        if (s.status() != SubmissionStatus.SUBMITTED) {
            throw transition(SubmissionAction.APPROVE, s);
        }
        Instant now = clock.instant();
        repo.markDecided(s.id(), SubmissionStatus.APPROVED, now, CurrentUser.actor(), null);
        lock(s.id(), true);
        return step(s, SubmissionAction.APPROVE, SubmissionStatus.APPROVED, null, now);
    }

    @Transactional
    Submission reopen(long submissionId, String reason) {
        Submission s = submissions.requireDecision(submissionId);
        String why = requireReason(reason);
        if (s.status() != SubmissionStatus.APPROVED) {
            throw transition(SubmissionAction.REOPEN, s);
        }
        Instant now = clock.instant();
        repo.markDecided(s.id(), SubmissionStatus.RETURNED, now, CurrentUser.actor(), why);
        lock(s.id(), false);
        return step(s, SubmissionAction.REOPEN, SubmissionStatus.RETURNED, why, now);
    }

    /** The report's history: created, saved, submitted, returned, approved, reopened; who and when. */
    List<Reporting.Event> history(long submissionId) {
        submissions.requireRead(submissionId);
        return repo.history(submissionId);
    }

    /** Approval makes the report's figures the approved ones and locks them; a reopening unlocks them (DRAFT). */
    private void lock(long submissionId, boolean locked) {
        values.transition(submissionId, locked ? ValueState.APPROVED : ValueState.DRAFT);
        taskProgress.lockProgress(submissionId, locked);
    }

    /** Records a workflow step: the event row, the audit record and the event for listeners. */
    private Submission step(Submission before, SubmissionAction action, SubmissionStatus to, String reason, Instant now) {
        String actor = CurrentUser.actor();
        repo.insertEvent(before.id(), action, before.status(), to, reason, actor, now);
        Submission after = repo.submission(before.id()).orElseThrow();
        audit.record("submission." + action.name().toLowerCase(Locale.ROOT), "submission", before.id(), before, after);
        events.publishEvent(new SubmissionChanged(after, action, actor, reason));
        return after;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "reporting.error.reasonRequired");
        }
        return reason.trim();
    }

    private ApiException transition(SubmissionAction action, Submission s) {
        return new ApiException(HttpStatus.CONFLICT, "reporting.error.transition",
                messages.msg("reporting.action." + action.name()), messages.statusName(s.status()));
    }
}
