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

    static List<ParsedTask> parse(List<DocumentBlock.Row> rows, TableLayout layout, ImportReport report) {
        List<ParsedTask> out = new ArrayList<>();
        String section = null;
        String sectionTitle = null;
        boolean romanSections = false;
        Pillar pillar = Pillar.FOUNDATION;
        Map<String, String> groups = new LinkedHashMap<>();
        String lastLetterGroup = null;
        int unnumbered = 0;
        for (int i = layout.headerRows(); i < rows.size(); i++) {
            DocumentBlock.Row row = rows.get(i);
            if (row.isBlank() || TableLayout.isNumberingRow(row)) {
                continue;
            }
            RowCode rc = RowCode.of(layout.cell(row, Column.CODE, " "), layout.cell(row, Column.CONTENT, " "));
            String lead = layout.cell(row, Column.LEAD, "; ");
            String cooperating = layout.cell(row, Column.COOPERATING, "; ");
            String time = layout.cell(row, Column.TIME, " ");
            String title = rc.title();
            if (rc.isRoman()) {
                section = rc.code();
                sectionTitle = title;
                romanSections = true;
                Pillar p = Pillar.detect(title);
                pillar = p == null ? Pillar.FOUNDATION : p;
                groups.clear();
                lastLetterGroup = null;
                continue;
            }
            if (lead.isEmpty() && time.isEmpty()) {
                if (title.isEmpty()) {
                    continue;
                }
                if (!romanSections && rc.code() != null && rc.path().length == 1 && rc.code().matches("\\d+")) {
                    section = rc.code(); // a table numbered 1, 1.1, 1.2 ...: the top rows are its sections
                    sectionTitle = title;
                    Pillar p = Pillar.detect(title);
                    pillar = p == null ? Pillar.FOUNDATION : p;
                    groups.clear();
                    continue;
                }
                if (rc.code() != null && rc.code().matches("[\\d.]+")) {
                    groups.put(rc.code(), title);
                } else {
                    lastLetterGroup = title;
                }
                continue;
            }
            String rowCode = rc.code();
            if (rowCode == null) {
                unnumbered++;
                report.warn(row.line(), "TASK_NO_CODE", "Dòng nhiệm vụ không có số thứ tự; đã đánh số tạm.", title);
                rowCode = "_" + unnumbered;
            }
            String code = romanSections && section != null ? section + "." + rowCode : rowCode;
            if (!romanSections && section != null && !rowCode.startsWith(section + ".") && !rowCode.equals(section)) {
                code = section + "." + rowCode;
            }
            String groupTitle = group(groups, rowCode);
            if (groupTitle == null) {
                groupTitle = lastLetterGroup;
            }
            TimeFrame tf = TimeFrameParser.parse(time);
            if (!tf.recognised()) {
                report.warn(row.line(), "TASK_NO_TIME_FRAME", time.isEmpty()
                        ? "Nhiệm vụ " + code + " không có thời gian thực hiện."
                        : "Không đọc được thời gian thực hiện của nhiệm vụ " + code + ": \"" + time + "\".", title);
            }
            if (lead.isEmpty()) {
                report.warn(row.line(), "TASK_NO_LEAD", "Nhiệm vụ " + code + " không có cơ quan chủ trì.", title);
            }
            String note = layout.cell(row, Column.NOTE, " ");
            String legalBasis = !note.isEmpty() && CITES_DOCUMENT.matcher(VietText.foldAligned(note)).find() ? note : null;
            String scope = layout.cell(row, Column.SCOPE, " ");
            out.add(new ParsedTask(row.line(), code, section, sectionTitle, groupTitle, title, blank(lead),
                    blank(cooperating), blank(time), tf.startYear(), tf.endYear(), tf.recurrence(), blank(scope),
                    legalBasis, pillar));
        }
        return out;
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
