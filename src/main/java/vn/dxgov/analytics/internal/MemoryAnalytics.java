package vn.dxgov.analytics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.dxgov.analytics.Aggregate;
import vn.dxgov.analytics.Analytics;
import vn.dxgov.analytics.ValueView;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.DataValuesChanged;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorChanged;
import vn.dxgov.shared.Period;

/**
 * The in-memory aggregate: every approved official figure as a cell of a per-(indicator, unit) {@link Series}, built
 * from the database before the web server takes requests and kept fresh by the {@link DataValuesChanged} events of
 * committed writes and workflow steps. Reads never lock: each series is immutable and replaced whole on a change.
 *
 * <p>Submitted, not yet approved figures are kept apart ({@code pending}, usually few) and laid over the approved
 * cells only when the steering department asks for the {@link ValueView#PENDING} preview. Drafts and co-operating
 * agencies' contributions never enter.
 *
 * <p>Its event listeners stay synchronous {@code @TransactionalEventListener(AFTER_COMMIT)}, not
 * {@code @ApplicationModuleListener} (asynchronous, like assignments' RoundFeed): a write returns only once the
 * aggregate shows it, so the page or API answer that follows a save, an import or an approval reads the new figures
 * (docs/PERFORMANCE.md, "Fresh on commit": 100 of 100 writes were in the province's total when {@code write()}
 * returned; the analytics and reporting tests read right after writing). Asynchronous, a reader could see the old
 * total after "saved". They are not stored in the event publication registry either: nothing needs replaying, since
 * the aggregate is rebuilt from the database at every start ({@link #reload()}).
 */
