package vn.dxgov.notifications.internal;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dxgov.units.AgenciesMerged;

/**
 * A merged agency's notifications go to the agency it went into, and its reminder log with them (a reminder sent to
 * either counts as sent: the other's duplicate line is dropped, so nobody is reminded twice), in the merge's
 * transaction.
 */
@Component
class NotificationAgenciesMerge {

    private final JdbcClient jdbc;

    NotificationAgenciesMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AgenciesMerged e) {
        jdbc.sql("update notification set recipient_agency_id = :into where recipient_agency_id = :merged")
                .param("merged", e.mergedId()).param("into", e.intoId()).update();
        jdbc.sql("""
                        delete from reminder_log m using reminder_log i
                         where m.agency_id = :merged and i.agency_id = :into and i.reporting_period_id = m.reporting_period_id
                           and i.kind = m.kind and i.offset_days = m.offset_days""")
                .param("merged", e.mergedId()).param("into", e.intoId()).update();
        jdbc.sql("update reminder_log set agency_id = :into where agency_id = :merged")
                .param("merged", e.mergedId()).param("into", e.intoId()).update();
    }
}
