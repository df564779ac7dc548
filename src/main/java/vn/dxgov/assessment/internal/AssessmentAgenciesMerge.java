package vn.dxgov.assessment.internal;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dxgov.units.AgenciesMerged;

/** The units a merged agency self-assessed for are the other agency's, in the merge's transaction. */
@Component
class AssessmentAgenciesMerge {

    private final JdbcClient jdbc;

    AssessmentAgenciesMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AgenciesMerged e) {
        jdbc.sql("update assessment_unit_agency set agency_id = :into where agency_id = :merged")
                .param("merged", e.mergedId()).param("into", e.intoId()).update();
    }
}
