package vn.dxgov.reporting.internal;

import static vn.dxgov.shared.web.Limits.Kind.NAME;
import static vn.dxgov.shared.web.Limits.Kind.TEXT;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import vn.dxgov.files.Attachments;
import vn.dxgov.reporting.Frequency;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Schedule;
import vn.dxgov.reporting.Submission;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.shared.web.MaxChars;
import vn.dxgov.shared.web.YearRange;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reporting", description = "Kỳ báo cáo, báo cáo của cơ quan, duyệt / reporting periods, agency reports, approval")
class ReportingApiController {

    /** A schedule to save; null reminder lists keep the defaults (7, 3, 1 days before; 1, 3, 7 after). */
    record ScheduleInput(Frequency frequency, List<@MaxChars(NAME) String> agencyDue,
                         List<@MaxChars(NAME) String> consolidationDue, @YearRange Integer firstYear,
                         @YearRange Integer lastYear, List<Integer> reminderDaysBefore, List<Integer> reminderDaysAfter,
                         @MaxChars(TEXT) String sourceText) {
    }

    /** The reason of a return or a reopening. */
    record Reason(@MaxChars(TEXT) String reason) {
    }

    private final Reporting reporting;
    private final Schedules schedules;
    private final Submissions submissions;
    private final ReportingViews views;

    ReportingApiController(Reporting reporting, Schedules schedules, Submissions submissions, ReportingViews views) {
        this.reporting = reporting;
        this.schedules = schedules;
        this.submissions = submissions;
        this.views = views;
    }

    // ----- schedules and periods

    @GetMapping("/plans/{id}/schedule")
    @Operation(summary = "A plan's active reporting schedule: frequency, due day-months of agencies and of consolidation, years")
    Schedule schedule(@PathVariable long id) {
        return reporting.activeSchedule(id).orElseThrow(() -> ApiException.notFound("schedule", id));
    }

    @GetMapping("/plans/{id}/schedules")
    @Operation(summary = "All schedules of a plan, the active one first")
    List<Schedule> schedules(@PathVariable long id) {
        return reporting.schedules(id);
    }

