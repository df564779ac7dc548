package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.dxgov.plans.importing.TableLayout.Column;
import vn.dxgov.plans.importing.TimeFrameParser.TimeFrame;
import vn.dxgov.shared.Pillar;
import vn.dxgov.shared.VietText;

/**
 * Reads a task table ("DANH MỤC CÁC NHIỆM VỤ, DỰ ÁN": TT | Danh mục nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |
 * Thời gian thực hiện | Dự kiến quy mô, nội dung | Ghi chú, in any column order). Roman-numeral rows open sections,
 * rows without a lead agency are groups, rows with one are tasks; a task's code joins the section's numeral and the
 * row number ("IV" + "2.1" → "IV.2.1").
 */
final class TaskTableParser {

    /** A note that cites a document: a document kind or a number such as "272/KH-UBND" (folded). */
    private static final Pattern CITES_DOCUMENT = Pattern.compile(
            "ke hoach|nghi quyet|quyet dinh|chi thi|chi thi|thong tu|nghi dinh|luat|cong van|van ban|de an|chuong trinh"
                    + "|\\d+/\\d{0,4}/?[a-z]{1,6}-|\\d+/[a-z]{1,6}(?![a-z])");

    private TaskTableParser() {
    }

    /** Where the reader is in the table: the current section and its pillar, the group headings seen in it. */
    private static final class Position {
        String section;
        String sectionTitle;
        boolean romanSections;
        Pillar pillar = Pillar.FOUNDATION;
        final Map<String, String> groups = new LinkedHashMap<>();
        String lastLetterGroup;
        int unnumbered;

        void openSection(String code, String title) {
            section = code;
            sectionTitle = title;
            Pillar p = Pillar.detect(title);
            pillar = p == null ? Pillar.FOUNDATION : p;
            groups.clear();
        }
    }

    /** One row's cells as the parser reads them. */
    private record Cells(RowCode rc, String lead, String cooperating, String time) {
    }

    static List<ParsedTask> parse(List<DocumentBlock.Row> rows, TableLayout layout, ImportReport report) {
        List<ParsedTask> out = new ArrayList<>();
        Position at = new Position();
        for (int i = layout.headerRows(); i < rows.size(); i++) {
            DocumentBlock.Row row = rows.get(i);
            if (row.isBlank() || TableLayout.isNumberingRow(row)) {
                continue;
            }
            Cells cells = new Cells(
                    RowCode.of(layout.cell(row, Column.CODE, " "), layout.cell(row, Column.CONTENT, " ")),
                    layout.cell(row, Column.LEAD, "; "), layout.cell(row, Column.COOPERATING, "; "),
                    layout.cell(row, Column.TIME, " "));
            if (!heading(cells, at)) {
                out.add(task(row, cells, layout, at, report));
            }
        }
        return out;
    }

    /**
     * A row that is not a task: a Roman-numeral section; without a lead agency and a time frame, a top row of a
     * table numbered 1, 1.1, 1.2 (a section), a numbered group ("2.1") or a lettered one; a blank title. Moves the
     * position and answers true; false for a task row.
     */
    private static boolean heading(Cells cells, Position at) {
        RowCode rc = cells.rc();
        String title = rc.title();
        if (rc.isRoman()) {
            at.openSection(rc.code(), title);
            at.romanSections = true;
            at.lastLetterGroup = null;
            return true;
        }
        if (!cells.lead().isEmpty() || !cells.time().isEmpty()) {
            return false;
        }
        if (title.isEmpty()) {
            return true;
        }
        if (!at.romanSections && rc.code() != null && rc.path().length == 1 && rc.code().matches("\\d+")) {
            at.openSection(rc.code(), title); // a table numbered 1, 1.1, 1.2 ...: the top rows are its sections
        } else if (rc.code() != null && rc.code().matches("[\\d.]+")) {
            at.groups.put(rc.code(), title);
        } else {
            at.lastLetterGroup = title;
        }
        return true;
    }

    /** A task row: its code in the section, its group, time frame, agencies, scope and legal basis; warnings. */
    private static ParsedTask task(DocumentBlock.Row row, Cells cells, TableLayout layout, Position at,
                                   ImportReport report) {
        String title = cells.rc().title();
        String rowCode = cells.rc().code();
        if (rowCode == null) {
            at.unnumbered++;
            report.warn(row.line(), "TASK_NO_CODE", "Dòng nhiệm vụ không có số thứ tự; đã đánh số tạm.", title);
            rowCode = "_" + at.unnumbered;
        }
        String section = at.section;
        String code = at.romanSections && section != null ? section + "." + rowCode : rowCode;
        if (!at.romanSections && section != null && !rowCode.startsWith(section + ".") && !rowCode.equals(section)) {
            code = section + "." + rowCode;
        }
        String groupTitle = group(at.groups, rowCode);
        if (groupTitle == null) {
            groupTitle = at.lastLetterGroup;
        }
        String time = cells.time();
        TimeFrame tf = TimeFrameParser.parse(time);
        if (!tf.recognised()) {
            report.warn(row.line(), "TASK_NO_TIME_FRAME", time.isEmpty()
                    ? "Nhiệm vụ " + code + " không có thời gian thực hiện."
                    : "Không đọc được thời gian thực hiện của nhiệm vụ " + code + ": \"" + time + "\".", title);
        }
        if (cells.lead().isEmpty()) {
            report.warn(row.line(), "TASK_NO_LEAD", "Nhiệm vụ " + code + " không có cơ quan chủ trì.", title);
        }
        String note = layout.cell(row, Column.NOTE, " ");
        String legalBasis = !note.isEmpty() && CITES_DOCUMENT.matcher(VietText.foldAligned(note)).find() ? note : null;
        String scope = layout.cell(row, Column.SCOPE, " ");
        return new ParsedTask(row.line(), code, section, at.sectionTitle, groupTitle, title, blank(cells.lead()),
                blank(cells.cooperating()), blank(time), tf.startYear(), tf.endYear(), tf.recurrence(), blank(scope),
                legalBasis, at.pillar);
    }

    /** The title of the deepest group whose code is a prefix of the row's code ("2.1" for "2.1.3"). */
    private static String group(Map<String, String> groups, String rowCode) {
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, String> g : groups.entrySet()) {
            String k = g.getKey();
            if (rowCode.startsWith(k + ".") && k.length() > bestLength) {
                best = g.getValue();
                bestLength = k.length();
            }
        }
        return best;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
