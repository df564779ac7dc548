package vn.dxgov.assignments.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dxgov.assignments.Assignments;
import vn.dxgov.shared.Csv;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.shared.web.Limits;
import vn.dxgov.shared.web.MaxChars;
import vn.dxgov.units.UnitLevel;

@RestController
@RequestMapping("/api/v1/assignments")
@Tag(name = "Target assignment", description = "Giao chỉ tiêu hoàn thành chuyển đổi số cho huyện, xã / which districts and communes must complete digital transformation in which year")
class AssignmentApiController {

    /** Units to assign to the tranche of a level and year. */
    record AssignInput(UnitLevel level, Integer year, List<Long> unitIds) {
    }

    record TargetLink(Long targetId) {
    }

    record Candidate(long id, String code, String name, LocalDate validTo) {
    }

    private final JdbcAssignments assignments;
    private final AssignmentCandidates candidates;

    AssignmentApiController(JdbcAssignments assignments, AssignmentCandidates candidates) {
        this.assignments = assignments;
        this.candidates = candidates;
    }

    @GetMapping
    @Operation(summary = "Assignment decisions (e.g. QĐ 969/QĐ-UBND of Thanh Hóa) with their tranches per level and year")
    List<Assignments.Decision> decisions() {
        return assignments.decisions();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A decision with its figures per tranche (required, assigned, done, pending, overdue, cumulative, "
            + "completed in published rounds); the assignments too for the steering department, leaders and administrators")
    Assignments.Rollup rollup(@PathVariable long id) {
        return assignments.rollup(id);
    }

    @GetMapping("/{id}/units")
    @Operation(summary = "The assigned units with status (DONE, PENDING, OVERDUE), completion year and successors (steering, leaders)")
    List<Assignments.Assignment> units(@PathVariable long id) {
        return assignments.assignments(id);
    }

    @GetMapping(value = "/{id}/units.csv", produces = "text/csv")
    @Operation(summary = "The assigned units as CSV (steering, leaders)")
    ResponseEntity<byte[]> unitsCsv(@PathVariable long id) {
        return csv("giao-chi-tieu-" + id + "-don-vi.csv", AssignmentCsvExport.units(assignments.assignments(id)));
    }

    @GetMapping(value = "/{id}/figures.csv", produces = "text/csv")
    @Operation(summary = "The figures per tranche as CSV (everyone)")
    ResponseEntity<byte[]> figuresCsv(@PathVariable long id) {
        return csv("giao-chi-tieu-" + id + ".csv", AssignmentCsvExport.figures(assignments.rollup(id).figures()));
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a CSV (level,year,units_to_complete_dx,unit_names,source) as a decision of a province "
            + "(steering department): every problem is named by row and nothing is saved; 409 when the decision exists "
            + "unless replace=true")
    Assignments.ImportResult importCsv(@RequestParam("file") MultipartFile file, @RequestParam @MaxChars(Limits.Kind.NAME) String provinceCode,
                                       @RequestParam @MaxChars(Limits.Kind.NAME) String number,
                                       @RequestParam @MaxChars(Limits.Kind.TITLE) String title,
                                       @RequestParam(required = false) LocalDate issuedOn,
                                       @RequestParam(required = false) Long targetId,
                                       @RequestParam(defaultValue = "false") boolean replace) throws IOException {
        return assignments.importCsv(new Assignments.ImportRequest(provinceCode, number, title, issuedOn, targetId, replace),
                file.getOriginalFilename(), file.getBytes());
    }

    @PostMapping("/{id}/units")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Assign units to the tranche of a level and year (steering department); 409 over the tranche's "
            + "count or for a unit already assigned")
    List<Assignments.Assignment> assign(@PathVariable long id, @RequestBody AssignInput in) {
        // who asks before what is asked: another province's decision is not found, a reader is refused
        AssignmentAccess.requireEdit();
        assignments.decision(id);
        if (in == null || in.level() == null || in.year() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("level, year: chọn cấp và năm"), "assignments.assign.invalid");
        }
        return assignments.assign(id, in.level(), in.year(), in.unitIds());
    }

    @DeleteMapping("/{id}/units/{unitId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take a unit off its tranche (steering department)")
    void unassign(@PathVariable long id, @PathVariable long unitId) {
        assignments.unassign(id, unitId);
    }

    @GetMapping("/{id}/candidates")
    @Operation(summary = "Units of a level of the decision's province valid in a year and not assigned yet, matching a "
            + "diacritics-insensitive query (steering department)")
    List<Candidate> candidates(@PathVariable long id, @RequestParam UnitLevel level, @RequestParam int year,
                               @RequestParam(required = false) String q) {
        AssignmentAccess.requireEdit();
        return candidates.candidates(assignments.decision(id), level, year, q, 50).stream()
                .map(u -> new Candidate(u.id(), u.code(), u.name(), u.validTo())).toList();
    }

    @PutMapping("/{id}/target")
    @Operation(summary = "Link the decision to the provincial target it details (steering department); the target then "
            + "takes its values from published rounds")
    Assignments.Decision linkTarget(@PathVariable long id, @RequestBody TargetLink link) {
        return assignments.linkTarget(id, link == null ? null : link.targetId());
    }

    @GetMapping("/completions")
    @Operation(summary = "Year → units of a level of a province that completed CĐS (highest classification) in published "
            + "rounds up to that year")
    SortedMap<Integer, Integer> completions(@RequestParam String province, @RequestParam UnitLevel level) {
        if (!vn.dxgov.security.CurrentUser.mayRead(province)) {
            throw ApiException.notFound("province", province);
        }
        return assignments.completions(province, level);
    }

    @PostMapping("/feed")
    @Operation(summary = "Write the completions of published rounds into the count targets now (steering department; "
            + "done also whenever a round is published)")
    List<Assignments.FeedWrite> feed() {
        return assignments.feedTargets();
    }

    static ResponseEntity<byte[]> csv(String filename, byte[] bytes) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .contentType(MediaType.parseMediaType(Csv.CONTENT_TYPE)).body(bytes);
    }
}
