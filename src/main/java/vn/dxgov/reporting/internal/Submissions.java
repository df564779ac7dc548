package vn.dxgov.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionAction;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.AgencyKind;
import vn.dxgov.units.UnitLink;

/**
 * An agency's report for a period: opened (created as a draft) on first access, and found as the current user may
 * read or write it. Reading: 403 for those who see nothing of reporting, else 404 for a report not theirs to see.
 * Writing: 404 when missing, 403 when not theirs; the report is locked for the rest of the transaction.
 */
@Service
@Transactional(readOnly = true)
class Submissions {

    private final ReportingRepository repo;
    private final Schedules schedules;
    private final ReportingAgencies reporters;
    private final TargetCatalog targets;
    private final TaskCatalog tasks;
    private final AgencyDirectory agencies;
    private final AdminUnits units;
    private final AuditLog audit;
    private final Clock clock;
    private final ReportingMessages messages;
    private final PlanCatalog plans;

    Submissions(ReportingRepository repo, Schedules schedules, ReportingAgencies reporters, TargetCatalog targets,
                TaskCatalog tasks, AgencyDirectory agencies, AdminUnits units, AuditLog audit, Clock clock,
                ReportingMessages messages, PlanCatalog plans) {
        this.plans = plans;
        this.repo = repo;
        this.schedules = schedules;
        this.reporters = reporters;
        this.targets = targets;
        this.tasks = tasks;
        this.agencies = agencies;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
        this.messages = messages;
    }

    /** The agency's report for a period, created as a draft on first access (its editor or the steering department). */
    @Transactional
    Submission open(long reportingPeriodId, long agencyId) {
        Access.requireParticipant();
        ReportingPeriod period = schedules.period(reportingPeriodId)
                .orElseThrow(() -> ApiException.notFound("period", reportingPeriodId));
        if (!Access.mayWriteFor(agencyId, province(period.planId()))) {
            throw Access.forbidden();
        }
        Optional<Submission> existing = repo.submission(reportingPeriodId, agencyId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Agency agency = agencies.find(agencyId).orElseThrow(() -> ApiException.notFound("agency", agencyId));
        if (agency.kind() == AgencyKind.COLLECTIVE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "reporting.error.collective", agency.name());
        }
        if (period.status() == ReportingPeriod.Status.CLOSED) {
            throw new ApiException(HttpStatus.CONFLICT, "reporting.error.periodClosed", period.period());
        }
        if (!concerned(agencyId, period)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "reporting.error.notConcerned", agency.name(), period.period());
        }
        Instant now = clock.instant();
        long id = repo.insertSubmission(reportingPeriodId, agencyId, unitFor(agency, period).orElse(null), now);
        if (id < 0) {
            // created concurrently by another request
            return repo.submission(reportingPeriodId, agencyId).orElseThrow();
        }
        repo.insertEvent(id, SubmissionAction.CREATE, null, SubmissionStatus.DRAFT, null, CurrentUser.actor(), now);
        Submission created = repo.submission(id).orElseThrow();
        audit.record("submission.create", "submission", id, null, created);
        return created;
    }

    /** Does the agency report on the period's plan: it must, or it leads or co-operates on a target or a running task. */
    private boolean concerned(long agencyId, ReportingPeriod period) {
        int year = Period.parse(period.period()).year();
        return reporters.requiredAgencies(period.planId(), year).contains(agencyId)
                || !targets.forAgency(agencyId, List.of(period.planId())).isEmpty()
                || tasks.forAgency(agencyId, List.of(period.planId())).stream().anyMatch(t -> t.runsIn(year));
    }

    /**
     * The administrative unit whose figures an agency reports: its province as valid on the last day of the period
     * (a province merged on 1/7/2025 is followed to the province that took it over).
     */
    Optional<Long> unitFor(Agency agency, ReportingPeriod period) {
        if (agency.provinceCode() == null) {
            return Optional.empty();
        }
        LocalDate end = Period.parse(period.period()).end();
        Optional<AdminUnit> province = units.findProvince(agency.provinceCode(), end);
        if (province.isPresent()) {
            return province.map(AdminUnit::id);
        }
        return units.find(agency.provinceCode(), LocalDate.of(2025, 6, 30)).stream()
                .flatMap(u -> units.successors(u.id()).stream()).map(UnitLink::successor)
                .filter(u -> u.validOn(end)).map(AdminUnit::id).findFirst();
    }

    /** A report the current user may read; empty for everything else (and for those outside reporting). */
    Optional<Submission> find(long submissionId) {
        if (!Access.participates()) {
            return Optional.empty();
        }
        return repo.submission(submissionId).filter(this::mayRead);
    }

    /** The province a report belongs to: its plan's (null: a national plan). */
    String province(long planId) {
        return plans.provinceOf(planId).orElse(null);
    }

    /** Whether the current user may read the report (its province's readers, its agency's editor). */
    boolean mayRead(Submission s) {
        return Access.mayRead(s, province(s.planId()));
    }

    /**
     * Another province's report does not exist for the user: 404; one of the user's province that is not theirs to
     * write (another agency's, for an editor): 403, as before provinces.
     */
    private void requireWriter(Submission s) {
        String province = province(s.planId());
        if (!CurrentUser.mayRead(province) && !Access.mayWriteFor(s.agencyId(), province)) {
            throw ApiException.notFound("submission", s.id());
        }
        if (!Access.mayWriteFor(s.agencyId(), province)) {
            throw Access.forbidden();
        }
    }

    /** A submission the current user may read: 403 for those who see nothing of reporting, else 404. */
    Submission requireRead(long submissionId) {
        Access.requireParticipant();
        return find(submissionId).orElseThrow(() -> ApiException.notFound("submission", submissionId));
    }

    /** Locks and returns a submission the current user may write: 404 when missing, 403 when not theirs. */
    Submission requireWrite(long submissionId) {
        Access.requireParticipant();
        Submission s = repo.lockSubmission(submissionId).orElseThrow(() -> ApiException.notFound("submission", submissionId));
        requireWriter(s);
        return s;
    }

    /** Checks, without locking, that the current user may write a submission: 404 when missing, 403 when not theirs. */
    void checkWrite(long submissionId) {
        Access.requireParticipant();
        Submission s = repo.submission(submissionId).orElseThrow(() -> ApiException.notFound("submission", submissionId));
        requireWriter(s);
    }

    /** Locks and returns a submission the steering department decides on: 403 for anyone else, 404 when missing. */
    Submission requireDecision(long submissionId) {
        Access.requireParticipant();
        Access.requireSteering();
        Submission s = repo.lockSubmission(submissionId).orElseThrow(() -> ApiException.notFound("submission", submissionId));
        String province = province(s.planId());
        if (!CurrentUser.mayRead(province)) {
            throw ApiException.notFound("submission", submissionId);
        }
        if (!CurrentUser.maySteer(province)) {
            throw Access.forbidden();
        }
        return s;
    }

    /** Whether the current user may change this report now (its agency's editor, or the steering department). */
    boolean editable(Submission s) {
        return Access.mayWriteFor(s.agencyId(), province(s.planId())) && (s.status() == SubmissionStatus.DRAFT || s.status() == SubmissionStatus.RETURNED);
    }

    /** A report takes changes while it is a draft or returned: 409 otherwise. */
    void requireEditable(Submission s) {
        if (s.status() != SubmissionStatus.DRAFT && s.status() != SubmissionStatus.RETURNED) {
            throw new ApiException(HttpStatus.CONFLICT, "reporting.error.notEditable", messages.statusName(s.status()));
        }
    }
}
