package vn.dxgov.indicators.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueVersion;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.Role;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.UnitLevel;

@RestController
@RequestMapping("/api/v1/data-values")
@Tag(name = "Data values", description = "Số liệu chỉ số theo đơn vị hành chính và kỳ / indicator values per unit and period")
class DataValueApiController {

    /** One value of a batch; the indicator by id or code, the unit by id or by code valid on a day. */
    @Schema(description = "Give indicatorId or indicatorCode; unitId or unitCode (the unit with that code on `on`, by "
            + "default on the last day of the period: code 38 for 2024 is Thanh Hóa before the 2025 merger). "
            + "A RATIO indicator takes numerator and denominator (value = 100 × numerator ÷ denominator); others a value; "
            + "all three null deletes the stored value.")
    record Item(String indicatorCode, Long indicatorId, String unitCode, LocalDate on, Long unitId, String period,
                BigDecimal value, BigDecimal numerator, BigDecimal denominator, String comment) {
    }

    record ItemResult(int index, String action, Long id, long indicatorId, String indicatorCode, long unitId,
                      String unitCode, String period, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
                      Integer version, boolean locked) {
    }

    record BatchResult(int created, int updated, int deleted, int unchanged, List<ItemResult> items) {
    }

    private final JdbcDataValueStore store;
    private final IndicatorCatalog indicators;
    private final AdminUnits units;
    private final AgencyDirectory agencies;

    DataValueApiController(JdbcDataValueStore store, IndicatorCatalog indicators, AdminUnits units,
                           AgencyDirectory agencies) {
        this.store = store;
        this.indicators = indicators;
        this.units = units;
        this.agencies = agencies;
    }

