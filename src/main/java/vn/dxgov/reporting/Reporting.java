package vn.dxgov.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.dxgov.files.Attachments;
import vn.dxgov.indicators.ValueSource;

/**
 * The reporting cycle. Authorisation is enforced here, whoever calls: an EDITOR reads and writes only the reports of
 * the agency they belong to; STEERING (and ADMIN) return, approve and reopen; LEADER reads everything. Every write is
 * audited. Methods throw {@code ApiException} with a message a person can act on.
 */
public interface Reporting {

    // ----- schedules and periods -----

    /** A plan's schedules, the active one first (an older one stays, inactive, when its periods hold reports). */
    List<Schedule> schedules(long planId);

    /** The plan's active schedule, if it has one. */
    Optional<Schedule> activeSchedule(long planId);

    /** Creates or replaces a plan's schedule and (re)generates its periods; STEERING only. */
    Schedule saveSchedule(long planId, Frequency frequency, List<String> agencyDue, List<String> consolidationDue,
                          int firstYear, int lastYear, List<Integer> reminderDaysBefore, List<Integer> reminderDaysAfter,
                          String sourceText);

    List<ReportingPeriod> periods(long planId);

    Optional<ReportingPeriod> period(long reportingPeriodId);

    /** Periods whose agency deadline falls between two days (inclusive), all plans: for reminders. */
    List<ReportingPeriod> periodsDueBetween(LocalDate from, LocalDate to);

    /**
     * The agency whose report carries a target's official figure: its first lead agency that is one organisation (not
     * a collective such as "UBND các huyện"); empty when none. Its other lead and co-operating agencies report
     * contributions beside it.
     */
    Optional<Long> figureOwner(vn.dxgov.targets.Target target);

    /** The agencies that must report in a period: the lead agencies of the plan's targets and tasks. */
    List<Long> requiredAgencies(long reportingPeriodId);

    // ----- submissions -----

    /** The agency's report for a period, created as a draft on first access. */
    Submission open(long reportingPeriodId, long agencyId);

    Optional<Submission> find(long submissionId);

    ReportForm form(long submissionId);

    /** Saves values and progress into a DRAFT or RETURNED report. */
    Submission save(long submissionId, ReportInput input);

    /**
     * Saves values and progress into a DRAFT or RETURNED report, recording where the values came from (an uploaded
     * Excel form: {@link ValueSource#EXCEL}; another system: {@link ValueSource#API}). Validates every line first and
     * writes nothing when one is bad (400 with one detail per bad line).
     */
    Submission save(long submissionId, ReportInput input, ValueSource source);

    Submission submit(long submissionId);

    Submission returnToAgency(long submissionId, String reason);

    Submission approve(long submissionId);

    /** Reopens an approved report (unlocks its data) with a recorded reason; STEERING only. */
    Submission reopen(long submissionId, String reason);

    /** A step of a report's history: what was done ({@link SubmissionAction}), from and to which status, by whom. */
    record Event(SubmissionAction action, SubmissionStatus from, SubmissionStatus to, String reason, String actor,
                 java.time.Instant at) {
    }

    List<Event> history(long submissionId);

    /** Submissions of a period, one per required agency (missing ones are not created). */
    List<Submission> forPeriod(long reportingPeriodId);

    /** Submissions of an agency over all plans, newest period first. */
    List<Submission> forAgency(long agencyId);

    /** The steering department's inbox: reports waiting for a decision, oldest first. */
    List<Submission> inbox();

    /** An agency's to-do list: periods still open for it, with days left (negative when overdue). */
    record TodoItem(ReportingPeriod period, Submission submission, long daysLeft) {
    }

    List<TodoItem> todo(long agencyId, LocalDate today);

    // ----- evidence (minh chứng) -----

    /** Evidence files attached to the report as a whole (owner type SUBMISSION). */
    List<Attachments.Attachment> evidence(long submissionId);

    /** Evidence files of the report's task lines (owner type TASK_PROGRESS), by task id. */
    Map<Long, List<Attachments.Attachment>> taskEvidence(long submissionId);

    /**
     * Attaches a file to a DRAFT or RETURNED report: to the report as a whole ({@code taskId} null) or to the progress
     * of one of its tasks (which must have been saved first).
     */
    Attachments.Attachment addEvidence(long submissionId, Long taskId, String filename, String mediaType, byte[] bytes);

    /** An evidence file of a report the current user may read. */
    Optional<Attachments.Content> evidenceFile(long attachmentId);

    /** Removes an evidence file from a DRAFT or RETURNED report. */
    void deleteEvidence(long attachmentId);
}
