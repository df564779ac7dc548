package vn.dxgov.reporting.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.TaskProgressStatus;

/**
 * Every problem of an input against a report's form, one per bad field, in the reader's language: lines the form
 * does not have, locked lines changed, a ratio without its parts, a yes/no that is neither, a task status missing or a
 * percentage out of range. Pure: no database, no user.
 */
@Component
class ReportValidation {

    /**
     * A problem with one line of a report, for inline messages and the API's details.
     *
     * @param key the line's key ({@link ReportForm.TargetLine#key()}, or the task id)
     */
    record LineError(String kind, String key, String field, String message) {
    }

    private final ReportingMessages messages;
    private final jakarta.validation.Validator constraints;

    ReportValidation(ReportingMessages messages, jakarta.validation.Validator constraints) {
        this.messages = messages;
        this.constraints = constraints;
    }

    /** Every problem of an input against a form, one per bad field; empty when it can be saved. */
    List<LineError> validate(ReportForm form, ReportInput input) {
        List<LineError> errors = new ArrayList<>();
        limits(input, errors);
        targets(form, input.targets() == null ? List.of() : input.targets(), errors);
        tasks(form, input.tasks() == null ? List.of() : input.tasks(), errors);
        return errors;
    }

    /**
     * The input's own constraints ({@link vn.dxgov.shared.web.MaxChars}, {@link vn.dxgov.shared.web.Figure}): the
     * narrative's length (a 20 MB narrative was stored), each comment's, each figure's range; whatever path the report
     * came by (form, Excel, API).
     */
    private void limits(ReportInput input, List<LineError> errors) {
        for (var v : constraints.validate(input)) {
            String path = v.getPropertyPath().toString();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(targets|tasks)\\[(\\d+)]\\.(\\w+)").matcher(path);
            if (m.matches()) {
                int i = Integer.parseInt(m.group(2));
                if ("targets".equals(m.group(1))) {
                    ReportInput.TargetValue tv = input.targets().get(i);
                    String key = tv.split() == null ? Long.toString(tv.targetId()) : tv.targetId() + "_" + tv.split();
                    errors.add(new LineError("target", key, m.group(3), m.group(3) + ": " + v.getMessage()));
                } else {
                    errors.add(new LineError("task", Long.toString(input.tasks().get(i).taskId()), m.group(3),
                            m.group(3) + ": " + v.getMessage()));
                }
            } else {
                errors.add(new LineError("report", path, path, path + ": " + v.getMessage()));
            }
        }
    }

    private void targets(ReportForm form, List<ReportInput.TargetValue> inputs, List<LineError> errors) {
        Map<Long, ReportForm.Skipped> skipped = new HashMap<>();
        form.skipped().forEach(k -> skipped.put(k.targetId(), k));
        Set<String> seen = new HashSet<>();
        for (ReportInput.TargetValue tv : inputs) {
            ReportForm.TargetLine line = FormLines.line(form, tv);
            String inputKey = tv.split() == null ? Long.toString(tv.targetId()) : tv.targetId() + "_" + tv.split();
            if (line == null) {
                ReportForm.Skipped k = skipped.get(tv.targetId());
                errors.add(new LineError("target", inputKey, "value", k != null
                        ? messages.msg("reporting.line.noIndicator", FormLines.label(k.targetCode(), k.text()))
                        : messages.msg("reporting.line.notInForm", "#" + inputKey)));
                continue;
            }
            if (!seen.add(line.key())) {
                errors.add(new LineError("target", line.key(), "value",
                        messages.msg("reporting.line.twice", FormLines.lineLabel(line))));
                continue;
            }
            target(line, tv, errors);
        }
    }

