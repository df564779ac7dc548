package vn.dxgov.units.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** With dxgov.seed.units on, the units are there once the application is ready. */
@SpringBootTest(properties = "dxgov.seed.units=true")
@ActiveProfiles("test")
class UnitSeederIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void unitsAreLoadedAtStart() {
        assertThat(jdbc.sql("select count(*) from admin_unit where valid_from = date '2020-01-01'").query(Integer.class).single())
                .isEqualTo(10_806);
        assertThat(jdbc.sql("select count(*) from admin_unit where valid_from = date '2025-07-01'").query(Integer.class).single())
                .isEqualTo(3_355);
        assertThat(jdbc.sql("select count(*) from admin_unit_successor").query(Integer.class).single()).isEqualTo(10_667);
    }
}
