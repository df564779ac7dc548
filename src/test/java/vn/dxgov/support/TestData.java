package vn.dxgov.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dxgov.units.internal.UnitCsvLoader;

/**
 * Puts the shared test database into a known state. Tests that count rows or import seed documents (which are
 * idempotent across the whole database) start from {@link #resetPlans()}.
 */
@Component
public class TestData {

    private final JdbcClient jdbc;
    private final UnitCsvLoader units;

    public TestData(JdbcClient jdbc, UnitCsvLoader units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /** Removes plans, their targets and tasks, imports, agencies and the audit trail; keeps units and users. */
    public void resetPlans() {
        jdbc.sql("""
                truncate plan_import, target_agency, target_split, target, task_agency, task, plan, agency_alias,
                         audit_event restart identity cascade""").update();
        jdbc.sql("update app_user set agency_id = null").update();
        jdbc.sql("delete from agency").update();
    }

    /** Loads Vietnam's administrative units once per test database (a few seconds the first time). */
    public void ensureUnits() {
        units.loadBundledIfEmpty();
    }
}