    /** The problems of one input on its line: a locked line changed, a figure that does not fit the line's kind. */
    private void target(ReportForm.TargetLine line, ReportInput.TargetValue tv, List<LineError> errors) {
        String label = FormLines.lineLabel(line);
        boolean empty = tv.value() == null && tv.numerator() == null && tv.denominator() == null;
        if (line.locked() && !FormLines.same(line, line.ratio()
                ? new DataValueInput(0, 0, "", null, tv.numerator(), tv.denominator(), FormLines.blankToNull(tv.comment()))
                : new DataValueInput(0, 0, "", tv.value(), null, null, FormLines.blankToNull(tv.comment())))) {
            errors.add(new LineError("target", line.key(), "value", messages.msg("reporting.line.locked", label)));
            return;
        }
        if (empty) {
            return;
        }
        if (line.ratio()) {
            if (tv.numerator() == null) {
                errors.add(new LineError("target", line.key(), "numerator", messages.msg("reporting.line.numeratorRequired", label)));
            } else if (tv.numerator().signum() < 0) {
                errors.add(new LineError("target", line.key(), "numerator", messages.msg("reporting.line.negative", label)));
            }
            if (tv.denominator() == null || tv.denominator().signum() <= 0) {
                errors.add(new LineError("target", line.key(), "denominator", messages.msg("reporting.line.denominatorRequired", label)));
            } else if (tv.numerator() != null && tv.numerator().compareTo(tv.denominator()) > 0
                    && (line.unit() == null || line.unit().isBlank() || line.unit().strip().startsWith("%"))) {
                // a percentage above 100: said at the numerator, in words with both figures (the data-value store
                // refuses it too, but in a line for API clients: issue 14)
                errors.add(new LineError("target", line.key(), "numerator",
                        messages.msg("forms.report.ratioAbove100", label, tv.numerator(), tv.denominator())));
            }
        } else if (line.yesNo()) {
            if (tv.value() == null || (tv.value().compareTo(BigDecimal.ZERO) != 0 && tv.value().compareTo(BigDecimal.ONE) != 0)) {
                errors.add(new LineError("target", line.key(), "value", messages.msg("reporting.line.yesNo", label)));
            }
        } else if (tv.value() == null) {
            errors.add(new LineError("target", line.key(), "value", messages.msg("reporting.line.valueRequired", label)));
        }
    }

    private void tasks(ReportForm form, List<ReportInput.TaskProgress> inputs, List<LineError> errors) {
        Map<Long, ReportForm.TaskLine> taskLines = new HashMap<>();
        form.tasks().forEach(l -> taskLines.put(l.taskId(), l));
        for (ReportInput.TaskProgress tp : inputs) {
            ReportForm.TaskLine line = taskLines.get(tp.taskId());
            if (line == null) {
                errors.add(new LineError("task", Long.toString(tp.taskId()), "status",
                        messages.msg("reporting.line.taskNotInForm", "#" + tp.taskId())));
                continue;
            }
            String key = Long.toString(line.taskId());
            String label = FormLines.label(line.taskCode(), line.title());
            boolean unchanged = line.status() == tp.status() && Objects.equals(line.narrative(), FormLines.blankToNull(tp.narrative()))
                    && (Objects.equals(line.percentComplete(), tp.percentComplete()) || tp.percentComplete() == null);
            if (line.locked()) {
                if (!unchanged) {
                    errors.add(new LineError("task", key, "status", messages.msg("reporting.line.locked", label)));
                }
                continue;
            }
            if (tp.status() == null) {
                if (tp.percentComplete() != null || FormLines.blankToNull(tp.narrative()) != null) {
                    errors.add(new LineError("task", key, "status", messages.msg("reporting.line.statusRequired", label)));
                }
                continue;
            }
            if (tp.percentComplete() != null && (tp.percentComplete() < 0 || tp.percentComplete() > 100)) {
                errors.add(new LineError("task", key, "percent", messages.msg("reporting.line.percentRange", label)));
            } else if (tp.status() == TaskProgressStatus.DONE && tp.percentComplete() != null && tp.percentComplete() != 100) {
                errors.add(new LineError("task", key, "percent", messages.msg("reporting.line.doneIs100", label)));
            }
        }
    }
}
