package vn.dxgov.indicators.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorDraft;
import vn.dxgov.shared.web.ApiException;

@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = "Indicators", description = "Chỉ số đo lường chỉ tiêu / the indicators behind targets")
class IndicatorApiController {

    private final IndicatorCatalog indicators;

    IndicatorApiController(IndicatorCatalog indicators) {
        this.indicators = indicators;
    }

    @GetMapping
    @Operation(summary = "Indicators whose name has every word of q (diacritics-insensitive) or whose code is q; all when q is empty")
    List<Indicator> list(@RequestParam(required = false) String q) {
        return indicators.list(q);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One indicator")
    Indicator one(@PathVariable long id) {
        return indicators.find(id).orElseThrow(() -> ApiException.notFound("indicator", id));
    }

    @PostMapping
    @Operation(summary = "Create an indicator (steering department). Code: letters, digits, '-' and '_', unique; "
            + "formula over other codes in braces, e.g. {A} / {B} * 100, no cycles")
    ResponseEntity<Indicator> create(@Valid @RequestBody IndicatorDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(indicators.create(draft));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace an indicator's content and confirm it (no longer a draft); steering department")
    Indicator update(@PathVariable long id, @Valid @RequestBody IndicatorDraft draft) {
        return indicators.update(id, draft);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an indicator nothing uses (no values, no target, no formula); steering department")
    ResponseEntity<Void> delete(@PathVariable long id) {
        indicators.delete(id);
        return ResponseEntity.noContent().build();
    }
}
