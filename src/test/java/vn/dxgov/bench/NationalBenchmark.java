package vn.dxgov.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.dxgov.analytics.Aggregate;
import vn.dxgov.analytics.Analytics;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorDraft;
import vn.dxgov.indicators.IndicatorTypes.Direction;
import vn.dxgov.indicators.IndicatorTypes.UnitAggregation;
import vn.dxgov.indicators.IndicatorTypes.ValueType;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.shared.Period;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.TestData;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.UnitLevel;

/**
 * Analytics at national scale (issue 13, goal 2): a deterministic national data set ({@link NationalData}: the real
 * units before and after the 2025 reform, indicators of every aggregation kind, monthly over ten years) loaded through
 * COPY, the in-memory aggregate built from it, and its answers (all provinces of an indicator for a month; all communes
 * of a province) against PostgreSQL's GROUP BY ROLLUP over the same rows, checked equal on every measured call.
 * Rerun with bench/national.sh; results in docs/PERFORMANCE.md.
 *
 * <p>Not part of the normal suite (no surefire include matches, runs only with {@code -Dbench=true}). It empties the
 * indicator and data value tables of its ephemeral database.
 *
 * <p>Settings: bench.indicators (200), bench.legacy (10 of them recorded on the pre-reform communes before
 * 1/7/2025), bench.years (10, ending 2026), bench.samples (300 per question), bench.fresh (20 writes), bench.seed,
 * bench.out.
 */
