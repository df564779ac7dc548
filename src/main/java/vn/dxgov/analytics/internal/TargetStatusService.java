package vn.dxgov.analytics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.dxgov.analytics.Analytics;
import vn.dxgov.analytics.SplitAssessment;
import vn.dxgov.analytics.StatusAssessment;
import vn.dxgov.analytics.TargetStatus;
import vn.dxgov.analytics.TargetStatuses;
import vn.dxgov.analytics.ValueView;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.SplitLevel;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.targets.TargetSplit;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;

/** Target status from the yearly series the aggregate gives for the target's indicator and the unit. */
@Service
class TargetStatusService implements TargetStatuses {

    /** How many years before the day of the assessment a series is read (further back when the baseline is older). */
    static final int YEARS_BACK = 15;

    private final TargetCatalog targets;
    private final MemoryAnalytics analytics;
    private final AdminUnits units;

    TargetStatusService(TargetCatalog targets, MemoryAnalytics analytics, AdminUnits units) {
        this.targets = targets;
        this.analytics = analytics;
        this.units = units;
    }

    @Override
    public StatusAssessment assess(long targetId, long unitId, LocalDate asOf, ValueView view) {
        Target t = targets.find(targetId).orElseThrow(() -> ApiException.notFound("target", targetId));
        AdminUnit unit = units.find(unitId).orElseThrow(() -> ApiException.notFound("unit", unitId));
        return assess(t, unit, asOf == null ? LocalDate.now() : asOf, view);
    }

    @Override
    public List<StatusAssessment> assessAll(Collection<Long> targetIds, long unitId, LocalDate asOf, ValueView view) {
        AdminUnit unit = units.find(unitId).orElseThrow(() -> ApiException.notFound("unit", unitId));
        Map<Long, Target> byId = targets.findAll(targetIds).stream().collect(Collectors.toMap(Target::id, Function.identity()));
        List<StatusAssessment> out = new ArrayList<>();
        for (Long id : targetIds) {
            Target t = byId.get(id);
            if (t == null) {
                throw ApiException.notFound("target", id);
            }
            out.add(assess(t, unit, asOf == null ? LocalDate.now() : asOf, view));
        }
        return out;
    }

    StatusAssessment assess(Target t, AdminUnit unit, LocalDate asOf) {
        return assess(t, unit, asOf, ValueView.APPROVED);
    }

    /**
     * The judgement from the figures of a view; marked pending when a submitted, not yet approved figure entered it
     * (only in the steering department's preview).
     */
    StatusAssessment assess(Target t, AdminUnit unit, LocalDate asOf, ValueView view) {
        boolean[] pendingSeen = {false};
        StatusAssessment a = judge(t, unit, asOf, view == null ? ValueView.APPROVED : view, pendingSeen);
        return a.withPending(pendingSeen[0]);
    }

    private StatusAssessment judge(Target t, AdminUnit unit, LocalDate asOf, ValueView view, boolean[] pendingSeen) {
        if (t.compoundCount() && unit.level() == UnitLevel.PROVINCE) {
            return compound(t, unit, asOf, view, pendingSeen);
        }
        IndicatorDef def = t.indicatorId() == null ? null : analytics.def(t.indicatorId());
        if (def == null) {
            return new StatusAssessment(t.id(), unit.id(), TargetStatus.NO_DATA, t.baseline(), t.baselineYear(), null,
                    null, null, null, null, null, false, "Chỉ tiêu chưa gắn chỉ số đo lường.");
        }
        Indicator indicator = def.indicator();
        TargetSplit split = splitFor(t, unit.level());
        BigDecimal value = split != null ? split.value() : t.value();
        Comparison comparison = split != null && split.comparison() != null ? split.comparison() : t.comparison();
        int to = asOf.getYear();
        int from = t.baselineYear() == null ? to - YEARS_BACK : Math.max(to - 50, Math.min(to - YEARS_BACK, t.baselineYear()));
        List<StatusMethod.Point> points = new ArrayList<>();
        for (Analytics.Point p : analytics.series(indicator.id(), unit.id(), Period.Type.YEAR, from, to, view)) {
            points.add(new StatusMethod.Point(p.period().year(), p.value().value().doubleValue(), p.value().demo()));
            pendingSeen[0] |= p.value().pending();
        }
        boolean levels = t.kind() == TargetKind.GROWTH_RATE
                && (indicator.unit() == null || !indicator.unit().contains("%"));
        String unitText = t.kind() == TargetKind.COUNT || t.kind() == TargetKind.MONEY
                ? (t.unit() != null ? t.unit() : indicator.unit()) : indicator.unit();
        StatusMethod.Result r = StatusMethod.assess(new StatusMethod.Input(t.kind(), comparison,
                value == null ? null : value.doubleValue(), t.deadlineYear(),
                t.baseline() == null ? null : t.baseline().doubleValue(), t.baselineYear(), points, asOf, unitText, levels));
        return new StatusAssessment(t.id(), unit.id(), r.status(), t.baseline(), t.baselineYear(), decimal(r.latest(), 6),
                r.latestYear(), decimal(r.expected(), 4), decimal(r.forecast(), 4), decimal(r.low(), 4),
                decimal(r.high(), 4), r.demo(), r.explanation(), List.of(), decimal(r.afterDeadline(), 6),
                r.afterDeadlineYear());
    }

