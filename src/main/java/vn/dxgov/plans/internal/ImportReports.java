package vn.dxgov.plans.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanImported;
import vn.dxgov.plans.PlanReference;
import vn.dxgov.plans.importing.DocumentReader;
import vn.dxgov.plans.importing.DocumentRejectedException;
import vn.dxgov.plans.importing.DocumentText;
import vn.dxgov.plans.importing.ImportNote;
import vn.dxgov.plans.importing.NotAPlanException;
import vn.dxgov.plans.importing.PageProgress;
import vn.dxgov.plans.importing.ParsedPlan;
import vn.dxgov.plans.importing.ParsedTarget;
import vn.dxgov.plans.importing.ParsedTask;
import vn.dxgov.plans.importing.PlanDocumentParser;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetDraft;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.tasks.TaskDraft;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.AgencyMatch;

/** The pieces of an import's report and the file's fingerprints, apart from the import itself. */
final class ImportReports {

    private ImportReports() {
    }

    /** The parser's notes as the report keeps them; the import adds its own after them. */
    static List<ImportReport.Note> notes(ParsedPlan p) {
        List<ImportReport.Note> notes = new ArrayList<>();
        for (ImportNote n : p.notes()) {
            notes.add(new ImportReport.Note(n.line(), n.severity().name(), n.code(), n.message(), n.excerpt()));
        }
        return notes;
    }

    /** How the document was read, for the report; lines OCR read with low confidence add a warning to check them. */
    static ImportReport.Reading reading(DocumentText text, List<ImportReport.Note> notes) {
        ImportReport.Reading reading = ImportReport.Reading.of(text.reading());
        if (reading != null && !reading.lowConfidence().isEmpty()) {
            notes.add(new ImportReport.Note(0, "WARNING", "ocr.lowConfidence", reading.lowConfidence().size()
                    + " dòng nhận dạng chữ (OCR) có độ tin cậy thấp; hãy đối chiếu với văn bản gốc (mục \"Cần kiểm tra\").",
                    null));
        }
        return reading;

    }

    static ImportReport.Summary summary(Plan plan, ParsedPlan p, List<ImportReport.AgencyNote> agencies,
                                                List<ImportReport.Note> notes) {
        Map<String, Integer> byDeadline = new TreeMap<>();
        p.targets().forEach(t -> byDeadline.merge(t.deadlineYear() == null ? "?" : t.deadlineYear().toString(), 1, Integer::sum));
        Map<String, Integer> bySection = new LinkedHashMap<>();
        p.tasks().forEach(t -> bySection.merge(t.section() == null ? "?" : t.section(), 1, Integer::sum));
        int created = (int) agencies.stream().filter(a -> "CREATED".equals(a.how())).map(ImportReport.AgencyNote::agencyId).distinct().count();
        int matched = (int) agencies.stream().map(ImportReport.AgencyNote::agencyId).distinct().count() - created;
        int warnings = (int) notes.stream().filter(n -> !"INFO".equals(n.severity())).count();
        return new ImportReport.Summary(plan.type().name(), plan.number(), plan.issuer(),
                plan.issuedOn() == null ? plan.issuedOnText() : plan.issuedOn().toString(), plan.provinceName(),
                p.targets().size(), byDeadline, p.tasks().size(), bySection, matched, created, warnings);
    }

    /**
     * The answer to a refused file: its message is the reader's own (what is wrong and what to do), in the person's
     * language, so a reason added to the reader later (a scanned PDF without OCR…) reaches the person without a
     * message key of its own.
     */
    static ApiException rejected(DocumentRejectedException e) {
        HttpStatus status = switch (e.reason()) {
            case EMPTY -> HttpStatus.BAD_REQUEST;
            case BINARY, NOT_UTF8, LEGACY_WORD, UNSUPPORTED_FORMAT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case PDF_TOO_LONG -> HttpStatus.CONTENT_TOO_LARGE;
            default -> HttpStatus.UNPROCESSABLE_CONTENT; // an unreadable file, or a reason this switch does not know
        };
        String english = e.englishMessage() == null || e.englishMessage().isBlank() ? e.getMessage() : e.englishMessage();
        return new ApiException(status, "plan.import.rejected", e.getMessage(), english);
    }

    static String mediaType(String filename, DocumentText.Format format) {
        return switch (format) {
            case DOCX -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case DOC -> "application/msword";
            case ODT -> "application/vnd.oasis.opendocument.text";
            case PDF, PDF_SCANNED -> "application/pdf";
            case MARKDOWN -> "text/markdown; charset=UTF-8";
            case TEXT -> filename.toLowerCase().endsWith(".md") ? "text/markdown; charset=UTF-8" : "text/plain; charset=UTF-8";
        };
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
