package vn.dxgov.reporting.internal;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dxgov.units.AgenciesMerged;
import vn.dxgov.units.AgencyMergeCheck;

/**
 * A merged agency's reports and task progress become the other agency's, inside the merge's transaction. Two reports
 * of one period (or two progress lines of one task and period) cannot become one without choosing whose figures
 * count: the merge is refused and each such period is listed, for the steering department to settle first.
 */
@Component
class ReportingAgenciesMerge {

    private final JdbcClient jdbc;

    ReportingAgenciesMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void check(AgencyMergeCheck check) {
        record Clash(String period, long planId) {
        }
        jdbc.sql("""
                        select rp.period, rs.plan_id from submission m
                          join submission i on i.reporting_period_id = m.reporting_period_id and i.agency_id = :into
                          join reporting_period rp on rp.id = m.reporting_period_id
                          join reporting_schedule rs on rs.id = rp.schedule_id
                         where m.agency_id = :merged
                         order by rs.plan_id, rp.agency_due_on""")
                .param("merged", check.mergedId()).param("into", check.intoId())
                .query((rs, n) -> new Clash(rs.getString(1), rs.getLong(2))).list()
                .forEach(c -> check.conflict("agency.merge.conflict.submission", c.period(), String.valueOf(c.planId())));
        jdbc.sql("""
                        select m.period, m.task_id from task_progress m
                          join task_progress i on i.task_id = m.task_id and i.period = m.period and i.agency_id = :into
                         where m.agency_id = :merged
                           and not exists (select 1 from submission s join submission t
                                             on t.reporting_period_id = s.reporting_period_id and t.agency_id = :into
                                            where s.id = m.submission_id)
                         order by m.task_id, m.period""")
                .param("merged", check.mergedId()).param("into", check.intoId())
                .query((rs, n) -> new Clash(rs.getString(1), rs.getLong(2))).list()
                .forEach(c -> check.conflict("agency.merge.conflict.taskProgress", c.period(), String.valueOf(c.planId())));
    }

    @EventListener
    void on(AgenciesMerged e) {
        jdbc.sql("update submission set agency_id = :into where agency_id = :merged")
                .param("merged", e.mergedId()).param("into", e.intoId()).update();
        jdbc.sql("update task_progress set agency_id = :into where agency_id = :merged")
                .param("merged", e.mergedId()).param("into", e.intoId()).update();
    }
}
