package vn.dxgov.opendata.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.dxgov.assessment.Assessments.Round;
import vn.dxgov.assessment.RoundPublished;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValuesChanged;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorChanged;
import vn.dxgov.opendata.Dataset;
import vn.dxgov.opendata.DatasetTable;
import vn.dxgov.opendata.OpenData;
import vn.dxgov.plans.Plan;
import vn.dxgov.units.UnitsChanged;

/**
 * The catalogue of public datasets, read as a visitor ({@link AsVisitor}). Describing a dataset means building its
 * rows (its row count, "last updated" and period come from them), so the list is kept as a snapshot, rebuilt when
 * what it is made of changed: a plan published or superseded, a round published (both seen in the cheap lists that
 * key the snapshot), a data value or an indicator changed (counted by the events after their commit), or after
 * {@link #MAX_AGE} for anything else (a published plan's target corrected). Downloads build their one table afresh.
 */
@Service
class OpenDataService implements OpenData {

    /** The longest a snapshot is used without looking again; the same as the files' Cache-Control max-age. */
    static final Duration MAX_AGE = Duration.ofSeconds(300);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OpenDataService.class);

    private final PlanDatasets plans;
    private final IndicatorDatasets indicators;
    private final RoundDatasets rounds;
    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot snapshot;

    /** The catalogue at one moment, with what it was built from. */
    private record Snapshot(List<Object> key, long builtAt, List<Dataset> datasets, Map<String, Dataset> byId,
                            Map<String, DatasetTable> tables) {
    }

    OpenDataService(PlanDatasets plans, IndicatorDatasets indicators, RoundDatasets rounds, Clock clock) {
        this.plans = plans;
        this.indicators = indicators;
        this.rounds = rounds;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DataValuesChanged event) {
        changes.incrementAndGet();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(IndicatorChanged event) {
        changes.incrementAndGet();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RoundPublished event) {
        changes.incrementAndGet();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UnitsChanged event) {
        indicators.forgetUnits();
        changes.incrementAndGet();
    }

    @Override
    public List<Dataset> datasets() {
        return AsVisitor.read(() -> current().datasets());
    }

    @Override
    public Optional<Dataset> dataset(String id) {
        return AsVisitor.read(() -> Optional.ofNullable(current().byId().get(id)));
    }

    @Override
    public Optional<DatasetTable> table(String id) {
        return AsVisitor.read(() -> {
            Snapshot s = current();
            if (!s.byId().containsKey(id)) {
                return Optional.empty();
            }
            if (id.startsWith("indicator-")) {
                return Optional.ofNullable(build(id)); // one query; the tables a snapshot keeps stay small
            }
            // a plan's targets are judged (seconds for the seeds): once per snapshot, for the three formats
            DatasetTable t = s.tables().computeIfAbsent(id, this::build);
            return Optional.ofNullable(t);
        });
    }

    private DatasetTable build(String id) {
        int dash = id.indexOf('-');
        long key = Long.parseLong(id.substring(dash + 1));
        LocalDate today = LocalDate.now(clock);
        return switch (id.substring(0, dash)) {
            case "plan" -> plans.find(key).map(p -> plans.table(p, today)).orElse(null);
            case "indicator" -> indicators.find(key).map(i -> indicators.table(i,
                    indicators.approved(List.of(key)).getOrDefault(key, List.of()))).orElse(null);
            case "round" -> rounds.find(key).map(rounds::table).orElse(null);
            default -> null;
        };
    }

    private Snapshot current() {
        List<Plan> published = plans.published();
        List<Round> ranked = rounds.published();
        List<Object> key = List.of(changes.get(),
                published.stream().map(p -> p.id() + "@" + p.publishedAt()).toList(),
                ranked.stream().map(r -> r.id() + "@" + r.publishedAt()).toList());
        Snapshot s = snapshot;
        long now = clock.millis();
        if (s != null && s.key().equals(key) && now - s.builtAt() < MAX_AGE.toMillis()) {
            return s;
        }
        s = build(key, published, ranked, now);
        snapshot = s;
        return s;
    }

    private Snapshot build(List<Object> key, List<Plan> published, List<Round> ranked, long now) {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        List<Dataset> out = new ArrayList<>();
        for (Plan p : published) {
            out.add(plans.describe(p, today));
        }
        Map<Long, List<DataValue>> approved = indicators.approved(List.of());
        for (Indicator i : indicators.publicOnes(approved, plans.indicatorsOf(published))) {
            out.add(indicators.table(i, approved.get(i.id())).dataset());
        }
        for (Round r : ranked) {
            out.add(rounds.table(r).dataset());
        }
        Map<String, Dataset> byId = new LinkedHashMap<>();
        out.forEach(d -> byId.put(d.id(), d));
        LOG.info("Open data catalogue built: {} datasets in {} ms", out.size(), (System.nanoTime() - started) / 1_000_000);
        return new Snapshot(key, now, List.copyOf(out), byId, new java.util.concurrent.ConcurrentHashMap<>());
    }
}
