package vn.dxgov.reporting.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;

/**
 * The Excel round-trip of an agency's report: download the form as .xlsx, upload it back. An upload is refused
 * whole when the file is not a workbook, not a dxgov form, its identity was edited, or it is the form of another
 * agency, period or plan; otherwise every cell is checked and nothing is saved unless the whole file is clean.
 * Saving goes through {@link Reporting#save(long, vn.dxgov.reporting.ReportInput, ValueSource)} with source EXCEL,
 * which enforces who may write and validates every line again.
 */
@Service
class ExcelForms {

    private static final Logger log = LoggerFactory.getLogger(ExcelForms.class);
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    record Download(String filename, byte[] bytes) {
    }

    /**
     * What an upload did.
     *
     * @param problems every bad cell; when not empty nothing was saved
     */
    record Outcome(long submissionId, boolean saved, int changedTargets, int changedTasks, boolean narrativeChanged,
                   List<CellProblem> problems, String message) {

        boolean clean() {
            return problems.isEmpty();
        }
    }

    private final Reporting reporting;
    private final PlanCatalog plans;
    private final AgencyDirectory agencies;
    private final ExcelSecret secret;
    private final MessageSource messages;
    private final long maxBytes;

    ExcelForms(Reporting reporting, PlanCatalog plans, AgencyDirectory agencies, ExcelSecret secret,
               MessageSource messages, @Value("${dxgov.excel.max-bytes:10485760}") long maxBytes) {
        this.reporting = reporting;
        this.plans = plans;
        this.agencies = agencies;
        this.secret = secret;
        this.messages = messages;
        this.maxBytes = maxBytes;
    }

    Download download(long submissionId) {
        ReportForm form = reporting.form(submissionId);
        FormContext context = context(form);
        Submission s = form.submission();
        FormSeal seal = seal(form);
        byte[] bytes = FormWorkbookWriter.write(context, seal.checksum(secret.bytes()), seal);
        String name = "bao-cao-" + s.period() + "-" + slug(context.agencyName()) + "-" + s.id() + ".xlsx";
        return new Download(name, bytes);
    }

    static FormSeal seal(ReportForm form) {
        Submission s = form.submission();
        return new FormSeal(s.id(), s.reportingPeriodId(), s.planId(), s.agencyId(), s.period(),
                form.targets().stream().map(ReportForm.TargetLine::targetId).toList(),
                form.tasks().stream().map(ReportForm.TaskLine::taskId).toList());
    }

    Outcome upload(long submissionId, String filename, byte[] bytes, Locale locale) {
        // who asks comes before what was sent: another agency's report is not found, whatever the file
        reporting.form(submissionId);
        Texts texts = new Texts(messages, locale);
        String name = filename == null || filename.isBlank() ? "?" : filename;
        if (bytes == null || bytes.length == 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "excel.empty", name);
        }
        if (bytes.length > maxBytes) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "excel.tooLarge", name, maxBytes / (1024 * 1024));
        }
        try (Workbook wb = open(name, bytes)) {
            Map<String, String> id = FormWorkbookReader.identity(wb)
                    .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "excel.notForm", name));
            FormSeal fileSeal;
            try {
                fileSeal = new FormSeal(Long.parseLong(id.get("submission")), Long.parseLong(id.get("reportingPeriod")),
                        Long.parseLong(id.get("plan")), Long.parseLong(id.get("agency")), id.get("period"),
                        FormSeal.parseIds(id.get("targets")), FormSeal.parseIds(id.get("tasks")));
            } catch (RuntimeException e) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "excel.tampered", name);
            }
            if (!formatOk(id) || !fileSeal.verify(id.get("checksum"), secret.bytes())) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "excel.tampered", name);
            }
            ReportForm form = reporting.form(submissionId);
            Submission sub = form.submission();
            refuseOtherForm(fileSeal, sub);
            FormContext context = context(form);
            if (!context.editable()) {
                throw new ApiException(HttpStatus.CONFLICT, "excel.notEditable", context.statusLabel());
            }
            FormWorkbookReader.Result result = FormWorkbookReader.read(wb, form, fileSeal, true, texts);
            if (!result.clean()) {
                return new Outcome(submissionId, false, 0, 0, false, result.problems(),
                        texts.get("excel.invalid", result.problems().size()));
            }
            if (!result.changed()) {
                return new Outcome(submissionId, false, 0, 0, false, List.of(), texts.get("excel.unchanged"));
            }
            reporting.save(submissionId, result.input(), ValueSource.EXCEL);
            log.info("Excel form of submission #{} saved: {} targets, {} tasks changed", submissionId,
                    result.changedTargets(), result.changedTasks());
            return new Outcome(submissionId, true, result.changedTargets(), result.changedTasks(),
                    result.narrativeChanged(), List.of(),
                    texts.get("excel.saved", result.changedTargets(), result.changedTasks()));
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "excel.notWorkbook", name);
        }
    }

    private static boolean formatOk(Map<String, String> id) {
        return FormLayout.FORMAT.equals(id.get("format"));
    }

    private void refuseOtherForm(FormSeal file, Submission sub) {
        if (file.agencyId() != sub.agencyId()) {
            throw new ApiException(HttpStatus.CONFLICT, "excel.otherAgency", agencyName(file.agencyId()),
                    file.period(), agencyName(sub.agencyId()));
        }
        if (file.planId() != sub.planId()) {
            throw new ApiException(HttpStatus.CONFLICT, "excel.otherPlan", planTitle(file.planId()),
                    planTitle(sub.planId()));
        }
        if (!file.period().equals(sub.period()) || file.reportingPeriodId() != sub.reportingPeriodId()) {
            throw new ApiException(HttpStatus.CONFLICT, "excel.otherPeriod", Period.label(file.period(), VietText.VI),
                    Period.label(sub.period(), VietText.VI));
        }
        if (file.submissionId() != sub.id()) {
            throw new ApiException(HttpStatus.CONFLICT, "excel.otherSubmission", "#" + file.submissionId(),
                    "#" + sub.id());
        }
    }

    private static Workbook open(String name, byte[] bytes) {
        try {
            return WorkbookFactory.create(new ByteArrayInputStream(bytes));
        } catch (EncryptedDocumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "excel.encrypted", name);
        } catch (IOException | RuntimeException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "excel.notWorkbook", name);
        }
    }

    FormContext context(ReportForm form) {
        Submission s = form.submission();
        ReportingPeriod period = reporting.period(s.reportingPeriodId()).orElse(null);
        return new FormContext(form, planTitle(s.planId()), Period.label(s.period(), VietText.VI),
                agencyName(s.agencyId()),
                s.dueOn() != null ? s.dueOn() : period == null ? null : period.agencyDueOn(),
                statusLabel(s), LocalDateTime.now(VIETNAM));
    }

    private String statusLabel(Submission s) {
        return messages.getMessage("excel.status." + s.status(), null, s.status().name(), VietText.VI);
    }

    private String agencyName(long agencyId) {
        return agencies.find(agencyId).map(Agency::name).orElse("#" + agencyId);
    }

    private String planTitle(long planId) {
        return plans.find(planId).map(ExcelForms::planTitle).orElse("#" + planId);
    }

    static String planTitle(Plan p) {
        return p.number() == null || p.number().isBlank() ? p.title() : p.number() + " · " + p.title();
    }

    static String slug(String text) {
        String s = VietText.fold(text).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
