package vn.dxgov.reporting.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.shared.Period;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;

/**
 * Reads the items of a batch write into data-value inputs: the indicator by id or by code, the unit by id or by the
 * code it has on a day (by default the last day of the item's period: code 38 for 2024 is Thanh Hóa before the 2025
 * merger). Each problem names its item ("#3: …"), in Vietnamese and English; an item with one is left out.
 */
@Component
class DataValueItems {

    /**
     * The inputs read, each with its item's number (1-based), and the problems of the items that could not be read.
     */
    record Read(List<DataValueInput> inputs, int[] numbers, List<String> problems) {
    }

    private final IndicatorCatalog indicators;
    private final AdminUnits units;

    DataValueItems(IndicatorCatalog indicators, AdminUnits units) {
        this.indicators = indicators;
        this.units = units;
    }

    Read read(List<DataValueWriteApiController.Item> items) {
        List<String> problems = new ArrayList<>();
        List<DataValueInput> inputs = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        Map<String, Optional<Indicator>> indicatorByCode = new HashMap<>();
        Map<String, Optional<AdminUnit>> unitByCode = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            DataValueWriteApiController.Item it = items.get(i);
            int n = i + 1;
            if (it == null) {
                problems.add("#" + n + ": mục rỗng / empty item");
                continue;
            }
            Long indicatorId = indicatorId(it, n, indicatorByCode, problems);
            Long unitId = indicatorId == null ? null : unitId(it, n, unitByCode, problems);
            if (unitId == null) {
                continue;
            }
            inputs.add(new DataValueInput(indicatorId, unitId, it.period(), it.value(), it.numerator(),
                    it.denominator(), it.comment(), null, false, it.version()));
            numbers.add(n);
        }
        return new Read(inputs, numbers.stream().mapToInt(Integer::intValue).toArray(), problems);
    }

    /** The item's indicator: by code (which must agree with the id when both are given), else by id; null with a problem. */
    private Long indicatorId(DataValueWriteApiController.Item it, int n, Map<String, Optional<Indicator>> byCode,
                             List<String> problems) {
        Long indicatorId = it.indicatorId();
        if (it.indicatorCode() != null && !it.indicatorCode().isBlank()) {
            Optional<Indicator> found = byCode.computeIfAbsent(it.indicatorCode().trim().toUpperCase(Locale.ROOT),
                    indicators::findByCode);
            if (found.isEmpty()) {
                problems.add("#" + n + ": không có chỉ số mã " + it.indicatorCode() + " / no indicator " + it.indicatorCode());
                return null;
            }
            if (indicatorId != null && indicatorId != found.get().id()) {
                problems.add("#" + n + ": indicatorId " + indicatorId + " và mã " + it.indicatorCode()
                        + " là hai chỉ số khác nhau / indicatorId and indicatorCode disagree");
                return null;
            }
            indicatorId = found.get().id();
        }
        if (indicatorId == null) {
            problems.add("#" + n + ": thiếu indicatorId hoặc indicatorCode / indicator missing");
        }
        return indicatorId;
    }

    /**
     * The item's unit: by the code it has on the item's day (which must agree with the id when both are given), else
     * by id; null with a problem.
     */
    private Long unitId(DataValueWriteApiController.Item it, int n, Map<String, Optional<AdminUnit>> byCode,
                        List<String> problems) {
        Long unitId = it.unitId();
        if (it.unitCode() != null && !it.unitCode().isBlank()) {
            LocalDate day = it.on() != null ? it.on() : periodEnd(it.period());
            if (day == null) {
                problems.add("#" + n + ": mã kỳ \"" + it.period() + "\" không hợp lệ; dùng 2025, 2025S1, 2025Q3 hoặc 2025-06 / invalid period");
                return null;
            }
            Optional<AdminUnit> found = byCode.computeIfAbsent(it.unitCode().trim() + "@" + day,
                    k -> units.find(it.unitCode().trim(), day));
            if (found.isEmpty()) {
                problems.add("#" + n + ": không có đơn vị mã " + it.unitCode() + " ngày " + day + " / no unit "
                        + it.unitCode() + " on " + day);
                return null;
            }
            if (unitId != null && unitId != found.get().id()) {
                problems.add("#" + n + ": unitId " + unitId + " và mã " + it.unitCode()
                        + " là hai đơn vị khác nhau / unitId and unitCode disagree");
                return null;
            }
            unitId = found.get().id();
        }
        if (unitId == null) {
            problems.add("#" + n + ": thiếu unitId hoặc unitCode / unit missing");
        }
        return unitId;
    }

    private static LocalDate periodEnd(String period) {
        try {
            return Period.parse(period).end();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
