package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.plans.importing.ParsedTarget.Origin;
import vn.dxgov.plans.importing.TableLayout.Column;
import vn.dxgov.plans.importing.TargetSentenceParser.Reading;
import vn.dxgov.shared.Pillar;
import vn.dxgov.shared.VietText;

/**
 * Reads an appendix target table ("Phụ lục 01 ... CHỈ TIÊU": TT | Nội dung chỉ tiêu | Cơ quan chủ trì | Cơ quan phối
 * hợp | Ghi chú). Rows without a lead agency are groups that set the deadline ("Chỉ tiêu đến năm 2025": the year is
 * taken from the text, never from the numbering) and the pillar ("Về Chính quyền số"); the other rows are targets.
 */
final class TargetTableParser {

    /** A year in a group row or a deadline cell (folded). */
    private static final Pattern CAPTION_YEAR = Pattern.compile(
            "(?:den|toi)\\s+(?:het\\s+)?nam\\s+(\\d{4})|giai doan\\s+\\d{4}\\s*[-–]\\s*(\\d{4})");
    private static final Pattern YEAR = Pattern.compile("(?:nam|den|giai doan[^0-9]{0,5}\\d{4}\\s*[-–])\\s*(\\d{4})|^(\\d{4})$");

    private TargetTableParser() {
    }

    static List<ParsedTarget> parse(List<DocumentBlock.Row> rows, TableLayout layout, Integer defaultDeadline,
                                    ImportReport report) {
        List<ParsedTarget> out = new ArrayList<>();
        Integer deadline = defaultDeadline;
        Pillar pillar = null;
        for (int i = layout.headerRows(); i < rows.size(); i++) {
            DocumentBlock.Row row = rows.get(i);
            if (row.isBlank() || TableLayout.isNumberingRow(row)) {
                continue;
            }
            RowCode rc = RowCode.of(layout.cell(row, Column.CODE, " "), layout.cell(row, Column.CONTENT, " "));
            String lead = layout.cell(row, Column.LEAD, "; ");
            String cooperating = layout.cell(row, Column.COOPERATING, "; ");
            String content = rc.title();
            if (content.isEmpty()) {
                continue;
            }
            if (lead.isEmpty() && isGroup(rc, content)) {
                Integer year = year(content);
                if (year != null || rc.isRoman()) {
                    deadline = year != null ? year : deadline;
                    pillar = null;
                }
                Pillar p = Pillar.detect(content);
                if (p != null) {
                    pillar = p;
                } else if (VietText.fold(content).startsWith("ve ")) {
                    pillar = Pillar.FOUNDATION;
                }
                continue;
            }
            Reading r = TargetSentenceParser.read(content);
            Integer rowDeadline = r.deadlineYear();
            if (rowDeadline == null && layout.has(Column.TIME)) {
                // a "Năm hoàn thành" / "Thời hạn" column gives the row's own deadline
                Integer end = TimeFrameParser.parse(layout.cell(row, Column.TIME, " ")).endYear();
                rowDeadline = end;
            }
            if (rowDeadline == null) {
                rowDeadline = deadline;
            }
            Pillar p = pillar != null ? pillar : Pillar.detect(content);
            out.add(new ParsedTarget(row.line(), rc.code(), row.raw(), TargetSentenceParser.tidy(content), r.kind(),
                    r.comparison(), r.value(), r.unit(), rowDeadline, r.baseline(), r.baselineYear(), r.splits(),
                    p == null ? Pillar.FOUNDATION : p, blankToNull(lead), blankToNull(cooperating), Origin.APPENDIX_TABLE));
            if (lead.isEmpty()) {
                report.warn(row.line(), "TARGET_NO_LEAD", "Chỉ tiêu trong bảng không có cơ quan chủ trì.", content);
            }
            if (r.numberUnread()) {
                report.warn(row.line(), "TARGET_NUMBER_UNREAD",
                        "Không đọc được số liệu của chỉ tiêu; tạm coi là chỉ tiêu có/không, cần kiểm tra.", content);
            }
            if (rowDeadline == null) {
                report.warn(row.line(), "TARGET_NO_DEADLINE", "Chỉ tiêu chưa có năm hoàn thành.", content);
            }
        }
        return out;
    }

    /** A group row: "I | Chỉ tiêu đến năm 2025", "1 | Về Chính quyền số"; a row stating a quantity is a target. */
    private static boolean isGroup(RowCode rc, String content) {
        String f = VietText.fold(content);
        return rc.isRoman() || !TargetSentenceParser.hasQuantity(content)
                || f.startsWith("chi tieu") || f.startsWith("muc tieu") || f.startsWith("ve ");
    }

    /** The deadline a table caption states ("... CÁC CHỈ TIÊU ĐẾN NĂM 2025"), not the date of the document. */
    static Integer captionYear(String caption) {
        Matcher m = CAPTION_YEAR.matcher(VietText.fold(caption == null ? "" : caption));
        return m.find() ? Integer.valueOf(m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    static Integer year(String text) {
        Matcher m = YEAR.matcher(VietText.fold(text));
        if (m.find()) {
            return Integer.valueOf(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
