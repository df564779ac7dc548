package vn.dxgov.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;

/**
 * The JVM {@link EmbeddedRestartTest} kills: starts the embedded server on a data directory, commits a row, says
 * READY and waits to be killed.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgresServer.obtain(args[0], 0);
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("create table if not exists survived (note text)");
            st.execute("insert into survived values ('committed before kill -9')");
        }
        System.out.println("READY " + pg.getPort());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
