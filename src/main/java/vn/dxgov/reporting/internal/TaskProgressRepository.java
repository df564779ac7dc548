package vn.dxgov.reporting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dxgov.reporting.TaskProgressStatus;

/** The task progress an agency reports (task_progress) and every version of it (task_progress_version). */
@Repository
class TaskProgressRepository {

    private final JdbcClient jdbc;

    TaskProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Progress(long id, long taskId, String period, long agencyId, Long submissionId, TaskProgressStatus status,
                    Integer percentComplete, String narrative, boolean locked, int version) {
    }

    private static final String PROGRESS = """
            select id, task_id, period, agency_id, submission_id, status, percent_complete, narrative, locked, version
            from task_progress""";

    private static Progress progress(ResultSet rs, int n) throws SQLException {
        return new Progress(rs.getLong("id"), rs.getLong("task_id"), rs.getString("period"), rs.getLong("agency_id"),
                (Long) rs.getObject("submission_id", Long.class), TaskProgressStatus.valueOf(rs.getString("status")),
                (Integer) rs.getObject("percent_complete", Integer.class), rs.getString("narrative"),
                rs.getBoolean("locked"), rs.getInt("version"));
    }

    List<Progress> progress(Collection<Long> taskIds, String period, long agencyId) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(PROGRESS + " where task_id in (:tasks) and period = :period and agency_id = :agency")
                .param("tasks", taskIds).param("period", period).param("agency", agencyId)
                .query(TaskProgressRepository::progress).list();
    }

    Optional<Progress> progress(long id) {
        return jdbc.sql(PROGRESS + " where id = ?").param(id).query(TaskProgressRepository::progress).optional();
    }

    long insertProgress(long taskId, String period, long agencyId, long submissionId, TaskProgressStatus status,
                        Integer percent, String narrative, String by, Instant now) {
        long id = jdbc.sql("""
                insert into task_progress (task_id, period, agency_id, submission_id, status, percent_complete, narrative,
                    updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(taskId, period, agencyId, submissionId, status.name(), percent, narrative, by, ts(now))
                .query(Long.class).single();
        insertProgressVersion(id, 1, status, percent, narrative, by, now);
        return id;
    }

    void updateProgress(Progress before, long submissionId, TaskProgressStatus status, Integer percent, String narrative,
                        String by, Instant now) {
        int version = before.version() + 1;
        jdbc.sql("""
                update task_progress set submission_id = ?, status = ?, percent_complete = ?, narrative = ?,
                    version = ?, updated_by = ?, updated_at = ?
                where id = ?""")
                .params(submissionId, status.name(), percent, narrative, version, by, ts(now), before.id()).update();
        insertProgressVersion(before.id(), version, status, percent, narrative, by, now);
    }

    void deleteProgress(long id) {
        jdbc.sql("delete from task_progress where id = ?").param(id).update();
    }

    private void insertProgressVersion(long progressId, int version, TaskProgressStatus status, Integer percent,
                                       String narrative, String by, Instant now) {
        jdbc.sql("""
                insert into task_progress_version (task_progress_id, version, status, percent_complete, narrative,
                    changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(progressId, version, status.name(), percent, narrative, by, ts(now)).update();
    }

    record ProgressVersion(int version, TaskProgressStatus status, Integer percentComplete, String narrative,
                           String changedBy, Instant changedAt) {
    }

    List<ProgressVersion> progressVersions(long progressId) {
        return jdbc.sql("""
                select version, status, percent_complete, narrative, changed_by, changed_at from task_progress_version
                where task_progress_id = ? order by version""")
                .param(progressId)
                .query((rs, n) -> new ProgressVersion(rs.getInt("version"), TaskProgressStatus.valueOf(rs.getString("status")),
                        (Integer) rs.getObject("percent_complete", Integer.class), rs.getString("narrative"),
                        rs.getString("changed_by"), instant(rs, "changed_at")))
                .list();
    }

    /** Locks (approval) or unlocks (reopening) the task progress saved with a submission. */
    int lockProgress(long submissionId, boolean locked) {
        return jdbc.sql("update task_progress set locked = ? where submission_id = ? and locked <> ?")
                .params(locked, submissionId, locked).update();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
