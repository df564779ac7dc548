package vn.dxgov.reporting.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.reporting.Frequency;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Schedule;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.web.ApiException;

/**
 * A plan's reporting schedules and the periods they generate. Participants read them for the plans they see; the
 * steering department saves a schedule; a schedule read from a document is set up by the import. Saving is one
 * transaction, audited.
 */
@Service
@Transactional(readOnly = true)
class Schedules {

    private final ReportingRepository repo;
    private final PlanCatalog plans;
    private final AuditLog audit;
    private final ReportingMessages messages;

    Schedules(ReportingRepository repo, PlanCatalog plans, AuditLog audit, ReportingMessages messages) {
        this.repo = repo;
        this.plans = plans;
        this.audit = audit;
        this.messages = messages;
    }

    List<Schedule> schedules(long planId) {
        Access.requireParticipant();
        requirePlan(planId);
        return repo.schedules(planId);
    }

    Optional<Schedule> activeSchedule(long planId) {
        Access.requireParticipant();
        requirePlan(planId);
        return repo.activeSchedule(planId);
    }

    @Transactional
    Schedule saveSchedule(long planId, Frequency frequency, List<String> agencyDue, List<String> consolidationDue,
                          int firstYear, int lastYear, List<Integer> reminderDaysBefore,
                          List<Integer> reminderDaysAfter, String sourceText) {
        Access.requireSteering();
        requirePlan(planId);
        if (!CurrentUser.maySteer(plans.provinceOf(planId).orElse(null))) {
            throw Access.forbidden();
        }
        return store(planId, frequency, agencyDue, consolidationDue, firstYear, lastYear, reminderDaysBefore,
                reminderDaysAfter, sourceText, false, null, "reporting.schedule.save");
    }

    /** Sets up a schedule read from a document (no authorisation: the import that publishes the event has it). */
    @Transactional
    Schedule scheduleFromDocument(long planId, DutySchedule.Proposal p) {
        return store(planId, p.frequency(), p.agencyDue(), p.consolidationDue(), p.firstYear(), p.lastYear(), null,
                null, p.sourceText(), p.needsReview(), p.reviewNote(), "reporting.schedule.fromDocument");
    }

    private Schedule store(long planId, Frequency frequency, List<String> agencyDue, List<String> consolidationDue,
                           int firstYear, int lastYear, List<Integer> before, List<Integer> after, String sourceText,
                           boolean needsReview, String reviewNote, String auditAction) {
        List<String> consolidation = consolidationDue == null || consolidationDue.stream().allMatch(s -> s == null || s.isBlank())
                ? null : consolidationDue;
        List<ScheduleRules.Problem> problems = ScheduleRules.check(frequency, agencyDue, consolidation, firstYear,
                lastYear, before, after);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST,
                    problems.stream().map(p -> messages.msg(p.key(), p.args())).toList(), "reporting.schedule.error");
        }
        List<String> agency = ScheduleRules.normalise(agencyDue);
        consolidation = ScheduleRules.normalise(consolidation);
        List<Integer> remindBefore = before == null ? ScheduleRules.DEFAULT_BEFORE : before.stream().distinct().sorted((a, b) -> b - a).toList();
        List<Integer> remindAfter = after == null ? ScheduleRules.DEFAULT_AFTER : after.stream().distinct().sorted().toList();

        repo.lockSchedules(planId);
        Optional<Schedule> previous = repo.activeSchedule(planId);
        String text = sourceText != null && !sourceText.isBlank() ? sourceText.trim()
                : previous.map(Schedule::sourceText).orElse(null);
        long scheduleId;
        if (previous.isPresent() && previous.get().frequency() == frequency) {
            scheduleId = previous.get().id();
            repo.updateSchedule(scheduleId, agency, consolidation, firstYear, lastYear, remindBefore, remindAfter, text,
                    needsReview, reviewNote);
        } else {
            if (previous.isPresent()) {
                // another frequency: the old schedule stops; its periods go unless agencies reported in them
                repo.deactivateSchedule(previous.get().id());
                for (ReportingPeriod p : repo.periodsOfSchedule(previous.get().id())) {
                    repo.deletePeriodWithoutSubmissions(p.id());
                }
            }
            scheduleId = repo.insertSchedule(planId, frequency, agency, consolidation, firstYear, lastYear, remindBefore,
                    remindAfter, text, needsReview, reviewNote);
        }
        generatePeriods(scheduleId, frequency, agency, consolidation, firstYear, lastYear);
        Schedule saved = repo.schedule(scheduleId).orElseThrow();
        audit.record(auditAction, "reporting_schedule", scheduleId, previous.orElse(null), saved);
        return saved;
    }

    /** (Re)generates a schedule's periods; a period that leaves the schedule stays when agencies reported in it. */
    private void generatePeriods(long scheduleId, Frequency frequency, List<String> agencyDue, List<String> consolidationDue,
                                 int firstYear, int lastYear) {
        Set<String> wanted = new LinkedHashSet<>();
        for (Period p : ScheduleRules.periods(frequency, firstYear, lastYear)) {
            int i = p.index() - 1;
            LocalDate due = ScheduleRules.dueDate(p, ScheduleRules.parse(agencyDue.get(i)).orElseThrow());
            LocalDate consolidation = consolidationDue == null ? null
                    : ScheduleRules.dueDate(p, ScheduleRules.parse(consolidationDue.get(i)).orElseThrow());
            repo.upsertPeriod(scheduleId, p.code(), due, consolidation);
            wanted.add(p.code());
        }
        for (ReportingPeriod existing : repo.periodsOfSchedule(scheduleId)) {
            if (!wanted.contains(existing.period())) {
                repo.deletePeriodWithoutSubmissions(existing.id());
            }
        }
    }

    List<ReportingPeriod> periods(long planId) {
        Access.requireParticipant();
        requirePlan(planId);
        return repo.periodsOfPlan(planId);
    }

    Optional<ReportingPeriod> period(long reportingPeriodId) {
        if (!Access.participates()) {
            return Optional.empty();
        }
        return repo.period(reportingPeriodId).filter(p -> CurrentUser.system() || plans.find(p.planId()).isPresent());
    }

    ReportingPeriod requirePeriod(long id) {
        Access.requireParticipant();
        return period(id).orElseThrow(() -> ApiException.notFound("period", id));
    }

    /** Periods of published plans whose agency deadline falls between two days (no user check: for reminders). */
    List<ReportingPeriod> periodsDueBetween(LocalDate from, LocalDate to) {
        Map<Long, Boolean> published = new HashMap<>();
        return repo.periodsDueBetween(from, to).stream()
                .filter(p -> published.computeIfAbsent(p.planId(), this::published)).toList();
    }

    private boolean published(long planId) {
        return plans.find(planId).map(Plan::published).orElse(false);
    }

    /** The plan, when the current user may see it (the application itself sees all). */
    private void requirePlan(long planId) {
        if (!CurrentUser.system() && plans.find(planId).isEmpty()) {
            throw ApiException.notFound("plan", planId);
        }
    }
}
