package vn.dxgov.reporting.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorTypes;
import vn.dxgov.indicators.ValueState;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.Period;
import vn.dxgov.targets.SplitLevel;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.targets.TargetSplit;
import vn.dxgov.tasks.Task;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.UnitLevel;

/**
 * A report's form: the lines its agency reports, derived from the targets and tasks it leads or co-operates on in the
 * report's plan, with the figures stored for the report's unit and period; and the required lines still empty.
 */
@Service
@Transactional(readOnly = true)
class ReportForms {

    private final Submissions submissions;
    private final ReportingAgencies reporters;
    private final ReportingRepository repo;
    private final TaskProgressRepository taskProgress;
    private final TargetCatalog targets;
    private final TaskCatalog tasks;
    private final IndicatorCatalog indicators;
    private final DataValueStore values;
    private final AgencyDirectory agencies;
    private final AdminUnits units;
    private final ReportingMessages messages;

    ReportForms(Submissions submissions, ReportingAgencies reporters, ReportingRepository repo, TaskProgressRepository taskProgress, TargetCatalog targets,
                TaskCatalog tasks, IndicatorCatalog indicators, DataValueStore values, AgencyDirectory agencies,
                AdminUnits units, ReportingMessages messages) {
        this.submissions = submissions;
        this.reporters = reporters;
        this.repo = repo;
        this.taskProgress = taskProgress;
        this.targets = targets;
        this.tasks = tasks;
        this.indicators = indicators;
        this.values = values;
        this.agencies = agencies;
        this.units = units;
        this.messages = messages;
    }

    /** The form of a report the current user may read; a leader reading a draft sees its lines without figures. */
    ReportForm form(long submissionId) {
        Submission s = submissions.requireRead(submissionId);
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

    /** The form of a report, whoever asks (callers have checked that the current user may read it). */
    ReportForm buildForm(Submission s) {
        Period period = Period.parse(s.period());
        int year = period.year();
        boolean approved = s.status() == SubmissionStatus.APPROVED;

        // period-true: a target whose deadline has passed before the period is judged and asks for nothing more
        List<Target> mine = targets.forAgency(s.agencyId(), List.of(s.planId())).stream()
                .filter(t -> t.deadlineYear() == null || t.deadlineYear() >= year).toList();
        Map<Long, Indicator> byTarget = mine.isEmpty() ? Map.of()
                : indicators.forTargets(mine.stream().map(Target::id).toList());
        List<FormLine> planned = plannedLines(s, period, ordered(mine, s.agencyId()), byTarget);
        List<ReportForm.Skipped> skipped = new ArrayList<>();
        List<ReportForm.TargetLine> targetLines = targetLines(s, planned, approved, skipped);
        return new ReportForm(s, targetLines, taskLines(s, year, approved), skipped);
    }

    /** The required lines still empty: a value for each required target line, a status for each required task line. */
    List<String> missingLines(ReportForm form) {
        List<String> missing = new ArrayList<>();
        for (ReportForm.TargetLine l : form.targets()) {
            if (l.required() && !l.filled()) {
                missing.add(messages.msg("reporting.missing.target", FormLines.lineLabel(l)));
            }
        }
        for (ReportForm.TaskLine l : form.tasks()) {
            if (l.required() && l.status() == null) {
                missing.add(messages.msg("reporting.missing.task", FormLines.label(l.taskCode(), l.title())));
            }
        }
        return missing;
    }

    // ----- target lines

    /** A line the form will have, before the stored figures are read. */
    private record FormLine(Target target, Indicator indicator, Integer split, String label, String text,
                            boolean required, boolean contribution) {
    }

    /**
     * The target lines with the figures stored for the report's unit and period; a line without an indicator, or with
     * a derived one, asks for nothing and goes to {@code skipped}.
     */
    private List<ReportForm.TargetLine> targetLines(Submission s, List<FormLine> planned, boolean approved,
                                                    List<ReportForm.Skipped> skipped) {
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
        List<ReportForm.TargetLine> out = new ArrayList<>();
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
            out.add(targetLine(s, fl, stored, approved, seesSubmitted || fl.required(), agencyNames));
        }
        return out;
    }

