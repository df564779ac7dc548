package vn.dxgov.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What durable commits cost (issue 10): the embedded database in a kept data directory (fsync on, as dxgov runs it)
 * commits small transactions one after another — the shape of a form save or an approval — with
 * {@code synchronous_commit} on (dxgov's setting now) and off (zonky's default, used before), in one run, alternating
 * blocks so that the machine's load hits both alike. Runs only with {@code -Dbench=true} (bench/commit.sh).
 */
class CommitBenchmark {

    @TempDir
    Path tmp;

    @Test
    void synchronousCommitOnAgainstOff() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("bench"), "benchmark: run with -Dbench=true (bench/commit.sh)");
        int blocks = Integer.getInteger("bench.blocks", 10);
        int perBlock = Integer.getInteger("bench.commits", 200);
        EmbeddedPostgres pg = EmbeddedPostgresServer.obtain(tmp.resolve("pgdata").toString(), 0);
        double[][] ms = new double[2][];
        long[][] samples = new long[2][blocks * perBlock];
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("create table commits (id bigserial primary key, value numeric(24, 6), note text)");
            }
            c.setAutoCommit(false);
            int[] n = new int[2];
            for (int b = 0; b < blocks * 2; b++) {
                int mode = b % 2; // 0: on, 1: off
                try (Statement st = c.createStatement()) {
                    st.execute("set synchronous_commit = " + (mode == 0 ? "on" : "off"));
                }
                c.commit();
                try (PreparedStatement ins = c.prepareStatement("insert into commits (value, note) values (?, ?)")) {
                    for (int i = 0; i < perBlock; i++) {
                        long t0 = System.nanoTime();
                        ins.setBigDecimal(1, java.math.BigDecimal.valueOf(i, 2));
                        ins.setString(2, "số liệu " + i);
                        ins.executeUpdate();
                        c.commit();
                        samples[mode][n[mode]++] = System.nanoTime() - t0;
                    }
                }
            }
        } finally {
            pg.close();
        }
        StringBuilder out = new StringBuilder("# Commit cost: synchronous_commit on vs off\n\n");
        out.append("Embedded PostgreSQL, kept data directory (fsync on), one connection, ").append(blocks * perBlock)
                .append(" single-row transactions per setting in alternating blocks of ").append(perBlock).append(".\n\n");
        out.append("| synchronous_commit | median | p95 | commits/s |\n|---|---:|---:|---:|\n");
        for (int mode = 0; mode < 2; mode++) {
            long[] s = samples[mode].clone();
            Arrays.sort(s);
            double median = s[s.length / 2] / 1e6;
            double p95 = s[(int) (s.length * 0.95)] / 1e6;
            double total = Arrays.stream(s).sum() / 1e9;
            ms[mode] = new double[]{median, p95, s.length / total};
            out.append(String.format(java.util.Locale.ROOT, "| %s | %.3f ms | %.3f ms | %.0f |%n",
                    mode == 0 ? "on (now)" : "off (before)", median, p95, s.length / total));
        }
        out.append(String.format(java.util.Locale.ROOT, "%nmedian ratio on ÷ off: %.1f×; load average at the end: %s%n",
                ms[0][0] / ms[1][0], Files.readString(Path.of("/proc/loadavg")).trim()));
        System.out.println(out);
        Path file = Path.of(System.getProperty("bench.out", "target/bench/commit.md"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }
}
