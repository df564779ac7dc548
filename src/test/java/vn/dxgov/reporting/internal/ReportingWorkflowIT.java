package vn.dxgov.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.DataValueVersion;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorTypes;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.reporting.Frequency;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Schedule;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionAction;
import vn.dxgov.reporting.SubmissionChanged;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.security.Role;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.AgencyKind;

/**
 * The reporting cycle on the embedded database with the real plans of the seed documents: schedules read from the
 * documents, each workflow step with its event, audit record and lock, late flags with a fixed clock, the inbox and
 * the to-do list, required-line validation. "Today" is 20 November 2025 unless a test moves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ReportingTestConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingWorkflowIT extends ReportingSupport {

    static final LocalDate TODAY = LocalDate.of(2025, 11, 20);

    @Autowired
    AgencyDirectory agencies;
    @Autowired
    AdminUnits units;
    @Autowired
    ReportingTestConfig.Recorder recorder;
    @Autowired
    TargetCatalog targets;
    @Autowired
    IndicatorCatalog indicators;
    @Autowired
    DataValueStore values;

    long plan001;
    long plan002;
    long plan004;
    ReportingPeriod p2025;
    List<Long> required;
    String steering;
    String leader;

    @BeforeAll
    void importSeeds() throws IOException {
        ReportingTestConfig.CLOCK.set(TODAY, 9);
        data.resetPlans();
        data.ensureUnits();
        plan001 = importSeed(SEED_001, "001.txt", true);
        plan004 = importSeed(SEED_004, "004.txt", true);
        plan002 = importSeed(SEED_002, "002.txt", false);
        steering = user("st", Role.STEERING, null);
        leader = user("ld", Role.LEADER, null);
        p2025 = as(steering, () -> reporting.periods(plan001)).stream().filter(p -> p.period().equals("2025")).findFirst().orElseThrow();
        required = reporting.requiredAgencies(p2025.id());
    }

    @BeforeEach
    void today() {
        ReportingTestConfig.CLOCK.set(TODAY, 9);
        recorder.events().clear();
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    String editorOf(int i) {
        return user("ed" + i, Role.EDITOR, required.get(i));
    }

    // ----- schedules from the documents

    @Test
    void seed001ReportsYearlyBy0512AndConsolidatesBy1512() {
        Schedule s = as(steering, () -> reporting.activeSchedule(plan001)).orElseThrow();
        assertThat(s.frequency()).isEqualTo(Frequency.ANNUAL);
        assertThat(s.agencyDue()).containsExactly("05/12");
        assertThat(s.consolidationDue()).containsExactly("15/12");
        assertThat(s.firstYear()).isEqualTo(2022);
        assertThat(s.lastYear()).isEqualTo(2025);
        assertThat(s.needsReview()).isFalse();
        assertThat(s.sourceText()).contains("05/12").contains("Sở Thông tin và Truyền thông");
        assertThat(s.reminderDaysBefore()).containsExactly(7, 3, 1);
        List<ReportingPeriod> periods = as(steering, () -> reporting.periods(plan001));
        assertThat(periods).extracting(ReportingPeriod::period).containsExactly("2022", "2023", "2024", "2025");
        assertThat(p2025.agencyDueOn()).isEqualTo(LocalDate.of(2025, 12, 5));
        assertThat(p2025.consolidationDueOn()).isEqualTo(LocalDate.of(2025, 12, 15));
        // the API shows the same
        Answer api = call("steering", "GET", "/api/v1/plans/" + plan001 + "/schedule", null);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body().get("agencyDue").get(0).asText()).isEqualTo("05/12");
        assertThat(api.body().get("consolidationDue").get(0).asText()).isEqualTo("15/12");
        assertThat(call("steering", "GET", "/api/v1/plans/" + plan001 + "/periods", null).body()).hasSize(4);
    }

    @Test
    void seed004ReportsHalfYearlyBy3006And1512() {
        Schedule s = as(steering, () -> reporting.activeSchedule(plan004)).orElseThrow();
        assertThat(s.frequency()).isEqualTo(Frequency.SEMI_ANNUAL);
        assertThat(s.agencyDue()).containsExactly("30/06", "15/12");
        assertThat(s.consolidationDue()).isNull();
        List<ReportingPeriod> periods = as(steering, () -> reporting.periods(plan004));
        assertThat(periods).filteredOn(p -> p.period().startsWith("2025")).extracting(ReportingPeriod::period, ReportingPeriod::agencyDueOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2025S1", LocalDate.of(2025, 6, 30)),
                        org.assertj.core.groups.Tuple.tuple("2025S2", LocalDate.of(2025, 12, 15)));
    }

    @Test
    void seed002ReportsQuarterlyOnDefaultDatesAndAsksForReview() {
        Schedule s = as(steering, () -> reporting.activeSchedule(plan002)).orElseThrow();
        assertThat(s.frequency()).isEqualTo(Frequency.QUARTERLY);
        assertThat(s.agencyDue()).containsExactly("15/03", "15/06", "15/09", "15/12");
        assertThat(s.needsReview()).isTrue();
        assertThat(s.reviewNote()).isNotBlank();
    }

    // ----- schedules by hand

    @Test
    void savingAScheduleIsCheckedAndKeepsPeriodsWithReports() {
        String editor = editorOf(7);
        // only the steering department edits schedules
        assertThatThrownBy(() -> as(editor, () -> reporting.saveSchedule(plan004, Frequency.ANNUAL, List.of("05/12"),
                null, 2023, 2025, null, null, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        // one date per period, real dates, consolidation after the agencies, sane years: every problem at once
        Answer bad = call("steering", "PUT", "/api/v1/plans/" + plan004 + "/schedule", Map.of("frequency", "SEMI_ANNUAL",
                "agencyDue", List.of("31/06"), "consolidationDue", List.of("01/06", "10/12"), "firstYear", 2026, "lastYear", 2023));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("message").asText()).isNotBlank();
        assertThat(bad.body().get("details")).hasSize(2);
        assertThat(bad.body().get("details").toString()).contains("2").contains("2026");
        Answer before = call("steering", "PUT", "/api/v1/plans/" + plan004 + "/schedule", Map.of("frequency", "SEMI_ANNUAL",
                "agencyDue", List.of("30/06", "10/12"), "consolidationDue", List.of("05/07", "05/12"), "firstYear", 2023, "lastYear", 2025));
        assertThat(before.status()).isEqualTo(400);
        assertThat(before.body().get("details").toString()).contains("05/12").contains("10/12");

        // a report in 2022, then the schedule moves to 2023-2026: 2022 stays (same period), 2026 comes
        ReportingPeriod p2022 = as(steering, () -> reporting.periods(plan001)).get(0);
        assertThat(p2022.period()).isEqualTo("2022");
        Submission kept = as(steering, () -> reporting.open(p2022.id(), required.get(8)));
        try {
            Answer ok = call("steering", "PUT", "/api/v1/plans/" + plan001 + "/schedule", Map.of("frequency", "ANNUAL",
                    "agencyDue", List.of("5/12"), "consolidationDue", List.of("15/12"), "firstYear", 2023, "lastYear", 2026,
                    "reminderDaysBefore", List.of(10, 2)));
            assertThat(ok.status()).as(ok.text()).isEqualTo(200);
            assertThat(ok.body().get("agencyDue").get(0).asText()).isEqualTo("05/12");
            assertThat(ok.body().get("reminderDaysBefore").toString()).isEqualTo("[10,2]");
            List<ReportingPeriod> periods = as(steering, () -> reporting.periods(plan001));
            assertThat(periods).extracting(ReportingPeriod::period).containsExactly("2022", "2023", "2024", "2025", "2026");
            assertThat(periods.get(0).id()).isEqualTo(kept.reportingPeriodId());
            assertThat(periods.get(3).id()).isEqualTo(p2025.id());
            assertThat(audits("reporting.schedule.save", as(steering, () -> reporting.activeSchedule(plan001)).orElseThrow().id()))
                    .isEqualTo(1);
            // without the report, 2022 would have gone
            as(steering, () -> reporting.saveSchedule(plan001, Frequency.ANNUAL, List.of("05/12"), List.of("15/12"), 2024,
                    2025, null, null, null));
            assertThat(as(steering, () -> reporting.periods(plan001))).extracting(ReportingPeriod::period)
                    .containsExactly("2022", "2024", "2025");
        } finally {
            as(steering, () -> reporting.saveSchedule(plan001, Frequency.ANNUAL, List.of("05/12"), List.of("15/12"), 2022,
                    2025, null, null, null));
        }
        assertThat(as(steering, () -> reporting.periods(plan001))).extracting(ReportingPeriod::period)
                .containsExactly("2022", "2023", "2024", "2025");

        // another frequency: a new schedule, the old one inactive
        Schedule yearly = as(steering, () -> reporting.saveSchedule(plan004, Frequency.ANNUAL, List.of("20/12"), null,
                2024, 2026, List.of(5), List.of(2), null));
        assertThat(yearly.active()).isTrue();
        assertThat(yearly.sourceText()).contains("30/6"); // the document's sentence stays
        assertThat(as(steering, () -> reporting.schedules(plan004))).extracting(Schedule::active).containsExactly(true, false);
        assertThat(as(steering, () -> reporting.periods(plan004))).extracting(ReportingPeriod::period)
                .containsExactly("2024", "2025", "2026");
        as(steering, () -> reporting.saveSchedule(plan004, Frequency.SEMI_ANNUAL, List.of("30/06", "15/12"), null,
                2021, 2025, null, null, null));
        assertThat(as(steering, () -> reporting.periods(plan004))).hasSize(10);
    }

    // ----- the workflow

    @Test
    void draftSubmittedReturnedResubmittedApprovedAndReopened() {
        long agency = required.get(0);
        String editor = editorOf(0);
        Submission draft = as(editor, () -> reporting.open(p2025.id(), agency));
        assertThat(draft.status()).isEqualTo(SubmissionStatus.DRAFT);
        assertThat(draft.dueOn()).isEqualTo(LocalDate.of(2025, 12, 5));
        Agency a = agencies.find(agency).orElseThrow();
        assertThat(draft.unitId()).isEqualTo(units.findProvince(a.provinceCode(), LocalDate.of(2025, 12, 31)).orElseThrow().id());
        // opening again gives the same report
        assertThat(as(editor, () -> reporting.open(p2025.id(), agency)).id()).isEqualTo(draft.id());

        ReportForm form = as(editor, () -> reporting.form(draft.id()));
        assertThat(form.tasks().size() + form.targets().size()).isPositive();
        as(editor, () -> reporting.save(draft.id(), complete(form)));
        Submission submitted = as(editor, () -> reporting.submit(draft.id()));
        assertThat(submitted.status()).isEqualTo(SubmissionStatus.SUBMITTED);
        assertThat(submitted.late()).isFalse();
        assertThat(submitted.submittedBy()).isEqualTo(editor);
        assertThat(as(steering, () -> reporting.inbox())).extracting(Submission::id).contains(draft.id());

        // an editor cannot decide, not even on its own report
        assertThatThrownBy(() -> as(editor, () -> reporting.approve(draft.id())))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        // a return needs a reason
        assertThatThrownBy(() -> as(steering, () -> reporting.returnToAgency(draft.id(), "  ")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
        Submission returned = as(steering, () -> reporting.returnToAgency(draft.id(), "Thiếu số liệu quý IV"));
        assertThat(returned.status()).isEqualTo(SubmissionStatus.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("Thiếu số liệu quý IV");
        assertThat(as(steering, () -> reporting.inbox())).extracting(Submission::id).doesNotContain(draft.id());
        // a returned report can be approved only after resubmission
        assertThatThrownBy(() -> as(steering, () -> reporting.approve(draft.id())))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.messageKey()).isEqualTo("reporting.error.transition");
                });

        ReportForm again = as(editor, () -> reporting.form(draft.id()));
        ReportForm.TaskLine first = again.tasks().stream().filter(ReportForm.TaskLine::required).findFirst().orElseThrow();
        as(editor, () -> reporting.save(draft.id(), new ReportInput(null, List.of(),
                List.of(new ReportInput.TaskProgress(first.taskId(), TaskProgressStatus.DONE, null, "Đã hoàn thành")))));
        ReportForm.TaskLine done = as(editor, () -> reporting.form(draft.id())).tasks().stream()
                .filter(l -> l.taskId() == first.taskId()).findFirst().orElseThrow();
        assertThat(done.status()).isEqualTo(TaskProgressStatus.DONE);
        assertThat(done.percentComplete()).isEqualTo(100);
        assertThat(jdbc.sql("select count(*) from task_progress_version where task_progress_id = ?").param(done.progressId())
                .query(Integer.class).single()).isEqualTo(2);

        Submission resubmitted = as(editor, () -> reporting.submit(draft.id()));
        assertThat(resubmitted.status()).isEqualTo(SubmissionStatus.SUBMITTED);
        Submission approved = as(steering, () -> reporting.approve(draft.id()));
        assertThat(approved.status()).isEqualTo(SubmissionStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(steering);

        // approved data is locked: the lines show it and writes are refused
        ReportForm locked = as(editor, () -> reporting.form(draft.id()));
        assertThat(locked.tasks()).allMatch(ReportForm.TaskLine::locked);
        assertThat(jdbc.sql("select bool_and(locked) from task_progress where submission_id = ?").param(draft.id())
                .query(Boolean.class).single()).isTrue();
        assertThatThrownBy(() -> as(editor, () -> reporting.save(draft.id(), new ReportInput("sửa", List.of(), List.of()))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        Answer refused = call(editor, "PUT", "/api/v1/submissions/" + draft.id(), Map.of("narrative", "sửa"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("message").asText()).contains("Đã duyệt");

        // reopening needs a reason, is recorded and unlocks
        assertThatThrownBy(() -> as(steering, () -> reporting.reopen(draft.id(), null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
        Submission reopened = as(steering, () -> reporting.reopen(draft.id(), "Sở Tài chính đề nghị điều chỉnh số liệu"));
        assertThat(reopened.status()).isEqualTo(SubmissionStatus.RETURNED);
        assertThat(as(editor, () -> reporting.form(draft.id())).tasks()).noneMatch(ReportForm.TaskLine::locked);
        as(editor, () -> reporting.save(draft.id(), new ReportInput("Đã điều chỉnh", List.of(), List.of())));

        List<Reporting.Event> history = as(editor, () -> reporting.history(draft.id()));
        assertThat(history).extracting(Reporting.Event::action)
                .containsExactly(SubmissionAction.CREATE, SubmissionAction.SAVE, SubmissionAction.SUBMIT, SubmissionAction.RETURN, SubmissionAction.SAVE, SubmissionAction.RESUBMIT, SubmissionAction.APPROVE, SubmissionAction.REOPEN, SubmissionAction.SAVE);
        assertThat(history.get(3).reason()).isEqualTo("Thiếu số liệu quý IV");
        assertThat(history.get(7).reason()).isEqualTo("Sở Tài chính đề nghị điều chỉnh số liệu");
        assertThat(history.get(7).from()).isEqualTo(SubmissionStatus.APPROVED);
        assertThat(history.get(7).to()).isEqualTo(SubmissionStatus.RETURNED);
        for (String action : List.of("submission.create", "submission.save", "submission.submit", "submission.return",
                "submission.resubmit", "submission.approve", "submission.reopen")) {
            assertThat(audits(action, draft.id())).as(action).isPositive();
        }
        String auditBefore = jdbc.sql("select before::text from audit_event where action = 'submission.reopen' and entity_id = ?")
                .param(Long.toString(draft.id())).query(String.class).single();
        assertThat(auditBefore).contains("APPROVED");
        // every step reached the listeners after commit
        assertThat(recorder.events()).filteredOn(e -> e.submission().id() == draft.id()).extracting(SubmissionChanged::action)
                .containsExactly(SubmissionAction.SUBMIT, SubmissionAction.RETURN, SubmissionAction.RESUBMIT,
                        SubmissionAction.APPROVE, SubmissionAction.REOPEN);
        assertThat(recorder.events()).filteredOn(e -> e.action() == SubmissionAction.RETURN).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("Thiếu số liệu quý IV"));
    }

    @Test
    void submittingChecksEveryRequiredLine() {
        long agency = required.get(1);
        String editor = editorOf(1);
        Submission s = as(editor, () -> reporting.open(p2025.id(), agency));
        ReportForm form = as(editor, () -> reporting.form(s.id()));
        long requiredLines = form.targets().stream().filter(ReportForm.TargetLine::required).count()
                + form.tasks().stream().filter(ReportForm.TaskLine::required).count();
        assertThat(requiredLines).isPositive();
        Answer refused = call(editor, "POST", "/api/v1/submissions/" + s.id() + "/submit", null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("details")).hasSize((int) requiredLines);
        assertThat(refused.body().get("message").asText()).contains(Long.toString(requiredLines));

        // bad lines are refused one by one and nothing is saved
        ReportForm.TaskLine task = form.tasks().stream().filter(ReportForm.TaskLine::required).findFirst().orElseThrow();
        Answer bad = call(editor, "PUT", "/api/v1/submissions/" + s.id(), Map.of("narrative", "không lưu", "tasks", List.of(
                Map.of("taskId", task.taskId(), "status", "DONE", "percentComplete", 40),
                Map.of("taskId", 999999999, "status", "DONE"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("details")).hasSize(2);
        assertThat(as(editor, () -> reporting.find(s.id())).orElseThrow().narrative()).isNull();

        // all but one required line: one detail left
        ReportInput all = complete(form);
        ReportInput allButOne = new ReportInput(all.narrative(), all.targets(), all.tasks().subList(1, all.tasks().size()));
        as(editor, () -> reporting.save(s.id(), allButOne));
        assertThatThrownBy(() -> as(editor, () -> reporting.submit(s.id())))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.details()).singleElement().asString().contains(all.tasks().get(0).taskId() == task.taskId()
                            ? (task.taskCode() == null ? "" : task.taskCode()) : "");
                });
        as(editor, () -> reporting.save(s.id(), all));
        assertThat(as(editor, () -> reporting.submit(s.id())).status()).isEqualTo(SubmissionStatus.SUBMITTED);
    }

    @Test
    void aReportFirstSubmittedAfterTheDeadlineIsLateForGood() {
        long onTimeAgency = required.get(2);
        long lateAgency = required.get(3);
        Submission onTime = as(editorOf(2), () -> fillAndSubmit(p2025.id(), onTimeAgency));
        assertThat(onTime.late()).isFalse();

        ReportingTestConfig.CLOCK.set(LocalDate.of(2025, 12, 5), 23); // the last evening is still on time
        Submission draft = as(editorOf(3), () -> reporting.open(p2025.id(), lateAgency));
        as(editorOf(3), () -> reporting.save(draft.id(), complete(reporting.form(draft.id()))));
        ReportingTestConfig.CLOCK.set(LocalDate.of(2025, 12, 8), 9);
        Submission late = as(editorOf(3), () -> reporting.submit(draft.id()));
        assertThat(late.late()).isTrue();
        assertThat(late.firstSubmittedAt()).isEqualTo(ReportingTestConfig.CLOCK.instant());

        // returned and resubmitted after the deadline: the on-time report stays on time, the late one stays late
        as(steering, () -> reporting.returnToAgency(onTime.id(), "Bổ sung minh chứng"));
        as(steering, () -> reporting.returnToAgency(late.id(), "Bổ sung minh chứng"));
        assertThat(as(editorOf(2), () -> reporting.submit(onTime.id())).late()).isFalse();
        assertThat(as(editorOf(3), () -> reporting.submit(late.id())).late()).isTrue();

        // the inbox: oldest first, with the late flag, for the steering department and leaders
        List<Submission> inbox = as(leader, () -> reporting.inbox());
        assertThat(inbox).extracting(Submission::id).containsSubsequence(onTime.id(), late.id());
        Answer api = call(leader, "GET", "/api/v1/inbox", null);
        assertThat(api.status()).isEqualTo(200);
        JsonNodes.assertContains(api.body(), late.id(), "late", "true");
        // the matrix of the period shows both
        Answer matrix = call("steering", "GET", "/api/v1/periods/" + p2025.id() + "/submissions", null);
        assertThat(matrix.status()).isEqualTo(200);
        assertThat(matrix.body().get("rows").size()).isEqualTo(required.size());
        JsonNodes.assertRow(matrix.body().get("rows"), lateAgency, "status", "SUBMITTED");
        JsonNodes.assertRow(matrix.body().get("rows"), lateAgency, "late", "true");
    }

    @Test
    void theToDoListShowsOpenPeriodsWithDaysLeft() {
        long agency = required.get(4);
        String editor = editorOf(4);
        List<Reporting.TodoItem> todo = as(editor, () -> reporting.todo(agency, TODAY));
        // 2022-2024 were never reported (overdue), 2025 is due in 15 days
        assertThat(todo).extracting(t -> t.period().period()).containsExactly("2022", "2023", "2024", "2025");
        Reporting.TodoItem current = todo.get(3);
        assertThat(current.daysLeft()).isEqualTo(15);
        assertThat(current.submission()).isNull();
        assertThat(todo.get(0).daysLeft()).isNegative();
        // through the API, for my own agency
        Answer api = call(editor, "GET", "/api/v1/todo", null);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).hasSize(4);
        assertThat(api.body().get(3).get("daysLeft").asLong()).isEqualTo(15);
        // a draft stays on the list; a submitted report leaves it
        Submission s = as(editor, () -> reporting.open(p2025.id(), agency));
        assertThat(as(editor, () -> reporting.todo(agency, TODAY)).get(3).submission().id()).isEqualTo(s.id());
        as(editor, () -> fillAndSubmit(p2025.id(), agency));
        assertThat(as(editor, () -> reporting.todo(agency, TODAY))).extracting(t -> t.period().period())
                .containsExactly("2022", "2023", "2024");
        // another agency's list is not the editor's business
        assertThatThrownBy(() -> as(editor, () -> reporting.todo(required.get(5), TODAY)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
    }

    @Test
    void valuesGoToTheDataValueStoreAndAreLockedOnApproval() {
        // an agency (not used by the other tests) that leads a target measured by a ratio
        long agency = required.subList(9, required.size()).stream().filter(id -> targets.forAgency(id, List.of(plan001)).stream()
                .anyMatch(t -> t.leadAgencyIds().contains(id) && indicators.forTarget(t.id())
                        .map(i -> i.valueType() == IndicatorTypes.ValueType.RATIO).orElse(false)))
                .findFirst().orElseThrow();
        String editor = user("edv", Role.EDITOR, agency);
        Submission s = as(editor, () -> reporting.open(p2025.id(), agency));
        ReportForm form = as(editor, () -> reporting.form(s.id()));
        ReportForm.TargetLine ratio = form.targets().stream().filter(l -> l.required() && l.ratio()).findFirst().orElseThrow();
        assertThat(ratio.value()).isNull();

        // a ratio needs a positive denominator: refused with one detail, nothing stored
        assertThatThrownBy(() -> as(editor, () -> reporting.save(s.id(), new ReportInput(null, List.of(
                new ReportInput.TargetValue(ratio.targetId(), null, BigDecimal.valueOf(3), BigDecimal.ZERO, null)), List.of()))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.details()).singleElement().asString().contains("mẫu số");
                });
        as(editor, () -> reporting.save(s.id(), new ReportInput(null, List.of(
                new ReportInput.TargetValue(ratio.targetId(), null, BigDecimal.valueOf(45), BigDecimal.valueOf(60), "Số liệu quý III")),
                List.of())));
        ReportForm.TargetLine saved = as(editor, () -> reporting.form(s.id())).targets().stream()
                .filter(l -> l.targetId() == ratio.targetId()).findFirst().orElseThrow();
        assertThat(saved.numerator()).isEqualByComparingTo("45");
        assertThat(saved.denominator()).isEqualByComparingTo("60");
        assertThat(saved.value()).isEqualByComparingTo("75");
        assertThat(saved.comment()).isEqualTo("Số liệu quý III");
        DataValue stored = values.forSubmission(s.id()).stream().filter(v -> v.indicatorId() == ratio.indicatorId())
                .findFirst().orElseThrow();
        assertThat(stored.source()).isEqualTo(ValueSource.FORM);
        assertThat(stored.unitId()).isEqualTo(s.unitId());
        assertThat(stored.period()).isEqualTo("2025");
        assertThat(stored.updatedBy()).isEqualTo(editor);

        as(editor, () -> reporting.save(s.id(), complete(reporting.form(s.id()))));
        as(editor, () -> reporting.submit(s.id()));
        as(steering, () -> reporting.approve(s.id()));
        assertThat(values.forSubmission(s.id())).isNotEmpty().allMatch(DataValue::locked);
        // a locked value is refused, through the report and directly
        assertThatThrownBy(() -> as(editor, () -> values.write(List.of(new DataValueInput(ratio.indicatorId(), s.unitId(), "2025",
                null, BigDecimal.ONE, BigDecimal.TEN, null)), ValueSource.API, null, false)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        assertThat(as(editor, () -> reporting.form(s.id())).targets()).allMatch(ReportForm.TargetLine::locked);

        as(steering, () -> reporting.reopen(s.id(), "Điều chỉnh theo số liệu thống kê chính thức"));
        assertThat(values.forSubmission(s.id())).noneMatch(DataValue::locked);
        as(editor, () -> reporting.save(s.id(), new ReportInput(null, List.of(
                new ReportInput.TargetValue(ratio.targetId(), null, BigDecimal.valueOf(48), BigDecimal.valueOf(60), null)), List.of())));
        DataValue corrected = values.forSubmission(s.id()).stream().filter(v -> v.indicatorId() == ratio.indicatorId())
                .findFirst().orElseThrow();
        assertThat(corrected.value()).isEqualByComparingTo("80");
        assertThat(values.history(corrected.id())).extracting(DataValueVersion::action).contains("APPROVE", "REOPEN");
    }

    @Test
    void requiredAgenciesAreTheLeadsButNotCollectives() {
        assertThat(required).isNotEmpty();
        Map<Long, Agency> byId = agencies.findAll(required);
        assertThat(byId.values()).noneMatch(a -> a.kind() == AgencyKind.COLLECTIVE);
        assertThat(byId.values()).extracting(Agency::name).contains("Sở Thông tin và Truyền thông");
        // a collective cannot open a report
        Agency collective = agencies.list(null, "cac so ban nganh").stream()
                .filter(a -> a.kind() == AgencyKind.COLLECTIVE).findFirst().orElseThrow();
        assertThatThrownBy(() -> as(steering, () -> reporting.open(p2025.id(), collective.id())))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
        // deadlines of published plans, for the reminders
        assertThat(reporting.periodsDueBetween(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31)))
                .extracting(ReportingPeriod::id).contains(p2025.id())
                .allSatisfy(id -> assertThat(id).isNotNull());
        assertThat(reporting.periodsDueBetween(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31)))
                .noneMatch(p -> p.planId() == plan002); // a draft plan reminds nobody
    }
}