@SpringBootTest
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class NationalBenchmark {

    static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);
    static final LocalDate AFTER = LocalDate.of(2025, 7, 1);

    final int indicatorCount = Integer.getInteger("bench.indicators", 200);
    final int legacyCount = Integer.getInteger("bench.legacy", 10);
    final int years = Integer.getInteger("bench.years", 10);
    final int samples = Integer.getInteger("bench.samples", 300);
    final int freshWrites = Integer.getInteger("bench.fresh", 20);
    final long seed = Long.getLong("bench.seed", 20251201L);
    final int lastYear = 2026;
    final int firstYear = lastYear - years + 1;

    @Autowired
    Analytics analytics;
    @Autowired
    DataValueStore store;
    @Autowired
    IndicatorCatalog indicators;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicatorData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    final StringBuilder report = new StringBuilder();
    final Random random = new Random(7);
    int mismatches;
    String firstMismatch;

    @Test
    void nationalAggregateAgainstSqlRollup() {
        String loadAtStart = loadAverage();
        data.ensureUnits();
        indicatorData.reset();
        long heapEmpty = usedHeap();

        // ----- indicators: every kind; the legacy ones only of kinds whose old-province totals SQL can roll up
        List<Indicator> all = new ArrayList<>();
        Map<Long, Integer> numberOf = new HashMap<>();
        List<Indicator> legacy = new ArrayList<>();
        List<Indicator> current = new ArrayList<>();
        for (int i = 0; i < indicatorCount; i++) {
            NationalData.Kind k = NationalData.kind(i);
            boolean ratio = k.type() == ValueType.RATIO;
            Indicator ind = indicators.create(new IndicatorDraft("NAT-" + i, "Chỉ tiêu quốc gia " + i + " (" + k.name() + ")",
                    ratio ? "%" : "đơn vị", k.type(), Direction.HIGHER, k.unit(), k.period(), null, ratio ? 1 : 2, null));
            all.add(ind);
            numberOf.put(ind.id(), i);
            boolean canBeLegacy = k.unit() != UnitAggregation.MEAN;
            if (legacy.size() < legacyCount && canBeLegacy && i % 7 == 3) {
                legacy.add(ind);
            } else {
                current.add(ind);
            }
        }
        List<NationalData.Unit> newCommunes = units("c.valid_from >= date '2025-07-01'");
        List<NationalData.Unit> oldCommunes = units("c.valid_from < date '2025-07-01'");
        int newProvinces = count("select count(*) from admin_unit where level = 'PROVINCE' and valid_from >= date '2025-07-01'");
        int oldProvinces = count("select count(*) from admin_unit where level = 'PROVINCE' and valid_from < date '2025-07-01'");
        int oldDistricts = count("select count(*) from admin_unit where level = 'DISTRICT'");

        // ----- load through COPY
        NationalData gen = new NationalData(seed);
        long t0 = System.nanoTime();
        long rows = gen.copy(dataSource, out -> {
            for (Indicator ind : all) {
                int no = numberOf.get(ind.id());
                boolean old = legacy.contains(ind);
                // in the order of the unique index (indicator, unit, period), as CLUSTER would leave the table
                for (NationalData.Unit u : old ? oldCommunes : newCommunes) {
                    for (int y = firstYear; y <= lastYear; y++) {
                        for (int m = 1; m <= 12; m++) {
                            boolean afterReform = y > 2025 || (y == 2025 && m >= 7);
                            if (old && afterReform) {
                                continue;
                            }
                            out.accept(ind.id(), no, u, y, m);
                        }
                    }
                }
                if (old) {
                    for (NationalData.Unit u : newCommunes) {
                        for (int y = 2025; y <= lastYear; y++) {
                            for (int m = y == 2025 ? 7 : 1; m <= 12; m++) {
                                out.accept(ind.id(), no, u, y, m);
                            }
                        }
                    }
                }
            }
        });
        long copyMs = ms(System.nanoTime() - t0);
        t0 = System.nanoTime();
        // as autovacuum leaves a loaded table (visibility map, hint bits, statistics): a node that starts reads a settled
        // table; left to autovacuum, the vacuum of the fresh load runs during the build and is counted in its CPU
        jdbc.sql("vacuum (analyze) data_value").update();
        jdbc.sql("checkpoint").update();
        long analyzeMs = ms(System.nanoTime() - t0);
        long tableBytes = jdbc.sql("select pg_total_relation_size('data_value')").query(Long.class).single();

        // ----- build
        long heapBefore = usedHeap();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long pgCpu0 = postgresCpuTicks();
        t0 = System.nanoTime();
        analytics.reload();
        long buildMs = ms(System.nanoTime() - t0);
        long buildCpuMs = (os.getProcessCpuTime() - cpu0) / 1_000_000;
        long pgCpuMs = postgresCpuTicks() < 0 || pgCpu0 < 0 ? -1 : (postgresCpuTicks() - pgCpu0) * 10;
        long heapAfter = usedHeap();
        double perValue = (double) (heapAfter - heapBefore) / rows;

        line("# Analytics at national scale: in-memory aggregate vs GROUP BY ROLLUP");
        line("");
        line("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", heap max " + mb(Runtime.getRuntime().maxMemory()) + ", "
                + jdbc.sql("select version()").query(String.class).single().replaceAll(",.*", "")
                + " (embedded, fsync off); load average at the start " + loadAtStart
                + " (other processes share the machine). Seed " + seed + ".");
        line("");
        line("- units (bundled GSO lists): before the reform " + oldProvinces + " provinces, " + oldDistricts
                + " districts, " + oldCommunes.size() + " communes; since 1/7/2025 " + newProvinces + " provinces, "
                + newCommunes.size() + " communes");
        line("- " + indicatorCount + " indicators, kinds (unit rule/period rule) cycling through "
                + NationalData.KINDS.stream().map(NationalData.Kind::name).distinct().toList() + "; " + legacy.size()
                + " of them recorded on the pre-reform communes until 6/2025; monthly " + firstYear + "-01 to "
                + lastYear + "-12");
        line("- **" + String.format(Locale.ROOT, "%,d", rows) + " stored values**, loaded through COPY in "
                + String.format(Locale.ROOT, "%.1f s", copyMs / 1000.0) + " ("
                + String.format(Locale.ROOT, "%,d", rows * 1000 / Math.max(1, copyMs)) + " rows/s), VACUUM (ANALYZE) and CHECKPOINT "
                + String.format(Locale.ROOT, "%.1f s", analyzeMs / 1000.0) + "; data_value with its indexes " + mb(tableBytes));
        line("");
        line("| measure | target | measured |");
        line("|---|---|---:|");
        line("| build of the aggregate (Analytics.reload: count + read + columns), wall | < 60 s | "
                + String.format(Locale.ROOT, "%.1f s", buildMs / 1000.0) + " |");
        line("| same, CPU: this JVM (all threads, incl. GC) / PostgreSQL's processes | | "
                + String.format(Locale.ROOT, "%.1f s / %s", buildCpuMs / 1000.0,
                        pgCpuMs < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f s", pgCpuMs / 1000.0))
                + String.format(Locale.ROOT, " (%.2f µs CPU a value in all)", (buildCpuMs + Math.max(0, pgCpuMs)) * 1000.0 / rows)
                + " |");
        line("| heap per stored value (used heap after GC, after − before the build) | ≤ 16 B | "
                + String.format(Locale.ROOT, "%.1f B", perValue) + " (" + mb(heapAfter - heapBefore) + "; heap used "
                + "empty " + mb(heapEmpty) + ", after the build " + mb(heapAfter) + ") |");
        if (Boolean.parseBoolean(System.getProperty("bench.compareRead", "true"))) {
            compareReads(all);
        }

        // ----- questions
        List<String> months = new ArrayList<>();
        for (int y = firstYear; y <= lastYear; y++) {
            for (int m = 1; m <= 12; m++) {
                months.add(NationalData.period(y, m));
            }
        }
        List<AdminUnit> provincesNow = analytics.units().provinces(AFTER);
        Stats q1 = new Stats("all " + provincesNow.size() + " provinces, one indicator, one month");
        Stats q2 = new Stats("all communes of one province (" + provincesNow.size() + " provinces), one indicator, one month");
        Stats q3 = new Stats("all " + oldProvinces + " pre-reform provinces, a legacy indicator, a month before 7/2025 (3-level rollup)");
        List<Asked> asked = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            Indicator ind = current.get(random.nextInt(current.size()));
            Period p = Period.parse(months.get(random.nextInt(months.size())));
            // Q1
            long a = System.nanoTime();
            List<Analytics.Part> cold = analytics.provinces(ind.id(), AFTER, p);
            long b = System.nanoTime();
            List<Analytics.Part> warm = analytics.provinces(ind.id(), AFTER, p);
            long c = System.nanoTime();
            Map<Long, double[]> sql = rollup(ind, p.code(), false, null);
            long d = System.nanoTime();
            checkParts(ind, p, cold, sql);
            checkParts(ind, p, warm, sql);
            q1.add(b - a, c - b, d - c);
            Map<Long, double[]> sqlProvinces = sql;
            // Q2
            AdminUnit province = provincesNow.get(random.nextInt(provincesNow.size()));
            a = System.nanoTime();
            Analytics.Breakdown coldB = analytics.breakdown(ind.id(), province.id(), UnitLevel.COMMUNE, p);
            b = System.nanoTime();
            Analytics.Breakdown warmB = analytics.breakdown(ind.id(), province.id(), UnitLevel.COMMUNE, p);
            c = System.nanoTime();
            sql = rollup(ind, p.code(), false, province.id());
            d = System.nanoTime();
            checkBreakdown(ind, p, province, coldB, sql);
            checkBreakdown(ind, p, province, warmB, sql);
            q2.add(b - a, c - b, d - c);
            asked.add(new Asked(ind, p, province, sqlProvinces, sql));
            // Q3
            if (!legacy.isEmpty()) {
                Indicator li = legacy.get(random.nextInt(legacy.size()));
                Period lp = Period.parse(months.get(random.nextInt(Math.max(1, months.size() - 18))));
                a = System.nanoTime();
                List<Analytics.Part> coldL = analytics.provinces(li.id(), BEFORE, lp);
                b = System.nanoTime();
                List<Analytics.Part> warmL = analytics.provinces(li.id(), BEFORE, lp);
                c = System.nanoTime();
                sql = rollup(li, lp.code(), true, null);
                d = System.nanoTime();
                checkParts(li, lp, coldL, sql);
                checkParts(li, lp, warmL, sql);
                q3.add(b - a, c - b, d - c);
            }
        }
        line("");
        line("Questions, " + samples + " samples each (random indicator, month and province; seeded). Each sample asks the"
                + " aggregate twice (first: computed from the columns; then: the pre-aggregated level) and PostgreSQL once"
                + " (GROUP BY ROLLUP over the same rows); every answer, computed or pre-aggregated, is compared with SQL's"
                + " (value to 1e-6 relative, and the count of stored values).");
        line("");
        line("| question | memory p50 / p99 (pre-aggregated) | target p99 | memory p50 / p99 (computed, first ask) | SQL ROLLUP p50 / p99 | SQL ÷ memory (p50, pre-agg.) | target |");
        line("|---|---:|---:|---:|---:|---:|---:|");
        for (Stats st : List.of(q1, q2, q3)) {
            if (st.n > 0) {
                line(st.row());
            }
        }
        line("");
        line("Answers compared with SQL: " + (q1.n + q2.n + q3.n) * 2 + "; mismatches: " + mismatches
                + (firstMismatch == null ? "" : " (first: " + firstMismatch + ")"));

        // ----- many pre-aggregated asks: wall time and this thread's CPU time per call (a call descheduled on a loaded
        // machine shows in the wall time, not in the CPU time)
        int many = Integer.getInteger("bench.many", 20_000);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[][] wall = new long[2][many];
        long[][] cpuNs = new long[2][many];
        for (int i = 0; i < many; i++) {
            Asked k = asked.get(random.nextInt(asked.size()));
            Indicator ind = k.indicator();
            Period p = k.period();
            AdminUnit province = k.province();
            int q = i & 1;
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            Object answer = q == 0 ? analytics.provinces(ind.id(), AFTER, p)
                    : analytics.breakdown(ind.id(), province.id(), UnitLevel.COMMUNE, p);
            long w1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            wall[q][i / 2] = w1 - w0;
            cpuNs[q][i / 2] = c1 - c0;
            // checked as every measured call, outside the time: against SQL's answer to the same question
            if (q == 0) {
                @SuppressWarnings("unchecked")
                List<Analytics.Part> parts = (List<Analytics.Part>) answer;
                checkParts(ind, p, parts, k.sqlProvinces());
            } else {
                checkBreakdown(ind, p, province, (Analytics.Breakdown) answer, k.sqlCommunes());
            }
        }
        // PostgreSQL asked the same questions in the same way (repeated, over the same set, its caches as warm as
        // they get), so that the ratio compares like with like
        int sqlAsks = Integer.getInteger("bench.sqlAsks", 600);
        long[][] sqlWall = new long[2][sqlAsks / 2];
        for (int i = 0; i < sqlAsks / 2 * 2; i++) {
            Asked k = asked.get(random.nextInt(asked.size()));
            int q = i & 1;
            long w0 = System.nanoTime();
            Map<Long, double[]> sql = rollup(k.indicator(), k.period().code(), false, q == 0 ? null : k.province().id());
            long w1 = System.nanoTime();
            sqlWall[q][i / 2] = w1 - w0;
            if (q == 0) {
                checkParts(k.indicator(), k.period(), analytics.provinces(k.indicator().id(), AFTER, k.period()), sql);
            } else {
                checkBreakdown(k.indicator(), k.period(), k.province(), analytics.breakdown(k.indicator().id(),
                        k.province().id(), UnitLevel.COMMUNE, k.period()), sql);
            }
        }
        line("");
        line("Pre-aggregated asks, " + many + " calls over the " + asked.size() + " (indicator, month, province) of the samples "
                + "above, alternating the two questions; wall time and the calling thread's CPU time per call:");
        line("");
        line("| question | wall p50 / p99 / p99.9 | thread CPU p50 / p99 / p99.9 | target p99 |");
        line("|---|---:|---:|---:|");
        String[] names = {q1.name, q2.name};
        for (int q = 0; q < 2; q++) {
            long[] w = Arrays.copyOf(wall[q], many / 2);
            long[] cc = Arrays.copyOf(cpuNs[q], many / 2);
            Arrays.sort(w);
            Arrays.sort(cc);
            line("| " + names[q] + " | " + msf(w[w.length / 2]) + " / " + msf(w[w.length * 99 / 100]) + " / "
                    + msf(w[w.length * 999 / 1000]) + " | " + msf(cc[cc.length / 2]) + " / " + msf(cc[cc.length * 99 / 100])
                    + " / " + msf(cc[cc.length * 999 / 1000]) + " | < 1 ms |");
        }
        line("");
        line("The same questions repeated, memory and SQL each over the same set (" + many / 2 + " memory asks and "
                + sqlAsks / 2 + " SQL ROLLUP asks a question, every answer compared):");
        line("");
        line("| question | memory p50 / p99 | SQL ROLLUP p50 / p99 | SQL ÷ memory (p50) | target |");
        line("|---|---:|---:|---:|---:|");
        for (int q = 0; q < 2; q++) {
            long[] w = Arrays.copyOf(wall[q], many / 2);
            long[] sq = Arrays.copyOf(sqlWall[q], sqlAsks / 2);
            Arrays.sort(w);
            Arrays.sort(sq);
            long m50 = Math.max(1, w[w.length / 2]);
            line("| " + names[q] + " | " + msf(m50) + " / " + msf(w[w.length * 99 / 100]) + " | "
                    + msf(sq[sq.length / 2]) + " / " + msf(sq[sq.length * 99 / 100]) + " | "
                    + String.format(Locale.ROOT, "%,.0f×", (double) sq[sq.length / 2] / m50) + " | ≥ 50× |");
        }
        long heapAsked = usedHeap();
        line("");
        line("Heap after the questions (the pre-aggregate of " + asked.size() + "+ asked (indicator, month) pairs and "
                + "their answers kept): " + mb(heapAsked) + ", " + mb(heapAsked - heapAfter) + " more than after the build.");

        // ----- freshness
        writeReport();
        try {
            freshness(current, provincesNow, months.get(months.size() - 1));
        } catch (RuntimeException e) {
            line("");
            line("Freshness not measured: " + e);
            mismatches++;
        }

        line("");
        line("Load average at the end: " + loadAverage() + ".");
        System.out.println(report);
        writeReport();
        indicatorData.reset();
        jdbc.sql("vacuum full data_value").update();
        if (mismatches > 0) {
            throw new AssertionError(mismatches + " answers differ from SQL; first: " + firstMismatch);
        }
    }

    /**
     * The build's read alone, one thread, all indicators: through the driver's result set (the query the build used
     * before: a byte array per field, a String and Double.parseDouble per number) and through the store (COPY, parsed
     * in place), wall and CPU of each side; both must give the same lines and the same sums.
     */
    void compareReads(List<Indicator> all) {
        long[] driver = measured(sum -> driverRead(all, sum));
        long[] copy = measured(sum -> {
            for (Indicator ind : all) {
                store.forEachCell(ind.id(), (unit, period, version, demo, av, an, ad, waits, v, n, d) -> {
                    sum[0] += unit + period.length() + version + (demo ? 1 : 0) + (Double.isNaN(av) ? 0 : av);
                    sum[1]++;
                });
            }
        });
        boolean same = driver[3] == copy[3] && driver[4] == copy[4];
        if (!same) {
            mismatches++;
            firstMismatch = "the two reads differ: " + driver[3] + " rows, sum " + Double.longBitsToDouble(driver[4])
                    + " vs " + copy[3] + " rows, sum " + Double.longBitsToDouble(copy[4]);
        }
        line("");
        line("The build's read alone (one thread, all indicators, in unit order; same lines and sums: "
                + (same ? "yes" : "**no**") + "):");
        line("");
        line("| read | wall | CPU this JVM / PostgreSQL |");
        line("|---|---:|---:|");
        line(String.format(Locale.ROOT, "| driver result set (fetch size 20,000), the build's read before | %.1f s | %.1f s / %.1f s |",
                driver[0] / 1000.0, driver[1] / 1000.0, driver[2] / 1000.0));
        line(String.format(Locale.ROOT, "| COPY text parsed in place (DataValueStore.forEachCell) | %.1f s | %.1f s / %.1f s |",
                copy[0] / 1000.0, copy[1] / 1000.0, copy[2] / 1000.0));
        line(String.format(Locale.ROOT, "| ratio (driver ÷ COPY) | %.2f× | %.2f× / %.2f× |", (double) driver[0] / Math.max(1, copy[0]),
                (double) driver[1] / Math.max(1, copy[1]), (double) driver[2] / Math.max(1, copy[2])));
    }

    /**
     * Runs a read that adds each line into {sum, count}: {wall ms, this JVM's CPU ms, PostgreSQL's CPU ms, lines, bits of
     * the sum}.
     */
    long[] measured(java.util.function.Consumer<double[]> read) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double[] sum = new double[2];
        long cpu0 = os.getProcessCpuTime();
        long pg0 = postgresCpuTicks();
        long t0 = System.nanoTime();
        read.accept(sum);
        return new long[]{ms(System.nanoTime() - t0), (os.getProcessCpuTime() - cpu0) / 1_000_000,
                (postgresCpuTicks() - pg0) * 10, (long) sum[1], Double.doubleToLongBits(sum[0])};
    }

    /** The build's read before: the driver's result set, with the plan the store's read pins. */
    void driverRead(List<Indicator> all, double[] sum) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (java.sql.Statement set = c.createStatement()) {
                set.execute("set local enable_seqscan = off; set local enable_bitmapscan = off;"
                        + " set local max_parallel_workers_per_gather = 0");
            }
            try (java.sql.PreparedStatement st = c.prepareStatement("""
                    select unit_id, period, version, demo, approved_value, approved_numerator, approved_denominator,
                           state = 'SUBMITTED' and value is not null, value, numerator, denominator
                    from data_value
                    where indicator_id = ? and not contribution
                      and (approved_value is not null or (state = 'SUBMITTED' and value is not null))
                    order by unit_id, period""")) {
                st.setFetchSize(20_000);
                for (Indicator ind : all) {
                    st.setLong(1, ind.id());
                    try (java.sql.ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            long unit = rs.getLong(1);
                            String period = rs.getString(2);
                            int version = rs.getInt(3);
                            boolean demo = rs.getBoolean(4);
                            double av = rs.getDouble(5);
                            sum[0] += unit + period.length() + version + (demo ? 1 : 0) + (rs.wasNull() ? 0 : av);
                            for (int k = 6; k <= 11; k++) {
                                rs.getObject(k);
                            }
                            sum[1]++;
                        }
                    }
                }
            }
            c.rollback();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void writeReport() {
        String out = System.getProperty("bench.out", "target/bench/national.md");
        try {
            Path path = Path.of(out);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, report.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One new value in a commune: how long until the commune, its province's total and the national table show it. */
    void freshness(List<Indicator> candidates, List<AdminUnit> provinces, String month) {
        Indicator ind = candidates.stream().filter(i -> i.unitAggregation() == UnitAggregation.SUM
                && i.valueType() == ValueType.NUMBER).findFirst().orElseThrow();
        Period p = Period.parse(month);
        long[] writeNs = new long[freshWrites];
        long[] seenNs = new long[freshWrites];
        long[] afterReturnNs = new long[freshWrites];
        int visibleOnReturn = 0;
        for (int i = 0; i < freshWrites; i++) {
            AdminUnit province = provinces.get(random.nextInt(provinces.size()));
            List<AdminUnit> communes = analytics.units().below(province.id(), UnitLevel.COMMUNE);
            AdminUnit commune = communes.get(random.nextInt(communes.size()));
            // the levels are pre-aggregated (asked once) before the write
            Analytics.Breakdown before = analytics.breakdown(ind.id(), province.id(), UnitLevel.COMMUNE, p);
            analytics.provinces(ind.id(), AFTER, p);
            double old = before.parts().stream().filter(x -> x.unit().id() == commune.id()).findFirst()
                    .map(x -> x.value() == null ? 0.0 : x.value().value().doubleValue()).orElse(0.0);
            double delta = 1000 + i;
            double expectedProvince = before.total().value().doubleValue() + delta;
            long start = System.nanoTime();
            store.write(List.of(new DataValueInput(ind.id(), commune.id(), month, BigDecimal.valueOf(old + delta), null,
                    null, null)), ValueSource.API, null, false);
            long returned = System.nanoTime();
            long seen = 0;
            boolean first = true;
            while (seen == 0 && System.nanoTime() - start < 5_000_000_000L) {
                Analytics.Breakdown after = analytics.breakdown(ind.id(), province.id(), UnitLevel.COMMUNE, p);
                double national = analytics.provinces(ind.id(), AFTER, p).stream()
                        .filter(x -> x.unit().id() == province.id()).findFirst()
                        .map(x -> x.value().value().doubleValue()).orElse(Double.NaN);
                double communeNow = after.parts().stream().filter(x -> x.unit().id() == commune.id()).findFirst()
                        .map(x -> x.value().value().doubleValue()).orElse(Double.NaN);
                if (near(after.total().value().doubleValue(), expectedProvince) && near(national, expectedProvince)
                        && near(communeNow, old + delta)) {
                    seen = System.nanoTime();
                    visibleOnReturn += first ? 1 : 0;
                }
                first = false;
            }
            writeNs[i] = returned - start;
            seenNs[i] = seen == 0 ? Long.MAX_VALUE : seen - start;
            afterReturnNs[i] = seen == 0 ? Long.MAX_VALUE : seen - returned;
        }
        Arrays.sort(writeNs);
        Arrays.sort(seenNs);
        Arrays.sort(afterReturnNs);
        line("");
        line("| freshness: one new value (API write of a SUM indicator in a commune) | target | measured |");
        line("|---|---|---:|");
        line("| write returned (commit + AFTER_COMMIT update of the columns), p50 / max | | " + msf(writeNs[writeNs.length / 2])
                + " / " + msf(writeNs[writeNs.length - 1]) + " |");
        line("| visible in the commune, the province's total and the national table, p50 / max | < 100 ms | "
                + msf(seenNs[seenNs.length / 2]) + " / " + msf(seenNs[seenNs.length - 1]) + " (" + visibleOnReturn + " of "
                + freshWrites + " on the first read after the write returned) |");
        line("| of which after the write returned (the first read is a lookup: the write updated the pre-aggregate), p50 / max | | "
                + msf(afterReturnNs[afterReturnNs.length / 2]) + " / " + msf(afterReturnNs[afterReturnNs.length - 1]) + " |");
    }

    /**
     * CPU ticks (1/100 s) of this test's embedded PostgreSQL: its postmaster (found by its data directory; other
     * PostgreSQL servers on the machine are left out), the exited backends it waited for, and its live children.
     * Linux /proc only; -1 elsewhere.
     */
    long postgresCpuTicks() {
        String dataDir = jdbc.sql("show data_directory").query(String.class).single();
        long postmaster = -1;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    try {
                        if (Files.readString(proc.resolve("cmdline")).contains(dataDir)) {
                            postmaster = Long.parseLong(name);
                        }
                    } catch (IOException | RuntimeException e) {
                        // gone meanwhile
                    }
                }
            }
        } catch (IOException e) {
            return -1;
        }
        if (postmaster < 0) {
            return -1;
        }
        try (var procs = Files.list(Path.of("/proc"))) {
            long ticks = 0;
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(name) != postmaster && Long.parseLong(f[1]) != postmaster) {
                        continue;
                    }
                    // utime, stime of the process and of its waited-for children
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
            return ticks;
        } catch (IOException e) {
            return -1;
        }
    }

    static boolean near(double a, double b) {
        return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
    }

    /**
     * GROUP BY ROLLUP over the rows of one indicator and month: unit id → {value, cells} for communes and provinces
     * (and districts before the reform).
     */
    Map<Long, double[]> rollup(Indicator ind, String period, boolean oldUnits, Long province) {
        String agg = switch (ind.unitAggregation()) {
            case SUM -> "sum(dv.approved_value)";
            case RATIO -> "100 * sum(dv.approved_numerator) / nullif(sum(dv.approved_denominator), 0)";
            case MEAN -> "avg(dv.approved_value)";
            case MAX -> "max(dv.approved_value)";
            case MIN -> "min(dv.approved_value)";
        };
        String sql = oldUnits ? """
                select p.id, d.id, c.id, %s, count(*)
                from data_value dv join admin_unit c on c.id = dv.unit_id join admin_unit d on d.id = c.parent_id
                     join admin_unit p on p.id = d.parent_id
                where dv.indicator_id = ? and dv.period = ? and not dv.contribution and dv.approved_value is not null
                group by rollup (p.id, d.id, c.id)""".formatted(agg) : """
                select p.id, null::bigint, c.id, %s, count(*)
                from data_value dv join admin_unit c on c.id = dv.unit_id join admin_unit p on p.id = c.parent_id
                where dv.indicator_id = ? and dv.period = ? and not dv.contribution and dv.approved_value is not null
                """.formatted(agg) + (province != null ? " and p.id = " + province : "") + " group by rollup (p.id, c.id)";
        Map<Long, double[]> out = new HashMap<>();
        jdbc.sql(sql).params(ind.id(), period).query(rs -> {
            long p = rs.getLong(1);
            boolean pNull = rs.wasNull();
            long dd = rs.getLong(2);
            boolean dNull = rs.wasNull();
            long c = rs.getLong(3);
            boolean cNull = rs.wasNull();
            long unit = !cNull ? c : !dNull ? dd : !pNull ? p : 0;
            out.put(unit, new double[]{rs.getDouble(4), rs.getLong(5)});
        });
        return out;
    }

    void checkParts(Indicator ind, Period p, List<Analytics.Part> parts, Map<Long, double[]> sql) {
        for (Analytics.Part part : parts) {
            check(ind, p, part.unit().id(), part.value(), sql.get(part.unit().id()));
        }
    }

    void checkBreakdown(Indicator ind, Period p, AdminUnit province, Analytics.Breakdown b, Map<Long, double[]> sql) {
        check(ind, p, province.id(), b.total(), sql.get(province.id()));
        for (Analytics.Part part : b.parts()) {
            check(ind, p, part.unit().id(), part.value(), sql.get(part.unit().id()));
        }
    }

    void check(Indicator ind, Period p, long unit, Aggregate memory, double[] sql) {
        boolean ok;
        if (memory == null || sql == null) {
            ok = memory == null && sql == null;
        } else {
            ok = near(memory.value().doubleValue(), sql[0]) && memory.cells() == (int) sql[1];
        }
        if (!ok) {
            mismatches++;
            if (firstMismatch == null) {
                firstMismatch = ind.code() + " " + p.code() + " unit " + unit + ": memory "
                        + (memory == null ? "none" : memory.value() + " (" + memory.cells() + " values)") + ", SQL "
                        + (sql == null ? "none" : sql[0] + " (" + (long) sql[1] + " values)");
            }
        }
    }

    /** A question of the sample loop, with SQL's answers to its two forms (all provinces; the province's communes). */
    record Asked(Indicator indicator, Period period, AdminUnit province, Map<Long, double[]> sqlProvinces,
                 Map<Long, double[]> sqlCommunes) {
    }

    final class Stats {
        final String name;
        final List<Long> warm = new ArrayList<>();
        final List<Long> cold = new ArrayList<>();
        final List<Long> sql = new ArrayList<>();
        int n;

        Stats(String name) {
            this.name = name;
        }

        void add(long coldNs, long warmNs, long sqlNs) {
            cold.add(coldNs);
            warm.add(warmNs);
            sql.add(sqlNs);
            n++;
        }

        String row() {
            long w50 = pct(warm, 50);
            long w99 = pct(warm, 99);
            long s50 = pct(sql, 50);
            return "| " + name + " | " + msf(w50) + " / " + msf(w99) + " | < 1 ms | " + msf(pct(cold, 50)) + " / "
                    + msf(pct(cold, 99)) + " | " + msf(s50) + " / " + msf(pct(sql, 99)) + " | "
                    + String.format(Locale.ROOT, "%,.0f×", (double) s50 / Math.max(1, w50))
                    + " | ≥ 50× in the repeated asks below (here: one lookup right after the computed ask) |";
        }
    }

    static long pct(List<Long> xs, int p) {
        long[] a = xs.stream().mapToLong(Long::longValue).sorted().toArray();
        if (a.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * a.length) - 1;
        return a[Math.max(0, Math.min(a.length - 1, i))];
    }

    List<NationalData.Unit> units(String era) {
        return jdbc.sql("select c.id, c.code from admin_unit c where c.level = 'COMMUNE' and " + era + " order by c.id")
                .query((rs, i) -> new NationalData.Unit(rs.getLong(1), rs.getString(2))).list();
    }

    int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    void line(String s) {
        report.append(s).append('\n');
    }

    static long ms(long ns) {
        return ns / 1_000_000;
    }

    static String msf(long ns) {
        if (ns == Long.MAX_VALUE) {
            return "never";
        }
        return ns < 1_000_000 ? String.format(Locale.ROOT, "%.3f ms", ns / 1e6)
                : String.format(Locale.ROOT, "%.1f ms", ns / 1e6);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1048576.0);
    }

    static long usedHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
