package vn.dxgov.reporting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The table {@code data_value_batch}: one row per batch job, its progress written after every chunk. */
@Repository
class BatchJobRepository {

    private static final TypeReference<List<RowProblem>> PROBLEMS = new TypeReference<>() {
    };

    /** A job's status. */
    enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }

    /** A job as stored. */
    record Job(UUID id, String actor, String provinceCode, BatchFormat format, boolean dryRun, Status status,
               int rowsTotal, int rowsDone, int created, int updated, int deleted, int unchanged, int refused,
               List<RowProblem> problems, int problemCount, Instant createdAt, Instant startedAt,
               Instant finishedAt) {
    }

    /** The counts of the chunks done so far. */
    record Progress(int rowsDone, int created, int updated, int deleted, int unchanged, int refused,
                    List<RowProblem> problems, int problemCount) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    BatchJobRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID id, String actor, String province, BatchFormat format, boolean dryRun, int rows, String node,
                Instant now) {
        jdbc.sql("insert into data_value_batch (id, actor, province_code, format, dry_run, status, rows_total, node,"
                        + " created_at, heartbeat_at) values (?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?)")
                .params(id, actor, province, format.name(), dryRun, rows, node, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    void started(UUID id, Instant now) {
        jdbc.sql("update data_value_batch set status = 'RUNNING', started_at = ?, heartbeat_at = ? where id = ?")
                .params(Timestamp.from(now), Timestamp.from(now), id).update();
    }

    void progress(UUID id, Progress p, Instant now) {
        jdbc.sql("update data_value_batch set rows_done = ?, created = ?, updated = ?, deleted = ?, unchanged = ?,"
                        + " refused = ?, problems = ?, problem_count = ?, heartbeat_at = ? where id = ?")
                .params(p.rowsDone(), p.created(), p.updated(), p.deleted(), p.unchanged(), p.refused(),
                        json.writeValueAsString(p.problems()), p.problemCount(), Timestamp.from(now), id)
                .update();
    }

    void finished(UUID id, Status status, Instant now) {
        jdbc.sql("update data_value_batch set status = ?, finished_at = ?, heartbeat_at = ? where id = ?")
                .params(status.name(), Timestamp.from(now), Timestamp.from(now), id).update();
    }

    /**
     * Marks FAILED the unfinished jobs this node ran before it stopped, and those of any node silent since
     * {@code staleBefore}; the problem says so. Returns how many.
     */
    int failInterrupted(String node, Instant staleBefore, RowProblem problem, Instant now) {
        String problems = json.writeValueAsString(List.of(problem));
        return jdbc.sql("update data_value_batch set status = 'FAILED', finished_at = ?,"
                        + " problems = case when problems = '[]' then ? else problems end,"
                        + " problem_count = problem_count + 1"
                        + " where status in ('QUEUED', 'RUNNING') and (node = ? or heartbeat_at < ?)")
                .params(Timestamp.from(now), problems, node, Timestamp.from(staleBefore)).update();
    }

    Optional<Job> find(UUID id) {
        return jdbc.sql("select * from data_value_batch where id = ?").param(id).query(this::job).optional();
    }

    private Job job(ResultSet rs, int row) throws SQLException {
        return new Job(rs.getObject("id", UUID.class), rs.getString("actor"), rs.getString("province_code"),
                BatchFormat.valueOf(rs.getString("format")), rs.getBoolean("dry_run"),
                Status.valueOf(rs.getString("status")), rs.getInt("rows_total"), rs.getInt("rows_done"),
                rs.getInt("created"), rs.getInt("updated"), rs.getInt("deleted"), rs.getInt("unchanged"),
                rs.getInt("refused"), json.readValue(rs.getString("problems"), PROBLEMS), rs.getInt("problem_count"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
