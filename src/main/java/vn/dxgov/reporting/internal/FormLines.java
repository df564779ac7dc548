package vn.dxgov.reporting.internal;

import java.math.BigDecimal;
import java.util.Objects;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;

/** Pure helpers over a form's lines: which line an input names, how a line is labelled, whether an input changes it. */
final class FormLines {

    private FormLines() {
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

    /** Does an input leave a line's stored figure and comment as they are? */
    static boolean same(ReportForm.TargetLine line, DataValueInput in) {
        return eq(line.value(), in.value()) && eq(line.numerator(), in.numerator())
                && eq(line.denominator(), in.denominator()) && Objects.equals(line.comment(), in.comment())
                && (line.ratio() || line.numerator() == null);
    }

    private static boolean eq(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