    @GetMapping
    @Operation(summary = "Stored values filtered by indicator (id or code), unit (id, or code valid on a day) and period; "
            + "at least an indicator or a unit")
    List<DataValue> find(@RequestParam(required = false) Long indicator,
                         @RequestParam(required = false) String indicatorCode,
                         @RequestParam(required = false) Long unit, @RequestParam(required = false) String unitCode,
                         @RequestParam(required = false) LocalDate on, @RequestParam(required = false) String period) {
        List<Long> indicatorIds = new ArrayList<>();
        if (indicator != null) {
            indicatorIds.add(indicator);
        }
        if (indicatorCode != null && !indicatorCode.isBlank()) {
            indicatorIds.add(indicators.findByCode(indicatorCode)
                    .orElseThrow(() -> ApiException.notFound("indicator", indicatorCode)).id());
        }
        List<Long> unitIds = new ArrayList<>();
        if (unit != null) {
            unitIds.add(unit);
        }
        if (unitCode != null && !unitCode.isBlank()) {
            LocalDate day = on != null ? on : period != null ? periodEnd(period) : LocalDate.now();
            unitIds.add(units.find(unitCode, day).orElseThrow(() -> ApiException.notFound("unit", unitCode)).id());
        }
        if (indicatorIds.isEmpty() && unitIds.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "dataValue.filterNeeded");
        }
        return store.find(indicatorIds, unitIds, period == null || period.isBlank() ? List.of() : List.of(period));
    }

    @PostMapping
    @Operation(summary = "Idempotent batch write for machine clients (source API): creates, updates or deletes values; "
            + "the same batch twice changes nothing. Answers what happened to each item. Any bad item: 400 with one "
            + "detail per problem and nothing written; a change to a locked (approved) value: 409. STEERING, ADMIN, "
            + "EDITOR (an EDITOR only for units of their agency's province)")
    BatchResult write(@RequestBody List<Item> items) {
        if (!CurrentUser.hasAnyRole(Role.STEERING, Role.ADMIN, Role.EDITOR)) {
            throw new AccessDeniedException("data values are written by STEERING, ADMIN or EDITOR");
        }
        if (items == null || items.isEmpty()) {
            return new BatchResult(0, 0, 0, 0, List.of());
        }
        if (items.size() > JdbcDataValueStore.MAX_BATCH) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "dataValue.batchTooLarge",
                    Numbers.current().count(items.size()), Numbers.current().count(JdbcDataValueStore.MAX_BATCH));
        }
        List<String> problems = new ArrayList<>();
        List<DataValueInput> inputs = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        Map<String, Optional<Indicator>> byCode = new HashMap<>();
        Map<String, Optional<AdminUnit>> unitByCode = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            int n = i + 1;
            if (it == null) {
                problems.add("#" + n + ": mục rỗng / empty item");
                continue;
            }
            Long indicatorId = it.indicatorId();
            if (it.indicatorCode() != null && !it.indicatorCode().isBlank()) {
                Optional<Indicator> found = byCode.computeIfAbsent(it.indicatorCode().trim().toUpperCase(),
                        indicators::findByCode);
                if (found.isEmpty()) {
                    problems.add("#" + n + ": không có chỉ số mã " + it.indicatorCode() + " / no indicator " + it.indicatorCode());
                    continue;
                }
                if (indicatorId != null && indicatorId != found.get().id()) {
                    problems.add("#" + n + ": indicatorId " + indicatorId + " và mã " + it.indicatorCode()
                            + " là hai chỉ số khác nhau / indicatorId and indicatorCode disagree");
                    continue;
                }
                indicatorId = found.get().id();
            }
            if (indicatorId == null) {
                problems.add("#" + n + ": thiếu indicatorId hoặc indicatorCode / indicator missing");
                continue;
            }
            Long unitId = it.unitId();
            if (it.unitCode() != null && !it.unitCode().isBlank()) {
                LocalDate day = it.on();
                if (day == null) {
                    day = periodEnd(it.period());
                    if (day == null) {
                        problems.add("#" + n + ": mã kỳ \"" + it.period() + "\" không hợp lệ; dùng 2025, 2025S1, 2025Q3 hoặc 2025-06 / invalid period");
                        continue;
                    }
                }
                LocalDate d = day;
                Optional<AdminUnit> found = unitByCode.computeIfAbsent(it.unitCode().trim() + "@" + d,
                        k -> units.find(it.unitCode().trim(), d));
                if (found.isEmpty()) {
                    problems.add("#" + n + ": không có đơn vị mã " + it.unitCode() + " ngày " + d + " / no unit "
                            + it.unitCode() + " on " + d);
                    continue;
                }
                if (unitId != null && unitId != found.get().id()) {
                    problems.add("#" + n + ": unitId " + unitId + " và mã " + it.unitCode()
                            + " là hai đơn vị khác nhau / unitId and unitCode disagree");
                    continue;
                }
                unitId = found.get().id();
            }
            if (unitId == null) {
                problems.add("#" + n + ": thiếu unitId hoặc unitCode / unit missing");
                continue;
            }
            inputs.add(new DataValueInput(indicatorId, unitId, it.period(), it.value(), it.numerator(),
                    it.denominator(), it.comment()));
            numbers.add(n);
        }
        int[] numbering = numbers.stream().mapToInt(Integer::intValue).toArray();
        problems.addAll(store.check(inputs, numbering));
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(DataValueApiController::itemNumber));
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "dataValue.invalid", problems.size());
        }
        requireUnitsOfOwnProvince(inputs, numbering);
        List<JdbcDataValueStore.Written> written = store.writeDetailed(inputs, ValueSource.API, null, false);
        Map<Long, Indicator> byId = indicators.findAll(inputs.stream().map(DataValueInput::indicatorId).distinct().toList());
        Map<Long, String> unitCodes = new HashMap<>();
        int[] counts = new int[4];
        List<ItemResult> results = new ArrayList<>();
        for (JdbcDataValueStore.Written w : written) {
            DataValue v = w.value();
            counts[w.action().ordinal()]++;
            String code = unitCodes.computeIfAbsent(v.unitId(), id -> units.find(id).map(AdminUnit::code).orElse(null));
            results.add(new ItemResult(numbering[w.index() - 1], w.action().name(), v.id() == 0 ? null : v.id(),
                    v.indicatorId(), byId.get(v.indicatorId()).code(), v.unitId(), code, v.period(), v.value(),
                    v.numerator(), v.denominator(), v.id() == 0 ? null : v.version(), v.locked()));
        }
        return new BatchResult(counts[0], counts[1], counts[2], counts[3], results);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every version of a value, oldest first: CREATE, UPDATE, DELETE, LOCK, UNLOCK, who and when")
    List<DataValueVersion> history(@PathVariable long id) {
        store.findById(id).orElseThrow(() -> ApiException.notFound("data value", id));
        return store.history(id);
    }

    /** An EDITOR writes only the figures of units in the province of their agency (a national body anywhere). */
    private void requireUnitsOfOwnProvince(List<DataValueInput> inputs, int[] numbering) {
        if (CurrentUser.hasAnyRole(Role.STEERING, Role.ADMIN)) {
            return;
        }
        String province = CurrentUser.agencyId().flatMap(agencies::find).map(a -> a.provinceCode()).orElse(null);
        if (CurrentUser.agencyId().isEmpty()) {
            throw new AccessDeniedException("an editor without an agency writes nothing");
        }
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

    private static LocalDate periodEnd(String period) {
        try {
            return Period.parse(period).end();
        } catch (IllegalArgumentException e) {
            return null;
        }
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
