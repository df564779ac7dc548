package vn.dxgov.shared.db;

import java.lang.management.ManagementFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link RunOnce} on the table {@code cluster_job_run} (Flyway V33): the claim is an insert of (job, slot) that does
 * nothing when the row exists, in its own short statement (auto-commit), so it is decided by the primary key even when
 * two nodes fire in the same millisecond and nothing stays locked while the job runs.
 */
@Component
class JdbcRunOnce implements RunOnce {

    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcClient jdbc;

    JdbcRunOnce(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean run(String job, String slot, Runnable work) {
        int claimed = jdbc.sql("insert into cluster_job_run (job, slot, node) values (?, ?, ?) on conflict do nothing")
                .params(job, slot, NODE).update();
        if (claimed == 0) {
            return false;
        }
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            jdbc.sql("delete from cluster_job_run where job = ? and slot = ?").params(job, slot).update();
            throw e;
        }
        jdbc.sql("update cluster_job_run set finished_at = now() where job = ? and slot = ?").params(job, slot).update();
        return true;
    }
}
