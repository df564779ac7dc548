package vn.dxgov.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The reporting cycle. Authorisation is enforced here, whoever calls: an EDITOR reads and writes only the reports of
 * the agency they belong to; STEERING (and ADMIN) return, approve and reopen; LEADER reads everything. Every write is
 * audited. Methods throw {@code ApiException} with a message a person can act on.
 */
public interface Reporting {

    // ----- schedules and periods -----

    List<Schedule> schedules(long planId);

    /** Creates or replaces a plan's schedule and (re)generates its periods; STEERING only. */
    Schedule saveSchedule(long planId, Frequency frequency, List<String> agencyDue, List<String> consolidationDue,
                          int firstYear, int lastYear, List<Integer> reminderDaysBefore, List<Integer> reminderDaysAfter,
                          String sourceText);

    List<ReportingPeriod> periods(long planId);

    Optional<ReportingPeriod> period(long reportingPeriodId);

    /** Periods whose agency deadline falls between two days (inclusive), all plans: for reminders. */
    List<ReportingPeriod> periodsDueBetween(LocalDate from, LocalDate to);

    /** The agencies that must report in a period: the lead agencies of the plan's targets and tasks. */
    List<Long> requiredAgencies(long reportingPeriodId);

    // ----- submissions -----

    /** The agency's report for a period, created as a draft on first access. */
    Submission open(long reportingPeriodId, long agencyId);

    Optional<Submission> find(long submissionId);

    ReportForm form(long submissionId);

    /** Saves values and progress into a DRAFT or RETURNED report. */
    Submission save(long submissionId, ReportInput input);

    Submission submit(long submissionId);

    Submission returnToAgency(long submissionId, String reason);

    Submission approve(long submissionId);

    /** Reopens an approved report (unlocks its data) with a recorded reason; STEERING only. */
    Submission reopen(long submissionId, String reason);

    record Event(String action, SubmissionStatus from, SubmissionStatus to, String reason, String actor,
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
}
