package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.plans.importing.HeaderParser.Header;
import vn.dxgov.plans.importing.ParsedTarget.Origin;
import vn.dxgov.shared.VietText;

/**
 * Reads a plan document (nghị quyết, quyết định, chương trình, kế hoạch) into a {@link ParsedPlan}: header facts,
 * targets of the goal sections and of appendix target tables, tasks of task tables, reporting duties, and an import
 * report. Pure: no database, no Spring.
 */
public class PlanDocumentParser {

    /** Two targets with the same deadline, kind and value whose words overlap this much are one target. */
    private static final double SAME_TARGET_SIMILARITY = 0.45;
    /** What a ranking is about: "dẫn đầu (cả nước) về <topic>" (folded). */
    private static final Pattern RANK_TOPIC = Pattern.compile("(?:dan dau|dung dau)(?:\\s+ca nuoc)?\\s+ve\\s+([^,;.]+)");

    public ParsedPlan parse(DocumentText doc, ProvinceLexicon provinces) {
        ImportReport report = new ImportReport();
        List<TextLine> lines = TextLine.flatten(doc);
        Header header = new HeaderParser(lines, provinces, report).parse();
        int from = header.regionStart();
        int fromLine = from < lines.size() && from > 0 ? lines.get(from).line() : 0;

        List<ParsedTarget> goalTargets = new GoalSectionParser(lines, from, header.periodEnd(), report).parse();
        List<ParsedTarget> tableTargets = new ArrayList<>();
        List<ParsedTask> tasks = new ArrayList<>();
        readTables(doc, fromLine, header.periodEnd(), tableTargets, tasks, report);

        List<ParsedTarget> targets = merge(goalTargets, tableTargets, report);
        List<ReportingDuty> duties = ReportingDutyParser.parse(lines, from, report);

        if (header.type() == null && targets.isEmpty() && tasks.isEmpty()) {
            throw new NotAPlanException(
                    "Văn bản không phải kế hoạch/chương trình chuyển đổi số: không tìm thấy tên loại văn bản "
                            + "(NGHỊ QUYẾT, QUYẾT ĐỊNH, CHƯƠNG TRÌNH, KẾ HOẠCH), không có phần \"Mục tiêu\" với các chỉ tiêu "
                            + "và không có bảng nhiệm vụ (cột \"chủ trì\", \"phối hợp\").",
                    "The document is not a plan: no document-type heading (NGHỊ QUYẾT, QUYẾT ĐỊNH, CHƯƠNG TRÌNH, "
                            + "KẾ HOẠCH), no goal section with targets and no task table (\"chủ trì\"/\"phối hợp\" columns).");
        }
        if (header.type() == null) {
            report.warn(0, "TYPE_MISSING", "Không tìm thấy tên loại văn bản (NGHỊ QUYẾT, QUYẾT ĐỊNH, CHƯƠNG TRÌNH, KẾ HOẠCH).", null);
        }
        if (goalTargets.isEmpty() && tableTargets.isEmpty()) {
            report.warn(0, "NO_TARGETS", "Không tìm thấy chỉ tiêu nào (phần \"Mục tiêu cụ thể\" hoặc bảng chỉ tiêu).", null);
        } else {
            report.info(0, "TARGETS", "Tổng số chỉ tiêu: " + targets.size() + ".", null);
        }
        if (tasks.isEmpty()) {
            report.info(0, "NO_TASK_TABLE", "Văn bản không có bảng danh mục nhiệm vụ; các nhiệm vụ viết dạng văn xuôi "
                    + "(phần \"Nhiệm vụ, giải pháp\") không được nhập tự động.", null);
        }
        return new ParsedPlan(header.type(), header.number(), header.title(), header.issuer(), header.issuedOn(),
                header.issuedOnText(), header.level(), header.province(), header.periodStart(), header.periodEnd(),
                header.visionYear(), header.implementsRef(), targets, tasks, duties, report.notes());
    }

