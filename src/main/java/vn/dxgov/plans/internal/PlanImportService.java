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
import vn.dxgov.plans.PlanType;
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

/**
 * Imports a plan document: reads it, recognises its structure, matches its agencies and stores a draft plan with
 * its targets and tasks, all in one transaction. A document refused or failing half-way changes nothing; the same
 * document imported again changes nothing either.
 */
@Service
class PlanImportService {

    private static final Logger log = LoggerFactory.getLogger(PlanImportService.class);

    /** Progress of one import, for the import page. */
    interface Progress {
        void step(String step);

        /** {@code done} of {@code total} pages of a paged document read; {@code ocr}: that page needed OCR. */
        default void pages(int done, int total, boolean ocr) {
        }

        Progress NONE = step -> {
        };
    }

    /** What an import produced. */
    record Outcome(boolean created, long planId, ImportReport report) {
    }

    private final DocumentReader reader = new DocumentReader();
    private final PlanDocumentParser parser = new PlanDocumentParser();
    private final PlanRepository plans;
    private final ImportRepository imports;
    private final TargetCatalog targets;
    private final TaskCatalog tasks;
    private final AgencyDirectory agencies;
    private final AdminUnits units;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final long maxBytes;
    private final ApplicationEventPublisher events;
    private final PlanVersions versions;
    private final NationalPlans national;

    PlanImportService(PlanRepository plans, ImportRepository imports, TargetCatalog targets, TaskCatalog tasks,
                      AgencyDirectory agencies, AdminUnits units, AuditLog audit, TransactionTemplate tx,
                      @Value("${dxgov.import.max-bytes:10485760}") long maxBytes, ApplicationEventPublisher events,
                      PlanVersions versions, NationalPlans national) {
        this.plans = plans;
        this.imports = imports;
        this.targets = targets;
        this.tasks = tasks;
        this.agencies = agencies;
        this.units = units;
        this.audit = audit;
        this.tx = tx;
        this.maxBytes = maxBytes;
        this.events = events;
        this.versions = versions;
        this.national = national;
    }

    long maxBytes() {
        return maxBytes;
    }

