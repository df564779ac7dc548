package vn.dxgov.reporting.excel;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.shared.web.ApiException;

/**
 * The Excel round-trip in the UI: the download, a small page with the upload form (also included as the fragment
 * {@code reporting/excel :: panel(submissionId)} on the report page), and the upload, which answers an htmx request
 * with the result fragment (422 when there are errors, so htmx swaps it in) and a plain form post with the page.
 */
@Controller
class ExcelPages {

    private final ExcelForms forms;
    private final Reporting reporting;
    private final MessageSource messages;

    ExcelPages(ExcelForms forms, Reporting reporting, MessageSource messages) {
        this.forms = forms;
        this.reporting = reporting;
        this.messages = messages;
    }

    /** The result shown under the upload form. */
    public record Result(boolean ok, String message, List<String> details, List<CellProblem> problems) {
    }

    @GetMapping("/reporting/submissions/{id}/excel")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        return ExcelApiController.file(forms.download(id));
    }

    @GetMapping("/reporting/submissions/{id}/excel/upload")
    String page(@PathVariable long id, Model model) {
        reporting.form(id); // 403/404 before showing the page
        model.addAttribute("submissionId", id);
        return "reporting/excel-page";
    }

    @PostMapping("/reporting/submissions/{id}/excel")
    String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                  Model model, HttpServletRequest request, HttpServletResponse response) throws IOException {
        java.util.Locale locale = RequestContextUtils.getLocale(request);
        Result result;
        int status;
        try {
            byte[] bytes = file == null ? new byte[0] : file.getBytes();
            ExcelForms.Outcome o = forms.upload(id, file == null ? null : file.getOriginalFilename(), bytes, locale);
            result = new Result(o.clean(), o.message(), List.of(), o.problems());
            status = o.clean() ? 200 : 422;
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            result = new Result(false, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale),
                    vn.dxgov.shared.web.FormErrors.inLanguage(e.details(), locale), List.of());
            status = e.status().value();
        }
        model.addAttribute("submissionId", id);
        model.addAttribute("excelResult", result);
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        // htmx swaps 2xx and 422 answers (see the layout's htmx-config): every refusal is shown in place
        response.setStatus(htmx && status != 200 ? 422 : status);
        return htmx ? "reporting/excel :: result" : "reporting/excel-page";
    }
}
