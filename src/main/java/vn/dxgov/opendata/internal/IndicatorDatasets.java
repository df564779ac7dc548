package vn.dxgov.opendata.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.opendata.Dataset;
import vn.dxgov.opendata.DatasetTable;
import vn.dxgov.opendata.DatasetTable.Type;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.VietText;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;

/**
 * The dataset of an indicator ({@code indicator-{id}}): its approved official figures, one row per administrative
 * unit and period, as stored (not aggregated: a province's figure is the one approved for the province). Only the
 * approved figure of a line counts (a figure submitted or being corrected after a reopening is never shown, the last
 * approved one is); co-operating agencies' contributions never. An indicator is public when it has at least one such
 * figure and is either behind a target of a published plan or confirmed by the steering department (a draft
 * indicator made for a plan still in review is not).
 */
@Component
class IndicatorDatasets {

    private final IndicatorCatalog indicators;
    private final DataValueStore values;
    private final AdminUnits units;
    private final Labels labels;
    /** Units by id: units change only with a reform, and the catalogue reads thousands of them. */
    private final Map<Long, Optional<AdminUnit>> unitCache = new ConcurrentHashMap<>();
    /** Province names by code, for the same reason. */
    private final Map<String, Optional<String>> provinceNames = new ConcurrentHashMap<>();

    IndicatorDatasets(IndicatorCatalog indicators, DataValueStore values, AdminUnits units, Labels labels) {
        this.indicators = indicators;
        this.values = values;
        this.units = units;
        this.labels = labels;
    }

    void forgetUnits() {
        unitCache.clear();
        provinceNames.clear();
    }

    /** The approved official figures of these indicators (all when empty), by indicator. */
    Map<Long, List<DataValue>> approved(Collection<Long> indicatorIds) {
        Map<Long, List<DataValue>> out = new HashMap<>();
        for (DataValue v : values.find(indicatorIds, List.of(), List.of())) {
            if (v.contribution() || !v.hasApproved()) {
                continue;
            }
            out.computeIfAbsent(v.indicatorId(), k -> new ArrayList<>()).add(v.approvedOnly());
        }
        return out;
    }

    /** The public indicators among those with approved figures: behind a published plan's target, or confirmed. */
    List<Indicator> publicOnes(Map<Long, List<DataValue>> approved, Set<Long> ofPublishedPlans) {
        return indicators.findAll(approved.keySet()).values().stream()
                .filter(i -> ofPublishedPlans.contains(i.id()) || !i.draft())
                .sorted(Comparator.comparing(Indicator::name, VietText.collator()))
                .toList();
    }

    Optional<Indicator> find(long id) {
        return indicators.find(id);
    }

    DatasetTable table(Indicator indicator, List<DataValue> lines) {
        record Row(AdminUnit unit, Period period, DataValue value) {
        }
        List<Row> sorted = new ArrayList<>();
        for (DataValue v : lines) {
            Optional<AdminUnit> unit = unitCache.computeIfAbsent(v.unitId(), units::find);
            if (unit.isPresent()) {
                sorted.add(new Row(unit.get(), Period.parse(v.period()), v));
            }
        }
        sorted.sort(Comparator.comparing((Row r) -> r.unit().level())
                .thenComparing(r -> r.unit().shortName(), VietText.collator())
                .thenComparing(r -> r.unit().code())
                .thenComparing(Row::period));
        List<DatasetTable.Column> columns = List.of(labels.column("unit_code", Type.TEXT),
                labels.column("unit_name", Type.TEXT), labels.column("unit_level", Type.TEXT),
                labels.column("period", Type.TEXT), labels.column("value", Type.NUMBER),
                labels.column("numerator", Type.NUMBER), labels.column("denominator", Type.NUMBER),
                labels.column("demo", Type.BOOLEAN));
        List<List<Object>> rows = new ArrayList<>();
        boolean anyDemo = false;
        Instant modified = null;
        LocalDate from = null;
        LocalDate to = null;
        for (Row r : sorted) {
            DataValue v = r.value();
            boolean demo = v.demo() || v.source() == ValueSource.DEMO;
            anyDemo |= demo;
            rows.add(java.util.Arrays.asList(r.unit().code(), r.unit().name(), r.unit().level().name(),
                    r.period().code(), v.value(), v.numerator(), v.denominator(), demo));
            Instant at = v.approvedAt() != null ? v.approvedAt() : v.updatedAt();
            if (at != null && (modified == null || at.isAfter(modified))) {
                modified = at;
            }
            from = from == null || r.period().start().isBefore(from) ? r.period().start() : from;
            to = to == null || r.period().end().isAfter(to) ? r.period().end() : to;
        }
        return new DatasetTable(describe(indicator, modified, from, to, anyDemo, rows.size()), columns, rows);
    }

    private Dataset describe(Indicator i, Instant modified, LocalDate from, LocalDate to, boolean demo, int rows) {
        String unit = i.unit() == null || i.unit().isBlank() ? "-" : i.unit();
        List<String> keywords = i.unit() == null || i.unit().isBlank() ? List.of() : List.of(i.unit());
        String province = i.provinceCode() == null ? null : provinceNames.computeIfAbsent(i.provinceCode(),
                code -> units.find(code, LocalDate.now()).map(AdminUnit::shortName)).orElse(null);
        return new Dataset("indicator-" + i.id(), Dataset.Kind.INDICATOR,
                labels.vi("opendata.indicator.title", i.name()), labels.en("opendata.indicator.title", i.name()),
                labels.vi("opendata.indicator.description", i.name(), unit, i.code()),
                labels.en("opendata.indicator.description", i.name(), unit, i.code()),
                i.provinceCode(), province, keywords, from, to, modified, demo, rows);
    }
}
