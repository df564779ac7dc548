package vn.dxgov.reporting.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.ValueState;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.UnitLevel;

/**
 * The batch write of data values for machine clients. It lives with reporting because who may write a figure is
 * decided by the plans' targets and the agencies' reports ({@link AgencyValueWrites}).
 */
@RestController
@RequestMapping("/api/v1/data-values")
@Tag(name = "Data values", description = "Số liệu chỉ số theo đơn vị hành chính và kỳ / indicator values per unit and period")
class DataValueWriteApiController {

    /** One value of a batch; the indicator by id or code, the unit by id or by code valid on a day. */
    @Schema(description = "Give indicatorId or indicatorCode; unitId or unitCode (the unit with that code on `on`, by "
            + "default on the last day of the period: code 38 for 2024 is Thanh Hóa before the 2025 merger). "
            + "A RATIO indicator takes numerator and denominator (value = 100 × numerator ÷ denominator); others a value; "
            + "all three null deletes the stored value. `version`: the line's version as you read it (0 when you read "
            + "none); when someone changed it since, the answer is 409 with the current lines in `current`.")
    record Item(String indicatorCode, Long indicatorId, String unitCode, LocalDate on, Long unitId, String period,
                BigDecimal value, BigDecimal numerator, BigDecimal denominator, String comment, Integer version) {
    }

    /**
     * @param contribution true when the line written is the agency's contribution beside the official figure
     * @param state        DRAFT until the report it went into is submitted and approved; APPROVED for the steering
     *                     department's direct writes
     */
    record ItemResult(int index, String action, Long id, long indicatorId, String indicatorCode, long unitId,
                      String unitCode, String period, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
                      Integer version, boolean locked, Long agencyId, boolean contribution, ValueState state,
                      Long submissionId) {
    }

    record BatchResult(int created, int updated, int deleted, int unchanged, List<ItemResult> items) {
    }

    private final AgencyValueWrites writes;
    private final DataValueItems reader;
    private final DataValueStore store;
    private final IndicatorCatalog indicators;
    private final AdminUnits units;
    private final AgencyDirectory agencies;

    DataValueWriteApiController(AgencyValueWrites writes, DataValueItems reader, DataValueStore store,
                                IndicatorCatalog indicators, AdminUnits units, AgencyDirectory agencies) {
        this.writes = writes;
        this.reader = reader;
        this.store = store;
        this.indicators = indicators;
        this.units = units;
        this.agencies = agencies;
    }

    @PostMapping
    @Operation(summary = "Idempotent batch write for machine clients (source API): creates, updates or deletes values; "
            + "the same batch twice changes nothing. Answers what happened to each item. An EDITOR writes only the "
            + "lines its agency reports (the official line of a target it leads, else its contribution), into its "
            + "report of the period (opened as a draft when needed; counted once approved; shown in the report's "
            + "history); STEERING and ADMIN write the province's own lines, approved at once, never a line of an "
            + "agency's report. Any bad item: 400 with one detail per problem and nothing written; a line that is not "
            + "yours: 403; a submitted or approved report, a locked line or a stale version: 409")
    BatchResult write(@RequestBody List<Item> items) {
        Access.requireParticipant();
        if (!CurrentUser.steering() && Access.editorAgency().isEmpty()) {
            throw Access.forbidden();
        }
        if (items == null || items.isEmpty()) {
            return new BatchResult(0, 0, 0, 0, List.of());
        }
        if (items.size() > DataValueStore.MAX_BATCH) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "dataValue.batchTooLarge",
                    Numbers.current().count(items.size()), Numbers.current().count(DataValueStore.MAX_BATCH));
        }
        DataValueItems.Read read = reader.read(items);
        List<String> problems = new ArrayList<>(read.problems());
        problems.addAll(store.check(read.inputs(), read.numbers()));
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(DataValueWriteApiController::itemNumber));
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "dataValue.invalid", problems.size());
        }
        requireUnitsOfOwnProvince(read.inputs(), read.numbers());
        Access.requireIndicatorsInScope(read.inputs(), read.numbers()); // an API token's indicator restriction
        List<AgencyValueWrites.Numbered> batch = new ArrayList<>();
        for (int i = 0; i < read.inputs().size(); i++) {
            batch.add(new AgencyValueWrites.Numbered(read.numbers()[i], read.inputs().get(i)));
        }
        return result(writes.write(batch), read.inputs());
    }

    /** What happened to each item, with the codes of its indicator and unit, and the counts per action. */
    private BatchResult result(List<AgencyValueWrites.Outcome> written, List<DataValueInput> inputs) {
        Map<Long, Indicator> byId = indicators.findAll(inputs.stream().map(DataValueInput::indicatorId).distinct().toList());
        Map<Long, String> unitCodes = new HashMap<>();
        int[] counts = new int[4];
        List<ItemResult> results = new ArrayList<>();
        for (AgencyValueWrites.Outcome o : written) {
            DataValue v = o.written().value();
            counts[o.written().action().ordinal()]++;
            String code = unitCodes.computeIfAbsent(v.unitId(), id -> units.find(id).map(AdminUnit::code).orElse(null));
            results.add(new ItemResult(o.number(), o.written().action().name(), v.id() == 0 ? null : v.id(),
                    v.indicatorId(), byId.get(v.indicatorId()).code(), v.unitId(), code, v.period(), v.value(),
                    v.numerator(), v.denominator(), v.id() == 0 ? null : v.version(), v.locked(), v.agencyId(),
                    v.contribution(), v.id() == 0 ? null : v.state(), v.submissionId()));
        }
        return new BatchResult(counts[0], counts[1], counts[2], counts[3], results);
    }

    /**
     * An EDITOR writes only the figures of units in the province of their agency (a national body anywhere); the
     * steering department only those of its own province (a national one anywhere).
     */
    private void requireUnitsOfOwnProvince(List<DataValueInput> inputs, int[] numbering) {
        String province = CurrentUser.steering() ? CurrentUser.provinceCode().orElse(null)
                : Access.editorAgency().flatMap(agencies::find).map(a -> a.provinceCode()).orElse(null);
        if (province == null) {
            return;
        }
        Map<Long, String> provinceOf = new HashMap<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            long unitId = inputs.get(i).unitId();
            String p = provinceOf.computeIfAbsent(unitId, this::provinceCode);
            if (!province.equals(p)) {
                refused.add("#" + numbering[i] + ": đơn vị #" + unitId + " không thuộc tỉnh của cơ quan bạn / not in your agency's province");
            }
        }
        if (!refused.isEmpty()) {
            throw new ApiException(HttpStatus.FORBIDDEN, refused, "dataValue.otherProvince");
        }
    }

    private String provinceCode(long unitId) {
        Optional<AdminUnit> u = units.find(unitId);
        for (int depth = 0; u.isPresent() && depth < 5; depth++) {
            if (u.get().level() == UnitLevel.PROVINCE) {
                return u.get().code();
            }
            u = u.get().parentId() == null ? Optional.empty() : units.find(u.get().parentId());
        }
        return "";
    }

    private static int itemNumber(String problem) {
        int end = 1;
        while (end < problem.length() && Character.isDigit(problem.charAt(end))) {
            end++;
        }
        try {
            return Integer.parseInt(problem.substring(1, end));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