    private static void readTables(DocumentText doc, int fromLine, Integer defaultDeadline,
                                   List<ParsedTarget> targets, List<ParsedTask> tasks, ImportReport report) {
        for (List<DocumentBlock.Row> rows : TableLayout.tables(doc)) {
            DocumentBlock.Row first = rows.get(0);
            if (first.line() < fromLine) {
                continue;
            }
            String caption = caption(doc, first);
            TableLayout layout = TableLayout.detect(rows, caption);
            long width = rows.stream().mapToLong(DocumentBlock.Row::nonBlankCells).max().orElse(0);
            if (layout == null || layout.kind() == TableLayout.Kind.OTHER) {
                if (width >= 3 && rows.size() >= 2) {
                    report.warn(first.line(), "TABLE_UNRECOGNISED",
                            "Không nhận diện được các cột của bảng (cần tiêu đề cột như \"Nội dung\", \"Cơ quan chủ trì\", "
                                    + "\"Cơ quan phối hợp\", \"Thời gian thực hiện\"); bảng bị bỏ qua.", first.raw());
                }
                continue;
            }
            if (layout.kind() == TableLayout.Kind.TARGETS) {
                Integer deadline = TargetTableParser.captionYear(caption);
                List<ParsedTarget> found = TargetTableParser.parse(rows, layout,
                        deadline != null ? deadline : defaultDeadline, report);
                targets.addAll(found);
                report.info(first.line(), "TARGET_TABLE", "Bảng chỉ tiêu: " + found.size() + " chỉ tiêu.", first.raw());
            } else {
                List<ParsedTask> found = TaskTableParser.parse(rows, layout, report);
                tasks.addAll(found);
                Set<String> sections = new HashSet<>();
                found.forEach(t -> sections.add(String.valueOf(t.section())));
                report.info(first.line(), "TASK_TABLE", "Bảng nhiệm vụ: " + found.size() + " nhiệm vụ trong "
                        + sections.size() + " phần.", first.raw());
            }
        }
    }

    /** The paragraphs just above a table (its caption: "Phụ lục 01 / PHÂN CÔNG ... CÁC CHỈ TIÊU"). */
    private static String caption(DocumentText doc, DocumentBlock.Row first) {
        List<String> before = new ArrayList<>();
        List<DocumentBlock> blocks = doc.blocks();
        int at = blocks.indexOf(first);
        for (int i = at - 1; i >= 0 && before.size() < 4; i--) {
            if (blocks.get(i) instanceof DocumentBlock.Paragraph p) {
                before.add(0, p.text());
            } else {
                break;
            }
        }
        return String.join(" ", before);
    }

    /**
     * Goal targets and appendix-table targets together; a goal target that the appendix restates (same deadline,
     * kind and value, similar words) is dropped in favour of the appendix row, which carries the agencies.
     */
    private static List<ParsedTarget> merge(List<ParsedTarget> goals, List<ParsedTarget> table, ImportReport report) {
        List<ParsedTarget> out = new ArrayList<>();
        for (ParsedTarget g : goals) {
            if (g.origin() == Origin.GENERAL_GOAL && goals.stream().anyMatch(o -> o.origin() == Origin.GOAL_SECTION
                    && o.kind() == g.kind() && sameValueAndDeadline(o, g) && sameRankTopic(o, g))) {
                continue; // the general goal's ranking is restated as a specific target
            }
            ParsedTarget same = table.stream().filter(t -> sameTarget(g, t)).findFirst().orElse(null);
            if (same == null) {
                out.add(g);
            } else {
                report.info(g.line(), "TARGET_DUPLICATE", "Chỉ tiêu được nhắc lại trong bảng chỉ tiêu (dòng "
                        + same.line() + "); giữ dòng của bảng.", g.text());
            }
        }
        out.addAll(table);
        out.sort(Comparator.comparingInt(ParsedTarget::line));
        return out;
    }

    private static boolean sameTarget(ParsedTarget g, ParsedTarget t) {
        if (g.kind() != t.kind() || !sameValueAndDeadline(g, t)) {
            return false;
        }
        if (g.origin() == Origin.GENERAL_GOAL) {
            return sameRankTopic(g, t);
        }
        return similarity(g.text(), t.text()) >= SAME_TARGET_SIMILARITY;
    }

    /** Two rankings are the same when they rank the same thing ("dẫn đầu về chuyển đổi số" vs "... về an ninh mạng"). */
    private static boolean sameRankTopic(ParsedTarget a, ParsedTarget b) {
        return rankTopic(a.text()).equals(rankTopic(b.text()));
    }

    private static String rankTopic(String text) {
        Matcher m = RANK_TOPIC.matcher(VietText.fold(text));
        return m.find() ? m.group(1).strip() : "";
    }

    private static boolean sameValueAndDeadline(ParsedTarget a, ParsedTarget b) {
        return a.value() != null && b.value() != null && a.value().compareTo(b.value()) == 0
                && a.deadlineYear() != null && a.deadlineYear().equals(b.deadlineYear());
    }

    static double similarity(String a, String b) {
        Set<String> wa = words(a);
        Set<String> wb = words(b);
        if (wa.isEmpty() || wb.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(wa);
        common.retainAll(wb);
        Set<String> union = new HashSet<>(wa);
        union.addAll(wb);
        return (double) common.size() / union.size();
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        for (String w : VietText.fold(s).split("[^a-z0-9]+")) {
            if (w.length() >= 2) {
                out.add(w);
            }
        }
        return out;
    }
}
