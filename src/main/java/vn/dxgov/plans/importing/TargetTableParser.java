package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * A table with value columns (TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi, đánh giá) reads each value
 * cell with {@link TableValueTargets}; there a row with no value and no lead agency is a group ("I | Đến năm 2030",
 * "11 | Chỉ tiêu về thực hiện thủ tục hành chính…"), whose words are kept with the sub-rows numbered under it.
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
        boolean sectionYear = false;
        Pillar pillar = null;
        Map<String, String> headings = new HashMap<>();
        for (int i = layout.headerRows(); i < rows.size(); i++) {
            DocumentBlock.Row row = rows.get(i);
            if (row.isBlank() || TableLayout.isNumberingRow(row)) {
                continue;
            }
            RowCode rc = RowCode.of(layout.cell(row, Column.CODE, " "), layout.cell(row, Column.CONTENT, " "));
            String lead = layout.cell(row, Column.LEAD, "; ");
            String content = rc.title();
            if (content.isEmpty()) {
                continue;
            }
            boolean noValue = layout.values().stream().allMatch(v -> layout.valueCell(row, v).isEmpty());
            if (lead.isEmpty() && (layout.values().isEmpty() ? isGroup(rc, content) : noValue)) {
                Integer year = year(content);
                if (year != null || rc.isRoman()) {
                    deadline = year != null ? year : deadline;
                    sectionYear |= year != null;
                    pillar = null;
                }
                Pillar p = Pillar.detect(content);
                if (p != null) {
                    pillar = p;
                } else if (VietText.fold(content).startsWith("ve ")) {
                    pillar = Pillar.FOUNDATION;
                }
                remember(headings, rc, content);
                continue;
            }
            Integer rowDeadline = TargetSentenceParser.deadline(content);
            if (rowDeadline == null && layout.has(Column.TIME)) {
                // a "Năm hoàn thành" / "Thời hạn" column gives the row's own deadline
                rowDeadline = TimeFrameParser.parse(layout.cell(row, Column.TIME, " ")).endYear();
            }
            Row r = new Row(row, rc, content, lead, layout.cell(row, Column.COOPERATING, "; "),
                    pillar != null ? pillar : Pillar.detect(content), group(headings, rc));
            if (lead.isEmpty()) {
                report.warn(row.line(), "TARGET_NO_LEAD", "Chỉ tiêu trong bảng không có cơ quan chủ trì.", content);
            }
            if (layout.values().isEmpty()) {
                out.add(sentenceTarget(r, rowDeadline != null ? rowDeadline : deadline, report));
            } else {
                out.addAll(TableValueTargets.read(r, layout, rowDeadline, deadline, sectionYear, report));
            }
            remember(headings, rc, content);
        }
        return out;
    }

    /** A target row as the table gives it: the row, its code and words, agencies, pillar and heading row. */
    record Row(DocumentBlock.Row row, RowCode code, String content, String lead, String cooperating, Pillar pillar,
               String group) {

        Pillar pillarOrFoundation() {
            return pillar == null ? Pillar.FOUNDATION : pillar;
        }

        /** The source text: the heading row above it (for a sub-row) then the row as written. */
        String source() {
            return group == null ? row.raw() : group + "\n" + row.raw();
        }
    }

    /** A row whose value is written in its own words ("Tỷ lệ hồ sơ ... đạt 100%"). */
    static ParsedTarget sentenceTarget(Row t, Integer deadline, ImportReport report) {
        Reading r = TargetSentenceParser.read(t.content());
        Integer d = r.deadlineYear() != null ? r.deadlineYear() : deadline;
        if (r.numberUnread()) {
            report.warn(t.row().line(), "TARGET_NUMBER_UNREAD",
                    "Không đọc được số liệu của chỉ tiêu; tạm coi là chỉ tiêu có/không, cần kiểm tra.", t.content());
        }
        if (d == null) {
            report.warn(t.row().line(), "TARGET_NO_DEADLINE", "Chỉ tiêu chưa có năm hoàn thành.", t.content());
        }
        return new ParsedTarget(t.row().line(), t.code().code(), t.row().raw(), TargetSentenceParser.tidy(t.content()),
                r.kind(), r.comparison(), r.value(), r.unit(), d, r.baseline(), r.baselineYear(), r.splits(),
                t.pillarOrFoundation(), blankToNull(t.lead()), blankToNull(t.cooperating()), Origin.APPENDIX_TABLE,
                null, null, t.group());
    }

    /** Remembers a coded row as the heading of the rows numbered under it ("11" above "11.1"). */
    private static void remember(Map<String, String> headings, RowCode rc, String content) {
        if (rc.code() != null && !rc.isRoman()) {
            headings.put(rc.code(), rc.code() + ". " + TargetSentenceParser.tidy(content));
        }
    }

    /** The heading row of a sub-row: the nearest row whose code is a prefix of its code ("11" for "11.1"). */
    private static String group(Map<String, String> headings, RowCode rc) {
        String code = rc.code();
        if (code == null) {
            return null;
        }
        for (int dot = code.lastIndexOf('.'); dot > 0; dot = code.lastIndexOf('.', dot - 1)) {
            String parent = headings.get(code.substring(0, dot));
            if (parent != null) {
                return parent;
            }
        }
        return null;
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

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
