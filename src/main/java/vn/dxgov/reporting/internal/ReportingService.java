package vn.dxgov.reporting.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.files.Attachments;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorTypes;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.indicators.ValueState;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
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
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.tasks.Task;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.tasks.TaskFilter;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.AgencyKind;
import vn.dxgov.units.UnitLink;

/**
 * The reporting cycle. Every public method checks who is asking ({@link Access}); every write is one transaction,
 * audited, and each workflow step leaves a {@code submission_event} and publishes {@link SubmissionChanged} inside
 * the transaction, so transactional listeners receive it after commit.
 */
@Service
@Transactional(readOnly = true)
class ReportingService implements Reporting {

    static final String OWNER_SUBMISSION = "SUBMISSION";
    static final String OWNER_TASK_PROGRESS = "TASK_PROGRESS";

    private final ReportingRepository repo;
    private final PlanCatalog plans;
    private final TargetCatalog targets;
    private final TaskCatalog tasks;
    private final AgencyDirectory agencies;
    private final AdminUnits units;
    private final IndicatorCatalog indicators;
    private final DataValueStore values;
    private final Attachments files;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MessageSource messages;

    ReportingService(ReportingRepository repo, PlanCatalog plans, TargetCatalog targets, TaskCatalog tasks,
                     AgencyDirectory agencies, AdminUnits units, IndicatorCatalog indicators,
                     DataValueStore values, Attachments files, AuditLog audit,
                     ApplicationEventPublisher events, Clock clock, MessageSource messages) {
        this.repo = repo;
        this.plans = plans;
        this.targets = targets;
        this.tasks = tasks;
        this.agencies = agencies;
        this.units = units;
        this.indicators = indicators;
        this.values = values;
        this.files = files;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.messages = messages;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Instant now() {
        return clock.instant();
    }

    // =====================================================================================================
    // schedules and periods
    // =====================================================================================================

    @Override
    public List<Schedule> schedules(long planId) {
        Access.requireParticipant();
        requirePlan(planId);
        return repo.schedules(planId);
    }

    @Override
    public Optional<Schedule> activeSchedule(long planId) {
        Access.requireParticipant();
        requirePlan(planId);
        return repo.activeSchedule(planId);
    }

    @Override
    @Transactional
    public Schedule saveSchedule(long planId, Frequency frequency, List<String> agencyDue, List<String> consolidationDue,
                                 int firstYear, int lastYear, List<Integer> reminderDaysBefore,
                                 List<Integer> reminderDaysAfter, String sourceText) {
        Access.requireSteering();
        requirePlan(planId);
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
                    problems.stream().map(p -> msg(p.key(), p.args())).toList(), "reporting.schedule.error");
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

    @Override
    public List<ReportingPeriod> periods(long planId) {
        Access.requireParticipant();
        requirePlan(planId);
        return repo.periodsOfPlan(planId);
    }

    @Override
    public Optional<ReportingPeriod> period(long reportingPeriodId) {
        if (!Access.participates()) {
            return Optional.empty();
        }
        return repo.period(reportingPeriodId).filter(p -> CurrentUser.system() || plans.find(p.planId()).isPresent());
    }

    ReportingPeriod requirePeriod(long id) {
        Access.requireParticipant();
        return period(id).orElseThrow(() -> ApiException.notFound("period", id));
    }

    @Override
    public List<ReportingPeriod> periodsDueBetween(LocalDate from, LocalDate to) {
        Map<Long, Boolean> published = new HashMap<>();
        return repo.periodsDueBetween(from, to).stream()
                .filter(p -> published.computeIfAbsent(p.planId(), this::published)).toList();
    }

    private boolean published(long planId) {
        return plans.find(planId).map(Plan::published).orElse(false);
    }

    @Override
    public List<Long> requiredAgencies(long reportingPeriodId) {
        ReportingPeriod period = repo.period(reportingPeriodId).orElseThrow(() -> ApiException.notFound("period", reportingPeriodId));
        return requiredAgencies(period.planId(), Period.parse(period.period()).year());
    }

    /**
     * The agencies that must report on a plan in a year: the lead agencies of its targets and of its tasks that run
     * in that year, except collectives ("Các sở, ban, ngành", "UBND các huyện"), which are not one organisation and
     * cannot report; sorted by name.
     */
    List<Long> requiredAgencies(long planId, int year) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Target t : targets.forPlan(planId, TargetFilter.ALL)) {
            ids.addAll(t.leadAgencyIds());
        }
        for (Task t : tasks.forPlan(planId, TaskFilter.ALL)) {
            if (t.runsIn(year)) {
                ids.addAll(t.leadAgencyIds());
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Agency> found = agencies.findAll(ids);
        return found.values().stream().filter(a -> a.kind() != AgencyKind.COLLECTIVE)
                .sorted((a, b) -> VietText.collator().compare(a.name(), b.name())).map(Agency::id).toList();
    }

    // =====================================================================================================
    // submissions
    // =====================================================================================================

    @Override
    @Transactional
    public Submission open(long reportingPeriodId, long agencyId) {
        Access.requireParticipant();
        if (!Access.mayWriteFor(agencyId)) {
            throw Access.forbidden();
        }
        ReportingPeriod period = period(reportingPeriodId).orElseThrow(() -> ApiException.notFound("period", reportingPeriodId));
        Optional<Submission> existing = repo.submission(reportingPeriodId, agencyId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Agency agency = agencies.find(agencyId).orElseThrow(() -> ApiException.notFound("agency", agencyId));
        if (agency.kind() == AgencyKind.COLLECTIVE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "reporting.error.collective", agency.name());
        }
        if (period.status() == ReportingPeriod.Status.CLOSED) {
            throw new ApiException(HttpStatus.CONFLICT, "reporting.error.periodClosed", period.period());
        }
        int year = Period.parse(period.period()).year();
        boolean concerned = requiredAgencies(period.planId(), year).contains(agencyId)
                || !targets.forAgency(agencyId, List.of(period.planId())).isEmpty()
                || tasks.forAgency(agencyId, List.of(period.planId())).stream().anyMatch(t -> t.runsIn(year));
        if (!concerned) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "reporting.error.notConcerned", agency.name(), period.period());
        }
        Instant now = clock.instant();
        long id = repo.insertSubmission(reportingPeriodId, agencyId, unitFor(agency, period).orElse(null), now);
        if (id < 0) {
            // created concurrently by another request
            return repo.submission(reportingPeriodId, agencyId).orElseThrow();
        }
        repo.insertEvent(id, SubmissionAction.CREATE, null, SubmissionStatus.DRAFT, null, CurrentUser.actor(), now);
        Submission created = repo.submission(id).orElseThrow();
        audit.record("submission.create", "submission", id, null, created);
        return created;
    }

    /**
     * The administrative unit whose figures an agency reports: its province as valid on the last day of the period
     * (a province merged on 1/7/2025 is followed to the province that took it over).
     */
    Optional<Long> unitFor(Agency agency, ReportingPeriod period) {
        if (agency.provinceCode() == null) {
            return Optional.empty();
        }
        LocalDate end = Period.parse(period.period()).end();
        Optional<AdminUnit> province = units.findProvince(agency.provinceCode(), end);
        if (province.isPresent()) {
            return province.map(AdminUnit::id);
        }
        return units.find(agency.provinceCode(), LocalDate.of(2025, 6, 30)).stream()
                .flatMap(u -> units.successors(u.id()).stream()).map(UnitLink::successor)
                .filter(u -> u.validOn(end)).map(AdminUnit::id).findFirst();
    }

    @Override
    public Optional<Submission> find(long submissionId) {
        if (!Access.participates()) {
            return Optional.empty();
        }
        return repo.submission(submissionId).filter(Access::mayRead);
    }

    /** A submission the current user may read: 403 for those who see nothing of reporting, else 404. */
    Submission requireRead(long submissionId) {
        Access.requireParticipant();
        return find(submissionId).orElseThrow(() -> ApiException.notFound("submission", submissionId));
    }

    /** Locks and returns a submission the current user may write: 404 when missing, 403 when not theirs. */
    private Submission requireWrite(long submissionId) {
        Access.requireParticipant();
        Submission s = repo.lockSubmission(submissionId).orElseThrow(() -> ApiException.notFound("submission", submissionId));
        if (!Access.mayWriteFor(s.agencyId())) {
            throw Access.forbidden();
        }
        return s;
    }

    /** Checks, without locking, that the current user may write a submission: 404 when missing, 403 when not theirs. */
    void checkWrite(long submissionId) {
        Access.requireParticipant();
        Submission s = repo.submission(submissionId).orElseThrow(() -> ApiException.notFound("submission", submissionId));
        if (!Access.mayWriteFor(s.agencyId())) {
            throw Access.forbidden();
        }
    }

    private Submission requireDecision(long submissionId) {
        Access.requireParticipant();
        Access.requireSteering();
        return repo.lockSubmission(submissionId).orElseThrow(() -> ApiException.notFound("submission", submissionId));
    }

    @Override
    public ReportForm form(long submissionId) {
        Submission s = requireRead(submissionId);
        ReportForm form = buildForm(s);
        if (Access.leader() && (s.status() == SubmissionStatus.DRAFT || s.status() == SubmissionStatus.RETURNED)) {
            // a draft's figures are its agency's business (and the steering department's, which acts on its behalf)
            return withoutFigures(form);
        }
        return form;
    }

    /** The form with the lines' figures left out (a leader reading an agency's draft). */
    private static ReportForm withoutFigures(ReportForm f) {
        List<ReportForm.TargetLine> lines = f.targets().stream().map(l -> new ReportForm.TargetLine(l.targetId(),
                l.targetCode(), l.text(), l.indicatorId(), l.indicatorCode(), l.unit(), l.ratio(), l.yesNo(),
                l.required(), null, null, null, null, l.locked(), l.split(), l.label(), l.deadlineYear(),
                l.contribution(), l.version(), l.state(), l.official(), List.of())).toList();
        return new ReportForm(f.submission(), lines, f.tasks(), f.skipped());
    }

    /** Whether the current user may change this report now (its agency's editor, or the steering department). */
    boolean editable(Submission s) {
        return Access.mayWriteFor(s.agencyId()) && (s.status() == SubmissionStatus.DRAFT || s.status() == SubmissionStatus.RETURNED);
    }

    ReportForm buildForm(Submission s) {
        Period period = Period.parse(s.period());
        int year = period.year();
        boolean approved = s.status() == SubmissionStatus.APPROVED;
        List<Long> planIds = List.of(s.planId());

        // period-true: a target whose deadline has passed before the period is judged and asks for nothing more
        List<Target> mine = targets.forAgency(s.agencyId(), planIds).stream()
                .filter(t -> t.deadlineYear() == null || t.deadlineYear() >= year).toList();
        Map<Long, Indicator> byTarget = mine.isEmpty() ? Map.of()
                : indicators.forTargets(mine.stream().map(Target::id).toList());
        List<FormLine> planned = plannedLines(s, period, ordered(mine, s.agencyId()), byTarget);

        Set<Long> indicatorIds = new LinkedHashSet<>();
        planned.forEach(l -> {
            if (l.indicator() != null) {
                indicatorIds.add(l.indicator().id());
            }
        });
        List<DataValue> stored = s.unitId() == null || indicatorIds.isEmpty() ? List.of()
                : values.lines(indicatorIds, List.of(s.unitId()), List.of(s.period()));
        boolean seesSubmitted = CurrentUser.steering();
        Map<Long, String> agencyNames = new HashMap<>();

        List<ReportForm.TargetLine> targetLines = new ArrayList<>();
        List<ReportForm.Skipped> skipped = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        for (FormLine fl : planned) {
            Target t = fl.target();
            Indicator ind = fl.indicator();
            if (ind == null || ind.derived()) {
                skipped.add(new ReportForm.Skipped(t.id(), t.code(), t.text(), fl.required(), ind == null ? "NO_INDICATOR" : "DERIVED"));
                continue;
            }
            // one line per figure: two targets measured by one indicator ask for it once
            if (!shown.add(ind.id() + ":" + fl.contribution())) {
                continue;
            }
            DataValue official = null;
            DataValue own = null;
            List<ReportForm.Other> others = new ArrayList<>();
            for (DataValue v : stored) {
                if (v.indicatorId() != ind.id()) {
                    continue;
                }
                if (!v.contribution()) {
                    official = v;
                    if (!fl.contribution() && Objects.equals(v.agencyId(), s.agencyId())) {
                        own = v;
                    }
                } else if (v.agencyId() == s.agencyId()) {
                    if (fl.contribution()) {
                        own = v;
                    }
                } else if (!fl.contribution() && v.value() != null
                        && (v.state() == ValueState.APPROVED || (seesSubmitted || fl.required()) && v.state() == ValueState.SUBMITTED)) {
                    // beside the official line: co-operating agencies' contributions once they are sent, never drafts
                    others.add(new ReportForm.Other(v.agencyId(), agencyNames.computeIfAbsent(v.agencyId(),
                            id -> agencies.find(id).map(Agency::name).orElse("#" + id)), v.value(), v.numerator(),
                            v.denominator(), v.comment(), v.state(), v.state() == ValueState.SUBMITTED));
                }
            }
            boolean mineStored = own != null && own.value() != null;
            targetLines.add(new ReportForm.TargetLine(t.id(), t.code(), fl.text(), ind.id(), ind.code(),
                    ind.unit() != null ? ind.unit() : t.unit(), ind.valueType() == IndicatorTypes.ValueType.RATIO,
                    ind.valueType() == IndicatorTypes.ValueType.YES_NO, fl.required(),
                    mineStored ? own.value() : null, mineStored ? own.numerator() : null,
                    mineStored ? own.denominator() : null, mineStored ? own.comment() : null,
                    approved || (own != null && own.locked()), fl.split(), fl.label(), t.deadlineYear(),
                    fl.contribution(), own == null ? 0 : own.version(), own == null ? null : own.state(),
                    official == null ? null : official.approvedValue(), others));
        }

        List<Task> myTasks = tasks.forAgency(s.agencyId(), planIds).stream().filter(t -> t.runsIn(year)).toList();
        Map<Long, ReportingRepository.Progress> progress = new HashMap<>();
        for (ReportingRepository.Progress p : repo.progress(myTasks.stream().map(Task::id).toList(), s.period(), s.agencyId())) {
            progress.put(p.taskId(), p);
        }
        List<ReportForm.TaskLine> taskLines = new ArrayList<>();
        for (Task t : orderedTasks(myTasks, s.agencyId())) {
            ReportingRepository.Progress p = progress.get(t.id());
            taskLines.add(new ReportForm.TaskLine(t.id(), t.code(), t.title(), t.timeFrameText(),
                    t.leadAgencyIds().contains(s.agencyId()), p == null ? null : p.status(),
                    p == null ? null : p.percentComplete(), p == null ? null : p.narrative(),
                    approved || (p != null && p.locked()), p == null ? null : p.id()));
        }
        return new ReportForm(s, targetLines, taskLines, skipped);
    }

    /** A line the form will have, before the stored figures are read. */
    private record FormLine(Target target, Indicator indicator, Integer split, String label, String text,
                            boolean required, boolean contribution) {
    }

    /**
     * The lines of a form: one per target, one per split of a compound count target ("06 huyện … và 300 xã": the
     * district count and the commune count); a district line only while the report's province has districts at the
     * start of the period (none after 1/7/2025). The agency's line is the official one when it is the target's first
     * lead agency (the one the plan makes report it), else its contribution. Codes that appear twice (a plan's 2025
     * and 2030 targets) are labelled with their deadline.
     */
    private List<FormLine> plannedLines(Submission s, Period period, List<Target> mine, Map<Long, Indicator> byTarget) {
        Map<String, Long> codeCount = new HashMap<>();
        for (Target t : targets.forPlan(s.planId(), TargetFilter.ALL)) {
            if (t.code() != null && !t.code().isBlank()) {
                codeCount.merge(t.code().trim(), 1L, Long::sum);
            }
        }
        Boolean districts = null;
        List<FormLine> out = new ArrayList<>();
        for (Target t : mine) {
            Long owner = owner(t);
            boolean isOwner = owner != null && owner == s.agencyId();
            boolean contribution = !isOwner;
            boolean required = isOwner;
            String code = t.code() == null || t.code().isBlank() ? null : t.code().trim();
            String label = code;
            if (code != null && codeCount.getOrDefault(code, 0L) > 1 && t.deadlineYear() != null) {
                label = msg("reporting.line.codeWithDeadline", code, String.valueOf(t.deadlineYear()));
            }
            if (!t.compoundCount()) {
                out.add(new FormLine(t, byTarget.get(t.id()), null, label, t.text(), required, contribution));
                continue;
            }
            for (int i = 0; i < t.splits().size(); i++) {
                vn.dxgov.targets.TargetSplit split = t.splits().get(i);
                if (split.level() == vn.dxgov.targets.SplitLevel.DISTRICT) {
                    if (districts == null) {
                        districts = hasDistricts(s, period);
                    }
                    if (!districts) {
                        continue;
                    }
                }
                Long indicatorId = t.splitIndicatorId(i);
                Indicator ind = indicatorId == null ? null : i == 0 ? byTarget.get(t.id())
                        : indicators.find(indicatorId).orElse(null);
                String splitText = msg(split.level() == vn.dxgov.targets.SplitLevel.DISTRICT
                        ? "reporting.line.splitDistrict" : "reporting.line.splitCommune",
                        vn.dxgov.shared.Numbers.current().value(split.value()));
                out.add(new FormLine(t, ind, i, label == null ? splitText : label + " · " + splitText,
                        t.text(), required, contribution));
            }
        }
        return out;
    }

    /** Does the report's province have districts at the start of the period (none after the 2025 reform)? */
    private boolean hasDistricts(Submission s, Period period) {
        Optional<Agency> agency = agencies.find(s.agencyId());
        if (agency.isEmpty() || agency.get().provinceCode() == null) {
            return false;
        }
        return units.findProvince(agency.get().provinceCode(), period.start())
                .map(p -> !units.below(p.id(), vn.dxgov.units.UnitLevel.DISTRICT).isEmpty()).orElse(false);
    }

    /**
     * The agency a target's figure belongs to: its first lead agency that is one organisation (not a collective such
     * as "UBND các huyện"); null when none. Other lead and co-operating agencies report contributions.
     */
    @Override
    public Optional<Long> figureOwner(Target target) {
        return Optional.ofNullable(owner(target));
    }

    Long owner(Target t) {
        if (t.leadAgencyIds().isEmpty()) {
            return null;
        }
        Map<Long, Agency> found = agencies.findAll(t.leadAgencyIds());
        for (Long id : t.leadAgencyIds()) {
            Agency a = found.get(id);
            if (a != null && a.kind() != AgencyKind.COLLECTIVE) {
                return id;
            }
        }
        return null;
    }

    /** Required lines first, each group in document order. */
    private static List<Target> ordered(List<Target> list, long agencyId) {
        List<Target> out = new ArrayList<>(list.stream().filter(t -> t.leadAgencyIds().contains(agencyId)).toList());
        out.addAll(list.stream().filter(t -> !t.leadAgencyIds().contains(agencyId)).toList());
        return out;
    }

    private static List<Task> orderedTasks(List<Task> list, long agencyId) {
        List<Task> out = new ArrayList<>(list.stream().filter(t -> t.leadAgencyIds().contains(agencyId)).toList());
        out.addAll(list.stream().filter(t -> !t.leadAgencyIds().contains(agencyId)).toList());
        return out;
    }

    // ----- saving

    /**
     * A problem with one line of a report, for inline messages and the API's details.
     *
     * @param key the line's key ({@link ReportForm.TargetLine#key()}, or the task id)
     */
    record LineError(String kind, String key, String field, String message) {
    }

    /** The form's line an input names (its target and split), or null. */
    static ReportForm.TargetLine line(ReportForm form, ReportInput.TargetValue tv) {
        for (ReportForm.TargetLine l : form.targets()) {
            if (l.matches(tv.targetId(), tv.split())) {
                return l;
            }
        }
        return null;
    }

    @Override
    @Transactional
    public Submission save(long submissionId, ReportInput input) {
        return save(submissionId, input, ValueSource.FORM);
    }

    /** Saves into a DRAFT or RETURNED report; values are written with the given source (FORM, EXCEL, API). */
    @Override
    @Transactional
    public Submission save(long submissionId, ReportInput input, ValueSource source) {
        Submission s = requireWrite(submissionId);
        requireEditable(s);
        ReportForm form = buildForm(s);
        List<LineError> errors = validate(form, input);
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors.stream().map(LineError::message).toList(),
                    "reporting.error.invalid");
        }
        Instant now = clock.instant();
        String actor = CurrentUser.actor();
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();

        Map<String, DataValueInput> inputs = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        List<Object> targetBefore = new ArrayList<>();
        List<Object> targetAfter = new ArrayList<>();
        for (ReportInput.TargetValue tv : input.targets() == null ? List.<ReportInput.TargetValue>of() : input.targets()) {
            ReportForm.TargetLine line = line(form, tv);
            String comment = blankToNull(tv.comment());
            DataValueInput in = line.ratio()
                    ? new DataValueInput(line.indicatorId(), unitOrFail(s), s.period(), null, tv.numerator(),
                    tv.denominator(), comment, s.agencyId(), line.contribution(), tv.version())
                    : new DataValueInput(line.indicatorId(), unitOrFail(s), s.period(), tv.value(), null, null, comment,
                    s.agencyId(), line.contribution(), tv.version());
            if (same(line, in)) {
                continue;
            }
            inputs.put(line.key(), in);
            targetBefore.add(line);
            targetAfter.add(tv);
            changes.add(lineLabel(line) + ": " + figure(line.value(), line.numerator(), line.denominator(), line.ratio())
                    + " → " + figure(in.value(), in.numerator(), in.denominator(), line.ratio()));
        }
        if (!inputs.isEmpty()) {
            // values of the demonstration history are marked as demo data
            values.write(inputs.values(), source == null ? ValueSource.FORM : source, s.id(), source == ValueSource.DEMO);
            before.put("targets", targetBefore);
            after.put("targets", targetAfter);
        }

        Map<Long, ReportForm.TaskLine> taskLines = new HashMap<>();
        form.tasks().forEach(l -> taskLines.put(l.taskId(), l));
        Map<Long, ReportingRepository.Progress> stored = new HashMap<>();
        repo.progress(taskLines.keySet(), s.period(), s.agencyId()).forEach(p -> stored.put(p.taskId(), p));
        List<Object> taskBefore = new ArrayList<>();
        List<Object> taskAfter = new ArrayList<>();
        for (ReportInput.TaskProgress tp : input.tasks() == null ? List.<ReportInput.TaskProgress>of() : input.tasks()) {
            ReportingRepository.Progress old = stored.get(tp.taskId());
            String narrative = blankToNull(tp.narrative());
            if (tp.status() == null) {
                if (old != null) {
                    repo.deleteProgress(old.id());
                    taskBefore.add(old);
                    taskAfter.add(tp);
                }
                continue;
            }
            Integer percent = tp.status() == TaskProgressStatus.DONE && tp.percentComplete() == null ? Integer.valueOf(100)
                    : tp.percentComplete();
            if (old == null) {
                repo.insertProgress(tp.taskId(), s.period(), s.agencyId(), s.id(), tp.status(), percent, narrative, actor, now);
            } else if (old.status() != tp.status() || !Objects.equals(old.percentComplete(), percent)
                    || !Objects.equals(old.narrative(), narrative) || !Objects.equals(old.submissionId(), s.id())) {
                repo.updateProgress(old, s.id(), tp.status(), percent, narrative, actor, now);
            } else {
                continue;
            }
            taskBefore.add(old);
            taskAfter.add(new ReportInput.TaskProgress(tp.taskId(), tp.status(), percent, narrative));
        }
        if (!taskAfter.isEmpty()) {
            before.put("tasks", taskBefore);
            after.put("tasks", taskAfter);
        }
        if (input.narrative() != null && !Objects.equals(blankToNull(input.narrative()), s.narrative())) {
            repo.updateNarrative(s.id(), blankToNull(input.narrative()), now);
            before.put("narrative", s.narrative());
            after.put("narrative", blankToNull(input.narrative()));
        }
        if (after.isEmpty()) {
            return s;
        }
        repo.touch(s.id(), now);
        // the report's history says which figures changed, whoever changed them (the agency, or the steering
        // department on its behalf after a return or a reopening)
        repo.insertEvent(s.id(), SubmissionAction.SAVE, s.status(), s.status(), changeSummary(changes), actor, now);
        audit.record("submission.save", "submission", s.id(), before, after);
        return repo.submission(s.id()).orElseThrow();
    }

    /** "1.2: 700 → 1.300; 3.1: — → 45 / 60", at most ten lines and the number of the others; null when none. */
    static String changeSummary(List<String> changes) {
        if (changes.isEmpty()) {
            return null;
        }
        int shown = Math.min(10, changes.size());
        String text = String.join("; ", changes.subList(0, shown));
        return changes.size() > shown ? text + "; … (+" + (changes.size() - shown) + ")" : text;
    }

    /** A figure for the history, in the Vietnamese grammar: a ratio as "numerator / denominator", "—" for none. */
    private static String figure(BigDecimal value, BigDecimal numerator, BigDecimal denominator, boolean ratio) {
        vn.dxgov.shared.Numbers n = vn.dxgov.shared.Numbers.VI;
        if (ratio) {
            return numerator == null && denominator == null ? "—" : n.value(numerator) + " / " + n.value(denominator);
        }
        return value == null ? "—" : n.value(value);
    }

    private static boolean same(ReportForm.TargetLine line, DataValueInput in) {
        return eq(line.value(), in.value()) && eq(line.numerator(), in.numerator())
                && eq(line.denominator(), in.denominator()) && Objects.equals(line.comment(), in.comment())
                && (line.ratio() || line.numerator() == null);
    }

    private static boolean eq(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private long unitOrFail(Submission s) {
        if (s.unitId() == null) {
            throw new ApiException(HttpStatus.CONFLICT, "reporting.error.noUnit");
        }
        return s.unitId();
    }

    private void requireEditable(Submission s) {
        if (s.status() != SubmissionStatus.DRAFT && s.status() != SubmissionStatus.RETURNED) {
            throw new ApiException(HttpStatus.CONFLICT, "reporting.error.notEditable", statusName(s.status()));
        }
    }

    /** Every problem of an input against a form, one per bad field; empty when it can be saved. */
    List<LineError> validate(ReportForm form, ReportInput input) {
        List<LineError> errors = new ArrayList<>();
        Map<Long, ReportForm.Skipped> skipped = new HashMap<>();
        form.skipped().forEach(k -> skipped.put(k.targetId(), k));
        Set<String> seen = new HashSet<>();
        for (ReportInput.TargetValue tv : input.targets() == null ? List.<ReportInput.TargetValue>of() : input.targets()) {
            ReportForm.TargetLine line = line(form, tv);
            String inputKey = tv.split() == null ? Long.toString(tv.targetId()) : tv.targetId() + "_" + tv.split();
            if (line == null) {
                ReportForm.Skipped k = skipped.get(tv.targetId());
                errors.add(new LineError("target", inputKey, "value", k != null
                        ? msg("reporting.line.noIndicator", label(k.targetCode(), k.text()))
                        : msg("reporting.line.notInForm", "#" + inputKey)));
                continue;
            }
            if (!seen.add(line.key())) {
                errors.add(new LineError("target", line.key(), "value", msg("reporting.line.twice", lineLabel(line))));
                continue;
            }
            String label = lineLabel(line);
            boolean empty = tv.value() == null && tv.numerator() == null && tv.denominator() == null;
            if (line.locked() && !same(line, line.ratio()
                    ? new DataValueInput(0, 0, "", null, tv.numerator(), tv.denominator(), blankToNull(tv.comment()))
                    : new DataValueInput(0, 0, "", tv.value(), null, null, blankToNull(tv.comment())))) {
                errors.add(new LineError("target", line.key(), "value", msg("reporting.line.locked", label)));
                continue;
            }
            if (empty) {
                continue;
            }
            if (line.ratio()) {
                if (tv.numerator() == null) {
                    errors.add(new LineError("target", line.key(), "numerator", msg("reporting.line.numeratorRequired", label)));
                } else if (tv.numerator().signum() < 0) {
                    errors.add(new LineError("target", line.key(), "numerator", msg("reporting.line.negative", label)));
                }
                if (tv.denominator() == null || tv.denominator().signum() <= 0) {
                    errors.add(new LineError("target", line.key(), "denominator", msg("reporting.line.denominatorRequired", label)));
                }
            } else if (line.yesNo()) {
                if (tv.value() == null || (tv.value().compareTo(BigDecimal.ZERO) != 0 && tv.value().compareTo(BigDecimal.ONE) != 0)) {
                    errors.add(new LineError("target", line.key(), "value", msg("reporting.line.yesNo", label)));
                }
            } else if (tv.value() == null) {
                errors.add(new LineError("target", line.key(), "value", msg("reporting.line.valueRequired", label)));
            }
        }
        Map<Long, ReportForm.TaskLine> taskLines = new HashMap<>();
        form.tasks().forEach(l -> taskLines.put(l.taskId(), l));
        for (ReportInput.TaskProgress tp : input.tasks() == null ? List.<ReportInput.TaskProgress>of() : input.tasks()) {
            ReportForm.TaskLine line = taskLines.get(tp.taskId());
            if (line == null) {
                errors.add(new LineError("task", Long.toString(tp.taskId()), "status", msg("reporting.line.taskNotInForm", "#" + tp.taskId())));
                continue;
            }
            String label = label(line.taskCode(), line.title());
            boolean unchanged = line.status() == tp.status() && Objects.equals(line.narrative(), blankToNull(tp.narrative()))
                    && (Objects.equals(line.percentComplete(), tp.percentComplete()) || tp.percentComplete() == null);
            if (line.locked()) {
                if (!unchanged) {
                    errors.add(new LineError("task", Long.toString(line.taskId()), "status", msg("reporting.line.locked", label)));
                }
                continue;
            }
            if (tp.status() == null) {
                if (tp.percentComplete() != null || blankToNull(tp.narrative()) != null) {
                    errors.add(new LineError("task", Long.toString(line.taskId()), "status", msg("reporting.line.statusRequired", label)));
                }
                continue;
            }
            if (tp.percentComplete() != null && (tp.percentComplete() < 0 || tp.percentComplete() > 100)) {
                errors.add(new LineError("task", Long.toString(line.taskId()), "percent", msg("reporting.line.percentRange", label)));
            } else if (tp.status() == TaskProgressStatus.DONE && tp.percentComplete() != null && tp.percentComplete() != 100) {
                errors.add(new LineError("task", Long.toString(line.taskId()), "percent", msg("reporting.line.doneIs100", label)));
            }
        }
        return errors;
    }

    /** The line's label ("1.1 · đến 2030", "1.1 · 300 xã") or the start of its text. */
    static String lineLabel(ReportForm.TargetLine l) {
        return label(l.label() != null ? l.label() : l.targetCode(), l.text());
    }

    /** "Chỉ tiêu 1.2" or the start of its text. */
    static String label(String code, String text) {
        if (code != null && !code.isBlank()) {
            return code;
        }
        String t = text == null ? "" : text;
        return t.length() <= 60 ? t : t.substring(0, 57) + "…";
    }

    // ----- workflow

    @Override
    @Transactional
    public Submission submit(long submissionId) {
        Submission s = requireWrite(submissionId);
        SubmissionAction action;
        if (s.status() == SubmissionStatus.DRAFT) {
            action = SubmissionAction.SUBMIT;
        } else if (s.status() == SubmissionStatus.RETURNED) {
            action = SubmissionAction.RESUBMIT;
        } else {
            throw transition(SubmissionAction.SUBMIT, s);
        }
        List<String> missing = missingLines(buildForm(s));
        if (!missing.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, missing, "reporting.error.incomplete", missing.size());
        }
        Instant now = clock.instant();
        boolean late = s.firstSubmittedAt() == null && s.dueOn() != null && LocalDate.ofInstant(now, clock.getZone()).isAfter(s.dueOn());
        repo.markSubmitted(s.id(), now, CurrentUser.actor(), late);
        values.transition(s.id(), ValueState.SUBMITTED);
        return step(s, action, SubmissionStatus.SUBMITTED, null, now);
    }

    /** The required lines still empty: a value for each required target line, a status for each required task line. */
    List<String> missingLines(ReportForm form) {
        List<String> missing = new ArrayList<>();
        for (ReportForm.TargetLine l : form.targets()) {
            if (l.required() && !l.filled()) {
                missing.add(msg("reporting.missing.target", lineLabel(l)));
            }
        }
        for (ReportForm.TaskLine l : form.tasks()) {
            if (l.required() && l.status() == null) {
                missing.add(msg("reporting.missing.task", label(l.taskCode(), l.title())));
            }
        }
        return missing;
    }

    @Override
    @Transactional
    public Submission returnToAgency(long submissionId, String reason) {
        Submission s = requireDecision(submissionId);
        String why = requireReason(reason);
        if (s.status() != SubmissionStatus.SUBMITTED) {
            throw transition(SubmissionAction.RETURN, s);
        }
        Instant now = clock.instant();
        repo.markDecided(s.id(), SubmissionStatus.RETURNED, now, CurrentUser.actor(), why);
        values.transition(s.id(), ValueState.DRAFT);
        return step(s, SubmissionAction.RETURN, SubmissionStatus.RETURNED, why, now);
    }

    @Override
    @Transactional
    public Submission approve(long submissionId) {
        Submission s = requireDecision(submissionId);
        if (s.status() != SubmissionStatus.SUBMITTED) {
            throw transition(SubmissionAction.APPROVE, s);
        }
        Instant now = clock.instant();
        repo.markDecided(s.id(), SubmissionStatus.APPROVED, now, CurrentUser.actor(), null);
        lock(s.id(), true);
        return step(s, SubmissionAction.APPROVE, SubmissionStatus.APPROVED, null, now);
    }

    @Override
    @Transactional
    public Submission reopen(long submissionId, String reason) {
        Submission s = requireDecision(submissionId);
        String why = requireReason(reason);
        if (s.status() != SubmissionStatus.APPROVED) {
            throw transition(SubmissionAction.REOPEN, s);
        }
        Instant now = clock.instant();
        repo.markDecided(s.id(), SubmissionStatus.RETURNED, now, CurrentUser.actor(), why);
        lock(s.id(), false);
        return step(s, SubmissionAction.REOPEN, SubmissionStatus.RETURNED, why, now);
    }

    /** Approval makes the report's figures the approved ones and locks them; a reopening unlocks them (DRAFT). */
    private void lock(long submissionId, boolean locked) {
        values.transition(submissionId, locked ? ValueState.APPROVED : ValueState.DRAFT);
        repo.lockProgress(submissionId, locked);
    }

    /** Records a workflow step: the event row, the audit record and the event for listeners. */
    private Submission step(Submission before, SubmissionAction action, SubmissionStatus to, String reason, Instant now) {
        String actor = CurrentUser.actor();
        repo.insertEvent(before.id(), action, before.status(), to, reason, actor, now);
        Submission after = repo.submission(before.id()).orElseThrow();
        audit.record("submission." + action.name().toLowerCase(java.util.Locale.ROOT), "submission", before.id(), before, after);
        events.publishEvent(new SubmissionChanged(after, action, actor, reason));
        return after;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "reporting.error.reasonRequired");
        }
        return reason.trim();
    }

    private ApiException transition(SubmissionAction action, Submission s) {
        return new ApiException(HttpStatus.CONFLICT, "reporting.error.transition", msg("reporting.action." + action.name()),
                statusName(s.status()));
    }

    private String statusName(SubmissionStatus status) {
        return msg("reporting.status." + status.name());
    }

    @Override
    public List<Event> history(long submissionId) {
        requireRead(submissionId);
        return repo.history(submissionId);
    }

    // ----- lists

    @Override
    public List<Submission> forPeriod(long reportingPeriodId) {
        requirePeriod(reportingPeriodId);
        return repo.forPeriod(reportingPeriodId).stream().filter(Access::mayRead).toList();
    }

    @Override
    public List<Submission> forAgency(long agencyId) {
        requireAgencyReader(agencyId);
        Set<Long> visible = CurrentUser.system() ? null : Set.copyOf(plans.visibleIds());
        return repo.forAgency(agencyId).stream().filter(s -> visible == null || visible.contains(s.planId())).toList();
    }

    private void requireAgencyReader(long agencyId) {
        Access.requireParticipant();
        if (!CurrentUser.readsAll() && Access.editorAgency().filter(a -> a == agencyId).isEmpty()) {
            throw Access.forbidden();
        }
    }

    @Override
    public List<Submission> inbox() {
        Access.requireParticipant();
        if (!CurrentUser.readsAll()) {
            throw Access.forbidden();
        }
        Set<Long> visible = CurrentUser.system() ? null : Set.copyOf(plans.visibleIds());
        return repo.withStatus(SubmissionStatus.SUBMITTED).stream()
                .filter(s -> visible == null || visible.contains(s.planId())).toList();
    }

    @Override
    public List<TodoItem> todo(long agencyId, LocalDate today) {
        requireAgencyReader(agencyId);
        List<Long> planIds = plans.list().stream().filter(Plan::published).map(Plan::id).toList();
        List<ReportingPeriod> open = repo.openPeriodsStartedBy(today, planIds);
        Map<Long, Submission> mine = new HashMap<>();
        for (Submission s : repo.forAgency(agencyId)) {
            mine.put(s.reportingPeriodId(), s);
        }
        Map<String, List<Long>> required = new HashMap<>();
        List<TodoItem> out = new ArrayList<>();
        for (ReportingPeriod p : open) {
            Submission s = mine.get(p.id());
            boolean concerned = s != null || required.computeIfAbsent(p.planId() + ":" + Period.parse(p.period()).year(),
                    k -> requiredAgencies(p.planId(), Period.parse(p.period()).year())).contains(agencyId);
            if (!concerned || (s != null && (s.status() == SubmissionStatus.SUBMITTED || s.status() == SubmissionStatus.APPROVED))) {
                continue;
            }
            out.add(new TodoItem(p, s, ChronoUnit.DAYS.between(today, p.agencyDueOn())));
        }
        out.sort((a, b) -> a.period().agencyDueOn().compareTo(b.period().agencyDueOn()));
        return out;
    }

    // ----- evidence

    @Override
    public List<Attachments.Attachment> evidence(long submissionId) {
        requireRead(submissionId);
        return files.list(OWNER_SUBMISSION, submissionId);
    }

    @Override
    public Map<Long, List<Attachments.Attachment>> taskEvidence(long submissionId) {
        Submission s = requireRead(submissionId);
        Map<Long, List<Attachments.Attachment>> out = new LinkedHashMap<>();
        for (ReportForm.TaskLine l : buildForm(s).tasks()) {
            if (l.progressId() != null) {
                List<Attachments.Attachment> list = files.list(OWNER_TASK_PROGRESS, l.progressId());
                if (!list.isEmpty()) {
                    out.put(l.taskId(), list);
                }
            }
        }
        return out;
    }

    @Override
    @Transactional
    public Attachments.Attachment addEvidence(long submissionId, Long taskId, String filename, String mediaType, byte[] bytes) {
        Submission s = requireWrite(submissionId);
        requireEditable(s);
        if (taskId == null) {
            return attachments().add(OWNER_SUBMISSION, s.id(), filename, mediaType, bytes);
        }
        ReportingRepository.Progress p = repo.progress(List.of(taskId), s.period(), s.agencyId()).stream().findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "reporting.error.evidenceNeedsProgress"));
        if (p.locked()) {
            throw new ApiException(HttpStatus.CONFLICT, "reporting.error.notEditable", statusName(s.status()));
        }
        return attachments().add(OWNER_TASK_PROGRESS, p.id(), filename, mediaType, bytes);
    }

    @Override
    public Optional<Attachments.Content> evidenceFile(long attachmentId) {
        Access.requireParticipant();
        Optional<Attachments.Content> content = attachments().get(attachmentId);
        if (content.isEmpty() || evidenceSubmission(content.get().attachment()).flatMap(this::find).isEmpty()) {
            return Optional.empty();
        }
        return content;
    }

    @Override
    @Transactional
    public void deleteEvidence(long attachmentId) {
        Access.requireParticipant();
        Attachments.Content content = attachments().get(attachmentId)
                .orElseThrow(() -> ApiException.notFound("attachment", attachmentId));
        long submissionId = evidenceSubmission(content.attachment())
                .orElseThrow(() -> ApiException.notFound("attachment", attachmentId));
        if (find(submissionId).isEmpty() && !CurrentUser.steering()) {
            throw ApiException.notFound("attachment", attachmentId);
        }
        Submission s = requireWrite(submissionId);
        requireEditable(s);
        attachments().delete(attachmentId);
    }

    /** The submission an evidence file belongs to. */
    private Optional<Long> evidenceSubmission(Attachments.Attachment a) {
        return ownerSubmission(a.ownerType(), a.ownerId());
    }

    /** The submission an owner of evidence (SUBMISSION, TASK_PROGRESS) belongs to. */
    Optional<Long> ownerSubmission(String ownerType, long ownerId) {
        if (OWNER_SUBMISSION.equals(ownerType)) {
            return Optional.of(ownerId);
        }
        if (OWNER_TASK_PROGRESS.equals(ownerType)) {
            return repo.progress(ownerId).map(ReportingRepository.Progress::submissionId);
        }
        return Optional.empty();
    }

    /** May the current user add or remove evidence of this owner now (its report is theirs and can be changed)? */
    boolean mayChangeEvidence(String ownerType, long ownerId) {
        if (!Access.participates()) {
            return false;
        }
        if (OWNER_TASK_PROGRESS.equals(ownerType)
                && repo.progress(ownerId).map(ReportingRepository.Progress::locked).orElse(true)) {
            return false;
        }
        return ownerSubmission(ownerType, ownerId).flatMap(repo::submission).map(this::editable).orElse(false);
    }

    private Attachments attachments() {
        return files;
    }

    // ----- helpers

    /** The plan, when the current user may see it (the application itself sees all). */
    private void requirePlan(long planId) {
        if (!CurrentUser.system() && plans.find(planId).isEmpty()) {
            throw ApiException.notFound("plan", planId);
        }
    }

    String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** For the UI: does a day-month string parse (used to pre-fill forms). */
    static boolean validDayMonth(String s) {
        return ScheduleRules.parse(s).map(MonthDay::getDayOfMonth).isPresent();
    }

    static Collection<Frequency> frequencies() {
        return List.of(Frequency.values());
    }
}
