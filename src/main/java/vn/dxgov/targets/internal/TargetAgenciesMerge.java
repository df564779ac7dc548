package vn.dxgov.targets.internal;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dxgov.units.AgenciesMerged;

/**
 * Moves the lead and co-operating roles of a merged agency to the agency it went into, inside the merge's
 * transaction. Where both had a role on one target, the stronger one is kept: lead over co-operating.
 */
@Component
class TargetAgenciesMerge {

    private final JdbcClient jdbc;

    TargetAgenciesMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AgenciesMerged e) {
        jdbc.sql("""
                        delete from target_agency m using target_agency i
                         where m.agency_id = :merged and i.agency_id = :into and i.target_id = m.target_id
                           and (i.role = m.role or i.role = 'LEAD')""")
                .param("merged", e.mergedId()).param("into", e.intoId()).update();
        jdbc.sql("""
                        delete from target_agency i using target_agency m
                         where i.agency_id = :into and i.role = 'COOPERATING' and m.agency_id = :merged
                           and m.role = 'LEAD' and m.target_id = i.target_id""")
                .param("merged", e.mergedId()).param("into", e.intoId()).update();
        jdbc.sql("update target_agency set agency_id = :into where agency_id = :merged")
                .param("merged", e.mergedId()).param("into", e.intoId()).update();
    }
}
