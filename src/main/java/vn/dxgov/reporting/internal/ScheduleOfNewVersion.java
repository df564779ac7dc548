package vn.dxgov.reporting.internal;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dxgov.plans.PlanSuperseded;
import vn.dxgov.security.AuditLog;

/**
 * When a new version of a plan replaces the old one, the old plan's reporting schedule moves to the new version with
 * its periods and the agencies' reports (submissions, their values and progress): reporting goes on where it was,
 * nothing is asked again. The schedule the new version's document set up at import (a draft's, without periods
 * reported on) is then set aside (inactive, kept for review); when the old plan had no schedule, the new one's stays.
 * Runs inside the publication's transaction: a failure here leaves the old version published.
 */
@Component
class ScheduleOfNewVersion {

    private static final Logger log = LoggerFactory.getLogger(ScheduleOfNewVersion.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ScheduleOfNewVersion(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void on(PlanSuperseded event) {
        int old = jdbc.sql("select count(*) from reporting_schedule where plan_id = ?").param(event.oldPlanId())
                .query(Integer.class).single();
        if (old == 0) {
            return;
        }
        int setAside = jdbc.sql("update reporting_schedule set active = false, updated_at = now() where plan_id = ? and active")
                .param(event.newPlanId()).update();
        int moved = jdbc.sql("update reporting_schedule set plan_id = ?, updated_at = now() where plan_id = ?")
                .params(event.newPlanId(), event.oldPlanId()).update();
        audit.record("schedule.moveToVersion", "plan", event.newPlanId(), Map.of("planId", event.oldPlanId()),
                Map.of("moved", moved, "setAside", setAside));
        log.info("Plan #{} replaced by #{}: {} reporting schedule(s) moved, {} of the new version set aside",
                event.oldPlanId(), event.newPlanId(), moved, setAside);
    }
}
