package vn.dxgov.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed with {@code kill -9} leaves its embedded PostgreSQL running on the data directory; the next start of
 * dxgov must succeed at the first attempt (it failed 5 times out of 5 with "Gave up waiting for server to start") and
 * find what was committed. While the first JVM lives, a second one must not touch its database.
 */
class EmbeddedRestartTest {

    @TempDir
    Path tmp;

    @Test
    void aStartAfterKillNineSucceedsAtOnceAndKeepsCommittedData() throws Exception {
        Path dir = tmp.resolve("pgdata");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            boolean ready = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
                if (line.startsWith("READY")) {
                    ready = true;
                    break;
                }
            }
            assertThat(ready).as("the child JVM started its server").isTrue();
            Optional<ProcessHandle> orphan = OrphanServer.find(dir);
            assertThat(orphan).as("the server runs on the directory").isPresent();

            // while that dxgov lives, a second one refuses the directory and leaves the first one's database alone
            assertThatThrownBy(() -> EmbeddedPostgresServer.obtain(dir.toString(), 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another dxgov process is using the database");
            assertThat(orphan.get().isAlive()).as("a live dxgov's database is never stopped").isTrue();

            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(orphan.get().isAlive()).as("PostgreSQL outlives the killed JVM").isTrue();

            EmbeddedPostgres restarted = EmbeddedPostgresServer.obtain(dir.toString(), 0);
            try (Connection c = restarted.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select note from survived")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("committed before kill -9");
                try (ResultSet sc = c.createStatement().executeQuery("show synchronous_commit")) {
                    sc.next();
                    assertThat(sc.getString(1)).as("a kept directory is durable").isEqualTo("on");
                }
            } finally {
                restarted.close();
            }
            assertThat(orphan.get().isAlive()).as("the orphan was stopped, not left beside").isFalse();
        } finally {
            child.destroyForcibly();
            OrphanServer.stopIfRunning(dir);
        }
    }
}
