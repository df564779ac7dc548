package vn.dxgov.reporting.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.dxgov.files.Attachments;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.reporting.Frequency;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Schedule;
import vn.dxgov.reporting.Submission;
import vn.dxgov.targets.Target;

/**
 * The reporting cycle as other modules (and reporting's own pages and API) see it: each method hands over to the
 * class that owns its part. Those classes check who is asking ({@link Access}) and hold the transactions: every
 * write is one transaction, audited; each workflow step publishes {@code SubmissionChanged} inside it.
 *
 * <ul>
 *   <li>{@link Schedules}: schedules and periods;</li>
 *   <li>{@link ReportingAgencies}: who must report, whose report carries a target's figure;</li>
 *   <li>{@link Submissions}: opening a report and finding it as the user may;</li>
 *   <li>{@link ReportForms}: a report's lines; {@link ReportValidation}: what is wrong with an input;</li>
 *   <li>{@link ReportSaving}: saving; {@link Workflow}: submit, return, approve, reopen, history;</li>
 *   <li>{@link ReportEvidence}: evidence files; {@link ReportLists}: a period's or an agency's reports, inbox, to-do.</li>
 * </ul>
 */
@Service
class ReportingFacade implements Reporting {

    private final Schedules schedules;
    private final ReportingAgencies reporters;
    private final Submissions submissions;
    private final ReportForms forms;
    private final ReportSaving saving;
    private final Workflow workflow;
    private final ReportEvidence evidence;
    private final ReportLists lists;

    ReportingFacade(Schedules schedules, ReportingAgencies reporters, Submissions submissions, ReportForms forms,
                    ReportSaving saving, Workflow workflow, ReportEvidence evidence, ReportLists lists) {
        this.schedules = schedules;
        this.reporters = reporters;
        this.submissions = submissions;
        this.forms = forms;
        this.saving = saving;
        this.workflow = workflow;
        this.evidence = evidence;
        this.lists = lists;
    }

    // ----- schedules and periods

    @Override
    public List<Schedule> schedules(long planId) {
        return schedules.schedules(planId);
    }

    @Override
    public Optional<Schedule> activeSchedule(long planId) {
        return schedules.activeSchedule(planId);
    }

    @Override
    public Schedule saveSchedule(long planId, Frequency frequency, List<String> agencyDue, List<String> consolidationDue,
                                 int firstYear, int lastYear, List<Integer> reminderDaysBefore,
                                 List<Integer> reminderDaysAfter, String sourceText) {
        return schedules.saveSchedule(planId, frequency, agencyDue, consolidationDue, firstYear, lastYear,
                reminderDaysBefore, reminderDaysAfter, sourceText);
    }

    @Override
    public List<ReportingPeriod> periods(long planId) {
        return schedules.periods(planId);
    }

    @Override
    public Optional<ReportingPeriod> period(long reportingPeriodId) {
        return schedules.period(reportingPeriodId);
    }

    @Override
    public List<ReportingPeriod> periodsDueBetween(LocalDate from, LocalDate to) {
        return schedules.periodsDueBetween(from, to);
    }

    @Override
    public Optional<Long> figureOwner(Target target) {
        return Optional.ofNullable(reporters.owner(target));
    }

    @Override
    public List<Long> requiredAgencies(long reportingPeriodId) {
        return reporters.requiredAgencies(reportingPeriodId);
    }

    // ----- submissions

    @Override
    public Submission open(long reportingPeriodId, long agencyId) {
        return submissions.open(reportingPeriodId, agencyId);
    }

    @Override
    public Optional<Submission> find(long submissionId) {
        return submissions.find(submissionId);
    }

    @Override
    public ReportForm form(long submissionId) {
        return forms.form(submissionId);
    }

    @Override
    public Submission save(long submissionId, ReportInput input) {
        return saving.save(submissionId, input, ValueSource.FORM);
    }

    @Override
    public Submission save(long submissionId, ReportInput input, ValueSource source) {
        return saving.save(submissionId, input, source);
    }

    @Override
    public Submission submit(long submissionId) {
        return workflow.submit(submissionId);
    }

    @Override
    public Submission returnToAgency(long submissionId, String reason) {
        return workflow.returnToAgency(submissionId, reason);
    }

    @Override
    public Submission approve(long submissionId) {
        return workflow.approve(submissionId);
    }

    @Override
    public Submission reopen(long submissionId, String reason) {
        return workflow.reopen(submissionId, reason);
    }

    @Override
    public List<Event> history(long submissionId) {
        return workflow.history(submissionId);
    }

    // ----- lists

    @Override
    public List<Submission> forPeriod(long reportingPeriodId) {
        return lists.forPeriod(reportingPeriodId);
    }

    @Override
    public List<Submission> forAgency(long agencyId) {
        return lists.forAgency(agencyId);
    }

    @Override
    public List<Submission> inbox() {
        return lists.inbox();
    }

    @Override
    public List<TodoItem> todo(long agencyId, LocalDate today) {
        return lists.todo(agencyId, today);
    }

    // ----- evidence

    @Override
    public List<Attachments.Attachment> evidence(long submissionId) {
        return evidence.evidence(submissionId);
    }

    @Override
    public Map<Long, List<Attachments.Attachment>> taskEvidence(long submissionId) {
        return evidence.taskEvidence(submissionId);
    }

    @Override
    public Attachments.Attachment addEvidence(long submissionId, Long taskId, String filename, String mediaType,
                                              byte[] bytes) {
        return evidence.addEvidence(submissionId, taskId, filename, mediaType, bytes);
    }

    @Override
    public Optional<Attachments.Content> evidenceFile(long attachmentId) {
        return evidence.evidenceFile(attachmentId);
    }

    @Override
    public void deleteEvidence(long attachmentId) {
        evidence.deleteEvidence(attachmentId);
    }
}
