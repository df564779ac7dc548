package vn.dxgov.demo.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.plans.Plan;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;
import vn.dxgov.units.UnitLink;

/**
 * The demo values no report carries, written directly as demo values of the plan's province: the 2021 baseline of
 * every series, the years no agency reported (targets without a lead, plans without a schedule) and the further
 * counts of compound targets; up to the last full year. Idempotent: a value the store has for the indicator, unit and
 * year already (an earlier start, a report) is left as it is, so a start on a later day adds only the missing years.
 */
@Component
class DemoValues {

    private static final Logger log = LoggerFactory.getLogger(DemoValues.class);

    private final DataValueStore values;
    private final AdminUnits units;

    DemoValues(DataValueStore values, AdminUnits units) {
        this.values = values;
        this.units = units;
    }

    /** Writes the values the reports did not ({@code reported}: "targetId|period" slots); how many were written. */
    int write(Plan plan, List<Target> measured, Map<Long, Indicator> byTarget,
              Map<Long, Map<Integer, DemoSeries.YearValue>> series, Set<String> reported, int lastYear) {
        Map<String, DataValueInput> inputs = new LinkedHashMap<>();
        for (Target t : measured) {
            Indicator indicator = byTarget.get(t.id());
            for (DemoSeries.YearValue v : series.get(t.id()).values()) {
                if (v.year() > lastYear || reported.stream().anyMatch(s -> s.startsWith(t.id() + "|" + v.year()))) {
                    continue;
                }
                // one value per indicator, unit and year (two targets may share an indicator)
                province(plan, LocalDate.of(v.year(), 12, 31)).ifPresent(u -> inputs.putIfAbsent(
                        indicator.id() + "|" + u.id() + "|" + v.year(), new DataValueInput(indicator.id(), u.id(),
                                String.valueOf(v.year()), v.value(), v.numerator(), v.denominator(), null)));
            }
        }
        // the further counts of a compound target ("06 huyện và 300 xã"): each split has its own indicator
        for (Target t : measured) {
            if (!t.compoundCount()) {
                continue;
            }
            for (int i = 1; i < t.splits().size(); i++) {
                Long splitIndicator = t.splitIndicatorId(i);
                if (splitIndicator == null) {
                    continue;
                }
                Map<Integer, DemoSeries.YearValue> splitSeries = DemoSeries.generate(DemoHistory.key(plan, t) + "|split" + i,
                        TargetKind.COUNT, t.splits().get(i).comparison() != null ? t.splits().get(i).comparison()
                                : t.comparison(), t.splits().get(i).value(), t.deadlineYear(), false,
                        DemoHistory.FIRST_YEAR, lastYear);
                for (DemoSeries.YearValue v : splitSeries.values()) {
                    province(plan, LocalDate.of(v.year(), 12, 31)).ifPresent(u -> inputs.putIfAbsent(
                            splitIndicator + "|" + u.id() + "|" + v.year(), new DataValueInput(splitIndicator, u.id(),
                                    String.valueOf(v.year()), v.value(), null, null, null)));
                }
            }
        }
        dropExisting(inputs);
        if (inputs.isEmpty()) {
            return 0;
        }
        try {
            return values.write(inputs.values(), ValueSource.DEMO, null, true).size();
        } catch (RuntimeException e) {
            log.warn("Demo values of plan #{} skipped: {}", plan.id(), e.getMessage());
            return 0;
        }
    }

    /** Leaves out the values the store has already (of any source: a real figure is never overwritten by the demo). */
    private void dropExisting(Map<String, DataValueInput> inputs) {
        if (inputs.isEmpty()) {
            return;
        }
        Collection<Long> indicators = inputs.values().stream().map(DataValueInput::indicatorId).distinct().toList();
        Collection<Long> unitIds = inputs.values().stream().map(DataValueInput::unitId).distinct().toList();
        Collection<String> periods = inputs.values().stream().map(DataValueInput::period).distinct().toList();
        Set<String> have = new HashSet<>();
        for (DataValue v : values.find(indicators, unitIds, periods)) {
            have.add(v.indicatorId() + "|" + v.unitId() + "|" + v.period());
        }
        inputs.keySet().removeIf(have::contains);
    }

    /** The plan's province on a day, followed through the 2025 reform when its code no longer exists then. */
    Optional<AdminUnit> province(Plan plan, LocalDate on) {
        if (plan.provinceCode() == null || plan.provinceCode().isBlank()) {
            return Optional.empty();
        }
        Optional<AdminUnit> found = units.find(plan.provinceCode(), on).filter(u -> u.level() == UnitLevel.PROVINCE);
        if (found.isPresent()) {
            return found;
        }
        Optional<AdminUnit> before = units.find(plan.provinceCode(), LocalDate.of(2025, 6, 30))
                .filter(u -> u.level() == UnitLevel.PROVINCE);
        return before.flatMap(u -> units.successors(u.id()).stream().filter(l -> l.share() == UnitLink.Share.FULL)
                .map(UnitLink::successor).filter(s -> s.validOn(on)).findFirst());
    }
}
