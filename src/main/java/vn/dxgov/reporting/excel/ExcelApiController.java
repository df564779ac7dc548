package vn.dxgov.reporting.excel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The Excel round-trip for machine clients and scripts. */
@RestController
@RequestMapping("/api/v1/submissions")
@Tag(name = "Reporting: Excel", description = "Biểu mẫu Excel của báo cáo / the report form as an Excel workbook")
class ExcelApiController {

    /**
     * The answer to an upload: 200 when clean (saved or unchanged), 422 with every bad cell otherwise. Has the
     * fields of the API's error body ({@code status}, {@code message}, {@code details}: one line per problem).
     */
    record UploadAnswer(int status, long submissionId, boolean saved, int changedTargets, int changedTasks,
                        boolean narrativeChanged, String message, List<String> details, List<CellProblem> problems) {
    }

    private final ExcelForms forms;

    ExcelApiController(ExcelForms forms) {
        this.forms = forms;
    }

    @GetMapping("/{id}/excel")
    @Operation(summary = "The agency's report form as .xlsx (sheets Thông tin, Chỉ tiêu, Nhiệm vụ)")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        return file(forms.download(id));
    }

    @PostMapping(path = "/{id}/excel", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Uploads a filled-in form (multipart field \"file\"): saved only when every cell is valid; "
            + "otherwise 422 with each problem by sheet, row and column")
    ResponseEntity<UploadAnswer> upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
                                        HttpServletRequest request) throws IOException {
        ExcelForms.Outcome o = forms.upload(id, file.getOriginalFilename(), file.getBytes(),
                RequestContextUtils.getLocale(request));
        int status = o.clean() ? 200 : 422;
        return ResponseEntity.status(status).body(new UploadAnswer(status, id, o.saved(), o.changedTargets(),
                o.changedTasks(), o.narrativeChanged(), o.message(),
                o.problems().stream().map(CellProblem::text).toList(), o.problems()));
    }

    static ResponseEntity<byte[]> file(ExcelForms.Download d) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.filename(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(ExcelForms.XLSX))
                .body(d.bytes());
    }
}
