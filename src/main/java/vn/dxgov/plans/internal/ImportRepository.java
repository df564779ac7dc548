package vn.dxgov.plans.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.plans.ImportStatus;

/** The log of imports (plan_import): each attempt with its status, current step and report. */
@Repository
class ImportRepository {

    /**
     * @param pages pages read so far of a paged document (PDF), or null for a document without pages or not read yet
     */
    record ImportRecord(long id, ImportStatus status, String step, String filename, int sizeBytes, Long planId,
                        String message, List<String> details, ImportReport report, String createdBy, Instant createdAt,
                        Instant finishedAt, Pages pages) {
    }

    /**
     * Reading progress of a paged document.
     *
     * @param done  pages read so far
     * @param total pages in the document
     * @param ocr   at least one page was read by OCR (a scanned document)
     */
    record Pages(int done, int total, boolean ocr) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ImportRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long start(String filename, int size, String username) {
        return jdbc.sql("""
                insert into plan_import (status, step, filename, size_bytes, created_by, runner)
                values ('RUNNING', 'queued', ?, ?, ?, ?) returning id""")
                .params(filename, size, username, RUNNER).query(Long.class).single();
    }

    /** This node: imports run in its memory, so a restart of the node ends them. */
    static final String RUNNER = runner();

    private static String runner() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "localhost";
            }
        }
        return host;
    }

    /**
     * Imports left RUNNING by this node's previous run (it died or was stopped during them), by an unknown node
     * (rows older than the runner column), or by any node long ago ({@code staleAfter}): FAILED with the message, so
     * that the import page stops waiting and the person can send the document again. Returns how many.
     */
    int failInterrupted(String message, java.time.Duration staleAfter) {
        return jdbc.sql("""
                update plan_import set status = 'FAILED', step = 'done', message = ?, finished_at = now()
                where status = 'RUNNING'
                  and (runner = ? or runner is null or created_at < now() - make_interval(secs => ?))""")
                .params(message, RUNNER, (double) staleAfter.toSeconds()).update();
    }

    void step(long id, String step) {
        jdbc.sql("update plan_import set step = ? where id = ?").params(step, id).update();
    }

    /** Records that {@code done} of {@code total} pages have been read; once a page needed OCR the import says so. */
    void pages(long id, int done, int total, boolean ocr) {
        jdbc.sql("update plan_import set pages_done = ?, pages_total = ?, pages_ocr = pages_ocr or ? where id = ?")
                .params(done, total, ocr, id).update();
    }

    void finish(long id, ImportStatus status, Long planId, String message, List<String> details, ImportReport report) {
        String body = report == null && (details == null || details.isEmpty()) ? null
                : json.writeValueAsString(new Stored(report, details == null ? List.of() : details));
        jdbc.sql("""
                update plan_import set status = ?, step = 'done', plan_id = ?, message = ?, report = cast(? as jsonb),
                       finished_at = now()
                where id = ?""")
                .params(status.name(), planId, message, body, id).update();
    }

    Optional<ImportRecord> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional();
    }

    List<ImportRecord> recent(int limit) {
        return jdbc.sql(SELECT + " order by id desc limit ?").param(limit).query(this::map).list();
    }

    /** The report of the import that created a plan. */
    Optional<ImportReport> latestReportFor(long planId) {
        return jdbc.sql(SELECT + " where plan_id = ? and status = 'SUCCEEDED' order by id desc limit 1").param(planId)
                .query(this::map).optional().map(ImportRecord::report);
    }

    private static final String SELECT = """
            select id, status, step, filename, size_bytes, plan_id, message, report::text as report, created_by,
                   created_at, finished_at, pages_done, pages_total, pages_ocr from plan_import""";

    private record Stored(ImportReport report, List<String> details) {
    }

    private ImportRecord map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String body = rs.getString("report");
        Stored stored = body == null ? new Stored(null, List.of()) : json.readValue(body, Stored.class);
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportRecord(rs.getLong("id"), ImportStatus.valueOf(rs.getString("status")), rs.getString("step"),
                rs.getString("filename"), rs.getInt("size_bytes"),
                rs.getObject("plan_id") == null ? null : rs.getLong("plan_id"), rs.getString("message"),
                stored.details() == null ? List.of() : stored.details(), stored.report(), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getObject("pages_total") == null ? null
                        : new Pages(rs.getInt("pages_done"), rs.getInt("pages_total"), rs.getBoolean("pages_ocr")));
    }
}
