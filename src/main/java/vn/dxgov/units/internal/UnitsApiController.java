package vn.dxgov.units.internal;

import static vn.dxgov.shared.web.Limits.Kind.NAME;
import static vn.dxgov.shared.web.Limits.Kind.TEXT;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.shared.web.MaxChars;
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
    private final UnitReform reform;
    private final UnitShares shares;
    private final org.springframework.context.MessageSource messages;

    UnitsApiController(AdminUnits units, AgencyDirectory agencies, UnitReform reform, UnitShares shares,
                       org.springframework.context.MessageSource messages) {
        this.units = units;
        this.agencies = agencies;
        this.reform = reform;
        this.shares = shares;
        this.messages = messages;
    }

    @GetMapping("/agencies")
    @Operation(summary = "Agencies, optionally of one province (official code), matching a diacritics-insensitive query")
    List<Agency> agencies(@RequestParam(required = false) String province, @RequestParam(required = false) String q) {
        return agencies.list(blank(province), blank(q)).stream()
                .filter(a -> vn.dxgov.security.CurrentUser.mayRead(a.provinceCode())).toList();
    }

    @GetMapping("/agencies/{id}")
    @Operation(summary = "One agency; what it leads and cooperates on is at /api/v1/agencies/{id}/work")
    Agency agency(@PathVariable long id) {
        return readableAgency(id);
    }

    /** An agency of a province the user may read (its own, or a national body): another province's is not found. */
    private Agency readableAgency(long id) {
        return agencies.find(id).filter(a -> vn.dxgov.security.CurrentUser.mayRead(a.provinceCode()))
                .orElseThrow(() -> ApiException.notFound("agency", id));
    }

    /** Changes to what belongs to a province: its steering department (or a national one), else 403. */
    private static void requireSteer(String provinceCode) {
        if (!vn.dxgov.security.CurrentUser.maySteer(provinceCode)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
    }

    record AgencyEdit(@MaxChars(NAME) String name, AgencyKind kind, List<@MaxChars(NAME) String> aliases) {
    }

    @PutMapping("/agencies/{id}")
    @PreAuthorize("hasAnyRole('STEERING','ADMIN')")
    @Operation(summary = "Rename an agency, set its kind and aliases, and mark it reviewed (steering department)")
    Agency updateAgency(@PathVariable long id, @Valid @RequestBody AgencyEdit edit) {
        requireSteer(readableAgency(id).provinceCode());
        if (edit.name() == null || edit.name().isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("name: bắt buộc / required"), "error.validation");
        }
        if (edit.kind() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("kind: bắt buộc / required"), "error.validation");
        }
        agencies.find(id).orElseThrow(() -> ApiException.notFound("agency", id));
        return agencies.update(id, edit.name().trim(), edit.kind(), edit.aliases() == null ? List.of() : edit.aliases());
    }

    record NewAgency(@MaxChars(NAME) String name, AgencyKind kind, String province, List<@MaxChars(NAME) String> aliases) {
    }

    @PostMapping("/agencies")
    @PreAuthorize("hasAnyRole('STEERING','ADMIN')")
    @Operation(summary = "Add an agency by hand (steering department of its province, or national): name, kind, province "
            + "(official code; none: the caller's own, a national body for a national caller), aliases (a short name, codes); 409 when the province has that name")
    org.springframework.http.ResponseEntity<Agency> createAgency(@Valid @RequestBody NewAgency body) {
        // no province given: the caller's own (a national caller adds a national body)
        String province = blank(body.province()) != null ? blank(body.province())
                : vn.dxgov.security.CurrentUser.provinceCode().orElse(null);
        requireSteer(province);
        if (body.name() == null || body.name().isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("name: bắt buộc / required"), "error.validation");
        }
        if (body.kind() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("kind: bắt buộc / required"), "error.validation");
        }
        Agency created = agencies.create(body.name().trim(), body.kind(), province,
                body.aliases() == null ? List.of() : body.aliases());
        return org.springframework.http.ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    record MergeInto(Long into) {
    }

    @PostMapping("/agencies/{id}/merge")
    @PreAuthorize("hasAnyRole('STEERING','ADMIN')")
    @Operation(summary = "Merge this agency into another of its province (steering department): its targets, tasks, "
            + "reports, values, notifications, users and tokens move, its names become the other's aliases; 409 with one "
            + "detail per colliding report, progress line or contribution, nothing changed")
    Agency mergeAgency(@PathVariable long id, @RequestBody MergeInto body) {
        Agency merged = readableAgency(id);
        requireSteer(merged.provinceCode());
        if (body == null || body.into() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("into: bắt buộc / required"), "error.validation");
        }
        readableAgency(body.into());
        return agencies.merge(id, body.into());
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

    record Below(AdminUnit unit, UnitLevel level, LocalDate on, List<AdminUnit> units, String message) {
    }

    @GetMapping("/units/{id}/below")
    @Operation(summary = "The units of a level below a unit (e.g. the districts of a province). When there are none, "
            + "such as districts after 1/7/2025, units is empty and message says why; unit is the unit itself")
    Below below(@PathVariable long id, @RequestParam UnitLevel level, java.util.Locale locale) {
        AdminUnit unit = unit(id);
        List<AdminUnit> list = units.below(id, level);
        return new Below(unit, level, unit.validTo() == null ? LocalDate.now() : unit.validTo(), list,
                list.isEmpty() ? noneBelow(messages, unit, level, locale) : null);
    }

    /** "Tỉnh Thanh Hóa (từ 01/07/2025) không có đơn vị cấp huyện: cấp huyện không còn từ 01/07/2025 ..." */
    static String noneBelow(org.springframework.context.MessageSource messages, AdminUnit unit, UnitLevel level,
                            java.util.Locale locale) {
        String levelName = messages.getMessage("units.level." + level.name(), null, level.name(), locale);
        if (level == UnitLevel.DISTRICT && !unit.validFrom().isBefore(REFORM_2025)) {
            return messages.getMessage("units.below.noDistricts", new Object[] {unit.name(), UnitCsvLoader.day(unit.validFrom()),
                    UnitCsvLoader.day(REFORM_2025)}, locale);
        }
        return messages.getMessage("units.below.none", new Object[] {unit.name(), levelName}, locale);
    }

    static final LocalDate REFORM_2025 = LocalDate.of(2025, 7, 1);

    record ImportAnswer(boolean dryRun, Map<String, Integer> unitsByEra, int links, List<String> warnings, long millis) {
    }

    @PostMapping(path = "/units/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Import a reform of administrative units (administrator): the complete list of units valid from "
            + "validFrom (CSV level,code,name,type,parent_code) and/or the successor links from the units in force until "
            + "the day before (CSV old_level,old_code,old_name,new_code,new_name,share). Checked as a whole (unknown "
            + "parent, duplicate code, cycle, date gap or overlap, unknown unit of a link); any problem gives 400 with "
            + "every problem by file and line (Vietnamese) and changes nothing. dryRun=true checks without writing")
    ImportAnswer importReform(@RequestPart(required = false) MultipartFile units,
                              @RequestPart(required = false) MultipartFile successors,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
                              @Parameter(description = "CSV level numbers, e.g. 1=PROVINCE,2=COMMUNE (default)")
                              @RequestParam(required = false) String levels,
                              @RequestParam(required = false) String label,
                              @RequestParam(defaultValue = "false") boolean dryRun) {
        if (!vn.dxgov.security.CurrentUser.superAdmin()) {
            // the national catalogue of units is the installation's, not one province's
            throw new ApiException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        return run(reform, units, successors, validFrom, validTo, levels, label, dryRun);
    }

    /** Runs an import from uploaded files; problems become a 400 with one detail per problem. */
    static ImportAnswer run(UnitReform reform, MultipartFile units, MultipartFile successors, LocalDate validFrom,
                            LocalDate validTo, String levels, String label, boolean dryRun) {
        try {
            MultipartFile u = units == null || units.isEmpty() ? null : units;
            MultipartFile s = successors == null || successors.isEmpty() ? null : successors;
            UnitCsvLoader.LoadReport r = reform.importReform(new UnitReform.ReformImport(label, validFrom, validTo,
                    levels(levels), u == null ? null : name(u, "units.csv"), u == null ? null : UnitCsvLoader.utf8(u.getInputStream()),
                    s == null ? null : name(s, "successors.csv"), s == null ? null : UnitCsvLoader.utf8(s.getInputStream()), dryRun));
            return new ImportAnswer(dryRun, r.unitsByEra(), r.links(), r.warnings(), r.millis());
        } catch (UnitCsvException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.problems(), "units.import.failed", e.problems().size());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String name(MultipartFile f, String fallback) {
        String n = f.getOriginalFilename();
        return n == null || n.isBlank() ? fallback : n;
    }

    /** "1=PROVINCE,2=COMMUNE", also "1=tinh,2=xa"; null or blank for the default. */
    static Map<Integer, UnitLevel> levels(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Map<Integer, UnitLevel> levels = new java.util.HashMap<>();
        List<String> problems = new java.util.ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            String[] kv = part.split("=");
            UnitLevel level = null;
            Integer n = null;
            if (kv.length == 2) {
                try {
                    n = Integer.valueOf(kv[0].trim());
                } catch (NumberFormatException e) {
                    n = null;
                }
                String v = vn.dxgov.shared.VietText.fold(kv[1]).toUpperCase(java.util.Locale.ROOT);
                level = switch (v) {
                    case "PROVINCE", "TINH" -> UnitLevel.PROVINCE;
                    case "DISTRICT", "HUYEN" -> UnitLevel.DISTRICT;
                    case "COMMUNE", "XA" -> UnitLevel.COMMUNE;
                    default -> null;
                };
            }
            if (n == null || level == null) {
                problems.add("levels: \"" + part + "\" phải có dạng 1=PROVINCE (PROVINCE, DISTRICT, COMMUNE) / must read 1=PROVINCE");
            } else {
                levels.put(n, level);
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "error.validation");
        }
        return levels;
    }

    record ShareEdit(Map<Long, BigDecimal> shares, @MaxChars(TEXT) String basis) {
    }

    @PutMapping("/units/{id}/shares")
    @PreAuthorize("hasAnyRole('STEERING','ADMIN')")
    @Operation(summary = "Set the shares of an old unit split among several new ones (partial links): successor id to "
            + "fraction, together 1, with the basis (e.g. population). Summable values of the old unit go to each new unit "
            + "by its share. Audited")
    List<UnitLink> setShares(@PathVariable long id, @Valid @RequestBody ShareEdit edit) {
        requireSteer(units.provinceCode(id).orElse(null));
        return shares.set(id, edit.shares(), edit.basis());
    }

    @DeleteMapping("/units/{id}/shares")
    @PreAuthorize("hasAnyRole('STEERING','ADMIN')")
    @Operation(summary = "Back to the even split of an old unit among its partial successors. Audited")
    List<UnitLink> evenShares(@PathVariable long id) {
        requireSteer(units.provinceCode(id).orElse(null));
        return shares.even(id);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
