package vn.dxgov.reporting.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.shared.Numbers;

/**
 * What the report form posted, read into a {@link ReportInput}: numbers in the person's number grammar, a task's
 * status and whole percentage, the version each line was opened with; then checked against the form
 * ({@link ReportValidation}). Fields are named {@code t.<line key>.value|num|den|comment|version} and
 * {@code k.<task id>.status|percent|narrative}; every problem is keyed by the field it belongs to.
 */
@Component
class PostedReport {

    /** What the form posted, parsed, with one message per bad field (keyed as the input's name). */
    record Parsed(ReportInput input, Map<String, String> errors) {
    }

    private final ReportValidation validation;
    private final ReportingMessages messages;

    PostedReport(ReportValidation validation, ReportingMessages messages) {
        this.validation = validation;
        this.messages = messages;
    }

    /** The posted fields, the first value of each. */
    static Map<String, String> entered(HttpServletRequest request) {
        Map<String, String> out = new HashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (v.length > 0) {
                out.put(k, v[0]);
            }
        });
        return out;
    }

    /** Reads the posted fields of the lines the user may change. */
    Parsed parse(ReportingViews.FormView view, Map<String, String> entered) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<ReportInput.TargetValue> targets = targets(view, entered, errors);
        List<ReportInput.TaskProgress> tasks = tasks(view, entered, errors);
        ReportInput input = new ReportInput(entered.get("narrative"), targets, tasks);
        if (errors.isEmpty()) {
            ReportForm form = new ReportForm(null, view.targets(), view.tasks(), view.skipped());
            for (ReportValidation.LineError e : validation.validate(form, input)) {
                if ("report".equals(e.kind())) {
                    errors.putIfAbsent(e.field(), e.message());
                    continue;
                }
                String key = ("target".equals(e.kind()) ? "t." : "k.") + e.key() + "." + switch (e.field()) {
                    case "numerator" -> "num";
                    case "denominator" -> "den";
                    default -> e.field();
                };
                errors.putIfAbsent(key, e.message());
            }
        }
        return new Parsed(input, errors);
    }

    private List<ReportInput.TargetValue> targets(ReportingViews.FormView view, Map<String, String> entered,
                                                  Map<String, String> errors) {
        List<ReportInput.TargetValue> targets = new ArrayList<>();
        for (ReportForm.TargetLine l : view.targets()) {
            String p = "t." + l.key() + ".";
            if (l.locked() || !(entered.containsKey(p + "value") || entered.containsKey(p + "num") || entered.containsKey(p + "den"))) {
                continue;
            }
            boolean percentUnit = l.unit() != null && l.unit().strip().startsWith("%");
            BigDecimal value = number(entered.get(p + "value"), p + "value", percentUnit, errors);
            BigDecimal num = number(entered.get(p + "num"), p + "num", false, errors);
            BigDecimal den = number(entered.get(p + "den"), p + "den", false, errors);
            targets.add(new ReportInput.TargetValue(l.targetId(), l.ratio() ? null : value, l.ratio() ? num : null,
                    l.ratio() ? den : null, entered.get(p + "comment"), l.split(), version(entered.get(p + "version"))));
        }
        return targets;
    }

    private List<ReportInput.TaskProgress> tasks(ReportingViews.FormView view, Map<String, String> entered,
                                                 Map<String, String> errors) {
        List<ReportInput.TaskProgress> tasks = new ArrayList<>();
        for (ReportForm.TaskLine l : view.tasks()) {
            String p = "k." + l.taskId() + ".";
            if (l.locked() || !entered.containsKey(p + "status")) {
                continue;
            }
            String st = entered.get(p + "status");
            TaskProgressStatus status = null;
            if (st != null && !st.isBlank()) {
                try {
                    status = TaskProgressStatus.valueOf(st);
                } catch (IllegalArgumentException e) {
                    errors.put(p + "status", messages.msg("reporting.line.statusUnknown"));
                }
            }
            Integer percent = percent(entered.get(p + "percent"), p + "percent", errors);
            tasks.add(new ReportInput.TaskProgress(l.taskId(), status, percent, entered.get(p + "narrative")));
        }
        return tasks;
    }

    /** A whole percentage from 0 to 100; anything else gets the message that says so ("Nhập số nguyên từ 0 đến 100"). */
    private Integer percent(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Numbers.Reading r = Numbers.current().parsePercent(text);
        BigDecimal n = r.value();
        if (!r.ok()) {
            errors.put(field, messages.msg("reporting.line.percentFormat"));
        } else if (n != null) {
            if (n.stripTrailingZeros().scale() > 0 || n.signum() < 0 || n.compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.put(field, messages.msg("reporting.line.percentFormat"));
            } else {
                return n.intValueExact();
            }
        }
        return null;
    }

    /** The version of a line the form was opened with (a hidden field); null when absent or unreadable. */
    private static Integer version(String text) {
        if (text == null || text.isBlank() || !text.trim().matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(text.trim());
    }

    /**
     * A number in the grammar of the person's language ({@link Numbers}): in Vietnamese "1.300" is 1300 and "12,5"
     * twelve and a half; "1.3" or "12.5" is refused with how to write it, never guessed. Blank is no value. A field
     * of a percentage also takes a trailing "%".
     */
    private BigDecimal number(String text, String field, boolean percent, Map<String, String> errors) {
        Numbers grammar = Numbers.current();
        Numbers.Reading r = percent ? grammar.parsePercent(text) : grammar.parse(text);
        if (!r.ok()) {
            errors.put(field, messages.msg(r.problem().key(), r.problem().arguments()));
        }
        return r.value();
    }
}