    /**
     * Imports a document. Throws {@link ApiException} (4xx) for a document that cannot be a plan; nothing is stored
     * then.
     */
    Outcome importDocument(String filename, byte[] bytes, Progress progress) {
        String name = filename == null || filename.isBlank() ? "document.txt" : filename;
        if (bytes.length > maxBytes) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "plan.import.tooLarge",
                    Numbers.current().megabytes(bytes.length), Numbers.current().megabytes(maxBytes));
        }
        String sourceSha = ImportReports.sha256(bytes);
        progress.step("read");
        DocumentText text;
        try {
            text = reader.read(name, bytes, pageProgress(progress));
        } catch (DocumentRejectedException e) {
            throw ImportReports.rejected(e);
        }
        String plain = text.plainText();
        String textSha = ImportReports.sha256(VietText.fold(plain).getBytes(StandardCharsets.UTF_8));
        Optional<Long> existing = plans.findDuplicate(sourceSha, textSha);
        if (existing.isPresent()) {
            return duplicate(existing.get());
        }
        progress.step("parse");
        ParsedPlan parsed;
        try {
            parsed = parser.parse(text, new AdminUnitsLexicon(units));
        } catch (NotAPlanException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, List.of(e.getMessage()), "plan.import.notAPlan");
        }
        progress.step("save");
        return save(name, bytes, text, sourceSha, textSha, plain, parsed);
    }

    /** Stores a parsed document as a text file would be (tests give levels the header parser does not give yet). */
    Outcome importParsed(String name, byte[] bytes, ParsedPlan parsed) {
        String plain = new String(bytes, StandardCharsets.UTF_8);
        return save(name, bytes, new DocumentText(name, DocumentText.Format.TEXT, List.of()),
                ImportReports.sha256(bytes), ImportReports.sha256(VietText.fold(plain).getBytes(StandardCharsets.UTF_8)),
                plain, parsed);
    }

    private Outcome save(String name, byte[] bytes, DocumentText text, String sourceSha, String textSha, String plain,
                         ParsedPlan parsed) {
        Optional<Plan> sameNational = national.sameDocument(parsed);
        if (sameNational.isPresent()) {
            // a national document already there: the province's plans link to that one, no copy (issue 11)
            ImportReport original = imports.latestReportFor(sameNational.get().id())
                    .orElse(new ImportReport(null, List.of(), List.of()));
            return new Outcome(false, sameNational.get().id(), new ImportReport(original.summary(),
                    List.of(NationalPlans.alreadyThere(sameNational.get())), original.agencies()));
        }
        try {
            return tx.execute(status -> store(name, bytes, text, sourceSha, textSha, plain, parsed));
        } catch (org.springframework.dao.DuplicateKeyException race) {
            // the same document was imported concurrently and the other import won
            return plans.findDuplicate(sourceSha, textSha).map(this::duplicate).orElseThrow(() -> race);
        }
    }

    private static PageProgress pageProgress(Progress progress) {
        return new PageProgress() {
            @Override
            public void page(int done, int total) {
                progress.pages(done, total, false);
            }

            @Override
            public void page(int done, int total, boolean ocr) {
                progress.pages(done, total, ocr);
            }
        };
    }

    private Outcome duplicate(long planId) {
        ImportReport original = imports.latestReportFor(planId).orElse(new ImportReport(null, List.of(), List.of()));
        List<ImportReport.Note> notes = new ArrayList<>();
        notes.add(new ImportReport.Note(0, "INFO", "duplicate",
                "Văn bản này đã được nhập trước đây (kế hoạch #" + planId + "); không có gì thay đổi.", null));
        notes.addAll(original.notes());
        return new Outcome(false, planId, new ImportReport(original.summary(), notes, original.agencies(),
                original.reading(), original.version()));
    }

    private Outcome store(String filename, byte[] bytes, DocumentText text, String sourceSha, String textSha,
                          String plain, ParsedPlan p) {
        List<ImportReport.Note> notes = ImportReports.notes(p);
        boolean isNational = NationalPlans.national(p);
        String[] owner = owner(p, isNational, notes);
        String provinceCode = owner[0];
        String provinceName = owner[1];
        PlanReference ref = p.implementsRef() == null ? null : new PlanReference(p.implementsRef().type(),
                p.implementsRef().number(), p.implementsRef().date(), p.implementsRef().issuer(), p.implementsRef().text());
        String title = p.title() == null || p.title().isBlank() ? filename : p.title();
        long planId = plans.insert(new PlanRepository.NewPlan(p.type() == null ? PlanType.PLAN : p.type(), p.number(), title, p.issuer(), p.issuedOn(),
                p.issuedOnText(), provinceCode, provinceName, p.periodStart(), p.periodEnd(), p.visionYear(), ref,
                filename, ImportReports.mediaType(filename, text.format()), sourceSha, textSha, bytes, plain,
                CurrentUser.username().orElse("system")));

        List<ImportReport.AgencyNote> agencyNotes = new ArrayList<>();
        Map<String, List<AgencyMatch>> cache = new LinkedHashMap<>();
        List<TargetDraft> targetDrafts = new ArrayList<>();
        for (ParsedTarget t : p.targets()) {
            targetDrafts.add(new TargetDraft(t.code(), t.sourceText(), t.text(), t.kind(), t.comparison(), t.value(),
                    t.unit(), t.deadlineYear(), t.baseline(), t.baselineYear(), t.pillar(), t.splits(),
                    resolve(t.leadText(), provinceCode, t.line(), cache, agencyNotes),
                    resolve(t.cooperatingText(), provinceCode, t.line(), cache, agencyNotes), t.line()));
        }
        List<TaskDraft> taskDrafts = new ArrayList<>();
        for (ParsedTask t : p.tasks()) {
            taskDrafts.add(new TaskDraft(t.code(), t.section(), t.sectionTitle(), t.groupTitle(), t.title(),
                    t.timeFrameText(), t.startYear(), t.endYear(), t.recurrence(), t.scope(), t.legalBasis(), t.pillar(),
                    resolve(t.leadText(), provinceCode, t.line(), cache, agencyNotes),
                    resolve(t.cooperatingText(), provinceCode, t.line(), cache, agencyNotes), t.line()));
        }
        targets.addAll(planId, provinceCode, targetDrafts);
        tasks.addAll(planId, taskDrafts);
        notes.addAll(linkFamily(planId));
        VersionReport version = versions.recognise(planId, provinceCode, p.number(), p.issuer(), plain, notes);
        if (isNational) {
            notes.addAll(national.afterStore(planId));
        }
        notes.addAll(national.suggestTargetLinks(planId));

        Plan plan = plans.find(planId).orElseThrow();
        events.publishEvent(new PlanImported(planId, provinceCode, p.periodStart(), p.periodEnd(), p.issuedOn(),
                p.reportingDuties().stream().map(d -> new PlanImported.Duty(d.line(), d.text(), d.who(), d.frequency(),
                        d.dueDayMonths())).toList()));
        ImportReport.Reading reading = ImportReports.reading(text, notes);
        ImportReport report = new ImportReport(ImportReports.summary(plan, p, agencyNotes, notes), notes, agencyNotes,
                reading, version);
        audit.record("plan.import", "plan", planId, null, report.summary());
        log.info("Imported {} as draft plan #{}: {} targets, {} tasks", filename, planId, p.targets().size(), p.tasks().size());
        return new Outcome(true, planId, report);
    }

    /**
     * The province a document is stored under, {code, name}: the one it names; for a document naming none, the
     * importing official's; none for a national document, whoever imports it (NationalPlans). 403 for another
     * province's document.
     */
    private String[] owner(ParsedPlan p, boolean isNational, List<ImportReport.Note> notes) {
        LocalDate on = p.issuedOn() != null ? p.issuedOn() : LocalDate.now();
        Optional<AdminUnit> province = p.provinceName() == null || isNational ? Optional.empty()
                : units.findProvince(p.provinceName(), on).or(() -> units.findProvince(p.provinceName(), LocalDate.of(2025, 6, 30)));
        String provinceCode = province.map(AdminUnit::code).orElse(null);
        if (p.provinceName() != null && province.isEmpty() && !isNational) {
            notes.add(new ImportReport.Note(0, "WARNING", "province.unknown",
                    "Không tìm thấy tỉnh \"" + p.provinceName() + "\" trong danh mục đơn vị hành chính.", null));
        }
        String provinceName = isNational ? null : p.provinceName();
        if (isNational) {
            // a national document belongs to no province, whoever imports it (NationalPlans)
            provinceCode = null;
        } else if (provinceCode == null && CurrentUser.provinceCode().isPresent()) {
            // a document that names no province belongs to the province of the official who imports it
            provinceCode = CurrentUser.provinceCode().get();
            provinceName = units.find(provinceCode, on).map(u -> u.name().replaceFirst("^(Tỉnh|Thành phố) ", ""))
                    .orElse(provinceName);
        } else if (!CurrentUser.maySteer(provinceCode)) {
            // another province's document: its steering department imports it, not this one
            throw new ApiException(HttpStatus.FORBIDDEN, "plan.error.otherProvince", p.provinceName());
        }
        return new String[] {provinceCode, provinceName};
    }

    private List<Long> resolve(String cell, String provinceCode, int line, Map<String, List<AgencyMatch>> cache,
                               List<ImportReport.AgencyNote> notes) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        List<AgencyMatch> matches = cache.get(cell);
        if (matches == null) {
            matches = agencies.resolve(cell, provinceCode);
            cache.put(cell, matches);
            for (AgencyMatch m : matches) {
                notes.add(new ImportReport.AgencyNote(line, m.sourceText(), m.agency().id(), m.agency().name(),
                        m.how().name(), m.agency().needsReview()));
            }
        }
        return matches.stream().map(m -> m.agency().id()).distinct().toList();
    }

    /**
     * Links the new plan into the plan tree, in both directions: to the plan it implements when that one is in
     * dxgov, and to plans imported earlier that implement it. A parent without a number learns it from the citation.
     */
    private List<ImportReport.Note> linkFamily(long planId) {
        List<ImportReport.Note> notes = new ArrayList<>();
        Plan plan = plans.find(planId).orElseThrow();
        List<Plan> all = plans.all();
        if (plan.implementsRef() != null) {
            for (Plan candidate : all) {
                if (candidate.id() != planId && PlanLinks.cites(plan.implementsRef(), plan.provinceCode(), candidate)) {
                    plans.setParent(planId, candidate.id());
                    notes.add(new ImportReport.Note(0, "INFO", "parent.linked",
                            "Văn bản thực hiện " + describe(candidate) + " (kế hoạch #" + candidate.id() + ").", null));
                    if (candidate.number() == null && plan.implementsRef().number() != null) {
                        plans.setNumber(candidate.id(), plan.implementsRef().number());
                        audit.record("plan.number.fromCitation", "plan", candidate.id(), null,
                                Map.of("number", plan.implementsRef().number(), "citedBy", planId));
                        notes.add(new ImportReport.Note(0, "INFO", "parent.numbered",
                                "Số hiệu \"" + plan.implementsRef().number() + "\" của kế hoạch #" + candidate.id()
                                        + " được bổ sung từ trích dẫn trong văn bản này.", null));
                    }
                    break;
                }
            }
            if (plans.find(planId).orElseThrow().parentId() == null) {
                notes.add(new ImportReport.Note(0, "INFO", "parent.missing",
                        "Văn bản thực hiện \"" + plan.implementsRef().text() + "\", văn bản này chưa có trong hệ thống.", null));
            }
        }
        for (Plan other : all) {
            if (other.id() != planId && other.parentId() == null && other.implementsRef() != null
                    && PlanLinks.cites(other.implementsRef(), other.provinceCode(), plan)) {
                plans.setParent(other.id(), planId);
                notes.add(new ImportReport.Note(0, "INFO", "child.linked",
                        describe(other) + " (kế hoạch #" + other.id() + ") thực hiện văn bản này.", null));
                Plan current = plans.find(planId).orElseThrow();
                if (current.number() == null && other.implementsRef().number() != null) {
                    plans.setNumber(planId, other.implementsRef().number());
                    notes.add(new ImportReport.Note(0, "INFO", "number.fromCitation",
                            "Số hiệu \"" + other.implementsRef().number() + "\" được bổ sung từ trích dẫn của kế hoạch #"
                                    + other.id() + ".", null));
                }
            }
        }
        return notes;
    }

    private static String describe(Plan p) {
        return (p.number() == null ? "" : p.number() + " ") + p.title();
    }

}
