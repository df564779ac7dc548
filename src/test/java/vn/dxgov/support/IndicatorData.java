package vn.dxgov.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dxgov.analytics.Analytics;

/**
 * Puts indicators and data values into a known state: removes every data value (with its versions), unlinks
 * targets and removes every indicator, then rebuilds the analytics aggregate so that memory matches the tables.
 */
@Component
public class IndicatorData {

    private final JdbcClient jdbc;
    private final Analytics analytics;

    public IndicatorData(JdbcClient jdbc, Analytics analytics) {
        this.jdbc = jdbc;
        this.analytics = analytics;
    }

    public void reset() {
        jdbc.sql("truncate data_value_version, data_value restart identity").update();
        jdbc.sql("update target set indicator_id = null where indicator_id is not null").update();
        jdbc.sql("delete from indicator").update();
        jdbc.sql("truncate attachment restart identity").update();
        analytics.reload();
    }

    /** After tables were changed behind dxgov's back. */
    public void reload() {
        analytics.reload();
    }
}
