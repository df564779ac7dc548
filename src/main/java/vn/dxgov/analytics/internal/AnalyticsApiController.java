package vn.dxgov.analytics.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dxgov.analytics.Aggregate;
import vn.dxgov.analytics.Analytics;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Tổng hợp số liệu theo đơn vị và kỳ / values combined over units and periods, from memory")
class AnalyticsApiController {

    /** An aggregate value; {@code value} null when nothing is recorded. */
    /** @param pending true when the figure includes submitted, not yet approved values (view=PENDING only) */
    record ValueView(long indicatorId, String indicatorCode, long unitId, String unitCode, String unitName,
                     String period, BigDecimal value, BigDecimal numerator, BigDecimal denominator, int cells,
                     boolean demo, boolean carried, boolean apportioned, boolean pending) {
    }

    record SeriesView(long indicatorId, String indicatorCode, long unitId, String unitCode, String unitName,
                      Period.Type type, List<PointView> points) {
    }

    record PointView(String period, BigDecimal value, BigDecimal numerator, BigDecimal denominator, int cells,
                     boolean demo, boolean carried, boolean apportioned, boolean pending) {
    }

    /** A unit below with its value; value fields null when nothing is recorded. */
    record PartView(long unitId, String unitCode, String unitName, String unitType, BigDecimal value,
                    BigDecimal numerator, BigDecimal denominator, int cells, boolean carried, boolean apportioned,
                    boolean pending) {
    }

    /**
     * The units of a level below a unit with their values. {@code message} says why {@code parts} is empty (no
     * districts after 1/7/2025); {@code total} is then the unit's own (the province's) value.
     */
    record BreakdownView(long indicatorId, String indicatorCode, String period, long unitId, String unitCode,
                         String unitName, LocalDate unitValidFrom, LocalDate unitValidTo, UnitLevel level,
                         PartView total, List<PartView> parts, String message) {
    }

    private final Analytics analytics;
    private final IndicatorCatalog indicators;
    private final AdminUnits units;
    private final org.springframework.context.MessageSource messages;

