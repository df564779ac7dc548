package vn.dxgov.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one database: a PostgreSQL server when {@code DXGOV_DB_URL} is set, otherwise an embedded PostgreSQL
 * started on the spot. Either way the rest of the application sees an ordinary pooled {@link DataSource}.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfig {

    private static final Logger log = LoggerFactory.getLogger(DataSourceConfig.class);

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties props) {
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("dxgov");
        cfg.setMaximumPoolSize(props.maxPoolSize() == null ? 10 : props.maxPoolSize());
        if (props.embedded()) {
            EmbeddedPostgres pg = EmbeddedPostgresServer.obtain(props.dataDir(), props.port() == null ? 0 : props.port());
            cfg.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            cfg.setUsername("postgres");
        } else {
            log.info("Using PostgreSQL server at {}", props.url());
            cfg.setJdbcUrl(props.url());
            cfg.setUsername(props.username());
            cfg.setPassword(props.password());
        }
        return new HikariDataSource(cfg);
    }
}