    /**
     * One target line: the agency's own stored line (official or contribution), the approved official figure, and
     * beside the official line the co-operating agencies' contributions once they are sent (submitted ones only for
     * {@code seesSubmitted}), never their drafts.
     */
    private ReportForm.TargetLine targetLine(Submission s, FormLine fl, List<DataValue> stored, boolean approved,
                                             boolean seesSubmitted, Map<Long, String> agencyNames) {
        Target t = fl.target();
        Indicator ind = fl.indicator();
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
                    && (v.state() == ValueState.APPROVED || seesSubmitted && v.state() == ValueState.SUBMITTED)) {
                // beside the official line: co-operating agencies' contributions once they are sent, never drafts
                others.add(new ReportForm.Other(v.agencyId(), agencyNames.computeIfAbsent(v.agencyId(),
                        id -> agencies.find(id).map(Agency::name).orElse("#" + id)), v.value(), v.numerator(),
                        v.denominator(), v.comment(), v.state(), v.state() == ValueState.SUBMITTED));
            }
        }
        boolean mineStored = own != null && own.value() != null;
        return new ReportForm.TargetLine(t.id(), t.code(), fl.text(), ind.id(), ind.code(),
                ind.unit() != null ? ind.unit() : t.unit(), ind.valueType() == IndicatorTypes.ValueType.RATIO,
                ind.valueType() == IndicatorTypes.ValueType.YES_NO, fl.required(),
                mineStored ? own.value() : null, mineStored ? own.numerator() : null,
                mineStored ? own.denominator() : null, mineStored ? own.comment() : null,
                approved || (own != null && own.locked()), fl.split(), fl.label(), t.deadlineYear(),
                fl.contribution(), own == null ? 0 : own.version(), own == null ? null : own.state(),
                official == null ? null : official.approvedValue(), others);
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
            Long owner = reporters.owner(t);
            boolean isOwner = owner != null && owner == s.agencyId();
            boolean contribution = !isOwner;
            boolean required = isOwner;
            String code = t.code() == null || t.code().isBlank() ? null : t.code().trim();
            String label = code;
            if (code != null && codeCount.getOrDefault(code, 0L) > 1 && t.deadlineYear() != null) {
                label = messages.msg("reporting.line.codeWithDeadline", code, String.valueOf(t.deadlineYear()));
            }
            if (!t.compoundCount()) {
                out.add(new FormLine(t, byTarget.get(t.id()), null, label, t.text(), required, contribution));
                continue;
            }
            for (int i = 0; i < t.splits().size(); i++) {
                TargetSplit split = t.splits().get(i);
                if (split.level() == SplitLevel.DISTRICT) {
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
                String splitText = messages.msg(split.level() == SplitLevel.DISTRICT
                        ? "reporting.line.splitDistrict" : "reporting.line.splitCommune",
                        Numbers.current().value(split.value()));
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
                .map(p -> !units.below(p.id(), UnitLevel.DISTRICT).isEmpty()).orElse(false);
    }

    /** Required lines first, each group in document order. */
    private static List<Target> ordered(List<Target> list, long agencyId) {
        List<Target> out = new ArrayList<>(list.stream().filter(t -> t.leadAgencyIds().contains(agencyId)).toList());
        out.addAll(list.stream().filter(t -> !t.leadAgencyIds().contains(agencyId)).toList());
        return out;
    }

    // ----- task lines

    /** The tasks the agency leads or co-operates on that run in the year, with the progress stored for the period. */
    private List<ReportForm.TaskLine> taskLines(Submission s, int year, boolean approved) {
        List<Task> myTasks = tasks.forAgency(s.agencyId(), List.of(s.planId())).stream().filter(t -> t.runsIn(year)).toList();
        Map<Long, TaskProgressRepository.Progress> progress = new HashMap<>();
        for (TaskProgressRepository.Progress p : taskProgress.progress(myTasks.stream().map(Task::id).toList(), s.period(), s.agencyId())) {
            progress.put(p.taskId(), p);
        }
        List<ReportForm.TaskLine> out = new ArrayList<>();
        for (Task t : orderedTasks(myTasks, s.agencyId())) {
            TaskProgressRepository.Progress p = progress.get(t.id());
            out.add(new ReportForm.TaskLine(t.id(), t.code(), t.title(), t.timeFrameText(),
                    t.leadAgencyIds().contains(s.agencyId()), p == null ? null : p.status(),
                    p == null ? null : p.percentComplete(), p == null ? null : p.narrative(),
                    approved || (p != null && p.locked()), p == null ? null : p.id()));
        }
        return out;
    }

    private static List<Task> orderedTasks(List<Task> list, long agencyId) {
        List<Task> out = new ArrayList<>(list.stream().filter(t -> t.leadAgencyIds().contains(agencyId)).toList());
        out.addAll(list.stream().filter(t -> !t.leadAgencyIds().contains(agencyId)).toList());
        return out;
    }
}