    AnalyticsApiController(Analytics analytics, IndicatorCatalog indicators, AdminUnits units,
                           org.springframework.context.MessageSource messages) {
        this.analytics = analytics;
        this.indicators = indicators;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/value")
    @Operation(summary = "The value of an indicator for a unit and period: the unit's own value, else combined from the "
            + "periods inside it and the units below it by the indicator's rules; values of merged predecessors count "
            + "(carried). value is null when nothing is recorded")
    ValueView value(@RequestParam(required = false) Long indicator, @RequestParam(required = false) String indicatorCode,
                    @RequestParam(required = false) Long unit, @RequestParam(required = false) String unitCode,
                    @Parameter(description = "the day the unit code is valid on; default the period's last day")
                    @RequestParam(required = false) LocalDate on,
                    @Parameter(description = "2025, 2025S1, 2025Q3, 2025-06") @RequestParam String period,
                    @Parameter(description = "APPROVED (default): approved figures only; PENDING (steering department): "
                            + "submitted, not yet approved figures in their place, every changed figure marked pending")
                    @RequestParam(defaultValue = "APPROVED") vn.dxgov.analytics.ValueView view) {
        view.requireAllowed();
        Period p = period(period);
        Indicator i = indicator(indicator, indicatorCode);
        AdminUnit u = unit(unit, unitCode, on != null ? on : p.end());
        Aggregate a = analytics.value(i.id(), u.id(), p, view).orElse(null);
        return new ValueView(i.id(), i.code(), u.id(), u.code(), u.name(), p.code(), a == null ? null : a.value(),
                a == null ? null : a.numerator(), a == null ? null : a.denominator(), a == null ? 0 : a.cells(),
                a != null && a.demo(), a != null && a.carried(), a != null && a.apportioned(), a != null && a.pending());
    }

    @GetMapping("/series")
    @Operation(summary = "Values per period of a type (YEAR, HALF, QUARTER, MONTH) from one year to another; only "
            + "periods with a value")
    SeriesView series(@RequestParam(required = false) Long indicator, @RequestParam(required = false) String indicatorCode,
                      @RequestParam(required = false) Long unit, @RequestParam(required = false) String unitCode,
                      @RequestParam(required = false) LocalDate on,
                      @RequestParam(defaultValue = "YEAR") Period.Type type, @RequestParam int from,
                      @RequestParam int to,
                      @Parameter(description = "APPROVED (default): approved figures only; PENDING (steering department): "
                              + "submitted, not yet approved figures in their place, every changed figure marked pending")
                      @RequestParam(defaultValue = "APPROVED") vn.dxgov.analytics.ValueView view) {
        view.requireAllowed();
        if (from > to || to - from > 50 || from < 1900 || to > 2200) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "analytics.years", from, to);
        }
        Indicator i = indicator(indicator, indicatorCode);
        AdminUnit u = unit(unit, unitCode, on != null ? on : LocalDate.of(to, 12, 31));
        List<PointView> points = analytics.series(i.id(), u.id(), type, from, to, view).stream()
                .map(pt -> new PointView(pt.period().code(), pt.value().value(), pt.value().numerator(),
                        pt.value().denominator(), pt.value().cells(), pt.value().demo(), pt.value().carried(),
                        pt.value().apportioned(), pt.value().pending()))
                .toList();
        return new SeriesView(i.id(), i.code(), u.id(), u.code(), u.name(), type, points);
    }

    @GetMapping("/breakdown")
    @Operation(summary = "The values of the units of a level (PROVINCE, DISTRICT, COMMUNE) below a unit for a period, "
            + "with the unit's total. The unit code is read on the period's last day by default, so code 38 for 2025Q3 is "
            + "Thanh Hóa since 1/7/2025, which has no districts: parts is empty, message says so and total gives the "
            + "province's value")
    BreakdownView breakdown(@RequestParam(required = false) Long indicator,
                            @RequestParam(required = false) String indicatorCode,
                            @RequestParam(required = false) Long unit, @RequestParam(required = false) String unitCode,
                            @RequestParam(required = false) LocalDate on, @RequestParam UnitLevel level,
                            @RequestParam String period, java.util.Locale locale,
                            @Parameter(description = "APPROVED (default): approved figures only; PENDING (steering department): "
                                    + "submitted, not yet approved figures in their place, every changed figure marked pending")
                            @RequestParam(defaultValue = "APPROVED") vn.dxgov.analytics.ValueView view) {
        view.requireAllowed();
        Period p = period(period);
        Indicator i = indicator(indicator, indicatorCode);
        AdminUnit u = unit(unit, unitCode, on != null ? on : p.end());
        Analytics.Breakdown b = analytics.breakdown(i.id(), u.id(), level, p, view);
        List<PartView> parts = b.parts().stream().map(pt -> part(pt.unit(), pt.value())).toList();
        String message = null;
        if (parts.isEmpty()) {
            String levelName = messages.getMessage("units.level." + level.name(), null, level.name(), locale);
            message = level == UnitLevel.DISTRICT && !u.validFrom().isBefore(REFORM_2025)
                    ? messages.getMessage("analytics.breakdown.noDistricts", new Object[] {u.name(), day(u.validFrom()),
                    day(REFORM_2025)}, locale)
                    : messages.getMessage("analytics.breakdown.none", new Object[] {u.name(), levelName}, locale);
        }
        return new BreakdownView(i.id(), i.code(), p.code(), u.id(), u.code(), u.name(), u.validFrom(), u.validTo(), level,
                part(u, b.total()), parts, message);
    }

    private static final LocalDate REFORM_2025 = LocalDate.of(2025, 7, 1);

    private static String day(LocalDate d) {
        return d.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    private static PartView part(AdminUnit u, Aggregate a) {
        return new PartView(u.id(), u.code(), u.name(), u.type(), a == null ? null : a.value(),
                a == null ? null : a.numerator(), a == null ? null : a.denominator(), a == null ? 0 : a.cells(),
                a != null && a.carried(), a != null && a.apportioned(), a != null && a.pending());
    }

    private Indicator indicator(Long id, String code) {
        if (id != null) {
            return indicators.find(id).orElseThrow(() -> ApiException.notFound("indicator", id));
        }
        if (code != null && !code.isBlank()) {
            return indicators.findByCode(code).orElseThrow(() -> ApiException.notFound("indicator", code));
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "analytics.indicatorNeeded");
    }

    /**
     * The unit asked about, if the user may read its figures: a unit of another province (with everything below it)
     * is not found, as every other object of another province; units outside any province are read by everyone.
     */
    private AdminUnit unit(Long id, String code, LocalDate on) {
        AdminUnit unit;
        if (id != null) {
            unit = units.find(id).orElseThrow(() -> ApiException.notFound("unit", id));
        } else if (code != null && !code.isBlank()) {
            unit = units.find(code, on).orElseThrow(() -> ApiException.notFound("unit", code + " @ " + on));
        } else {
            throw new ApiException(HttpStatus.BAD_REQUEST, "analytics.unitNeeded");
        }
        if (!CurrentUser.mayRead(units.provinceCode(unit.id()).orElse(null))) {
            throw ApiException.notFound("unit", id != null ? id : code);
        }
        return unit;
    }

    private static Period period(String code) {
        try {
            return Period.parse(code);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("period: " + e.getMessage()), "error.validation");
        }
    }
}
