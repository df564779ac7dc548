package vn.dxgov.reporting.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;

/** The answer of a batch write: what happened to each item, with the codes of its indicator and unit, and counts. */
@Component
class BatchResults {

    private final IndicatorCatalog indicators;
    private final AdminUnits units;
    private final DataValueStore store;

    BatchResults(IndicatorCatalog indicators, AdminUnits units, DataValueStore store) {
        this.indicators = indicators;
        this.units = units;
        this.store = store;
    }

    /**
     * @param known  items whose client key was already stored with the same content (not written again): UNCHANGED,
     *               with their line as it is now
     * @param inputs every item read, by number
     */
    DataValueWriteApiController.BatchResult of(BatchInput in, List<AgencyValueWrites.Outcome> written,
                                               Map<Integer, ClientKeys.Known> known, Map<Integer, DataValueInput> inputs,
                                               boolean dryRun) {
        Map<Long, Indicator> byId = indicators.findAll(inputs.values().stream().map(DataValueInput::indicatorId)
                .distinct().toList());
        Map<Long, String> unitCodes = new HashMap<>();
        int[] counts = new int[4];
        List<DataValueWriteApiController.ItemResult> results = new ArrayList<>();
        for (AgencyValueWrites.Outcome o : written) {
            counts[o.written().action().ordinal()]++;
            results.add(item(in, o.number(), o.written().action(), o.written().value(), byId, unitCodes));
        }
        for (Map.Entry<Integer, ClientKeys.Known> k : known.entrySet()) {
            counts[DataValueStore.Action.UNCHANGED.ordinal()]++;
            DataValueInput input = inputs.get(k.getKey());
            DataValue line = k.getValue().dataValueId() == null ? null
                    : store.findById(k.getValue().dataValueId()).orElse(null);
            DataValue shown = line != null ? line : new DataValue(0, input.indicatorId(), input.unitId(),
                    input.period(), null, null, null, null, null, null, false, false, 0, null, null, null, false,
                    null, null, null, null, null);
            results.add(item(in, k.getKey(), DataValueStore.Action.UNCHANGED, shown, byId, unitCodes));
        }
        results.sort(Comparator.comparingInt(DataValueWriteApiController.ItemResult::index));
        return new DataValueWriteApiController.BatchResult(counts[0], counts[1], counts[2], counts[3], results, dryRun);
    }

    private DataValueWriteApiController.ItemResult item(BatchInput in, int number, DataValueStore.Action action,
                                                        DataValue v, Map<Long, Indicator> byId,
                                                        Map<Long, String> unitCodes) {
        String code = unitCodes.computeIfAbsent(v.unitId(), id -> units.find(id).map(AdminUnit::code).orElse(null));
        Indicator indicator = byId.get(v.indicatorId());
        boolean stored = v.id() != 0;
        return new DataValueWriteApiController.ItemResult(in.offset() + number, action.name(), stored ? v.id() : null,
                v.indicatorId(), indicator == null ? null : indicator.code(), v.unitId(), code, v.period(), v.value(),
                v.numerator(), v.denominator(), stored ? v.version() : null, v.locked(), v.agencyId(),
                v.contribution(), stored ? v.state() : null, v.submissionId(), in.row(number),
                in.items().get(number - 1).key());
    }
}
