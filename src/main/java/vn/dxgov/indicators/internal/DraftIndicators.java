package vn.dxgov.indicators.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorDraft;
import vn.dxgov.indicators.IndicatorTypes.Direction;
import vn.dxgov.indicators.IndicatorTypes.PeriodAggregation;
import vn.dxgov.indicators.IndicatorTypes.UnitAggregation;
import vn.dxgov.indicators.IndicatorTypes.ValueType;
import vn.dxgov.shared.VietText;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.SplitLevel;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetSplit;
import vn.dxgov.targets.TargetsAdded;

/**
 * Every target gets a draft indicator, chosen from its kind, for the steering department to confirm: when targets
 * are added (inside the import's transaction, so a failed import leaves no indicator behind) and, at start, for
 * targets that have none yet (after the units and the seed plans).
 */
@Component
class DraftIndicators {

    private static final Logger log = LoggerFactory.getLogger(DraftIndicators.class);
    /** Longest indicator name made from a target's text. */
    static final int NAME_LENGTH = 160;

    private final JdbcIndicatorCatalog catalog;
    private final TargetCatalog targets;
    private final TransactionTemplate tx;

    DraftIndicators(JdbcIndicatorCatalog catalog, TargetCatalog targets, TransactionTemplate tx) {
        this.catalog = catalog;
        this.targets = targets;
        this.tx = tx;
    }

