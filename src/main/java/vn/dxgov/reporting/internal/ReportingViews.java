package vn.dxgov.reporting.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.dxgov.files.Attachments;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;

/** What the API and the pages show of reports: rows with names, the matrix of a period, the form with evidence. */
@Component
class ReportingViews {

    /** A report with the names a person reads. */
    record SubmissionRow(long id, long reportingPeriodId, long planId, String planLabel, String period, long agencyId,
                         String agencyName, Long unitId, SubmissionStatus status, String narrative, boolean late,
                         LocalDate dueOn,
                         Instant firstSubmittedAt, Instant submittedAt, String submittedBy, Instant decidedAt,
                         String decidedBy, String returnReason, boolean demo, int version) {
    }

    /**
     * One agency's line in a period's matrix.
     *
     * @param status   NOT_STARTED when the agency has not opened its report, else the report's status
     * @param overdue  not submitted and the deadline has passed
     * @param required the agency leads a target or task of the plan (else it only co-operates)
     */
    record MatrixRow(long agencyId, String agencyName, boolean required, String status, Long submissionId, boolean late,
                     boolean overdue, Instant submittedAt) {
    }

    record PeriodView(ReportingPeriod period, String planLabel, long daysLeft, List<MatrixRow> rows,
                      Map<String, Integer> counts) {
    }

    /** A report with its form, evidence and what the current user may do with it. */
    record FormView(SubmissionRow submission, List<ReportForm.TargetLine> targets, List<ReportForm.TaskLine> tasks,
                    List<ReportForm.Skipped> skipped, List<Attachments.Attachment> evidence,
                    Map<Long, List<Attachments.Attachment>> taskEvidence, boolean editable, boolean decidable,
                    List<String> missing) {
    }

    record TodoRow(ReportingPeriod period, String planLabel, Long submissionId, String status, long daysLeft) {
    }

    private final Reporting reporting;
    private final Submissions submissions;
    private final ReportForms forms;
    private final AgencyDirectory agencies;
    private final PlanCatalog plans;
    private final Clock clock;

    ReportingViews(Reporting reporting, Submissions submissions, ReportForms forms, AgencyDirectory agencies,
                   PlanCatalog plans, Clock clock) {
        this.reporting = reporting;
        this.submissions = submissions;
        this.forms = forms;
        this.agencies = agencies;
        this.plans = plans;
        this.clock = clock;
    }

    List<SubmissionRow> rows(Collection<Submission> list) {
        Set<Long> agencyIds = new LinkedHashSet<>();
        list.forEach(s -> agencyIds.add(s.agencyId()));
        Map<Long, Agency> names = agencyIds.isEmpty() ? Map.of() : agencies.findAll(agencyIds);
        Map<Long, String> planLabels = new HashMap<>();
        List<SubmissionRow> out = new ArrayList<>();
        for (Submission s : list) {
            Agency a = names.get(s.agencyId());
            out.add(new SubmissionRow(s.id(), s.reportingPeriodId(), s.planId(),
                    planLabels.computeIfAbsent(s.planId(), this::planLabel), s.period(), s.agencyId(),
                    a == null ? "#" + s.agencyId() : a.name(), s.unitId(), s.status(), s.narrative(), s.late(), s.dueOn(),
                    s.firstSubmittedAt(), s.submittedAt(), s.submittedBy(), s.decidedAt(), s.decidedBy(),
                    s.returnReason(), s.demo(), s.version()));
        }
        return out;
    }

    SubmissionRow row(Submission s) {
        return rows(List.of(s)).get(0);
    }

    /** "06-NQ/TU" or the plan's title. */
    String planLabel(long planId) {
        return plans.find(planId).map(ReportingViews::label).orElse("#" + planId);
    }

    static String label(Plan p) {
        return p.number() != null ? p.number() : p.title();
    }

    PeriodView period(ReportingPeriod p) {
        LocalDate today = LocalDate.now(clock);
        List<Long> required = reporting.requiredAgencies(p.id());
        List<Submission> submissions = reporting.forPeriod(p.id());
        Map<Long, Submission> byAgency = new HashMap<>();
        submissions.forEach(s -> byAgency.put(s.agencyId(), s));
        Set<Long> ids = new LinkedHashSet<>();
        java.util.Optional<Long> onlyMine = CurrentUser.readsAll() ? java.util.Optional.empty() : Access.editorAgency();
        for (Long id : required) {
            if (onlyMine.isEmpty() || onlyMine.get().equals(id)) {
                ids.add(id);
            }
        }
        submissions.forEach(s -> ids.add(s.agencyId()));
        Map<Long, Agency> names = ids.isEmpty() ? Map.of() : agencies.findAll(ids);
        boolean pastDue = today.isAfter(p.agencyDueOn());
        List<MatrixRow> rows = new ArrayList<>();
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String k : List.of("NOT_STARTED", "DRAFT", "SUBMITTED", "RETURNED", "APPROVED")) {
            counts.put(k, 0);
        }
        for (Long id : ids) {
            Submission s = byAgency.get(id);
            String status = s == null ? "NOT_STARTED" : s.status().name();
            boolean submitted = s != null && (s.status() == SubmissionStatus.SUBMITTED || s.status() == SubmissionStatus.APPROVED);
            Agency a = names.get(id);
            rows.add(new MatrixRow(id, a == null ? "#" + id : a.name(), required.contains(id), status,
                    s == null ? null : s.id(), s != null && s.late(), pastDue && !submitted, s == null ? null : s.submittedAt()));
            counts.merge(status, 1, Integer::sum);
        }
        return new PeriodView(p, planLabel(p.planId()), ChronoUnit.DAYS.between(today, p.agencyDueOn()), rows, counts);
    }

    FormView form(long submissionId) {
        ReportForm form = reporting.form(submissionId);
        Submission s = form.submission();
        return new FormView(row(s), form.targets(), form.tasks(), form.skipped(), reporting.evidence(s.id()),
                reporting.taskEvidence(s.id()), submissions.editable(s),
                CurrentUser.steering() && (s.status() == SubmissionStatus.SUBMITTED || s.status() == SubmissionStatus.APPROVED),
                forms.missingLines(form));
    }

    List<TodoRow> todo(long agencyId) {
        List<TodoRow> out = new ArrayList<>();
        Map<Long, String> planLabels = new HashMap<>();
        for (Reporting.TodoItem item : reporting.todo(agencyId, LocalDate.now(clock))) {
            out.add(new TodoRow(item.period(), planLabels.computeIfAbsent(item.period().planId(), this::planLabel),
                    item.submission() == null ? null : item.submission().id(),
                    item.submission() == null ? "NOT_STARTED" : item.submission().status().name(), item.daysLeft()));
        }
        return out;
    }

    /** The percentage of a ratio line, for display. */
    static BigDecimal percent(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() <= 0) {
            return null;
        }
        return numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 2, java.math.RoundingMode.HALF_UP);
    }
}