// size: the aggregate's one lock-free state (columns, pending, kept answers) with the events that change it; its parts share that state
@Service
class MemoryAnalytics implements Analytics, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(MemoryAnalytics.class);

    /** How the last build went, for logs, the benchmark and monitoring. */
    record BuildStats(long cells, long series, long millis, long bytes) {
    }

    private final DataValueStore store;
    private final IndicatorCatalog catalog;
    private final UnitGraph graph;
    /** indicator id → unit id → series of approved figures; replaced whole by a reload. */
    private volatile Map<Long, IndicatorCells> cells = new ConcurrentHashMap<>();
    /** indicator id → unit id → series of submitted, not yet approved figures (NaN: none); replaced by a reload. */
    private volatile Map<Long, Map<Long, Series>> pending = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, IndicatorDef> defs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> codes = new ConcurrentHashMap<>();
    /**
     * The pre-aggregate ({@link Cube}): per indicator and period, the entries of the units with units below them and
     * the published answers for a level of units (all provinces, all communes of a province), so that asking again is
     * a lookup; a write updates the entries resting on its cell and the answers' parts naming them (never a
     * recompute of the indicator), a reform or an indicator change drops them. Derived indicators and the preview are
     * not kept. At most {@link #MAX_CUBES} (indicator, period) pairs, then they start again from empty.
     */
    private final ConcurrentHashMap<Long, Cubes> levels = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger cubeCount = new java.util.concurrent.atomic.AtomicInteger();
    static final int MAX_CUBES = 2_048;

    /** The cubes of one indicator; its monitor serialises their changes (writes, and readers on a miss). */
    private static final class Cubes {
        final ConcurrentHashMap<Integer, Cube> byPeriod = new ConcurrentHashMap<>();
    }

    @SuppressWarnings("unchecked")
    private <T> T level(IndicatorDef d, int period, Object key, java.util.function.Function<Cube, T> compute) {
        Cubes of = levels.get(d.id());
        Cube cube = of == null ? null : of.byPeriod.get(period);
        Object found = cube == null ? null : cube.answers.get(key);
        if (found != null) {
            return (T) found;
        }
        of = levels.computeIfAbsent(d.id(), k -> new Cubes());
        synchronized (of) {
            cube = of.byPeriod.get(period);
            if (cube == null) {
                if (cubeCount.incrementAndGet() > MAX_CUBES) {
                    cubeCount.set(0);
                    levels.clear();
                    levels.put(d.id(), of);
                    of.byPeriod.clear();
                }
                cube = new Cube(d, period, graph);
                of.byPeriod.put(period, cube);
            }
            found = cube.answers.get(key);
            if (found == null) {
                found = compute.apply(cube);
                cube.answers.put(key, found);
            }
            return (T) found;
        }
    }

    /** Cubes kept and their entries, for the benchmark's memory count. */
    long[] cubeSizes() {
        long cubes = 0;
        long entries = 0;
        long parts = 0;
        for (Cubes of : levels.values()) {
            synchronized (of) {
                for (Cube c : of.byPeriod.values()) {
                    cubes++;
                    entries += c.entries();
                    for (Object o : c.answers.values()) {
                        parts += o instanceof Breakdown b ? b.parts().size() + 1 : ((List<?>) o).size();
                    }
                }
            }
        }
        return new long[]{cubes, entries, parts};
    }

    private final ReentrantReadWriteLock reloading = new ReentrantReadWriteLock();
    private final Map<String, Integer> periodKeys = new ConcurrentHashMap<>();
    private volatile BuildStats stats = new BuildStats(0, 0, 0, 0);

    private final vn.dxgov.units.AdminUnits units;
    /** The heap the aggregate may count on (bytes; 0: the JVM's maximum), for the guard and its test. */
    private final long heapLimit;
    private final int buildThreads;

    MemoryAnalytics(DataValueStore store, IndicatorCatalog catalog, UnitGraph graph, vn.dxgov.units.AdminUnits units,
                    @org.springframework.beans.factory.annotation.Value("${dxgov.analytics.heap-limit:0}") long heapLimit,
                    @org.springframework.beans.factory.annotation.Value("${dxgov.analytics.build-threads:2}") int buildThreads) {
        this.heapLimit = heapLimit;
        this.buildThreads = buildThreads;
        this.store = store;
        this.catalog = catalog;
        this.graph = graph;
        this.units = units;
    }

    /** A reform imported or the shares of a split unit changed: forget the links (values stay keyed by unit). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onUnitsChanged(vn.dxgov.units.UnitsChanged event) {
        graph.clear();
        levels.clear();
        log.info("Analytics: units changed ({}), succession links read again", event.reason());
    }

    @Override
    public void afterSingletonsInstantiated() {
        reload();
    }

    // size: the build in its order (heap guard, counts, columns per indicator on the build threads, swap); split, each step would need the others' locals
    @Override
    public void reload() {
        reloading.writeLock().lock();
        try {
            long start = System.nanoTime();
            defs.clear();
            codes.clear();
            for (Indicator i : catalog.list(null)) {
                remember(i);
            }
            Map<Long, Long> counts = store.countCells();
            long counted = System.nanoTime();
            HeapGuard.check(counts, id -> {
                IndicatorDef d = defs.get(id);
                return d != null && d.ratio();
            }, bytes(cells), heapLimit);
            Map<Long, IndicatorCells> built = new ConcurrentHashMap<>();
            Map<Long, Map<Long, Series>> builtPending = new ConcurrentHashMap<>();
            java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong series = new java.util.concurrent.atomic.AtomicLong();
            // one indicator per core at a time: each read is ordered by unit (the unique index), so its columns are
            // filled in place without a per-value object or a sort of everything
            java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(
                    Math.max(1, Math.min(buildThreads, Runtime.getRuntime().availableProcessors())));
            try {
                pool.submit(() -> counts.entrySet().parallelStream().forEach(e -> {
                    IndicatorCells.Builder b = new IndicatorCells.Builder((int) Math.min(Integer.MAX_VALUE - 8, e.getValue()));
                    Map<Long, Series.Builder> submitted = new HashMap<>();
                    store.forEachCell(e.getKey(), (unit, period, version, demo, av, an, ad, waits, v, n, d) -> {
                        Integer key = key(period);
                        if (key == null) {
                            return;
                        }
                        boolean approvedRatio = !Double.isNaN(an) && !Double.isNaN(ad);
                        if (!Double.isNaN(av)) {
                            b.add(unit, key, av, approvedRatio ? an : Double.NaN, approvedRatio ? ad : Double.NaN,
                                    version, demo);
                        }
                        if (waits) {
                            boolean ratio = !Double.isNaN(n) && !Double.isNaN(d);
                            submitted.computeIfAbsent(unit, k -> new Series.Builder())
                                    .add(key, v, ratio ? n : Double.NaN, ratio ? d : Double.NaN, version, demo);
                        }
                    });
                    IndicatorCells cellsOf = b.build();
                    count.addAndGet(cellsOf.cellCount());
                    series.addAndGet(cellsOf.units());
                    built.put(e.getKey(), cellsOf);
                    if (!submitted.isEmpty()) {
                        ConcurrentHashMap<Long, Series> m = new ConcurrentHashMap<>();
                        submitted.forEach((unit, sb) -> m.put(unit, sb.build()));
                        builtPending.put(e.getKey(), m);
                    }
                })).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Analytics build interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdown();
            }
            graph.clear();
            cells = built;
            pending = builtPending;
            levels.clear();
            stats = new BuildStats(count.get(), series.get(), (System.nanoTime() - start) / 1_000_000, bytes(built));
            log.info("Analytics aggregate built: {} values in {} series of {} indicators, {} MB in columns, {} ms "
                            + "(of which {} ms counting or estimating the values for the heap guard)",
                    count.get(), series.get(), built.size(), stats.bytes() >> 20, stats.millis(),
                    (counted - start) / 1_000_000);
        } finally {
            reloading.writeLock().unlock();
        }
    }

    private static long bytes(Map<Long, IndicatorCells> cells) {
        long b = 0;
        for (IndicatorCells c : cells.values()) {
            b += c.bytes();
        }
        return b;
    }

    BuildStats stats() {
        return stats;
    }

    /**
     * Applies committed changes. A plain listener that defers itself to after the commit (not a
     * {@code @TransactionalEventListener}): Spring Modulith's event publication registry wraps every transactional
     * listener and, for one it did not register, looks for its publication by the event serialized to JSON; for a
     * batch of 50,000 values that is a JSON of megabytes and a DELETE with it on every write, for nothing.
     */
    @org.springframework.context.event.EventListener
    void onValuesChanged(DataValuesChanged event) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            apply(event);
                        }
                    });
        }
        // without a transaction nothing was written (the store writes only in one)
    }

    private void apply(DataValuesChanged event) {
        reloading.readLock().lock();
        try {
            for (DataValue v : event.changed()) {
                apply(v);
            }
            for (DataValue v : event.deleted()) {
                apply(v);
            }
        } finally {
            reloading.readLock().unlock();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onIndicatorChanged(IndicatorChanged event) {
        IndicatorDef old = defs.remove(event.indicatorId());
        levels.remove(event.indicatorId());
        if (old != null) {
            codes.remove(old.indicator().code(), old.id());
        }
        if (event.indicator() != null) {
            // read it again: a later change may have committed meanwhile
            catalog.find(event.indicatorId()).ifPresent(this::remember);
        }
    }

    /**
     * A line as it is after a committed change: its approved figure into the approved cells (NaN when it has none),
     * its submitted figure into the pending cells (NaN unless it waits for a decision). Contributions never count.
     */
    private void apply(DataValue v) {
        Integer key = key(v.period());
        if (key == null || v.contribution()) {
            return;
        }
        double value = v.hasApproved() ? v.approvedValue().doubleValue() : Double.NaN;
        double num = v.hasApproved() ? approvedNum(v) : Double.NaN;
        double den = v.hasApproved() ? approvedDen(v) : Double.NaN;
        // one write at a time per indicator, so that merging its changed units into new columns loses none
        cells.compute(v.indicatorId(), (k, c) -> {
            IndicatorCells of = c == null ? IndicatorCells.empty() : c;
            of.set(v.unitId(), key, value, num, den, v.version(), v.demo());
            return of.compactedIfWorth();
        });
        // after the cells: the entries resting on this cell and the answers naming them, under the indicator's lock
        // (a reader filling a cube takes it too, so it either saw the new cells or is updated here)
        Cubes of = levels.get(v.indicatorId());
        if (of != null) {
            synchronized (of) {
                Aggregator a = aggregator();
                for (Cube c : of.byPeriod.values()) {
                    if (c.covers(key)) {
                        c.changed(a, v.unitId(), x -> publish(x, false));
                    }
                }
            }
        }
        boolean waits = v.pending();
        Map<Long, Series> submitted = waits ? pending.computeIfAbsent(v.indicatorId(), k -> new ConcurrentHashMap<>())
                : pending.get(v.indicatorId());
        if (submitted != null) {
            submitted.compute(v.unitId(), (u, s) -> (s == null ? Series.EMPTY : s).with(key,
                    waits ? v.value().doubleValue() : Double.NaN, waits ? num(v) : Double.NaN,
                    waits ? den(v) : Double.NaN, v.version(), v.demo()));
        }
    }

    private Integer key(String code) {
        Integer k = periodKeys.get(code);
        if (k == null) {
            try {
                k = PeriodKey.of(Period.parse(code));
            } catch (IllegalArgumentException e) {
                log.warn("Data value with an unreadable period {} left out of the aggregate", code);
                return null;
            }
            periodKeys.put(code, k);
        }
        return k;
    }

    private static double approvedNum(DataValue v) {
        return v.approvedNumerator() == null || v.approvedDenominator() == null ? Double.NaN
                : v.approvedNumerator().doubleValue();
    }

    private static double approvedDen(DataValue v) {
        return v.approvedNumerator() == null || v.approvedDenominator() == null ? Double.NaN
                : v.approvedDenominator().doubleValue();
    }

    private static double num(DataValue v) {
        return v.numerator() == null || v.denominator() == null ? Double.NaN : v.numerator().doubleValue();
    }

    private static double den(DataValue v) {
        return v.numerator() == null || v.denominator() == null ? Double.NaN : v.denominator().doubleValue();
    }

    private void remember(Indicator i) {
        IndicatorDef d = IndicatorDef.of(i);
        defs.put(i.id(), d);
        codes.put(i.code().toUpperCase(java.util.Locale.ROOT), i.id());
    }

    IndicatorDef def(long indicatorId) {
        IndicatorDef d = defs.get(indicatorId);
        if (d == null) {
            Optional<Indicator> found = catalog.find(indicatorId);
            if (found.isEmpty()) {
                return null;
            }
            remember(found.get());
            d = defs.get(indicatorId);
        }
        return d;
    }

    private IndicatorDef defByCode(String code) {
        Long id = codes.get(code);
        if (id == null) {
            Optional<Indicator> found = catalog.findByCode(code);
            if (found.isEmpty()) {
                return null;
            }
            remember(found.get());
            id = found.get().id();
        }
        return def(id);
    }

    private Aggregator aggregator() {
        return new Aggregator(cells, graph, this::defByCode);
    }

    /** The approved cells with the submitted ones laid over them (the steering department's preview). */
    private Aggregator previewAggregator() {
        return new Aggregator(new PendingCells(cells, pending), graph, this::defByCode);
    }

    // ----- Analytics

    @Override
    public Optional<Aggregate> value(long indicatorId, long unitId, Period period, ValueView view) {
        IndicatorDef d = def(indicatorId);
        if (d == null) {
            return Optional.empty();
        }
        Aggregator.Agg approved = aggregator().value(d, unitId, period);
        if (view != ValueView.PENDING) {
            return Optional.ofNullable(publish(approved, false));
        }
        Aggregator.Agg preview = previewAggregator().value(d, unitId, period);
        return Optional.ofNullable(publish(preview, differs(approved, preview)));
    }

    @Override
    public List<Point> series(long indicatorId, long unitId, Period.Type type, int fromYear, int toYear, ValueView view) {
        IndicatorDef d = def(indicatorId);
        List<Point> out = new ArrayList<>();
        if (d == null || fromYear > toYear) {
            return out;
        }
        Aggregator a = aggregator();
        Aggregator p = view == ValueView.PENDING ? previewAggregator() : null;
        for (int y = fromYear; y <= toYear; y++) {
            for (int i = 1; i <= type.perYear(); i++) {
                Period period = Period.of(type, y, i);
                Aggregator.Agg approved = a.value(d, unitId, period);
                Aggregator.Agg shown = p == null ? approved : p.value(d, unitId, period);
                Aggregate v = publish(shown, p != null && differs(approved, shown));
                if (v != null) {
                    out.add(new Point(period, v));
                }
            }
        }
        return out;
    }

    @Override
    public Breakdown breakdown(long indicatorId, long unitId, vn.dxgov.units.UnitLevel level, Period period,
                               ValueView view) {
        IndicatorDef d = def(indicatorId);
        if (d != null && view != ValueView.PENDING) {
            if (d.derived()) {
                return computeBreakdown(d, unitId, level, period, view);
            }
            return level(d, PeriodKey.of(period), new Cube.BreakdownKey(unitId, level), cube -> {
                Aggregator a = aggregator();
                List<vn.dxgov.units.AdminUnit> below = units.below(unitId, level);
                List<Part> parts = new ArrayList<>(below.size());
                for (vn.dxgov.units.AdminUnit u : below) {
                    parts.add(new Part(u, publish(cube.value(a, u.id()), false)));
                }
                return new Breakdown(publish(cube.value(a, unitId), false), List.copyOf(parts));
            });
        }
        return computeBreakdown(d, unitId, level, period, view);
    }

    @Override
    public List<Part> provinces(long indicatorId, java.time.LocalDate on, Period period) {
        IndicatorDef d = def(indicatorId);
        if (d == null) {
            return units.provinces(on).stream().map(u -> new Part(u, null)).toList();
        }
        if (d.derived()) {
            Aggregator a = aggregator();
            return units.provinces(on).stream().map(u -> new Part(u, publish(a.value(d, u.id(), period), false)))
                    .toList();
        }
        return level(d, PeriodKey.of(period), new Cube.ProvincesKey(on), cube -> {
            Aggregator a = aggregator();
            return units.provinces(on).stream().map(u -> new Part(u, publish(cube.value(a, u.id()), false)))
                    .toList();
        });
    }

    @Override
    public vn.dxgov.units.AdminUnits units() {
        return units;
    }

    private Breakdown computeBreakdown(IndicatorDef d, long unitId, vn.dxgov.units.UnitLevel level, Period period,
                                       ValueView view) {
        List<vn.dxgov.units.AdminUnit> below = units.below(unitId, level);
        if (d == null) {
            return new Breakdown(null, below.stream().map(u -> new Part(u, null)).toList());
        }
        Aggregator a = aggregator();
        Aggregator p = view == ValueView.PENDING ? previewAggregator() : null;
        List<Part> parts = new ArrayList<>(below.size());
        for (vn.dxgov.units.AdminUnit u : below) {
            parts.add(new Part(u, shown(a, p, d, u.id(), period)));
        }
        return new Breakdown(shown(a, p, d, unitId, period), List.copyOf(parts));
    }

    private static Aggregate shown(Aggregator approved, Aggregator preview, IndicatorDef d, long unitId, Period period) {
        Aggregator.Agg a = approved.value(d, unitId, period);
        if (preview == null) {
            return publish(a, false);
        }
        Aggregator.Agg p = preview.value(d, unitId, period);
        return publish(p, differs(a, p));
    }

    /** Does the preview's figure differ from the approved one (so that it must be marked as pending)? */
    private static boolean differs(Aggregator.Agg approved, Aggregator.Agg preview) {
        if (approved == null || preview == null) {
            return approved != preview;
        }
        return Double.compare(approved.value(), preview.value()) != 0 || approved.cells() != preview.cells()
                || Double.compare(approved.num(), preview.num()) != 0 || Double.compare(approved.den(), preview.den()) != 0;
    }

    /** The raw double-precision value, for the benchmark (no BigDecimal on the hot path). */
    double rawValue(long indicatorId, long unitId, Period period) {
        IndicatorDef d = def(indicatorId);
        Aggregator.Agg a = d == null ? null : aggregator().value(d, unitId, period);
        return a == null ? Double.NaN : a.value();
    }

    private static Aggregate publish(Aggregator.Agg a, boolean pendingFigure) {
        if (a == null || Double.isNaN(a.value()) || Double.isInfinite(a.value())) {
            return null;
        }
        return new Aggregate(decimal(a.value()), a.hasRatio() ? decimal(a.num()) : null,
                a.hasRatio() ? decimal(a.den()) : null, a.cells(), a.demo(), a.carried(), a.apportioned(),
                pendingFigure);
    }

    static BigDecimal decimal(double d) {
        BigDecimal b = BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }
}
