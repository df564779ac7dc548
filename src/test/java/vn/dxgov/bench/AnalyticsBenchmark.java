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
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
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
import vn.dxgov.indicators.IndicatorTypes.PeriodAggregation;
import vn.dxgov.indicators.IndicatorTypes.UnitAggregation;
import vn.dxgov.indicators.IndicatorTypes.ValueType;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.shared.Period;
import vn.dxgov.support.IndicatorData;
import vn.dxgov.support.TestData;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;

/**
 * The analytics module's in-memory aggregate (through the public {@link Analytics} interface) against the same
 * aggregation done by SQL (GROUP BY over data_value joined to admin_unit) on the same PostgreSQL data: latency per
 * question, freshness of a newly written value, memory. Results in docs/PERFORMANCE.md; rerun with bench/analytics.sh.
 *
 * <p>Not part of the normal suite: the class name matches none of surefire's includes (*Test, *Tests, *IT) and it
 * only runs with {@code -Dbench=true}. It empties the indicator and data value tables of its (ephemeral) database.
 *
 * <p>Settings (system properties): bench.indicators (50), bench.years (5, ending 2024), bench.samples (200 in-memory
 * and SQL calls per question after bench.warmup (50)), bench.fresh (100 writes), bench.out (a Markdown report).
 */
