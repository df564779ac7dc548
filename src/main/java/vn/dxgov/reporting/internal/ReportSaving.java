package vn.dxgov.reporting.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionAction;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.web.ApiException;

/**
 * Saving into a DRAFT or RETURNED report: its figures (written to the indicators module with their source), task
 * progress and narrative. Every line is validated first and nothing is written when one is bad; a save that changes
 * something is one transaction, audited, and leaves a SAVE in the report's history naming the figures it changed.
 */
@Service
@Transactional(readOnly = true)
class ReportSaving {

    private final Submissions submissions;
    private final ReportForms forms;
    private final ReportValidation validation;
    private final ReportingRepository repo;
    private final TaskProgressRepository taskProgress;
    private final DataValueStore values;
    private final AuditLog audit;
    private final Clock clock;

    ReportSaving(Submissions submissions, ReportForms forms, ReportValidation validation, ReportingRepository repo, TaskProgressRepository taskProgress,
                 DataValueStore values, AuditLog audit, Clock clock) {
        this.submissions = submissions;
        this.forms = forms;
        this.validation = validation;
        this.repo = repo;
        this.taskProgress = taskProgress;
        this.values = values;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a save changed: before and after for the audit record, the figures' changes for the report's history. */
    private static final class Changes {
        final Map<String, Object> before = new LinkedHashMap<>();
        final Map<String, Object> after = new LinkedHashMap<>();
        final List<String> figures = new ArrayList<>();
    }

    /** Saves into a DRAFT or RETURNED report; values are written with the given source (FORM, EXCEL, API, DEMO). */
    @Transactional
    Submission save(long submissionId, ReportInput input, ValueSource source) {
        Submission s = submissions.requireWrite(submissionId);
        submissions.requireEditable(s);
        ReportForm form = forms.buildForm(s);
        List<ReportValidation.LineError> errors = validation.validate(form, input);
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors.stream().map(ReportValidation.LineError::message).toList(),
                    "reporting.error.invalid");
        }
        Instant now = clock.instant();
        String actor = CurrentUser.actor();
        Changes changes = new Changes();
        saveFigures(s, form, input, source, changes);
        saveProgress(s, form, input, actor, now, changes);
        saveNarrative(s, input, now, changes);
        if (changes.after.isEmpty()) {
            return s;
        }
        repo.touch(s.id(), now);
        // the report's history says which figures changed, whoever changed them (the agency, or the steering
        // department on its behalf after a return or a reopening)
        repo.insertEvent(s.id(), SubmissionAction.SAVE, s.status(), s.status(), changeSummary(changes.figures), actor, now);
        audit.record("submission.save", "submission", s.id(), changes.before, changes.after);
        return repo.submission(s.id()).orElseThrow();
    }

    /** Writes the target lines the input changes, as the report's agency's lines ("1.2: 700 → 1.300"). */
    private void saveFigures(Submission s, ReportForm form, ReportInput input, ValueSource source, Changes changes) {
        Map<String, DataValueInput> inputs = new LinkedHashMap<>();
        List<Object> before = new ArrayList<>();
        List<Object> after = new ArrayList<>();
        for (ReportInput.TargetValue tv : input.targets() == null ? List.<ReportInput.TargetValue>of() : input.targets()) {
            ReportForm.TargetLine line = FormLines.line(form, tv);
            String comment = FormLines.blankToNull(tv.comment());
            DataValueInput in = line.ratio()
                    ? new DataValueInput(line.indicatorId(), unitOrFail(s), s.period(), null, tv.numerator(),
                    tv.denominator(), comment, s.agencyId(), line.contribution(), tv.version())
                    : new DataValueInput(line.indicatorId(), unitOrFail(s), s.period(), tv.value(), null, null, comment,
                    s.agencyId(), line.contribution(), tv.version());
            if (FormLines.same(line, in)) {
                continue;
            }
            inputs.put(line.key(), in);
            before.add(line);
            after.add(tv);
            changes.figures.add(FormLines.lineLabel(line) + ": "
                    + figure(line.value(), line.numerator(), line.denominator(), line.ratio())
                    + " → " + figure(in.value(), in.numerator(), in.denominator(), line.ratio()));
        }
        if (!inputs.isEmpty()) {
            // values of the demonstration history are marked as demo data
            values.write(inputs.values(), source == null ? ValueSource.FORM : source, s.id(), source == ValueSource.DEMO);
            changes.before.put("targets", before);
            changes.after.put("targets", after);
        }
    }

    /** Writes the task lines the input changes; a line without a status deletes the stored progress. */
    private void saveProgress(Submission s, ReportForm form, ReportInput input, String actor, Instant now, Changes changes) {
        Map<Long, TaskProgressRepository.Progress> stored = new HashMap<>();
        taskProgress.progress(form.tasks().stream().map(ReportForm.TaskLine::taskId).toList(), s.period(), s.agencyId())
                .forEach(p -> stored.put(p.taskId(), p));
        List<Object> before = new ArrayList<>();
        List<Object> after = new ArrayList<>();
        for (ReportInput.TaskProgress tp : input.tasks() == null ? List.<ReportInput.TaskProgress>of() : input.tasks()) {
            TaskProgressRepository.Progress old = stored.get(tp.taskId());
            String narrative = FormLines.blankToNull(tp.narrative());
            if (tp.status() == null) {
                if (old != null) {
                    taskProgress.deleteProgress(old.id());
                    before.add(old);
                    after.add(tp);
                }
                continue;
            }
            Integer percent = tp.status() == TaskProgressStatus.DONE && tp.percentComplete() == null ? Integer.valueOf(100)
                    : tp.percentComplete();
            if (old == null) {
                taskProgress.insertProgress(tp.taskId(), s.period(), s.agencyId(), s.id(), tp.status(), percent, narrative, actor, now);
            } else if (old.status() != tp.status() || !Objects.equals(old.percentComplete(), percent)
                    || !Objects.equals(old.narrative(), narrative) || !Objects.equals(old.submissionId(), s.id())) {
                taskProgress.updateProgress(old, s.id(), tp.status(), percent, narrative, actor, now);
            } else {
                continue;
            }
            before.add(old);
            after.add(new ReportInput.TaskProgress(tp.taskId(), tp.status(), percent, narrative));
        }
        if (!after.isEmpty()) {
            changes.before.put("tasks", before);
            changes.after.put("tasks", after);
        }
    }

    private void saveNarrative(Submission s, ReportInput input, Instant now, Changes changes) {
        String narrative = FormLines.blankToNull(input.narrative());
        if (input.narrative() != null && !Objects.equals(narrative, s.narrative())) {
            repo.updateNarrative(s.id(), narrative, now);
            changes.before.put("narrative", s.narrative());
            changes.after.put("narrative", narrative);
        }
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
        Numbers n = Numbers.VI;
        if (ratio) {
            return numerator == null && denominator == null ? "—" : n.value(numerator) + " / " + n.value(denominator);
        }
        return value == null ? "—" : n.value(value);
    }

    private static long unitOrFail(Submission s) {
        if (s.unitId() == null) {
            throw new ApiException(HttpStatus.CONFLICT, "reporting.error.noUnit");
        }
        return s.unitId();
    }
}