    /**
     * A compound count target for a province ("06 huyện ... và 300 xã ..."): every split judged on its own indicator
     * against its own value, on the years up to the deadline (each split shows its own value after the deadline);
     * the status is the worst of them ({@link #worst}), the figures are the first split's (the target's value), the
     * explanation names each split ("6 huyện: ...; 300 xã: ...").
     */
    private StatusAssessment compound(Target t, AdminUnit unit, LocalDate asOf, ValueView view, boolean[] pendingSeen) {
        List<SplitAssessment> parts = new ArrayList<>();
        for (int i = 0; i < t.splits().size(); i++) {
            TargetSplit split = t.splits().get(i);
            Long indicatorId = t.splitIndicatorId(i);
            IndicatorDef def = indicatorId == null ? null : analytics.def(indicatorId);
            String label = splitLabel(split);
            if (def == null) {
                parts.add(new SplitAssessment(split.level(), label, indicatorId, split.value(), TargetStatus.NO_DATA,
                        null, null, null, null, null, null, false, "Chưa gắn chỉ số đo lường."));
                continue;
            }
            Comparison comparison = split.comparison() != null ? split.comparison() : t.comparison();
            StatusMethod.Result r = StatusMethod.assess(new StatusMethod.Input(TargetKind.COUNT, comparison,
                    split.value().doubleValue(), t.deadlineYear(),
                    i == 0 && t.baseline() != null ? t.baseline().doubleValue() : null, i == 0 ? t.baselineYear() : null,
                    points(def.indicator().id(), unit.id(), t, asOf, view, pendingSeen), asOf, levelWord(split.level()), false));
            parts.add(new SplitAssessment(split.level(), label, def.indicator().id(), split.value(), r.status(),
                    decimal(r.latest(), 6), r.latestYear(), decimal(r.expected(), 4), decimal(r.forecast(), 4),
                    decimal(r.low(), 4), decimal(r.high(), 4), r.demo(), r.explanation(),
                    decimal(r.afterDeadline(), 6), r.afterDeadlineYear()));
        }
        SplitAssessment first = parts.get(0);
        TargetStatus status = worst(parts.stream().map(SplitAssessment::status).toList());
        String explanation = String.join("; ", parts.stream().map(p -> p.label() + ": " + lowerFirst(
                p.explanation().endsWith(".") ? p.explanation().substring(0, p.explanation().length() - 1) : p.explanation()))
                .toList()) + ".";
        return new StatusAssessment(t.id(), unit.id(), status, t.baseline(), t.baselineYear(), first.latest(),
                first.latestYear(), first.expected(), first.forecast(), first.forecastLow(), first.forecastHigh(),
                parts.stream().anyMatch(SplitAssessment::demo), explanation, parts, first.afterDeadline(),
                first.afterDeadlineYear());
    }

    /** Worst first: OFF_TRACK, NO_DATA, AT_RISK, ON_TRACK, ACHIEVED (ACHIEVED only when every split is). */
    static TargetStatus worst(List<TargetStatus> statuses) {
        List<TargetStatus> order = List.of(TargetStatus.OFF_TRACK, TargetStatus.NO_DATA, TargetStatus.AT_RISK,
                TargetStatus.ON_TRACK, TargetStatus.ACHIEVED);
        return statuses.stream().min(java.util.Comparator.comparingInt(order::indexOf)).orElse(TargetStatus.NO_DATA);
    }

    /** "6 huyện", "300 xã". */
    static String splitLabel(TargetSplit split) {
        return vn.dxgov.shared.Numbers.VI.rounded(split.value(), 1) + " " + levelWord(split.level());
    }

    private static String levelWord(SplitLevel level) {
        return level == SplitLevel.DISTRICT ? "huyện" : "xã";
    }

    private List<StatusMethod.Point> points(long indicatorId, long unitId, Target t, LocalDate asOf, ValueView view,
                                            boolean[] pendingSeen) {
        int to = asOf.getYear();
        int from = t.baselineYear() == null ? to - YEARS_BACK : Math.max(to - 50, Math.min(to - YEARS_BACK, t.baselineYear()));
        List<StatusMethod.Point> points = new ArrayList<>();
        for (Analytics.Point p : analytics.series(indicatorId, unitId, Period.Type.YEAR, from, to, view)) {
            points.add(new StatusMethod.Point(p.period().year(), p.value().value().doubleValue(), p.value().demo()));
            pendingSeen[0] |= p.value().pending();
        }
        return points;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** The value of a split target that applies to the unit's level ("80% cấp huyện" for a district). */
    static TargetSplit splitFor(Target t, UnitLevel level) {
        if (t.splits() == null || t.splits().isEmpty() || level == null) {
            return null;
        }
        SplitLevel wanted = SplitLevel.valueOf(level.name());
        return t.splits().stream().filter(s -> s.level() == wanted && s.value() != null).findFirst().orElse(null);
    }

    private static BigDecimal decimal(Double d, int scale) {
        if (d == null || d.isNaN() || d.isInfinite()) {
            return null;
        }
        BigDecimal b = BigDecimal.valueOf(d).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }
}
