package vn.dxgov.plans.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.dxgov.plans.ImportStatus;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.tasks.TaskFilter;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Nhập kế hoạch từ văn bản (.pdf, .docx, .doc, .odt, .md, .txt) / import plans from documents")
class ImportApiController {

    private final ImportJobs jobs;
    private final ImportRepository imports;
    private final PlanService plans;
    private final PlanViews views;
    private final vn.dxgov.targets.TargetCatalog targets;
    private final vn.dxgov.tasks.TaskCatalog tasks;

    ImportApiController(ImportJobs jobs, ImportRepository imports, PlanService plans, PlanViews views,
                        vn.dxgov.targets.TargetCatalog targets, vn.dxgov.tasks.TaskCatalog tasks) {
        this.jobs = jobs;
        this.imports = imports;
        this.plans = plans;
        this.views = views;
        this.targets = targets;
        this.tasks = tasks;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('STEERING','ADMIN')")
    @Operation(summary = "Import a plan document",
            description = "Reads the document in multipart field `file`, makes a draft plan with its targets and tasks, "
                    + "and answers 201 with the plan and the import report. The same document again answers 200 with "
                    + "status DUPLICATE and changes nothing. A document that is empty, binary, not UTF-8, too large or "
                    + "not a plan answers 4xx with a `message`.")
    ResponseEntity<PlanViews.PlanDetail> importDocument(@RequestPart("file") MultipartFile file, HttpServletRequest request)
            throws IOException {
        if (file == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "error.upload.missingFile");
        }
        ImportRepository.ImportRecord record = jobs.runNow(file.getOriginalFilename(), file.getBytes(),
                RequestContextUtils.getLocale(request));
        PlanViews.PlanDetail body = detail(record);
        return ResponseEntity.status(record.status() == ImportStatus.SUCCEEDED ? HttpStatus.CREATED : HttpStatus.OK)
                .header("Location", "/api/v1/plans/" + record.planId()).body(body);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('STEERING','ADMIN')")
    @Operation(summary = "Recent imports, newest first")
    List<ImportRepository.ImportRecord> recent(@RequestParam(defaultValue = "50") int limit) {
        return imports.recent(Math.max(1, Math.min(limit, 500))).stream().filter(this::visible).toList();
    }

    /**
     * An import the user may see: one of a plan the user sees, or one without a plan (failed) that the user started;
     * the super-administrator sees all. Another province's imports do not exist for the user.
     */
    private boolean visible(ImportRepository.ImportRecord r) {
        return plans.visible(r);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('STEERING','ADMIN')")
    @Operation(summary = "One import: its status, current step, message and report")
    ImportRepository.ImportRecord one(@PathVariable long id) {
        return imports.find(id).filter(this::visible).orElseThrow(() -> ApiException.notFound("import", id));
    }

    private PlanViews.PlanDetail detail(ImportRepository.ImportRecord record) {
        var plan = plans.require(record.planId());
        return views.detail(plan, targets.forPlan(plan.id(), TargetFilter.ALL), tasks.forPlan(plan.id(), TaskFilter.ALL),
                record.id(), record.status().name(), record.report());
    }
}
