package vn.dxgov.shared.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A whole-database backup that works the same for the embedded PostgreSQL and a server, whatever client tools the
 * machine has (the embedded binaries bring no {@code pg_dump}, and a {@code pg_dump} older than the server refuses to
 * run): every table of the schema, evidence files included (they are stored in the database), in PostgreSQL's binary
 * COPY format, in one zip with a manifest (schema version, tables, row counts), read in one repeatable-read snapshot.
 *
 * <p>A restore goes into an empty database: Flyway migrates it to the backup's schema version, the tables are loaded
 * parents first, the id sequences are set past the loaded ids, and Flyway then migrates the rest, so a backup taken by
 * an older dxgov restores into a newer one.
 */
public final class DatabaseBackup {

    /** What a backup holds: the schema version, when, the rows of each table. */
    public record Manifest(String schemaVersion, Instant createdAt, Map<String, Long> rows) {
    }

    private static final String MANIFEST = "manifest.properties";
    private static final String ROWS = "rows.properties";
    private static final String FORMAT = "dxgov-backup-1";
    private static final String HISTORY = "flyway_schema_history";

    private DatabaseBackup() {
    }

    /**
     * Writes a backup of the database to the stream (a zip: the manifest with the schema version and the tables in
     * loading order, each table's rows, then the row counts) and says what it holds. Streams: nothing is held in memory.
     */
    public static Manifest backup(DataSource source, OutputStream out) throws SQLException, IOException {
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                String version = schemaVersion(c);
                List<String> tables = parentsFirst(c, tables(c));
                ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(("format=" + FORMAT + "\nschemaVersion=" + version + "\ncreatedAt=" + Instant.now()
                        + "\ntables=" + String.join(",", tables) + "\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                Map<String, Long> rows = new LinkedHashMap<>();
                for (String t : tables) {
                    zip.putNextEntry(new ZipEntry("tables/" + t + ".copy"));
                    rows.put(t, copy.copyOut("copy " + quote(t) + " to stdout (format binary)", new NonClosing(zip)));
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry(ROWS));
                StringBuilder counts = new StringBuilder();
                rows.forEach((t, n) -> counts.append(t).append('=').append(n).append('\n'));
                zip.write(counts.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.finish();
                return new Manifest(version, Instant.now(), rows);
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * Restores a backup into a new database (one that dxgov never ran on: no schema yet; it is migrated here), streaming
     * the tables in the order the backup wrote them (parents first). A database dxgov has used is refused unless
     * {@code replace} is given, which replaces all its rows; a schema newer than the backup's is always refused. All or
     * nothing: one transaction.
     */
    public static Manifest restore(DataSource target, InputStream in, boolean replace) throws SQLException, IOException {
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
        Map<String, String> manifest = readManifest(zip);
        String version = manifest.get("schemaVersion");
        List<String> order = List.of(manifest.getOrDefault("tables", "").split(","));
        for (String t : order) {
            if (!t.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("Bad table name in the backup: " + t);
            }
        }
        refuseUsedDatabase(target, version, replace);
        Flyway.configure().dataSource(target).locations("classpath:db/migration")
                .target(MigrationVersion.fromVersion(version)).load().migrate();
        Map<String, Long> loaded;
        try (Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            loaded = loadTables(c, zip, order, version);
            resetSequences(c);
            c.commit();
        }
        Flyway.configure().dataSource(target).locations("classpath:db/migration").load().migrate();
        return new Manifest(version, Instant.parse(manifest.get("createdAt")), loaded);
    }

    /** The manifest, which a dxgov backup starts with. */
    private static Map<String, String> readManifest(ZipInputStream zip) throws IOException {
        ZipEntry first = zip.getNextEntry();
        if (first == null || !MANIFEST.equals(first.getName())) {
            throw new IllegalArgumentException("Not a dxgov backup: it does not start with " + MANIFEST
                    + " / không phải bản sao lưu dxgov");
        }
        Map<String, String> manifest = properties(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        if (!FORMAT.equals(manifest.get("format"))) {
            throw new IllegalArgumentException("Not a dxgov backup (format " + manifest.get("format") + ")");
        }
        return manifest;
    }

    /** A database dxgov has used only with {@code replace}; one at a schema newer than the backup's never. */
    private static void refuseUsedDatabase(DataSource target, String version, boolean replace) throws SQLException {
        try (Connection c = target.getConnection()) {
            String current = schemaVersionOrNull(c);
            if (current != null && !replace) {
                throw new IllegalStateException("The database already holds data (dxgov schema " + current + "): restore"
                        + " into a new, empty database, or replace its data on purpose (--replace) / cơ sở dữ liệu đã có"
                        + " dữ liệu: hãy khôi phục vào một cơ sở dữ liệu mới");
            }
            if (current != null && MigrationVersion.fromVersion(current).compareTo(MigrationVersion.fromVersion(version)) > 0) {
                throw new IllegalStateException("The database is at schema " + current + ", newer than the backup's "
                        + version + ": restore into a new, empty database / hãy khôi phục vào một cơ sở dữ liệu mới, trống");
            }
        }
    }

    /**
     * Empties every table (the migrations' own rows are in the backup too) and copies each table of the backup in,
     * checking the row counts the backup recorded; rows loaded per table.
     */
    private static Map<String, Long> loadTables(Connection c, ZipInputStream zip, List<String> order, String version)
            throws SQLException, IOException {
        List<String> tables = tables(c);
        // the rows the migrations themselves insert (pillars, the Excel form secret...) are in the backup too
        try (Statement st = c.createStatement()) {
            st.execute("truncate table " + String.join(", ", tables.stream().map(DatabaseBackup::quote).toList())
                    + " restart identity cascade");
        }
        Set<String> unknown = new LinkedHashSet<>(order);
        unknown.removeAll(tables);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("Tables of the backup unknown to schema " + version + ": " + unknown);
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Long> loaded = new LinkedHashMap<>();
        Map<String, String> counts = null;
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            if (ROWS.equals(e.getName())) {
                counts = properties(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                continue;
            }
            String t = e.getName().startsWith("tables/") && e.getName().endsWith(".copy")
                    ? e.getName().substring(7, e.getName().length() - 5) : null;
            if (t == null || !order.contains(t) || loaded.containsKey(t)) {
                throw new IllegalArgumentException("Unexpected entry in the backup: " + e.getName());
            }
            loaded.put(t, copy.copyIn("copy " + quote(t) + " from stdin (format binary)", new NonClosingIn(zip)));
        }
        if (counts == null || !loaded.keySet().equals(new LinkedHashSet<>(order))) {
            throw new IllegalArgumentException("The backup is incomplete (tables or row counts missing)");
        }
        for (Map.Entry<String, Long> l : loaded.entrySet()) {
            if (!String.valueOf(l.getValue()).equals(counts.get(l.getKey()))) {
                throw new IllegalStateException("Table " + l.getKey() + ": " + l.getValue() + " rows loaded, the"
                        + " backup says " + counts.get(l.getKey()));
            }
        }
        return loaded;
    }

    // ----- the schema

    /** The tables of the application's schema, the migration history left out (Flyway owns it), by name. */
    static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> ?
                order by table_name""")) {
            st.setString(1, HISTORY);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static String schemaVersion(Connection c) throws SQLException {
        String v = schemaVersionOrNull(c);
        if (v == null) {
            throw new IllegalStateException("No Flyway schema history: not a dxgov database");
        }
        return v;
    }

    private static String schemaVersionOrNull(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet exists = st.executeQuery("select to_regclass('" + HISTORY + "') is not null")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return null;
                }
            }
            try (ResultSet rs = st.executeQuery("select version from " + HISTORY
                    + " where success and version is not null order by installed_rank desc limit 1")) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * The tables in an order that loads every referenced table before the tables that reference it (foreign keys are
     * checked as rows arrive); a table that references itself (a unit's parent) loads in one COPY, checked at its end.
     */
    static List<String> parentsFirst(Connection c, List<String> tables) throws SQLException {
        Map<String, Set<String>> parents = new HashMap<>();
        tables.forEach(t -> parents.put(t, new HashSet<>()));
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select cl.relname, ref.relname from pg_constraint k
                join pg_class cl on cl.oid = k.conrelid
                join pg_class ref on ref.oid = k.confrelid
                join pg_namespace n on n.oid = cl.relnamespace
                where k.contype = 'f' and n.nspname = current_schema()""")) {
            while (rs.next()) {
                String child = rs.getString(1);
                String parent = rs.getString(2);
                if (!child.equals(parent) && parents.containsKey(child) && parents.containsKey(parent)) {
                    parents.get(child).add(parent);
                }
            }
        }
        List<String> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (out.size() < tables.size()) {
            boolean progress = false;
            for (String t : tables) {
                if (!placed.contains(t) && placed.containsAll(parents.get(t))) {
                    out.add(t);
                    placed.add(t);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("Foreign keys form a cycle among " + tables.stream()
                        .filter(t -> !placed.contains(t)).toList());
            }
        }
        return out;
    }

    /** Every id sequence set past the largest id loaded, so that new rows never collide with restored ones. */
    private static void resetSequences(Connection c) throws SQLException {
        List<String[]> serials = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name)
                from information_schema.columns
                where table_schema = current_schema() and column_default like 'nextval(%'""")) {
            while (rs.next()) {
                if (rs.getString(3) != null) {
                    serials.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        for (String[] s : serials) {
            try (PreparedStatement st = c.prepareStatement("select setval(?, coalesce((select max(" + quote(s[1])
                    + ") from " + quote(s[0]) + "), 0) + 1, false)")) {
                st.setString(1, s[2]);
                st.execute();
            }
        }
    }

    // ----- the file

    private static Map<String, String> properties(String text) {
        Map<String, String> props = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                props.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return props;
    }

    /** A table or column name as SQL: dxgov's names are lower-case words; anything else is refused, never quoted. */
    private static String quote(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unexpected SQL identifier: " + identifier);
        }
        return '"' + identifier + '"';
    }

    /** The zip stays open between tables: the COPY API closes nothing it did not open, but be sure. */
    private static final class NonClosing extends OutputStream {
        private final OutputStream out;

        NonClosing(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            // the zip is closed by its owner
        }
    }

    /** One zip entry at a time for the COPY API, which must not close the zip. */
    private static final class NonClosingIn extends InputStream {
        private final InputStream in;

        NonClosingIn(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        public void close() {
            // the zip is closed by its owner
        }
    }
}
