package vn.dxgov.plans.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.dxgov.plans.ImportStatus;
import vn.dxgov.plans.Plan;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.web.ApiException;

/**
 * The import page of the steering department: upload a plan document, follow its progress (the page polls while
 * the import runs in the background), then read the import report and go on to review and publish the draft.
 */
@Controller
class ImportPages implements UiPage {

    /** The steps an import goes through, in order, as {@link ImportRepository} records them. */
    static final List<String> STEPS = List.of("queued", "read", "parse", "save", "done");

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** One import as the pages show it. */
    record ImportView(ImportRepository.ImportRecord record, String createdAt, String size, int stepIndex,
                      String issuedOn, Plan plan, String confidence, List<LineToCheck> toCheck) {

        public boolean running() {
            return record.status() == ImportStatus.RUNNING;
        }

        /** The page being read ("trang 3/12"): the one after those done, the last when all are done. */
        public int currentPage() {
            ImportRepository.Pages p = record.pages();
            return p == null ? 0 : Math.min(p.done() + 1, p.total());
        }
    }

    /** A line OCR read with low confidence, as the "Cần kiểm tra" list shows it. */
    record LineToCheck(int page, int line, String text, String confidence) {
    }

    private final ImportJobs jobs;
    private final ImportRepository imports;
    private final PlanService plans;
    private final MessageSource messages;
    private final long maxBytes;
    private final vn.dxgov.units.AgencyDirectory agencies;

    ImportPages(ImportJobs jobs, ImportRepository imports, PlanService plans, MessageSource messages,
                @Value("${dxgov.import.max-bytes:10485760}") long maxBytes, vn.dxgov.units.AgencyDirectory agencies) {
        this.agencies = agencies;
        this.jobs = jobs;
        this.imports = imports;
        this.plans = plans;
        this.messages = messages;
        this.maxBytes = maxBytes;
    }

    @GetMapping("/imports")
    String list(Model m) {
        PlanPages.requireReviewer();
        return uploadPage(null, m);
    }

    @PostMapping("/imports")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model m, Locale locale,
                  HttpServletResponse response) throws IOException {
        PlanPages.requireReviewer();
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            response.setStatus(422);
            return uploadPage(messages.getMessage("imports.error.noFile", null, locale), m);
        }
        long id = jobs.submit(file.getOriginalFilename(), file.getBytes(), locale);
        return "redirect:/imports/" + id;
    }

    private String uploadPage(String problem, Model m) {
        m.addAttribute("problem", problem);
        m.addAttribute("maxMb", Numbers.current().megabytes(maxBytes));
        m.addAttribute("recent", imports.recent(20).stream().filter(plans::visible).map(this::view).toList());
        return "imports/list";
    }

    @GetMapping("/imports/{id}")
    String one(@PathVariable long id, Model m, HttpServletRequest request, HttpServletResponse response) {
        PlanPages.requireReviewer();
        ImportView view = view(imports.find(id).filter(plans::visible).orElseThrow(() -> ApiException.notFound("import", id)));
        m.addAttribute("imp", view);
        m.addAttribute("steps", STEPS);
        agencyReview(view, m);
        response.addHeader("Vary", "HX-Request");
        response.setHeader("Cache-Control", "no-store");
        return UiPage.partial(request) ? "imports/import :: status" : "imports/import";
    }

    /**
     * For the agencies the import created from names dxgov did not know: the province's agencies to say which one
     * the name stands for (a merge, the name kept as an alias) and the agencies as they are now (one reviewed or
     * merged since needs nothing more).
     */
    private void agencyReview(ImportView view, Model m) {
        ImportRepository.ImportRecord r = view.record();
        if (r.report() == null || r.report().agencies() == null || view.plan() == null) {
            return;
        }
        List<Long> ids = r.report().agencies().stream().filter(ImportReport.AgencyNote::needsReview)
                .map(ImportReport.AgencyNote::agencyId).distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        String province = view.plan().provinceCode();
        m.addAttribute("agencyNow", agencies.findAll(ids));
        m.addAttribute("agencyChoices", agencies.list(province, null).stream()
                .filter(a -> java.util.Objects.equals(a.provinceCode(), province))
                .filter(a -> vn.dxgov.security.CurrentUser.mayRead(a.provinceCode())).toList());
        m.addAttribute("agencySteer", vn.dxgov.security.CurrentUser.maySteer(province));
    }

    private ImportView view(ImportRepository.ImportRecord r) {
        int step = r.status() == ImportStatus.RUNNING ? Math.max(0, STEPS.indexOf(r.step())) : STEPS.size() - 1;
        Plan plan = r.planId() == null ? null : plans.find(r.planId()).orElse(null);
        String issued = r.report() == null || r.report().summary() == null ? null : date(r.report().summary().issuedOn());
        ImportReport.Reading reading = r.report() == null ? null : r.report().reading();
        String confidence = reading == null || reading.meanConfidence() == null ? null
                : confidence(reading.meanConfidence());
        List<LineToCheck> toCheck = reading == null ? List.of() : reading.lowConfidence().stream()
                .map(l -> new LineToCheck(l.page(), l.line(), l.text(), confidence(l.confidence()))).toList();
        return new ImportView(r, when(r.createdAt()), size(r.sizeBytes()), step, issued, plan, confidence, toCheck);
    }

    /** An OCR confidence, 0–100, with one decimal in the person's language: "87,5 %" (Vietnamese), "87.5 %". */
    static String confidence(double percent) {
        return Numbers.current().fixed(java.math.BigDecimal.valueOf(percent), 1) + " %";
    }

    static String when(Instant at) {
        return at == null ? vn.dxgov.shared.VietDates.ABSENT : vn.dxgov.shared.VietDates.time(at);
    }

    /**
     * "2022-01-05" → "05/01/2022"; an incomplete date by what it says ("tháng 01/2022 (chưa ghi ngày)" for "ngày
     * /01/2022"), never with its holes.
     */
    static String date(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return vn.dxgov.shared.VietDates.day(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return vn.dxgov.shared.VietDates.dayOrWritten(null, iso,
                    org.springframework.context.i18n.LocaleContextHolder.getLocale());
        }
    }

    static String size(long bytes) {
        return Numbers.current().size(bytes);
    }
}