    @EventListener
    void onTargetsAdded(TargetsAdded event) {
        // the draft indicators belong to the plan's province, also when the application imports it (seed plans)
        event.targets().forEach(t -> createFor(t, event.provinceCode()));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    public void backfill() {
        int made = tx.execute(status -> {
            List<Target> without = targets.withoutIndicator();
            without.forEach(this::createFor);
            return without.size();
        });
        if (made > 0) {
            log.info("Draft indicators created for {} targets that had none", made);
        }
        int splits = tx.execute(status -> {
            List<Target> without = targets.compoundWithoutSplitIndicator();
            return without.stream().mapToInt(this::createForSplits).sum();
        });
        if (splits > 0) {
            log.info("Draft indicators created for {} splits of compound count targets", splits);
        }
    }

    /**
     * Creates and links the draft indicator of one target (unless it has one) and, for a compound count target
     * ("06 huyện ... và 300 xã ..."), one per split after the first.
     */
    Indicator createFor(Target t) {
        return createFor(t, null);
    }

    /** The same, the indicators owned by a province (null: the creating user's, see {@link JdbcIndicatorCatalog}). */
    Indicator createFor(Target t, String provinceCode) {
        Indicator indicator;
        if (t.indicatorId() != null) {
            indicator = catalog.find(t.indicatorId()).orElse(null);
        } else {
            indicator = catalog.insert(draftFor(t, code("T" + t.id())), true, provinceCode);
            targets.linkIndicator(t.id(), indicator.id());
        }
        createForSplits(t, provinceCode);
        return indicator;
    }

    /** The draft indicators of a compound count target's splits after the first that have none; how many were made. */
    int createForSplits(Target t) {
        return createForSplits(t, null);
    }

    int createForSplits(Target t, String provinceCode) {
        if (!t.compoundCount()) {
            return 0;
        }
        int made = 0;
        for (int i = 1; i < t.splits().size(); i++) {
            if (t.splits().get(i).indicatorId() == null) {
                Indicator created = catalog.insert(splitDraft(t, t.splits().get(i),
                        code("T" + t.id() + "-" + levelCode(t.splits().get(i).level()))), true, provinceCode);
                targets.linkSplitIndicator(t.id(), i, created.id());
                made++;
            }
        }
        return made;
    }

    /** The draft indicator of one split of a compound count target: a summed number of units of the split's level. */
    static IndicatorDraft splitDraft(Target t, TargetSplit split, String code) {
        boolean lowerIsBetter = split.comparison() == Comparison.AT_MOST || split.comparison() == Comparison.LESS_THAN;
        String word = split.level() == SplitLevel.DISTRICT ? "huyện" : "xã";
        String name = name("Số " + (split.label() == null || split.label().isBlank() ? word : split.label().trim())
                + " – " + t.text());
        String description = "Tạo tự động cho chỉ tiêu (phần cấp " + word + "): " + t.text();
        if (description.length() > 2000) {
            description = description.substring(0, 2000);
        }
        return new IndicatorDraft(code, name, word, ValueType.NUMBER, lowerIsBetter ? Direction.LOWER : Direction.HIGHER,
                UnitAggregation.SUM, PeriodAggregation.LAST, null, 0, description);
    }

    private static String levelCode(SplitLevel level) {
        return level == SplitLevel.DISTRICT ? "H" : level == SplitLevel.COMMUNE ? "X" : level.name();
    }

    private String code(String base) {
        String code = base;
        for (int i = 2; !catalog.codeFree(code, null); i++) {
            code = base + "-" + i;
        }
        return code;
    }

    /**
     * The default indicator of a target by kind: PERCENT a ratio (Σ numerators ÷ Σ denominators over units, the last
     * value of a period), COUNT a summed number, RANK a number where lower is better (the best rank over units),
     * GROWTH_RATE a yearly rate in %/năm (mean over units), MONEY a sum over units and periods, YES_NO 1/0 (the
     * share of units done). "At most"/"less than" targets of other kinds also make lower better.
     */
    static IndicatorDraft draftFor(Target t, String code) {
        boolean lowerIsBetter = t.comparison() == Comparison.AT_MOST || t.comparison() == Comparison.LESS_THAN;
        Direction direction = lowerIsBetter ? Direction.LOWER : Direction.HIGHER;
        String name = name(t.text());
        String description = "Tạo tự động cho chỉ tiêu: " + t.text();
        if (description.length() > 2000) {
            description = description.substring(0, 2000);
        }
        return switch (t.kind()) {
            case PERCENT -> new IndicatorDraft(code, name, "%", ValueType.RATIO, direction, UnitAggregation.RATIO,
                    PeriodAggregation.LAST, null, 1, description);
            case COUNT -> new IndicatorDraft(code, name, t.unit(), ValueType.NUMBER, direction, UnitAggregation.SUM,
                    PeriodAggregation.LAST, null, 0, description);
            case RANK -> new IndicatorDraft(code, name, "hạng", ValueType.NUMBER, Direction.LOWER, UnitAggregation.MIN,
                    PeriodAggregation.LAST, null, 0, description);
            case GROWTH_RATE -> new IndicatorDraft(code, name, "%/năm", ValueType.NUMBER, direction,
                    UnitAggregation.MEAN, PeriodAggregation.LAST, null, 1, description);
            case MONEY -> new IndicatorDraft(code, name, t.unit(), ValueType.NUMBER, direction, UnitAggregation.SUM,
                    PeriodAggregation.SUM, null, 2, description);
            case YES_NO -> new IndicatorDraft(code, name, null, ValueType.YES_NO, Direction.HIGHER,
                    UnitAggregation.MEAN, PeriodAggregation.LAST, null, 0, description);
        };
    }

    /** The target's text on one line, cut at a word boundary with "…" when longer than {@link #NAME_LENGTH}. */
    static String name(String text) {
        String clean = VietText.clean(text == null ? "" : text).replaceAll("\\s+", " ").trim();
        clean = clean.replaceAll("[\\s.;:,]+$", "");
        if (clean.isEmpty()) {
            return "Chỉ số";
        }
        if (clean.length() <= NAME_LENGTH) {
            return Character.toUpperCase(clean.charAt(0)) + clean.substring(1);
        }
        int cut = clean.lastIndexOf(' ', NAME_LENGTH - 1);
        if (cut < NAME_LENGTH / 2) {
            cut = NAME_LENGTH - 1;
        }
        String shortened = clean.substring(0, cut).replaceAll("[\\s.;:,(\\-–]+$", "");
        return Character.toUpperCase(shortened.charAt(0)) + shortened.substring(1) + "…";
    }
}
