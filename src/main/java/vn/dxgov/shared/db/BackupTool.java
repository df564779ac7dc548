package vn.dxgov.shared.db;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code java -jar dxgov.jar backup FILE} and {@code java -jar dxgov.jar restore FILE}: the database named by the same
 * settings as the application ({@code DXGOV_DB_URL}, {@code DXGOV_DB_USERNAME}, {@code DXGOV_DB_PASSWORD}; without a
 * URL the embedded database in {@code DXGOV_DB_DATA_DIR}, default {@code ./data/postgres}), without starting the
 * application. A backup of an embedded database while dxgov runs reads its running server; a restore needs dxgov
 * stopped and a new database (a new data directory, or a new server database), or {@code --replace} to replace the
 * data of one dxgov used. See {@link DatabaseBackup}.
 */
public final class BackupTool {

    private BackupTool() {
    }

    /** True when the command line asks for a backup or a restore. */
    public static boolean wanted(String[] args) {
        return args.length > 0 && List.of("backup", "restore").contains(args[0]);
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args) {
        boolean replace = List.of(args).contains("--replace");
        List<String> plain = List.of(args).stream().filter(a -> !a.equals("--replace")).toList();
        if (plain.size() != 2) {
            System.err.println("usage: java -jar dxgov.jar backup FILE.zip | restore FILE.zip [--replace]");
            return 2;
        }
        Path file = Path.of(plain.get(1));
        try {
            if ("backup".equals(args[0])) {
                Path tmp = file.resolveSibling(file.getFileName() + ".part");
                DatabaseBackup.Manifest m;
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                    m = DatabaseBackup.backup(source(false), out);
                }
                // a backup is either whole or absent: written aside, then moved into place
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                System.out.println("Backup of schema " + m.schemaVersion() + ": " + m.rows().size() + " tables, "
                        + m.rows().values().stream().mapToLong(Long::longValue).sum() + " rows → " + file);
            } else {
                DatabaseBackup.Manifest m;
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                    m = DatabaseBackup.restore(source(true), in, replace);
                }
                System.out.println("Restored " + file + " (schema " + m.schemaVersion() + ", taken " + m.createdAt()
                        + "): " + m.rows().size() + " tables, " + m.rows().values().stream().mapToLong(Long::longValue).sum()
                        + " rows");
            }
            return 0;
        } catch (Exception e) {
            System.err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static DataSource source(boolean restore) throws Exception {
        String url = setting("DXGOV_DB_URL", "dxgov.db.url", "");
        if (!url.isBlank()) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(url);
            ds.setUser(setting("DXGOV_DB_USERNAME", "dxgov.db.username", "postgres"));
            ds.setPassword(setting("DXGOV_DB_PASSWORD", "dxgov.db.password", ""));
            return ds;
        }
        Path dir = Path.of(setting("DXGOV_DB_DATA_DIR", "dxgov.db.data-dir", "./data/postgres")).toAbsolutePath().normalize();
        if (DirectoryLock.heldElsewhere(dir)) {
            if (restore) {
                throw new IllegalStateException("dxgov is running on " + dir + ": stop it before a restore");
            }
            // dxgov runs: read its server, in one snapshot (DatabaseBackup reads in a repeatable-read transaction)
            List<String> pid = Files.readAllLines(dir.resolve("postmaster.pid"));
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl("jdbc:postgresql://localhost:" + pid.get(3).trim() + "/postgres");
            ds.setUser("postgres");
            return ds;
        }
        return EmbeddedPostgresServer.obtain(dir.toString(), 0).getPostgresDatabase();
    }

    private static String setting(String env, String property, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null ? fallback : v;
    }
}
