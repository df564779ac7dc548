package vn.dxgov.indicators.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueVersion;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.ValueState;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.Role;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.AdminUnits;

@RestController
@RequestMapping("/api/v1/data-values")
@Tag(name = "Data values", description = "Số liệu chỉ số theo đơn vị hành chính và kỳ / indicator values per unit and period")
class DataValueApiController {

    /** Which figures a read returns. */
    enum View {
        /** approved official figures: what counts (the default, for everyone) */
        APPROVED,
        /** approved figures, and submitted ones not yet approved (state SUBMITTED) in their place: STEERING, ADMIN */
        PENDING,
        /** every line of the caller's own agency, drafts and contributions included: its EDITORs */
        OWN
    }

    private final JdbcDataValueStore store;
    private final IndicatorCatalog indicators;
    private final AdminUnits units;

    DataValueApiController(JdbcDataValueStore store, IndicatorCatalog indicators, AdminUnits units) {
        this.store = store;
        this.indicators = indicators;
        this.units = units;
    }

    @GetMapping
    @Operation(summary = "Stored values filtered by indicator (id or code), unit (id, or code valid on a day) and period, "
            + "a page at a time (limit, offset; X-Total-Count); "
            + "at least an indicator or a unit. By default the approved official figures (what counts); "
            + "view=PENDING (steering department) puts submitted, not yet approved figures in their place, marked "
            + "state SUBMITTED; view=OWN (an agency's EDITOR) gives its own lines, drafts and contributions included")
    org.springframework.http.ResponseEntity<List<DataValue>> find(
            @RequestParam(required = false) Long indicator,
            @RequestParam(required = false) String indicatorCode,
            @RequestParam(required = false) Long unit, @RequestParam(required = false) String unitCode,
            @RequestParam(required = false) LocalDate on, @RequestParam(required = false) String period,
            @RequestParam(defaultValue = "APPROVED") View view,
            @io.swagger.v3.oas.annotations.Parameter(description = "at most this many lines (default "
                    + DEFAULT_LIMIT + ", at most " + MAX_LIMIT + "); X-Total-Count tells how many there are")
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
            @io.swagger.v3.oas.annotations.Parameter(description = "lines to skip first (default 0)")
            @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST,
                    List.of("limit: 1.." + MAX_LIMIT + ", offset: 0 or more"), "error.validation");
        }
        List<Long> indicatorIds = indicatorIds(indicator, indicatorCode);
        List<Long> unitIds = unitIds(unit, unitCode, on, period);
        if (indicatorIds.isEmpty() && unitIds.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "dataValue.filterNeeded");
        }
        Long ownAgency = ownAgency(view);
        List<DataValue> out = new ArrayList<>();
        java.util.Map<Long, Boolean> readable = new java.util.HashMap<>();
        for (DataValue v : store.lines(indicatorIds, unitIds,
                period == null || period.isBlank() ? List.of() : List.of(period))) {
            // another province's figures are not the user's to see (national users see every province's)
            // an API token restricted to some indicators reads only those
            DataValue shown = readable.computeIfAbsent(v.unitId(), this::mayReadUnit)
                    && CurrentUser.indicatorAllowed(v.indicatorId()) ? shown(view, ownAgency, v) : null;
            if (shown != null) {
                out.add(shown);
            }
        }
        // a page of the lines (a unit's figures over the years grow with every round); the total in a header, so
        // that the body stays the list it always was
        List<DataValue> page = out.subList(Math.min(offset, out.size()), Math.min(out.size(), offset + limit));
        return org.springframework.http.ResponseEntity.ok().header("X-Total-Count", String.valueOf(out.size()))
                .body(List.copyOf(page));
    }

    /** Lines of one read by default, and at most. */
    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10000;

    private List<Long> indicatorIds(Long indicator, String indicatorCode) {
        List<Long> indicatorIds = new ArrayList<>();
        if (indicator != null) {
            indicatorIds.add(indicator);
        }
        if (indicatorCode != null && !indicatorCode.isBlank()) {
            indicatorIds.add(indicators.findByCode(indicatorCode)
                    .orElseThrow(() -> ApiException.notFound("indicator", indicatorCode)).id());
        }
        return indicatorIds;
    }

    /** The unit by id, or by code valid on the day (given, else the period's end, else today). */
    private List<Long> unitIds(Long unit, String unitCode, LocalDate on, String period) {
        List<Long> unitIds = new ArrayList<>();
        if (unit != null) {
            unitIds.add(unit);
        }
        if (unitCode != null && !unitCode.isBlank()) {
            LocalDate day = on != null ? on : period != null ? periodEnd(period) : LocalDate.now();
            if (day == null) {
                throw new ApiException(HttpStatus.BAD_REQUEST, List.of("period: " + period), "error.validation");
            }
            unitIds.add(units.find(unitCode, day).orElseThrow(() -> ApiException.notFound("unit", unitCode)).id());
        }
        return unitIds;
    }

    /** Who may ask for the view: PENDING the steering department, OWN an agency's editor (its agency returned). */
    private static Long ownAgency(View view) {
        if (view == View.PENDING && !CurrentUser.hasAnyRole(Role.STEERING, Role.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "dataValue.viewForbidden");
        }
        if (view != View.OWN) {
            return null;
        }
        Long ownAgency = CurrentUser.hasRole(Role.EDITOR) ? CurrentUser.agencyId().orElse(null) : null;
        if (ownAgency == null) {
            throw new ApiException(HttpStatus.FORBIDDEN, "dataValue.viewForbidden");
        }
        return ownAgency;
    }

    /** A stored line as the view shows it, or null when the view does not show it. */
    private static DataValue shown(View view, Long ownAgency, DataValue v) {
        return switch (view) {
            case APPROVED -> !v.contribution() && v.hasApproved() ? v.approvedOnly() : null;
            case PENDING -> v.contribution() ? null : v.pending() ? v : v.hasApproved() ? v.approvedOnly() : null;
            case OWN -> ownAgency.equals(v.agencyId()) && v.value() != null ? v : null;
        };
    }

    /** Figures follow the province of their unit. */
    private boolean mayReadUnit(long unitId) {
        return CurrentUser.mayRead(units.provinceCode(unitId).orElse(null));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every version of a line, oldest first: CREATE, UPDATE, DELETE, SUBMIT, RETURN, APPROVE, REOPEN, "
            + "who and when. The agency that reports the line and the steering department see every version; an "
            + "editor of another agency gets 403; leaders and viewers see the approved versions only")
    List<DataValueVersion> history(@PathVariable long id) {
        DataValue v = store.findById(id).filter(line -> mayReadUnit(line.unitId()))
                .filter(line -> CurrentUser.indicatorAllowed(line.indicatorId()))
                .orElseThrow(() -> ApiException.notFound("data value", id));
        List<DataValueVersion> all = store.history(id);
        boolean steering = CurrentUser.hasAnyRole(Role.STEERING, Role.ADMIN)
                && CurrentUser.maySteer(units.provinceCode(v.unitId()).orElse(null));
        boolean owner = v.agencyId() != null && CurrentUser.hasRole(Role.EDITOR)
                && CurrentUser.agencyId().filter(v.agencyId()::equals).isPresent();
        if (steering || owner || v.agencyId() == null) {
            return all;
        }
        if (CurrentUser.hasRole(Role.EDITOR) && !CurrentUser.hasRole(Role.LEADER)) {
            // another agency's line: its drafts are that agency's business
            throw new ApiException(HttpStatus.FORBIDDEN, "dataValue.historyForbidden");
        }
        return all.stream().filter(DataValueApiController::approvedVersion).toList();
    }

    /** A version in which the line's figure was the approved one (versions before issue 8 carry no state). */
    private static boolean approvedVersion(DataValueVersion v) {
        if (v.state() != null) {
            return v.state() == ValueState.APPROVED;
        }
        return "LOCK".equals(v.action()) || v.submissionId() == null;
    }

    private static LocalDate periodEnd(String period) {
        try {
            return Period.parse(period).end();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