@SpringBootTest
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class AnalyticsBenchmark {

    static final LocalDate BEFORE = LocalDate.of(2024, 12, 31);
    static final LocalDate AFTER = LocalDate.of(2025, 7, 1);

    final int indicatorCount = Integer.getInteger("bench.indicators", 50);
    final int years = Integer.getInteger("bench.years", 5);
    final int samples = Integer.getInteger("bench.samples", 200);
    final int warmup = Integer.getInteger("bench.warmup", 50);
    final int freshWrites = Integer.getInteger("bench.fresh", 100);
    final int lastYear = 2024;
    final int firstYear = lastYear - years + 1;

    @Autowired
    Analytics analytics;
    @Autowired
    DataValueStore store;
    @Autowired
    IndicatorCatalog indicators;
    @Autowired
    AdminUnits units;
    @Autowired
    TestData data;
    @Autowired
    IndicatorData indicatorData;
    @Autowired
    JdbcClient jdbc;

    final StringBuilder report = new StringBuilder();
    final Random random = new Random(20251123L);
    int mismatches;

    @Test
    void inMemoryAggregateAgainstSql() {
        // ----- data
        String loadAtStart = loadAverage();
        data.ensureUnits();
        indicatorData.reset();
        long heapEmpty = usedHeap();
        List<Indicator> sums = new ArrayList<>();
        List<Indicator> ratios = new ArrayList<>();
        int ratioCount = Math.max(1, indicatorCount / 5);
        for (int i = 0; i < indicatorCount; i++) {
            boolean ratio = i >= indicatorCount - ratioCount;
            Indicator ind = indicators.create(new IndicatorDraft("BENCH-" + i, "Chỉ số đo hiệu năng " + i,
                    ratio ? "%" : "hồ sơ", ratio ? ValueType.RATIO : ValueType.NUMBER, Direction.HIGHER,
                    ratio ? UnitAggregation.RATIO : UnitAggregation.SUM, ratio ? PeriodAggregation.LAST : PeriodAggregation.SUM,
                    null, ratio ? 1 : 0, null));
            (ratio ? ratios : sums).add(ind);
        }
        String era = "u.valid_from < date '2025-07-01'";
        int provinces = count("select count(*) from admin_unit u where level = 'PROVINCE' and " + era);
        int districts = count("select count(*) from admin_unit u where level = 'DISTRICT' and " + era);
        int communes = count("select count(*) from admin_unit u where level = 'COMMUNE' and " + era);
        long t0 = System.nanoTime();
        // values at every pre-2025 commune, yearly; districts and provinces get theirs by aggregation
        // loaded as dxgov's own import leaves figures: approved at once (only approved figures count)
        jdbc.sql("""
                insert into data_value (indicator_id, unit_id, period, value, numerator, denominator, source, demo,
                                        locked, version, updated_by, state, approved_value, approved_numerator,
                                        approved_denominator, approved_at)
                select v.indicator_id, v.unit_id, v.period, v.value, v.numerator, v.denominator, 'IMPORT', false, false,
                       1, 'bench', 'APPROVED', v.value, v.numerator, v.denominator, now()
                from (select i.id as indicator_id, u.id as unit_id, y::text as period,
                             case when i.value_type = 'RATIO'
                                  then round(100.0 * ((u.id * 11 + y * 17 + i.id) % (100 + (u.id * 7 + y * 13 + i.id * 3) % 400))
                                             / (100 + (u.id * 7 + y * 13 + i.id * 3) % 400), 6)
                                  else 1 + (u.id * 31 + y * 7 + i.id * 13) % 1000 end as value,
                             case when i.value_type = 'RATIO'
                                  then (u.id * 11 + y * 17 + i.id) % (100 + (u.id * 7 + y * 13 + i.id * 3) % 400) end as numerator,
                             case when i.value_type = 'RATIO' then 100 + (u.id * 7 + y * 13 + i.id * 3) % 400 end as denominator
                      from indicator i
                      cross join admin_unit u
                      cross join generate_series(?, ?) y
                      where i.code like 'BENCH-%' and u.level = 'COMMUNE'""" + " and " + era + ") v")
                .params(firstYear, lastYear).update();
        jdbc.sql("analyze data_value").update();
        jdbc.sql("analyze admin_unit").update();
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        long values = count("select count(*) from data_value");
        long tableBytes = jdbc.sql("select pg_total_relation_size('data_value')").query(Long.class).single();
        long heapBefore = usedHeap();
        t0 = System.nanoTime();
        analytics.reload();
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        long heapAfter = usedHeap();

        line("# Analytics benchmark: in-memory aggregate vs SQL");
        line("");
        line("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", heap max " + mb(Runtime.getRuntime().maxMemory()) + ", "
                + jdbc.sql("select version()").query(String.class).single().replaceAll(",.*", "") + " (embedded, fsync off);"
                + " load average at the start " + loadAtStart + " (other processes share the machine).");
        line("");
        line("- units before the 2025 reform: " + provinces + " provinces, " + districts + " districts, " + communes
                + " communes");
        line("- " + indicatorCount + " indicators (" + sums.size() + " SUM, " + ratios.size() + " RATIO) × " + communes
                + " communes × " + years + " years (" + firstYear + "–" + lastYear + ") = " + values + " stored values");
        line("- loading them by SQL: " + loadMs + " ms; data_value with its indexes: " + mb(tableBytes));
        line("- building the in-memory aggregate from the table (Analytics.reload): " + buildMs + " ms");
        line("- heap used after GC: tables empty " + mb(heapEmpty) + ", before the build " + mb(heapBefore)
                + ", after it " + mb(heapAfter) + " → aggregate ≈ " + mb(heapAfter - heapBefore) + " ("
                + (heapAfter - heapBefore) / Math.max(1, values) + " bytes per stored value)");
        line("");

        List<AdminUnit> oldProvinces = units.provinces(BEFORE);
        List<AdminUnit> newProvinces = units.provinces(AFTER);
        List<String> periods = new ArrayList<>();
        for (int y = firstYear; y <= lastYear; y++) {
            periods.add(String.valueOf(y));
        }
        String inPeriods = "dv.period in (" + String.join(",", periods.stream().map(p -> "'" + p + "'").toList()) + ")";

        // the unit tree is read from the database once per unit after a build (UnitGraph), then kept: the first
        // questions after a build pay for it
        Period last = Period.parse(String.valueOf(lastYear));
        t0 = System.nanoTime();
        for (AdminUnit p : oldProvinces) {
            analytics.value(sums.get(0).id(), p.id(), last);
        }
        long coldOld = System.nanoTime() - t0;
        t0 = System.nanoTime();
        for (AdminUnit p : newProvinces) {
            analytics.value(sums.get(0).id(), p.id(), last);
        }
        long coldNew = System.nanoTime() - t0;
        t0 = System.nanoTime();
        for (AdminUnit p : oldProvinces) {
            analytics.value(sums.get(0).id(), p.id(), last);
        }
        long warmOld = System.nanoTime() - t0;
        line("- first question after the build, unit tree not yet cached: one indicator for all " + oldProvinces.size()
                + " provinces " + ms(coldOld) + " (the same again: " + ms(warmOld) + "); for the " + newProvinces.size()
                + " provinces after the reform (successor links too) " + ms(coldNew));
        line("");

        // ----- questions
        line("| question | in-memory median | in-memory p95 | SQL median | SQL p95 | SQL ÷ memory (median) |");
        line("|---|---:|---:|---:|---:|---:|");

        // Q1: one SUM indicator, one province, every year
        compare("Q1 one indicator (SUM), one province, " + years + " years",
                () -> {
                    Indicator i = pick(sums);
                    AdminUnit p = pick(oldProvinces);
                    return new Question(i, p);
                },
                q -> seriesOf(analytics.series(q.indicator.id(), q.unit.id(), Period.Type.YEAR, firstYear, lastYear)),
                q -> toMap(jdbc.sql("""
                        select dv.period, sum(dv.approved_value) from data_value dv
                        join admin_unit c on c.id = dv.unit_id
                        join admin_unit d on d.id = c.parent_id
                        where not dv.contribution and dv.indicator_id = ? and d.parent_id = ? """ + " and " + inPeriods + " group by dv.period").params(q.indicator.id(), q.unit.id())));

        // Q2: one SUM indicator, every province, one year
        compare("Q2 one indicator (SUM), all " + oldProvinces.size() + " provinces, one year",
                () -> new Question(pick(sums), null),
                q -> {
                    Map<String, Double> out = new HashMap<>();
                    Period y = Period.parse(String.valueOf(lastYear));
                    for (AdminUnit p : oldProvinces) {
                        analytics.value(q.indicator.id(), p.id(), y).ifPresent(a -> out.put(String.valueOf(p.id()), a.value().doubleValue()));
                    }
                    return out;
                },
                q -> toMap(jdbc.sql("""
                        select d.parent_id::text, sum(dv.approved_value) from data_value dv
                        join admin_unit c on c.id = dv.unit_id
                        join admin_unit d on d.id = c.parent_id
                        where not dv.contribution and dv.indicator_id = ? and dv.period = ?
                        group by d.parent_id""").params(q.indicator.id(), String.valueOf(lastYear))));

        // Q3: one RATIO indicator, one province, every year: Σ numerators ÷ Σ denominators
        compare("Q3 one ratio indicator (Σnum ÷ Σden), one province, " + years + " years",
                () -> new Question(pick(ratios), pick(oldProvinces)),
                q -> seriesOf(analytics.series(q.indicator.id(), q.unit.id(), Period.Type.YEAR, firstYear, lastYear)),
                q -> toMap(jdbc.sql("""
                        select dv.period, 100 * sum(dv.approved_numerator) / sum(dv.approved_denominator) from data_value dv
                        join admin_unit c on c.id = dv.unit_id
                        join admin_unit d on d.id = c.parent_id
                        where not dv.contribution and dv.indicator_id = ? and d.parent_id = ? """ + " and " + inPeriods + " group by dv.period").params(q.indicator.id(), q.unit.id())));

        // Q4: one RATIO indicator, every province, one year
        compare("Q4 one ratio indicator, all " + oldProvinces.size() + " provinces, one year",
                () -> new Question(pick(ratios), null),
                q -> {
                    Map<String, Double> out = new HashMap<>();
                    Period y = Period.parse(String.valueOf(lastYear));
                    for (AdminUnit p : oldProvinces) {
                        analytics.value(q.indicator.id(), p.id(), y).ifPresent(a -> out.put(String.valueOf(p.id()), a.value().doubleValue()));
                    }
                    return out;
                },
                q -> toMap(jdbc.sql("""
                        select d.parent_id::text, 100 * sum(dv.approved_numerator) / sum(dv.approved_denominator) from data_value dv
                        join admin_unit c on c.id = dv.unit_id
                        join admin_unit d on d.id = c.parent_id
                        where not dv.contribution and dv.indicator_id = ? and dv.period = ?
                        group by d.parent_id""").params(q.indicator.id(), String.valueOf(lastYear))));

        // Q5: a province after the reform, read back over the years before it: the old communes' values carried
        // into the new communes, whole for a FULL link and by the link's fraction for a PARTIAL one (an old commune
        // split among several new ones), then summed over the new province
        compare("Q5 one indicator (SUM), one post-reform province, " + years + " years carried from old communes",
                () -> new Question(pick(sums), pick(newProvinces)),
                q -> seriesOf(analytics.series(q.indicator.id(), q.unit.id(), Period.Type.YEAR, firstYear, lastYear)),
                q -> toMap(jdbc.sql("""
                        select dv.period, sum(dv.approved_value * case when l.share_kind = 'FULL' then 1 else l.share_fraction end)
                        from data_value dv
                        join admin_unit_successor l on l.predecessor_id = dv.unit_id
                        join admin_unit c on c.id = l.successor_id
                        where not dv.contribution and dv.indicator_id = ? and c.parent_id = ? """ + " and " + inPeriods + " group by dv.period").params(q.indicator.id(), q.unit.id())));
        line("");
        line("Answers compared on every measured call (in-memory vs SQL, to 1e-6): " + mismatches + " mismatches.");
        line("");
        reformTotals(sums, newProvinces, last);
        long heapQueried = usedHeap();
        line("- heap used after GC once the questions ran (unit graph cached): " + mb(heapQueried));
        line("");

        // ----- freshness
        freshness(sums.get(0), oldProvinces);

        line("");
        line("Load average at the end: " + loadAverage() + ".");
        String text = report.toString();
        System.out.println(text);
        String out = System.getProperty("bench.out", "target/bench/analytics.md");
        try {
            Path path = Path.of(out);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        indicatorData.reset();
        if (mismatches > 0) {
            throw new AssertionError(mismatches + " answers differ between memory and SQL; see " + out);
        }
    }

    /**
     * Not a timing: a post-reform province's total for a pre-reform year against the total of the provinces it took
     * over (FULL links between provinces), both from the aggregate. They differ where old communes went, wholly or
     * split (PARTIAL links, by their fraction), to a province other than their old province's successor.
     */
    void reformTotals(List<Indicator> sums, List<AdminUnit> newProvinces, Period year) {
        Indicator ind = sums.get(0);
        int differ = 0;
        double successorTotal = 0;
        double predecessorTotal = 0;
        String worst = "";
        double worstShare = 0;
        for (AdminUnit p : newProvinces) {
            double mine = analytics.value(ind.id(), p.id(), year).map(a -> a.value().doubleValue()).orElse(0.0);
            double theirs = 0;
            for (var l : units.predecessors(p.id())) {
                if (l.share() == vn.dxgov.units.UnitLink.Share.FULL
                        && l.predecessor().level() == vn.dxgov.units.UnitLevel.PROVINCE) {
                    theirs += analytics.value(ind.id(), l.predecessor().id(), year).map(a -> a.value().doubleValue()).orElse(0.0);
                }
            }
            successorTotal += mine;
            predecessorTotal += theirs;
            double share = theirs == 0 ? 0 : Math.abs(mine - theirs) / theirs;
            if (share > 1e-6) {
                differ++;
                if (share > worstShare) {
                    worstShare = share;
                    worst = p.name();
                }
            }
        }
        int split = count("""
                select count(distinct l.predecessor_id) from admin_unit_successor l join admin_unit u on u.id = l.predecessor_id
                where l.share_kind = 'PARTIAL' and u.level = 'COMMUNE'""");
        line("Across the reform (a check, not a timing): for " + year.code() + " and one SUM indicator, " + differ + " of "
                + newProvinces.size() + " post-reform provinces differ by more than 1e-6 from the provinces they took over"
                + (worst.isEmpty() ? "" : String.format(Locale.ROOT, ", by at most %.2f%% (%s)", 100 * worstShare, worst))
                + "; the country's total is "
                + String.format(Locale.ROOT, "%.3f after the reform against %.3f before", successorTotal, predecessorTotal)
                + " (" + split + " old communes were split among new communes, their values shared by the links' fractions).");
        line("");
    }

    record Question(Indicator indicator, AdminUnit unit) {
    }

    interface Answer {
        Map<String, Double> get(Question q);
    }

    void compare(String name, Supplier<Question> questions, Answer memory, Answer sql) {
        List<Question> qs = new ArrayList<>();
        for (int i = 0; i < warmup + samples; i++) {
            qs.add(questions.get());
        }
        // warm both (JIT, plan cache, PostgreSQL buffers), then measure them interleaved on the same questions
        for (int i = 0; i < warmup; i++) {
            memory.get(qs.get(i));
            sql.get(qs.get(i));
        }
        long[] mem = new long[samples];
        long[] db = new long[samples];
        for (int i = 0; i < samples; i++) {
            Question q = qs.get(warmup + i);
            long a = System.nanoTime();
            Map<String, Double> m = memory.get(q);
            long b = System.nanoTime();
            Map<String, Double> s = sql.get(q);
            long c = System.nanoTime();
            mem[i] = b - a;
            db[i] = c - b;
            if (!same(m, s)) {
                mismatches++;
                if (mismatches <= 5) {
                    System.out.println("MISMATCH " + name + " " + q + "\n memory " + m + "\n sql    " + s);
                }
            }
        }
        Arrays.sort(mem);
        Arrays.sort(db);
        double mMed = pct(mem, 50);
        double sMed = pct(db, 50);
        line("| " + name + " | " + ms(mMed) + " | " + ms(pct(mem, 95)) + " | " + ms(sMed) + " | " + ms(pct(db, 95))
                + " | " + String.format(Locale.ROOT, "%.1f×", sMed / mMed) + " |");
    }

    void freshness(Indicator indicator, List<AdminUnit> provinces) {
        Period year = Period.parse(String.valueOf(lastYear));
        long[] writeNs = new long[freshWrites];
        long[] seenNs = new long[freshWrites];
        int visibleOnReturn = 0;
        for (int i = 0; i < freshWrites; i++) {
            AdminUnit province = pick(provinces);
            AdminUnit district = pick(units.children(province.id()));
            List<AdminUnit> cs = units.children(district.id());
            if (cs.isEmpty()) {
                cs = List.of(district);
            }
            AdminUnit commune = pick(cs);
            double before = analytics.value(indicator.id(), province.id(), year).map(a -> a.value().doubleValue()).orElse(0.0);
            double old = analytics.value(indicator.id(), commune.id(), year).map(a -> a.value().doubleValue()).orElse(0.0);
            double delta = 1000 + i;
            double expected = before + delta;
            AtomicLong seen = new AtomicLong();
            Thread reader = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    Optional<Aggregate> a = analytics.value(indicator.id(), province.id(), year);
                    if (a.isPresent() && Math.abs(a.get().value().doubleValue() - expected) < 1e-6) {
                        seen.set(System.nanoTime());
                        return;
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000);
                }
            }, "bench-reader");
            reader.start();
            long start = System.nanoTime();
            store.write(List.of(new DataValueInput(indicator.id(), commune.id(), String.valueOf(lastYear),
                    BigDecimal.valueOf(old + delta), null, null, null)), ValueSource.API, null, false);
            long returned = System.nanoTime();
            double after = analytics.value(indicator.id(), province.id(), year).map(a -> a.value().doubleValue()).orElse(0.0);
            if (Math.abs(after - expected) < 1e-6) {
                visibleOnReturn++;
            }
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reader.interrupt();
            writeNs[i] = returned - start;
            seenNs[i] = seen.get() == 0 ? Long.MAX_VALUE : seen.get() - start;
        }
        Arrays.sort(writeNs);
        Arrays.sort(seenNs);
        line("Freshness: " + freshWrites + " writes of one commune's value through DataValueStore.write (one transaction"
                + " each, audited and versioned), a second thread polling the province's aggregate (every ~20 µs) until it shows the new sum.");
        line("");
        line("| measure | median | p95 | max |");
        line("|---|---:|---:|---:|");
        line("| write() call, start to return (commit included) | " + ms(pct(writeNs, 50)) + " | " + ms(pct(writeNs, 95))
                + " | " + ms(writeNs[writeNs.length - 1]) + " |");
        line("| start of write() to the province's aggregate showing it (other thread) | " + ms(pct(seenNs, 50)) + " | "
                + ms(pct(seenNs, 95)) + " | " + ms(seenNs[seenNs.length - 1]) + " |");
        line("");
        line("Visible to a read made right after write() returned: " + visibleOnReturn + " of " + freshWrites + ".");
    }

    // ----- helpers

    static Map<String, Double> seriesOf(List<Analytics.Point> points) {
        Map<String, Double> out = new HashMap<>();
        for (Analytics.Point p : points) {
            out.put(p.period().code(), p.value().value().doubleValue());
        }
        return out;
    }

    static Map<String, Double> toMap(JdbcClient.StatementSpec spec) {
        Map<String, Double> out = new HashMap<>();
        spec.query((rs, n) -> {
            BigDecimal v = rs.getBigDecimal(2);
            if (v != null) {
                out.put(rs.getString(1), v.doubleValue());
            }
            return null;
        }).list();
        return out;
    }

    static boolean same(Map<String, Double> a, Map<String, Double> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (var e : a.entrySet()) {
            double x = e.getValue();
            double y = b.get(e.getKey());
            if (Math.abs(x - y) > 1e-6 * Math.max(1, Math.abs(y))) {
                return false;
            }
        }
        return true;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String ms(double nanos) {
        if (nanos == Long.MAX_VALUE) {
            return "never";
        }
        double ms = nanos / 1e6;
        return ms >= 10 ? String.format(Locale.ROOT, "%.1f ms", ms)
                : ms >= 0.1 ? String.format(Locale.ROOT, "%.2f ms", ms) : String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
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

    /** The 1-, 5- and 15-minute load averages (Linux), to tell a quiet run from a busy one. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    void line(String s) {
        report.append(s).append('\n');
    }
}
