package vn.dxgov.assessment.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dxgov.assessment.CriteriaSet;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.assessment.CriterionInput;
import vn.dxgov.assessment.SetScore;
import vn.dxgov.shared.web.ApiException;

@RestController
@RequestMapping("/api/v1/criteria-sets")
@Tag(name = "Criteria sets", description = "Bộ tiêu chí đánh giá, xếp hạng / criteria sets for assessment and ranking")
class CriteriaSetApiController {

    /** What to score: criterion code → what was reported; a unit (for indicator criteria) and year. */
    record ScoreRequest(Map<String, CriterionInput> inputs, Long unitId, Integer year) {
    }

    private final CriteriaSetService sets;

    CriteriaSetApiController(CriteriaSetService sets) {
        this.sets = sets;
    }

    @GetMapping
    @Operation(summary = "Every criteria set version (code, year), newest year first within a code")
    List<CriteriaSet> list() {
        return sets.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One criteria set version with its tree of groups and criteria, rules and classification levels")
    CriteriaSet get(@PathVariable long id) {
        return sets.require(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a version from a document (steering department); 400 lists every problem by field, nothing saved")
    CriteriaSet create(@Valid @RequestBody CriteriaSetDocument document) {
        return sets.create(document);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a version's content (steering department); 409 when a round uses it")
    CriteriaSet update(@PathVariable long id, @Valid @RequestBody CriteriaSetDocument document) {
        return sets.update(id, document);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a version no round uses (steering department)")
    void delete(@PathVariable long id) {
        sets.delete(id);
    }

    @PostMapping("/{id}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new version of the set for another year, same content, owned by the copier's province "
            + "(steering department); a province's copy of a set it does not own gets the code suffixed with '-' and "
            + "the province code")
    CriteriaSet copy(@PathVariable long id, @RequestParam int year) {
        return sets.copy(id, year);
    }

    @PostMapping("/validate")
    @Operation(summary = "Check a document without saving it: the list of problems (empty when valid)")
    List<String> validate(@Valid @RequestBody CriteriaSetDocument document) {
        return sets.validate(document);
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a .xlsx (sheets Bộ tiêu chí, Tiêu chí, Xếp loại) or .json file (steering department). "
            + "400 lists every problem by sheet, row and column (or JSON field); nothing is saved then. "
            + "409 when the code and year exist, unless replace=true")
    CriteriaSet importFile(@RequestPart("file") MultipartFile file,
                           @RequestParam(defaultValue = "false") boolean replace) throws IOException {
        return sets.importFile(file.getOriginalFilename(), file.getBytes(), replace);
    }

    @GetMapping("/{id}/export.xlsx")
    @Operation(summary = "The version as an .xlsx workbook that imports back unchanged")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        CriteriaSet s = sets.require(id);
        return file(sets.exportXlsx(id), s.code() + "-" + s.year() + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @GetMapping("/{id}/export.json")
    @Operation(summary = "The version as a JSON document that imports back unchanged")
    ResponseEntity<byte[]> json(@PathVariable long id) {
        CriteriaSet s = sets.require(id);
        return file(sets.exportJson(id), s.code() + "-" + s.year() + ".json", MediaType.APPLICATION_JSON_VALUE);
    }

    @PostMapping("/{id}/score")
    @Operation(summary = "Score inputs against the version without saving anything: points per node, ratio of each "
            + "node (DTI main index = points ÷ maximum), total, index (DTI = total ÷ 1000), mandatory criteria missed, "
            + "classification")
    SetScore score(@PathVariable long id, @RequestBody ScoreRequest request) {
        CriteriaSet s = sets.require(id);
        if (request == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "error.badRequest");
        }
        return sets.score(s.document(), request.inputs() == null ? Map.of() : request.inputs(), request.unitId(),
                request.year() == null ? s.year() : request.year());
    }

    static ResponseEntity<byte[]> file(byte[] bytes, String name, String type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(type)).body(bytes);
    }
}
