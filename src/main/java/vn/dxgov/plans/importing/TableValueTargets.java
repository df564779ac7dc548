package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.List;
import vn.dxgov.plans.importing.ParsedTarget.Origin;
import vn.dxgov.plans.importing.TableLayout.Column;
import vn.dxgov.plans.importing.TableLayout.ValueColumn;
import vn.dxgov.plans.importing.TableValue.Part;
import vn.dxgov.shared.Numbers;

/**
 * The targets of one row of a target table with value columns: one per non-empty value cell ("Năm 2025 | Năm 2030":
 * two targets with their deadlines) and per value of a cell ("≤ 3 Đông Nam Á; ≤ 50 Thế giới": two targets). The
 * target's text is the row's words, its unit and the value as written ("Quy mô kinh tế số (% GDP): ≥ 30"), so nothing
 * the document says is lost even where dxgov keeps only a number. Part of {@link TargetTableParser}.
 */
final class TableValueTargets {

    private TableValueTargets() {
    }

    /**
     * @param rowDeadline the year the row states itself ("… đến năm 2025") or its time column gives, else null
     * @param deadline    the year of the section row above it ("Đến năm 2045"), of the caption or of the plan
     * @param sectionYear a section row of this table has set {@code deadline}
     */
    static List<ParsedTarget> read(TargetTableParser.Row t, TableLayout layout, Integer rowDeadline, Integer deadline,
                                   boolean sectionYear, ImportReport report) {
        List<ParsedTarget> out = new ArrayList<>();
        String unitCell = layout.cell(t.row(), Column.UNIT, " ");
        List<ValueColumn> columns = layout.values();
        for (ValueColumn c : columns) {
            String cell = layout.valueCell(t.row(), c);
            if (cell.isEmpty()) {
                continue;
            }
            Integer d = rowDeadline;
            if (d == null) {
                boolean columnYear = c.year() != null && (columns.size() > 1 || !sectionYear);
                d = columnYear ? c.year() : deadline;
            }
            Integer yearInText = columns.size() > 1 ? c.year() : null;
            List<Part> parts = TableValue.read(cell, unitCell, t.content()).stream().map(p -> ownWords(p, t)).toList();
            for (int n = 0; n < parts.size(); n++) {
                Part p = parts.get(n);
                String code = t.code().code();
                if (parts.size() > 1 && code != null) {
                    code = code + (char) ('a' + n); // "4a", "4b": one row, two ranked targets
                }
                ParsedTarget target = new ParsedTarget(t.row().line(), code, t.source(),
                        text(t.content(), unitCell, yearInText, p.written()), p.kind(), p.comparison(), p.value(),
                        p.unit(), d, null, null, List.of(), t.pillarOrFoundation(), TargetTableParser.blankToNull(t.lead()),
                        TargetTableParser.blankToNull(t.cooperating()), Origin.APPENDIX_TABLE, p.written(), p.max(),
                        t.group());
                out.add(target);
                note(target, p, report);
            }
        }
        if (out.isEmpty()) {
            // a row with a lead agency but no value: its words are the target, as in a table without value columns
            out.add(TargetTableParser.sentenceTarget(t, rowDeadline != null ? rowDeadline : deadline, report));
        }
        return out;
    }

    /**
     * A value in words beside a target that states its own quantity ("Tỷ lệ hồ sơ trực tuyến đạt 100% | Hệ thống vận
     * hành"): the quantity of the words is the value, the cell stays in the text as written.
     */
    private static Part ownWords(Part p, TargetTableParser.Row t) {
        if (!p.qualitative() || !TargetSentenceParser.hasQuantity(t.content())) {
            return p;
        }
        TargetSentenceParser.Reading r = TargetSentenceParser.read(t.content());
        return new Part(p.written(), r.kind(), r.comparison(), r.value(), null, r.unit(), false);
    }

    /** "Quy mô kinh tế số (% GDP): ≥ 30", "Tỷ lệ … (%) năm 2025: 50". */
    static String text(String content, String unitCell, Integer year, String written) {
        StringBuilder s = new StringBuilder(TargetSentenceParser.tidy(content));
        if (unitCell != null && !unitCell.isBlank()) {
            s.append(" (").append(unitCell.strip()).append(')');
        }
        if (year != null) {
            s.append(" năm ").append(year);
        }
        return s.append(": ").append(written).toString();
    }

    private static void note(ParsedTarget t, Part p, ImportReport report) {
        if (p.qualitative()) {
            report.info(t.line(), "TARGET_QUALITATIVE", "Giá trị định tính, giữ nguyên như văn bản: \"" + p.written()
                    + "\" (chỉ tiêu đạt/không đạt).", t.text());
        } else if (p.max() != null) {
            report.info(t.line(), "TARGET_RANGE", "Giá trị là một khoảng (" + p.written() + "): lấy cận dưới "
                    + Numbers.VI.value(p.value()) + " làm giá trị, cận trên " + Numbers.VI.value(p.max())
                    + " giữ trong nội dung chỉ tiêu.", t.text());
        }
        if (t.deadlineYear() == null) {
            report.warn(t.line(), "TARGET_NO_DEADLINE", "Chỉ tiêu chưa có năm hoàn thành.", t.text());
        }
    }
}
