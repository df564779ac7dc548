package vn.dxgov.units.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.AgencyKind;
import vn.dxgov.units.UnitLevel;
import vn.dxgov.units.UnitLink;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Units and agencies", description = "Đơn vị hành chính và cơ quan / administrative units and agencies")
class UnitsApiController {

    private final AdminUnits units;
    private final AgencyDirectory agencies;

    UnitsApiController(AdminUnits units, AgencyDirectory agencies) {
        this.units = units;
        this.agencies = agencies;
    }

    @GetMapping("/agencies")
    @Operation(summary = "Agencies, optionally of one province (official code), matching a diacritics-insensitive query")
    List<Agency> agencies(@RequestParam(required = false) String province, @RequestParam(required = false) String q) {
        return agencies.list(blank(province), blank(q));
    }

    @GetMapping("/agencies/{id}")
    @Operation(summary = "One agency; what it leads and cooperates on is at /api/v1/agencies/{id}/work")
    Agency agency(@PathVariable long id) {
        return agencies.find(id).orElseThrow(() -> ApiException.notFound("agency", id));
    }

    record AgencyEdit(String name, AgencyKind kind, List<String> aliases) {
    }

    @PutMapping("/agencies/{id}")
    @PreAuthorize("hasAnyRole('STEERING','ADMIN')")
    @Operation(summary = "Rename an agency, set its kind and aliases, and mark it reviewed (steering department)")
    Agency updateAgency(@PathVariable long id, @RequestBody AgencyEdit edit) {
        if (edit.name() == null || edit.name().isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("name: bắt buộc / required"), "error.validation");
        }
        if (edit.kind() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("kind: bắt buộc / required"), "error.validation");
        }
        agencies.find(id).orElseThrow(() -> ApiException.notFound("agency", id));
        return agencies.update(id, edit.name().trim(), edit.kind(), edit.aliases() == null ? List.of() : edit.aliases());
    }

    @GetMapping("/units")
    @Operation(summary = "Administrative units matching a diacritics-insensitive query, optionally of a level and valid on a day "
            + "(default: today); without a query, the provinces valid on the day")
    List<AdminUnit> units(@RequestParam(required = false) String q, @RequestParam(required = false) UnitLevel level,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                          @RequestParam(defaultValue = "50") int limit) {
        LocalDate day = on == null ? LocalDate.now() : on;
        if (blank(q) == null && (level == null || level == UnitLevel.PROVINCE)) {
            return units.provinces(day);
        }
        return units.search(q == null ? "" : q, level, day, Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping("/units/{id}")
    @Operation(summary = "One administrative unit")
    AdminUnit unit(@PathVariable long id) {
        return units.find(id).orElseThrow(() -> ApiException.notFound("unit", id));
    }

    @GetMapping("/units/{id}/children")
    @Operation(summary = "The units directly below a unit")
    List<AdminUnit> children(@PathVariable long id) {
        unit(id);
        return units.children(id);
    }

    record Lineage(List<UnitLink> predecessors, List<UnitLink> successors) {
    }

    @GetMapping("/units/{id}/lineage")
    @Operation(summary = "The units a unit was formed from and the units it went into (reform of 1/7/2025)")
    Lineage lineage(@PathVariable long id) {
        unit(id);
        return new Lineage(units.predecessors(id), units.successors(id));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
