package vn.dxgov.shared.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is. With {@code url} blank (the default) dxgov starts an embedded PostgreSQL
 * whose data lives under {@code dataDir}; production sets {@code DXGOV_DB_URL} and friends.
 *
 * @param url         JDBC URL of a PostgreSQL server ({@code DXGOV_DB_URL}); blank for embedded
 * @param username    database user ({@code DXGOV_DB_USERNAME})
 * @param password    database password ({@code DXGOV_DB_PASSWORD})
 * @param dataDir     embedded PostgreSQL data directory ({@code DXGOV_DB_DATA_DIR}); blank for a throw-away one
 * @param port        embedded PostgreSQL port, 0 for any free port ({@code DXGOV_DB_PORT})
 * @param maxPoolSize connection pool size
 */
@ConfigurationProperties(prefix = "dxgov.db")
public record DatabaseProperties(String url, String username, String password, String dataDir, Integer port,
                                 Integer maxPoolSize) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
