package vn.dxgov.reporting.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dxgov.reporting.Frequency;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Schedule;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionAction;
import vn.dxgov.reporting.SubmissionStatus;

/** The reporting tables: schedules, periods, submissions and their events (task progress: {@link TaskProgressRepository}). */
@Repository
class ReportingRepository {

    private final JdbcClient jdbc;

    ReportingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ===== schedules =====

    private static final String SCHEDULE = """
            select id, plan_id, frequency, agency_due, consolidation_due, first_year, last_year, reminder_days_before,
                   reminder_days_after, source_text, active, needs_review, review_note from reporting_schedule""";

    private static Schedule schedule(ResultSet rs, int n) throws SQLException {
        return new Schedule(rs.getLong("id"), rs.getLong("plan_id"), Frequency.valueOf(rs.getString("frequency")),
                strings(rs.getArray("agency_due")), nullableStrings(rs.getArray("consolidation_due")),
                rs.getInt("first_year"), rs.getInt("last_year"), ints(rs.getArray("reminder_days_before")),
                ints(rs.getArray("reminder_days_after")), rs.getString("source_text"), rs.getBoolean("active"),
                rs.getBoolean("needs_review"), rs.getString("review_note"));
    }

    List<Schedule> schedules(long planId) {
        return jdbc.sql(SCHEDULE + " where plan_id = ? order by active desc, id desc").param(planId).query(ReportingRepository::schedule).list();
    }

    Optional<Schedule> activeSchedule(long planId) {
        return jdbc.sql(SCHEDULE + " where plan_id = ? and active order by id desc limit 1").param(planId)
                .query(ReportingRepository::schedule).optional();
    }

    Optional<Schedule> schedule(long id) {
        return jdbc.sql(SCHEDULE + " where id = ?").param(id).query(ReportingRepository::schedule).optional();
    }

