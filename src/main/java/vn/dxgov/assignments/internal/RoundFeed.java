package vn.dxgov.assignments.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dxgov.assessment.RoundPublished;
import vn.dxgov.assignments.Assignments.FeedWrite;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.security.AuditLog;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.SplitLevel;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.targets.TargetSplit;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;

/**
 * Round results feed targets. When the assessment module publishes a round ({@link RoundPublished}, after its commit,
 * on another thread), on demand ({@code POST /api/v1/assignments/feed}, the "Cập nhật" button) and once at start for
 * rounds never fed (published before the event existed, or a delivery lost for good), the count targets of completed
 * units get one value per year with a published round of their level in their province: the number of units of that
 * level that reached the highest classification in published rounds up to that year (written for the province valid at
 * the end of the year, source {@link ValueSource#API}: another part of the system writes it, not a person's form).
 * Feeding is idempotent: it writes the same values again and records each round once ({@code assignment_round_feed}).
 *
 * <p>The targets fed: COUNT targets of the province's published provincial plans whose text says units "hoàn thành
 * chuyển đổi số" (seed 000 and 001: "06 huyện ... và 300 xã ... hoàn thành chuyển đổi số"), and targets linked to an
 * assignment decision. A compound count target ({@link Target#compoundCount()}: "06 huyện ... và 300 xã ...") is fed
 * per split: the district count into the target's indicator, the commune count into the commune split's indicator.
 * Another count target is fed at the level of the value it is judged by for the province (the split equal to its
 * value), else the unit of the target (huyện, xã).
 */
@Component
class RoundFeed {

    private static final Logger log = LoggerFactory.getLogger(RoundFeed.class);

    /** A target to feed: the indicator written (the target's, or a split's for a compound count), province and level. */
    record FeedTarget(Target target, long indicatorId, String provinceCode, UnitLevel level) {
    }

    private final Completions completions;
    private final PlanCatalog plans;
    private final TargetCatalog targets;
    private final DataValueStore values;
    private final AdminUnits units;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final boolean onPublish;
    private final boolean catchUpAtStart;

    RoundFeed(Completions completions, PlanCatalog plans, TargetCatalog targets, DataValueStore values, AdminUnits units,
              JdbcClient jdbc, PlatformTransactionManager transactions, AuditLog audit,
              @Value("${dxgov.assignments.feed.on-publish:true}") boolean onPublish,
              @Value("${dxgov.assignments.feed.catch-up:true}") boolean catchUpAtStart) {
        this.completions = completions;
        this.plans = plans;
        this.targets = targets;
        this.values = values;
        this.units = units;
        this.jdbc = jdbc;
        // each value, and then the rounds fed with the audit record, commits on its own, also under the listener's
        // transaction: a value refused by the data value store must not undo the others (REQUIRED would join the
        // listener's transaction, mark it rollback-only and lose every write of the round)
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.audit = audit;
        this.onPublish = onPublish;
        this.catchUpAtStart = catchUpAtStart;
    }

    /**
     * A round was published: feed its completions into the targets. After the publication's commit, on a thread of
     * the task executor, in a transaction of its own ({@link ApplicationModuleListener}). The event publication
     * registry keeps the delivery until this returns: when it throws (the database away, a bug) the delivery stays
     * incomplete (event_publication, status FAILED) and runs again at the next start or when resubmitted
     * ({@code IncompleteEventPublications}); a value the data value store refuses is an outcome, logged, not a failure.
     * Off with {@code dxgov.assignments.feed.on-publish=false} (the tests, whose contexts share one database).
     */
    @ApplicationModuleListener
    void on(RoundPublished event) {
        if (!onPublish) {
            return;
        }
        log.info("Round {} ({} {}) published: feeding the targets", event.roundId(), event.level(), event.year());
        run();
    }

    /**
     * At start, after the seed plans and assignments (order 20–50): feeds the targets once when a published round was
     * never fed (published before this listener existed, or its delivery failed and was deleted by hand). Off with
     * {@code dxgov.assignments.feed.catch-up=false}.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(60)
    void catchUpAtStart() {
        if (!catchUpAtStart) {
            return;
        }
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.warn("Round → target feed at start failed: {}", e.getMessage());
        }
    }

    /** Feeds the targets when a published round has not been fed yet; whether it did. */
    boolean catchUp() {
        Completions.Snapshot s = completions.read();
        List<Long> fed = jdbc.sql("select round_id from assignment_round_feed").query(Long.class).list();
        if (s.rounds().stream().anyMatch(r -> !fed.contains(r.id()))) {
            run();
            return true;
        }
        return false;
    }

