package vn.dxgov.indicators.internal;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dxgov.units.AgenciesMerged;
import vn.dxgov.units.AgencyMergeCheck;

/**
 * A merged agency's value lines (official lines it owns, its contributions) and their versions become the other
 * agency's, in the merge's transaction. Two contributions to one indicator, unit and period cannot become one without
 * choosing a figure: the merge is refused and they are listed.
 */
@Component
class DataValueAgenciesMerge {

    private final JdbcClient jdbc;

    DataValueAgenciesMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void check(AgencyMergeCheck check) {
        record Clash(long indicatorId, String period) {
        }
        jdbc.sql("""
                        select m.indicator_id, m.period from data_value m
                          join data_value i on i.indicator_id = m.indicator_id and i.unit_id = m.unit_id
                                           and i.period = m.period and i.contribution and i.agency_id = :into
                         where m.contribution and m.agency_id = :merged
                         order by m.indicator_id, m.period""")
                .param("merged", check.mergedId()).param("into", check.intoId())
                .query((rs, n) -> new Clash(rs.getLong(1), rs.getString(2))).list()
                .forEach(c -> check.conflict("agency.merge.conflict.contribution", c.period(), String.valueOf(c.indicatorId())));
    }

    @EventListener
    void on(AgenciesMerged e) {
        jdbc.sql("update data_value set agency_id = :into where agency_id = :merged")
                .param("merged", e.mergedId()).param("into", e.intoId()).update();
        jdbc.sql("update data_value_version set agency_id = :into where agency_id = :merged")
                .param("merged", e.mergedId()).param("into", e.intoId()).update();
    }
}
