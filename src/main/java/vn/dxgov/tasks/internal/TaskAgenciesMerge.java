package vn.dxgov.tasks.internal;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dxgov.units.AgenciesMerged;

/**
 * Moves the lead and co-operating roles of a merged agency to the agency it went into, inside the merge's
 * transaction. Where both had a role on one task, the stronger one is kept: lead over co-operating.
 */
@Component
class TaskAgenciesMerge {

    private final JdbcClient jdbc;

    TaskAgenciesMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AgenciesMerged e) {
        jdbc.sql("""
                        delete from task_agency m using task_agency i
                         where m.agency_id = :merged and i.agency_id = :into and i.task_id = m.task_id
                           and (i.role = m.role or i.role = 'LEAD')""")
                .param("merged", e.mergedId()).param("into", e.intoId()).update();
        jdbc.sql("""
                        delete from task_agency i using task_agency m
                         where i.agency_id = :into and i.role = 'COOPERATING' and m.agency_id = :merged
                           and m.role = 'LEAD' and m.task_id = i.task_id""")
                .param("merged", e.mergedId()).param("into", e.intoId()).update();
        jdbc.sql("update task_agency set agency_id = :into where agency_id = :merged")
                .param("merged", e.mergedId()).param("into", e.intoId()).update();
    }
}