    /** Writes the values now; returns one line per value considered. */
    synchronized List<FeedWrite> run() {
        Completions.Snapshot s = completions.read();
        List<FeedWrite> out = new ArrayList<>();
        for (FeedTarget f : feedTargets()) {
            SortedMap<Integer, Integer> byYear = Completions.cumulative(s, f.provinceCode(), f.level());
            for (Map.Entry<Integer, Integer> e : byYear.entrySet()) {
                out.add(write(f, e.getKey(), e.getValue()));
            }
        }
        int written = (int) out.stream().filter(w -> w.outcome().equals("written")).count();
        List<Long> newRounds = new ArrayList<>();
        tx.executeWithoutResult(st -> {
            for (Completions.RoundInfo r : s.rounds()) {
                int n = jdbc.sql("insert into assignment_round_feed (round_id, writes) values (?, ?) on conflict do nothing")
                        .params(r.id(), written).update();
                if (n > 0) {
                    newRounds.add(r.id());
                }
            }
            if (!newRounds.isEmpty() || !AssignmentAccess.system()) {
                audit.record("assignment.feed", "assignment_round_feed", newRounds.isEmpty() ? "-" : newRounds.toString(),
                        null, out);
            }
        });
        if (!newRounds.isEmpty()) {
            log.info("Published rounds {} fed into {} target values", newRounds, out.size());
        }
        return out;
    }

    private FeedWrite write(FeedTarget f, int year, int count) {
        Target t = f.target();
        AdminUnit province = units.find(f.provinceCode(), LocalDate.of(year, 12, 31)).orElse(null);
        if (province == null) {
            return new FeedWrite(t.id(), f.indicatorId(), 0, Integer.toString(year), BigDecimal.valueOf(count), f.level(),
                    "no province " + f.provinceCode() + " in " + year);
        }
        DataValueInput in = new DataValueInput(f.indicatorId(), province.id(), Integer.toString(year),
                BigDecimal.valueOf(count), null, null,
                "Số " + JdbcAssignments.levelName(f.level()) + " hoàn thành chuyển đổi số theo kết quả đánh giá đã công bố đến năm " + year);
        String outcome;
        try {
            tx.executeWithoutResult(st -> values.write(List.of(in), ValueSource.API, null, false));
            outcome = "written";
        } catch (ApiException e) {
            outcome = "refused: " + e.messageKey() + " " + String.join("; ", e.details());
            log.warn("Round → target feed: value of target {} for {} refused: {}", t.id(), year, outcome);
        }
        return new FeedWrite(t.id(), f.indicatorId(), province.id(), Integer.toString(year), BigDecimal.valueOf(count),
                f.level(), outcome);
    }

    /**
     * The count targets of completed units, one per target, or one per split of a compound count target ("06 huyện
     * ... và 300 xã ...": the district count into the target's indicator, the commune count into the commune split's).
     */
    List<FeedTarget> feedTargets() {
        Map<Long, List<FeedTarget>> out = new LinkedHashMap<>();
        for (Plan p : plans.list()) {
            if (!p.published() || p.provinceCode() == null || !provincial(p)) {
                continue;
            }
            for (Target t : targets.forPlan(p.id(), new TargetFilter(null, null, null, "hoàn thành chuyển đổi số"))) {
                add(out, t, p.provinceCode());
            }
        }
        List<Map<String, Object>> linked = jdbc.sql("select target_id, province_code from assignment_decision where target_id is not null")
                .query().listOfRows();
        for (Map<String, Object> row : linked) {
            targets.find(((Number) row.get("target_id")).longValue())
                    .ifPresent(t -> add(out, t, (String) row.get("province_code")));
        }
        return out.values().stream().flatMap(List::stream).toList();
    }

    private static void add(Map<Long, List<FeedTarget>> out, Target t, String provinceCode) {
        if (t.kind() != TargetKind.COUNT || t.indicatorId() == null || out.containsKey(t.id())) {
            return;
        }
        List<FeedTarget> feeds = new ArrayList<>();
        if (t.compoundCount()) {
            for (int i = 0; i < t.splits().size(); i++) {
                Long indicator = t.splitIndicatorId(i);
                if (indicator != null) {
                    feeds.add(new FeedTarget(t, indicator, provinceCode, UnitLevel.valueOf(t.splits().get(i).level().name())));
                }
            }
        } else {
            UnitLevel level = level(t);
            if (level != null) {
                feeds.add(new FeedTarget(t, t.indicatorId(), provinceCode, level));
            }
        }
        if (!feeds.isEmpty()) {
            out.put(t.id(), feeds);
        }
    }

    /** A plan of the province itself (Tỉnh ủy, UBND tỉnh), not of a city or district inside it. */
    static boolean provincial(Plan p) {
        String issuer = VietText.fold(p.issuer());
        return issuer.contains("tinh") && !issuer.contains("thanh pho") && !issuer.contains("huyen")
                && !issuer.contains("thi xa");
    }

    /** The level whose count the target is judged by for a province: its first split's, else its unit's. */
    static UnitLevel level(Target t) {
        if (t.splits() != null) {
            for (TargetSplit s : t.splits()) {
                if (s.value() != null && t.value() != null && s.value().compareTo(t.value()) == 0) {
                    if (s.level() == SplitLevel.DISTRICT) {
                        return UnitLevel.DISTRICT;
                    }
                    if (s.level() == SplitLevel.COMMUNE) {
                        return UnitLevel.COMMUNE;
                    }
                }
            }
        }
        String unit = VietText.fold(t.unit());
        if (unit.startsWith("huyen") || unit.startsWith("quan") || unit.startsWith("thi xa")) {
            return UnitLevel.DISTRICT;
        }
        if (unit.startsWith("xa") || unit.startsWith("phuong") || unit.startsWith("don vi cap xa")) {
            return UnitLevel.COMMUNE;
        }
        return null;
    }
}
