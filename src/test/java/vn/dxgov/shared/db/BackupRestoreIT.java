package vn.dxgov.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.ActiveProfiles;
import vn.dxgov.files.Attachments;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.support.SeedImports;
import vn.dxgov.support.TestData;

/**
 * The documented backup and restore (issue 10): a backup of a database holding a published plan, its indicators,
 * figures with their versions, evidence files and the audit trail, restored into a new database, gives the same rows
 * in every table (compared by a checksum of each table's rows), new rows get new ids, and a restore into a database
 * that holds data is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackupRestoreIT {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    DataValueStore values;
    @Autowired
    Attachments attachments;

    @Test
    void aBackupRestoredIntoANewDatabaseHoldsTheSameRowsInEveryTable() throws Exception {
        data.resetPlans();
        data.ensureUnits();
        long plan = SeedImports.importAndPublish(port, SeedImports.SEED_001);
        long indicator = jdbc.sql("select indicator_id from target where plan_id = ? and indicator_id is not null limit 1")
                .param(plan).query(Long.class).single();
        long unit = jdbc.sql("select id from admin_unit where code = '38' order by valid_from limit 1").query(Long.class).single();
        values.write(List.of(new DataValueInput(indicator, unit, "2024", new BigDecimal("1250300.5"), null, null,
                "số liệu thống kê")), ValueSource.IMPORT, null, false);
        values.write(List.of(new DataValueInput(indicator, unit, "2024", new BigDecimal("1300"), null, null, null)),
                ValueSource.IMPORT, null, false);
        attachments.add("SUBMISSION", 999_999L, "minh-chứng.pdf", "application/pdf", "%PDF-1.4 minh chứng".getBytes());

        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        DatabaseBackup.Manifest taken = DatabaseBackup.backup(dataSource, backup);
        assertThat(taken.rows()).containsKeys("plan", "target", "task", "data_value", "data_value_version", "attachment",
                "audit_event", "admin_unit");
        assertThat(taken.rows().get("data_value_version")).isGreaterThanOrEqualTo(2);

        String name = "restore_" + Long.toString(System.nanoTime(), 36);
        jdbc.sql("create database " + name).update();
        String url = ((HikariDataSource) dataSource).getJdbcUrl().replace("/postgres?", "/" + name + "?");
        try (SingleConnectionDataSource target = new SingleConnectionDataSource(url, "postgres", "", true)) {
            DatabaseBackup.Manifest restored = DatabaseBackup.restore(target, new ByteArrayInputStream(backup.toByteArray()), false);
            assertThat(restored.rows()).isEqualTo(taken.rows());
            JdbcClient copy = JdbcClient.create(target);
            try (Connection c = dataSource.getConnection()) {
                for (String table : DatabaseBackup.tables(c)) {
                    assertThat(checksum(copy, table)).as(table).isEqualTo(checksum(jdbc, table));
                }
            }
            assertThat(copy.sql("select count(*) from plan where id = ? and status = 'PUBLISHED'").param(plan)
                    .query(Integer.class).single()).isEqualTo(1);
            assertThat(copy.sql("select value from data_value where indicator_id = ? and unit_id = ? and period = '2024'")
                    .params(indicator, unit).query(BigDecimal.class).single()).isEqualByComparingTo("1300");
            assertThat(copy.sql("select content from attachment where filename = 'minh-chứng.pdf'").query(byte[].class)
                    .single()).isEqualTo("%PDF-1.4 minh chứng".getBytes());
            // new rows get ids after the restored ones
            long maxPlan = copy.sql("select max(id) from plan").query(Long.class).single();
            long next = copy.sql("select nextval(pg_get_serial_sequence('plan', 'id'))").query(Long.class).single();
            assertThat(next).isGreaterThan(maxPlan);
            assertThat(copy.sql("select max(version) from flyway_schema_history where success").query(String.class)
                    .single()).isNotBlank();

            // a database dxgov has used is never overwritten unless asked; asked, it is replaced whole
            assertThatThrownBy(() -> DatabaseBackup.restore(target, new ByteArrayInputStream(backup.toByteArray()), false))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already holds data");
            copy.sql("insert into plan_import (status, step, filename, size_bytes) values ('FAILED', 'done', 'x', 1)").update();
            DatabaseBackup.restore(target, new ByteArrayInputStream(backup.toByteArray()), true);
            assertThat(checksum(copy, "plan_import")).isEqualTo(checksum(jdbc, "plan_import"));
        } finally {
            jdbc.sql("drop database if exists " + name + " with (force)").update();
        }
    }

    @Test
    void aFileThatIsNotABackupIsRefusedWithAMessage() {
        assertThatThrownBy(() -> DatabaseBackup.restore(dataSource, new ByteArrayInputStream("PK garbage".getBytes()), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a dxgov backup");
    }

    /** Rows and an md5 of every row of a table in a stable order. */
    private static Map<String, Object> checksum(JdbcClient db, String table) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", db.sql("select count(*) from \"" + table + "\"").query(Long.class).single());
        out.put("md5", db.sql("select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from \"" + table + "\" t")
                .query(String.class).single());
        return out;
    }
}