    @PutMapping("/plans/{id}/schedule")
    @Operation(summary = "Create or replace a plan's schedule and regenerate its periods (steering department). "
            + "One dd/MM per period of the year: ANNUAL 1, SEMI_ANNUAL 2, QUARTERLY 4, MONTHLY 12; consolidation after "
            + "the agencies' deadline. Periods that hold reports are kept.")
    Schedule saveSchedule(@PathVariable long id, @Valid @RequestBody ScheduleInput in) {
        // who asks before what is asked: a reader is refused, another province's plan is not found
        Access.requireSteering();
        reporting.schedules(id);
        if (in.firstYear() == null || in.lastYear() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "reporting.schedule.error.yearsRequired");
        }
        return reporting.saveSchedule(id, in.frequency(), in.agencyDue(), in.consolidationDue(), in.firstYear(),
                in.lastYear(), in.reminderDaysBefore(), in.reminderDaysAfter(), in.sourceText());
    }

    @GetMapping("/plans/{id}/periods")
    @Operation(summary = "A plan's reporting periods with their deadlines")
    List<ReportingPeriod> periods(@PathVariable long id) {
        return reporting.periods(id);
    }

    @GetMapping("/periods/{id}")
    @Operation(summary = "One reporting period")
    ReportingPeriod period(@PathVariable long id) {
        return schedules.requirePeriod(id);
    }

    @GetMapping("/periods/{id}/submissions")
    @Operation(summary = "The period's matrix: every required agency (and any other that opened a report) with the "
            + "status of its report (NOT_STARTED, DRAFT, SUBMITTED, RETURNED, APPROVED), late and overdue flags. "
            + "An agency editor sees only its own line.")
    ReportingViews.PeriodView matrix(@PathVariable long id) {
        return views.period(schedules.requirePeriod(id));
    }

    @PostMapping("/periods/{id}/submissions")
    @ResponseStatus(HttpStatus.OK)
    @Operation(summary = "Open (create as a draft, or return the existing) report of an agency for the period: your own "
            + "agency, or for the steering department any agency given as ?agency=")
    ReportingViews.FormView open(@PathVariable long id,
                                 @Parameter(description = "agency id; default: the caller's agency")
                                 @RequestParam(required = false) Long agency) {
        long agencyId = agency != null ? agency : Access.editorAgency().or(vn.dxgov.security.CurrentUser::agencyId)
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "reporting.error.agencyRequired"));
        Submission s = reporting.open(id, agencyId);
        return views.form(s.id());
    }

    // ----- submissions

    @GetMapping("/submissions/{id}")
    @Operation(summary = "A report with its form (target and task lines with stored values), evidence, what is still "
            + "missing, and whether you may edit or decide it")
    ReportingViews.FormView submission(@PathVariable long id) {
        return views.form(id);
    }

    @PutMapping("/submissions/{id}")
    @Operation(summary = "Save values, task progress and narrative into a DRAFT or RETURNED report; lines not sent stay "
            + "as they are; a line with no value clears it. 400 with one detail per bad line; nothing is saved then.")
    ReportingViews.FormView save(@PathVariable long id, @Valid @RequestBody ReportInput input) {
        submissions.checkWrite(id);
        reporting.save(id, input);
        return views.form(id);
    }

    @PostMapping("/submissions/{id}/submit")
    @Operation(summary = "Submit (or resubmit a returned) report; 400 listing the required lines still empty")
    ReportingViews.SubmissionRow submit(@PathVariable long id) {
        return views.row(reporting.submit(id));
    }

    @PostMapping("/submissions/{id}/return")
    @Operation(summary = "Return a submitted report to its agency with a reason (steering department)")
    ReportingViews.SubmissionRow returnToAgency(@PathVariable long id, @Valid @RequestBody(required = false) Reason body) {
        return views.row(reporting.returnToAgency(id, body == null ? null : body.reason()));
    }

    @PostMapping("/submissions/{id}/approve")
    @Operation(summary = "Approve a submitted report; its data is locked (steering department)")
    ReportingViews.SubmissionRow approve(@PathVariable long id) {
        return views.row(reporting.approve(id));
    }

    @PostMapping("/submissions/{id}/reopen")
    @Operation(summary = "Reopen an approved report with a reason; it goes back to the agency and its data is unlocked "
            + "(steering department)")
    ReportingViews.SubmissionRow reopen(@PathVariable long id, @Valid @RequestBody(required = false) Reason body) {
        return views.row(reporting.reopen(id, body == null ? null : body.reason()));
    }

    @GetMapping("/submissions/{id}/history")
    @Operation(summary = "The report's workflow history: created, saved, submitted, returned, approved, reopened; who and when")
    List<Reporting.Event> history(@PathVariable long id) {
        return reporting.history(id);
    }

    @GetMapping("/submissions/{id}/evidence")
    @Operation(summary = "Evidence files of the report as a whole")
    List<Attachments.Attachment> evidence(@PathVariable long id) {
        return reporting.evidence(id);
    }

    @PostMapping(value = "/submissions/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach an evidence file to the report, or with ?task= to a task line whose progress is saved")
    Attachments.Attachment addEvidence(@PathVariable long id, @RequestParam(required = false) Long task,
                                       @RequestPart("file") MultipartFile file) throws IOException {
        return reporting.addEvidence(id, task, file.getOriginalFilename(),
                file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType(),
                file.getBytes());
    }

    @GetMapping("/evidence/{id}")
    @Operation(summary = "Download an evidence file of a report you may read")
    ResponseEntity<byte[]> evidenceFile(@PathVariable long id) {
        Attachments.Content c = reporting.evidenceFile(id).orElseThrow(() -> ApiException.notFound("attachment", id));
        return download(c);
    }

    @DeleteMapping("/evidence/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an evidence file from a DRAFT or RETURNED report")
    void deleteEvidence(@PathVariable long id) {
        reporting.deleteEvidence(id);
    }

    @GetMapping("/inbox")
    @Operation(summary = "The steering department's inbox: submitted reports waiting for a decision, oldest first, with late flags")
    List<ReportingViews.SubmissionRow> inbox() {
        return views.rows(reporting.inbox());
    }

    @GetMapping("/todo")
    @Operation(summary = "An agency's to-do list: open periods not yet submitted, with days left (negative when overdue); "
            + "your own agency, or ?agency= for the steering department and leaders")
    List<ReportingViews.TodoRow> todo(@RequestParam(required = false) Long agency) {
        long agencyId = agency != null ? agency : Access.editorAgency().or(vn.dxgov.security.CurrentUser::agencyId)
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "reporting.error.agencyRequired"));
        return views.todo(agencyId);
    }

    @GetMapping("/agencies/{id}/submissions")
    @Operation(summary = "An agency's reports over all plans, newest period first")
    List<ReportingViews.SubmissionRow> agencySubmissions(@PathVariable long id) {
        return views.rows(reporting.forAgency(id));
    }

    static ResponseEntity<byte[]> download(Attachments.Content c) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(c.attachment().mediaType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(c.attachment().filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(type).body(c.bytes());
    }
}