    /** Locks the plan's schedules for the rest of the transaction, so two saves do not both create one. */
    void lockSchedules(long planId) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(7301, (int) planId).query().listOfRows();
    }

    long insertSchedule(long planId, Frequency f, List<String> agencyDue, List<String> consolidationDue, int firstYear,
                        int lastYear, List<Integer> before, List<Integer> after, String sourceText, boolean needsReview,
                        String reviewNote) {
        return jdbc.sql("""
                insert into reporting_schedule (plan_id, frequency, agency_due, consolidation_due, first_year, last_year,
                    reminder_days_before, reminder_days_after, source_text, needs_review, review_note)
                values (?, ?, cast(? as text[]), cast(? as text[]), ?, ?, cast(? as int[]), cast(? as int[]), ?, ?, ?)
                returning id""")
                .params(planId, f.name(), ScheduleRules.arrayLiteral(agencyDue), ScheduleRules.arrayLiteral(consolidationDue),
                        firstYear, lastYear, ScheduleRules.arrayLiteral(before), ScheduleRules.arrayLiteral(after),
                        sourceText, needsReview, reviewNote)
                .query(Long.class).single();
    }

    void updateSchedule(long id, List<String> agencyDue, List<String> consolidationDue, int firstYear, int lastYear,
                        List<Integer> before, List<Integer> after, String sourceText, boolean needsReview, String reviewNote) {
        jdbc.sql("""
                update reporting_schedule set agency_due = cast(? as text[]), consolidation_due = cast(? as text[]),
                    first_year = ?, last_year = ?, reminder_days_before = cast(? as int[]),
                    reminder_days_after = cast(? as int[]), source_text = ?, needs_review = ?, review_note = ?,
                    updated_at = now()
                where id = ?""")
                .params(ScheduleRules.arrayLiteral(agencyDue), ScheduleRules.arrayLiteral(consolidationDue), firstYear,
                        lastYear, ScheduleRules.arrayLiteral(before), ScheduleRules.arrayLiteral(after), sourceText,
                        needsReview, reviewNote, id)
                .update();
    }

    void deactivateSchedule(long id) {
        jdbc.sql("update reporting_schedule set active = false, updated_at = now() where id = ?").param(id).update();
    }

    // ===== periods =====

    private static final String PERIOD = """
            select p.id, p.schedule_id, s.plan_id, p.period, p.agency_due_on, p.consolidation_due_on, p.status
            from reporting_period p join reporting_schedule s on s.id = p.schedule_id""";

    private static ReportingPeriod period(ResultSet rs, int n) throws SQLException {
        return new ReportingPeriod(rs.getLong("id"), rs.getLong("schedule_id"), rs.getLong("plan_id"),
                rs.getString("period"), rs.getObject("agency_due_on", LocalDate.class),
                rs.getObject("consolidation_due_on", LocalDate.class), ReportingPeriod.Status.valueOf(rs.getString("status")));
    }

    List<ReportingPeriod> periodsOfSchedule(long scheduleId) {
        return jdbc.sql(PERIOD + " where p.schedule_id = ? order by p.agency_due_on, p.id").param(scheduleId)
                .query(ReportingRepository::period).list();
    }

    /** A plan's periods: those of its active schedule, and older ones that hold reports. */
    List<ReportingPeriod> periodsOfPlan(long planId) {
        return jdbc.sql(PERIOD + " where s.plan_id = ? order by p.agency_due_on, p.id").param(planId)
                .query(ReportingRepository::period).list();
    }

    Optional<ReportingPeriod> period(long id) {
        return jdbc.sql(PERIOD + " where p.id = ?").param(id).query(ReportingRepository::period).optional();
    }

    List<ReportingPeriod> periodsDueBetween(LocalDate from, LocalDate to) {
        return jdbc.sql(PERIOD + " where s.active and p.agency_due_on between ? and ? order by p.agency_due_on, p.id")
                .params(from, to).query(ReportingRepository::period).list();
    }

    /** Open periods of active schedules that have started by a day. */
    List<ReportingPeriod> openPeriodsStartedBy(LocalDate day, Collection<Long> planIds) {
        if (planIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(PERIOD + " where s.active and p.status = 'OPEN' and s.plan_id in (:plans) order by p.agency_due_on, p.id")
                .param("plans", planIds).query(ReportingRepository::period).list().stream()
                .filter(p -> !vn.dxgov.shared.Period.parse(p.period()).start().isAfter(day)).toList();
    }

    void upsertPeriod(long scheduleId, String code, LocalDate agencyDueOn, LocalDate consolidationDueOn) {
        jdbc.sql("""
                insert into reporting_period (schedule_id, period, agency_due_on, consolidation_due_on) values (?, ?, ?, ?)
                on conflict (schedule_id, period) do update
                set agency_due_on = excluded.agency_due_on, consolidation_due_on = excluded.consolidation_due_on""")
                .params(scheduleId, code, agencyDueOn, consolidationDueOn).update();
    }

    /** Deletes a period unless an agency has a report for it; true when deleted. */
    boolean deletePeriodWithoutSubmissions(long periodId) {
        return jdbc.sql("""
                delete from reporting_period p where p.id = ?
                and not exists (select 1 from submission s where s.reporting_period_id = p.id)""")
                .param(periodId).update() > 0;
    }

    // ===== submissions =====

    private static final String SUBMISSION = """
            select s.id, s.reporting_period_id, sc.plan_id, p.period, s.agency_id, s.unit_id, s.status, s.narrative,
                   s.first_submitted_at, s.submitted_at, s.submitted_by, s.decided_at, s.decided_by, s.return_reason,
                   s.late, s.demo, s.version, p.agency_due_on
            from submission s join reporting_period p on p.id = s.reporting_period_id
            join reporting_schedule sc on sc.id = p.schedule_id""";

    private static Submission submission(ResultSet rs, int n) throws SQLException {
        return new Submission(rs.getLong("id"), rs.getLong("reporting_period_id"), rs.getLong("plan_id"),
                rs.getString("period"), rs.getLong("agency_id"), (Long) rs.getObject("unit_id", Long.class),
                SubmissionStatus.valueOf(rs.getString("status")), rs.getString("narrative"),
                instant(rs, "first_submitted_at"), instant(rs, "submitted_at"), rs.getString("submitted_by"),
                instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("return_reason"),
                rs.getBoolean("late"), rs.getBoolean("demo"), rs.getInt("version"),
                rs.getObject("agency_due_on", LocalDate.class));
    }

    Optional<Submission> submission(long id) {
        return jdbc.sql(SUBMISSION + " where s.id = ?").param(id).query(ReportingRepository::submission).optional();
    }

    /** Locks a submission's row for the rest of the transaction (workflow steps do not interleave). */
    Optional<Submission> lockSubmission(long id) {
        jdbc.sql("select id from submission where id = ? for update").param(id).query(Long.class).optional();
        return submission(id);
    }

    Optional<Submission> submission(long periodId, long agencyId) {
        return jdbc.sql(SUBMISSION + " where s.reporting_period_id = ? and s.agency_id = ?").params(periodId, agencyId)
                .query(ReportingRepository::submission).optional();
    }

    List<Submission> forPeriod(long periodId) {
        return jdbc.sql(SUBMISSION + " where s.reporting_period_id = ? order by s.agency_id").param(periodId)
                .query(ReportingRepository::submission).list();
    }

    List<Submission> forPeriods(Collection<Long> periodIds) {
        if (periodIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SUBMISSION + " where s.reporting_period_id in (:ids)").param("ids", periodIds)
                .query(ReportingRepository::submission).list();
    }

    List<Submission> forAgency(long agencyId) {
        return jdbc.sql(SUBMISSION + " where s.agency_id = ? order by p.agency_due_on desc, s.id desc").param(agencyId)
                .query(ReportingRepository::submission).list();
    }

    List<Submission> withStatus(SubmissionStatus status) {
        return jdbc.sql(SUBMISSION + " where s.status = ? order by s.submitted_at, s.id").param(status.name())
                .query(ReportingRepository::submission).list();
    }

    /** Creates a draft, or returns the existing report when another request created it first. */
    long insertSubmission(long periodId, long agencyId, Long unitId, Instant now) {
        return jdbc.sql("""
                insert into submission (reporting_period_id, agency_id, unit_id, status, created_at, updated_at)
                values (?, ?, ?, 'DRAFT', ?, ?) on conflict (reporting_period_id, agency_id) do nothing returning id""")
                .params(periodId, agencyId, unitId, ts(now), ts(now)).query(Long.class).optional().orElse(-1L);
    }

    void updateNarrative(long id, String narrative, Instant now) {
        jdbc.sql("update submission set narrative = ?, version = version + 1, updated_at = ? where id = ?")
                .params(narrative, ts(now), id).update();
    }

    void touch(long id, Instant now) {
        jdbc.sql("update submission set version = version + 1, updated_at = ? where id = ?").params(ts(now), id).update();
    }

    void markSubmitted(long id, Instant now, String by, boolean late) {
        jdbc.sql("""
                update submission set status = 'SUBMITTED', first_submitted_at = coalesce(first_submitted_at, ?),
                    submitted_at = ?, submitted_by = ?, late = case when first_submitted_at is null then ? else late end,
                    version = version + 1, updated_at = ?
                where id = ?""")
                .params(ts(now), ts(now), by, late, ts(now), id).update();
    }

    void markDecided(long id, SubmissionStatus status, Instant now, String by, String reason) {
        jdbc.sql("""
                update submission set status = ?, decided_at = ?, decided_by = ?,
                    return_reason = case when ? = 'RETURNED' then ? else return_reason end,
                    version = version + 1, updated_at = ?
                where id = ?""")
                .params(status.name(), ts(now), by, status.name(), reason, ts(now), id).update();
    }

    /**
     * Marks a report as demonstration data and dates its creation and the events recorded so far (opening, saving)
     * at the instant it was opened in the demo's past.
     */
    void markDemo(long id, Instant openedAt, String actor) {
        jdbc.sql("update submission set demo = true, created_at = ?, updated_at = ? where id = ?")
                .params(ts(openedAt), ts(openedAt), id).update();
        jdbc.sql("update submission_event set at = ?, actor = ? where submission_id = ?")
                .params(ts(openedAt), actor, id).update();
        jdbc.sql("update task_progress set updated_at = ?, updated_by = ? where submission_id = ?")
                .params(ts(openedAt), actor, id).update();
    }

    boolean demoExists(long planId) {
        return jdbc.sql("""
                select exists (select 1 from submission s join reporting_period p on p.id = s.reporting_period_id
                    join reporting_schedule sc on sc.id = p.schedule_id where sc.plan_id = ? and s.demo)""")
                .param(planId).query(Boolean.class).single();
    }

    // ===== events =====

    /** A step of a report's history; the action is stored by name (submission_event.action is text). */
    void insertEvent(long submissionId, SubmissionAction action, SubmissionStatus from, SubmissionStatus to, String reason,
                     String actor, Instant at) {
        jdbc.sql("""
                insert into submission_event (submission_id, action, from_status, to_status, reason, actor, at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(submissionId, action.name(), from == null ? null : from.name(), to.name(), reason, actor, ts(at)).update();
    }

    List<Reporting.Event> history(long submissionId) {
        return jdbc.sql("""
                select action, from_status, to_status, reason, actor, at from submission_event
                where submission_id = ? order by at, id""")
                .param(submissionId)
                .query((rs, n) -> new Reporting.Event(SubmissionAction.valueOf(rs.getString("action")),
                        rs.getString("from_status") == null ? null : SubmissionStatus.valueOf(rs.getString("from_status")),
                        SubmissionStatus.valueOf(rs.getString("to_status")), rs.getString("reason"), rs.getString("actor"),
                        instant(rs, "at")))
                .list();
    }

    // ===== helpers =====

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(Array a) throws SQLException {
        List<String> out = nullableStrings(a);
        return out == null ? List.of() : out;
    }

    private static List<String> nullableStrings(Array a) throws SQLException {
        if (a == null) {
            return null;
        }
        return List.copyOf(Arrays.asList((String[]) a.getArray()));
    }

    private static List<Integer> ints(Array a) throws SQLException {
        if (a == null) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (Object o : (Object[]) a.getArray()) {
            out.add(((Number) o).intValue());
        }
        return List.copyOf(out);
    }
}
