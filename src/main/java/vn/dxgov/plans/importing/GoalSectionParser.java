package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.plans.importing.OutlineLine.Kind;
import vn.dxgov.shared.Pillar;
import vn.dxgov.shared.VietText;

/**
 * Reads the targets of the goal sections ("MỤC TIÊU"): the general goal's ranking commitments and every bullet or
 * clause under the specific-goal headings, with the deadline of its heading ("Mục tiêu cụ thể đến năm 2025",
 * "3.1. Đến năm 2025, ...", "- Đến hết năm 2022:") and the pillar of its sub-heading ("a) Về chính quyền số").
 */
final class GoalSectionParser {

    private enum Mode {
        /** outside goals, or under a heading that is not about targets ("1. Quan điểm") */
        NONE,
        /** "II. MỤC TIÊU": labelled items with a number count as targets */
        CONTAINER,
        /** "Mục tiêu tổng quát": only ranking commitments */
        GENERAL,
        /** "Mục tiêu cụ thể đến năm 2025": every item is a target */
        SPECIFIC
    }

    /** "Đến năm 2025, ...", "Năm 2024", "Giai đoạn 2021-2025" at the start of a heading (folded). */
    private static final Pattern DEADLINE_HEADING = Pattern.compile(
            "^(?:phan dau\\s+)?(?:(?:den|toi|trong|vao)\\s+(?:het\\s+|cuoi\\s+)?nam\\s+(\\d{4})|nam\\s+(\\d{4})|giai doan\\s+\\d{4}\\s*[-–]\\s*(\\d{4}))");
    /** A year in a goal heading: "đến năm 2025", "giai đoạn 2021-2025", "năm 2024" (folded). */
    private static final Pattern HEADING_YEAR = Pattern.compile(
            "(?:den|toi)\\s+(?:het\\s+)?nam\\s+(\\d{4})|giai doan\\s+\\d{4}\\s*[-–]\\s*(\\d{4})|nam\\s+(\\d{4})");
    /** A vision heading: "Tầm nhìn đến năm 2045", "III. TẦM NHÌN ĐẾN NĂM 2045:" (folded). */
    private static final Pattern VISION = Pattern.compile("^tam nhin\\s+(?:den|toi)\\s+(?:het\\s+)?nam\\s+(\\d{4})");
    /** Headings that close the goal part (folded). */
    private static final Pattern END_OF_GOALS = Pattern.compile(
            "^(nhiem vu|giai phap|to chuc thuc hien|kinh phi|phu luc|phan cong|danh muc|lo trinh)");
    private final List<TextLine> lines;
    private final int from;
    private final Integer defaultDeadline;
    private final ImportReport report;

    private final List<ParsedTarget> targets = new ArrayList<>();
    private final List<GoalItem> items = new ArrayList<>();
    private final GeneralGoalRanks ranks;

    private Mode mode = Mode.NONE;
    private boolean inGoals;
    private int goalDepth;
    private int specificDepth;
    private String sectionLabel;
    private Integer sectionDeadline;
    private Integer subDeadline;
    private Pillar pillar;
    private String pillarLabel;
    private int itemNumber;

    GoalSectionParser(List<TextLine> lines, int from, Integer defaultDeadline, ImportReport report) {
        this.lines = lines;
        this.from = from;
        this.defaultDeadline = defaultDeadline;
        this.report = report;
        this.ranks = new GeneralGoalRanks(targets, report);
    }

    List<ParsedTarget> parse() {
        for (int i = from; i < lines.size(); i++) {
            TextLine l = lines.get(i);
            if (l.inTable() || l.footnote()) {
                continue;
            }
            accept(l, OutlineLine.of(l.text(), l.marked()));
        }
        for (GoalItem item : items) {
            GoalItemReader.read(item, targets, report);
        }
        return targets;
    }

    // ------------------------------------------------------------------ the outline state machine

    private void accept(TextLine l, OutlineLine o) {
        String body = o.body();
        String bf = VietText.fold(body);
        boolean quantity = TargetSentenceParser.hasQuantity(body);
        Matcher vision = VISION.matcher(bf);
        if (vision.find() && (o.kind() != Kind.BULLET || o.endsWithColon() || body.length() <= 40)) {
            openVision(l, o, Integer.valueOf(vision.group(1)), body, vision.end());
            return;
        }
        if (isHeading(o, bf, quantity)) {
            if (mentionsGoal(bf)) {
                openGoalHeading(l, o, bf);
                return;
            }
            if (inGoals) {
                Matcher d = DEADLINE_HEADING.matcher(bf);
                if (d.find() && mode != Mode.NONE && (o.isSection() || o.marked())) {
                    openSpecific(l, o, year(d));
                    ranks.read(body, l.line(), sectionDeadline);
                    return;
                }
                if (END_OF_GOALS.matcher(bf).find() || o.kind() == Kind.ROMAN
                        || o.isSection() && o.depth() <= goalDepth) {
                    inGoals = false;
                    mode = Mode.NONE;
                    return;
                }
                if ((mode == Mode.SPECIFIC || mode == Mode.CONTAINER) && o.depth() > specificDepth && !quantity) {
                    if (mode == Mode.CONTAINER && Pillar.detect(body) == null && !bf.startsWith("ve ")) {
                        mode = Mode.NONE; // "1. Quan điểm" under "II. QUAN ĐIỂM, MỤC TIÊU"
                        return;
                    }
                    subHeading(l, o, bf);
                    return;
                }
                if (!(mode == Mode.SPECIFIC && o.depth() > specificDepth)) {
                    mode = Mode.NONE;
                    return;
                }
            } else {
                return;
            }
        }
        if (!inGoals) {
            return;
        }
        switch (mode) {
            case GENERAL -> ranks.read(l.text(), l.line(), null);
            case SPECIFIC -> specificLine(l, o, bf, quantity);
            case CONTAINER -> {
                if (o.kind() != Kind.NONE && quantity) {
                    specificLine(l, o, bf, true);
                }
            }
            default -> { }
        }
    }

    /**
     * A section line is a heading when it introduces something (ends with ":"), is marked as one, starts with
     * "Mục tiêu", or is short without a quantity and without a closing period; "1. 100% hồ sơ ..." is an item.
     */
    private static boolean isHeading(OutlineLine o, String bf, boolean quantity) {
        String body = o.body();
        return switch (o.kind()) {
            case ROMAN, NUMBERED -> o.endsWithColon() || o.marked() || bf.startsWith("muc tieu")
                    || !quantity && body.length() <= 160 && !body.endsWith(".") && !body.endsWith(";");
            case NONE -> (o.marked() && body.length() <= 200) || body.length() <= 100 && bf.startsWith("muc tieu");
            default -> false;
        };
    }

    /** "Mục tiêu ...", "QUAN ĐIỂM, MỤC TIÊU"; not "Nhiệm vụ thực hiện các mục tiêu". */
    private static boolean mentionsGoal(String bf) {
        return bf.startsWith("muc tieu") || bf.length() <= 80 && !END_OF_GOALS.matcher(bf).find()
                && bf.matches(".*(?:^|[^a-z])muc tieu(?![a-z]).*");
    }

    private void openGoalHeading(TextLine l, OutlineLine o, String bf) {
        if (!inGoals) {
            inGoals = true;
            goalDepth = o.depth();
        }
        String rest = afterColon(o.body());
        if (bf.contains("tong quat") || bf.matches("^muc tieu chung.*")) {
            mode = Mode.GENERAL;
            report.info(l.line(), "GENERAL_GOAL", "Mục tiêu tổng quát.", l.text());
            if (!rest.isEmpty()) {
                ranks.read(rest, l.line(), null);
            }
            return;
        }
        Integer year = headingYear(bf);
        if (year != null || bf.contains("cu the") || bf.contains("co ban") || bf.contains("chi tieu")) {
            openSpecific(l, o, year != null ? year : defaultDeadline);
            if (!rest.isEmpty() && TargetSentenceParser.hasQuantity(rest)) {
                addItem(l, rest, true);
            }
            return;
        }
        mode = Mode.CONTAINER;
        specificDepth = o.depth();
        sectionLabel = o.label().isEmpty() ? null : o.label();
        sectionDeadline = defaultDeadline;
        subDeadline = null;
        pillar = null;
        pillarLabel = null;
    }

    /**
     * "Tầm nhìn đến năm 2045": its targets have that year, inside or after the goal part; the words after the heading
     * ("Tầm nhìn đến năm 2045: Quy mô kinh tế số đạt tối thiểu 50% GDP") are its first item.
     */
    private void openVision(TextLine l, OutlineLine o, int year, String body, int headingEnd) {
        if (!inGoals) {
            inGoals = true;
            goalDepth = o.depth();
        }
        openSpecific(l, o, year);
        int colon = body.indexOf(':');
        String rest = colon >= 0 && colon <= headingEnd + 2 ? body.substring(colon + 1) : body.substring(headingEnd);
        rest = TargetSentenceParser.tidy(rest);
        if (!rest.isEmpty()) {
            addItem(l, capitalise(rest), false);
        }
    }

    private void openSpecific(TextLine l, OutlineLine o, Integer deadline) {
        mode = Mode.SPECIFIC;
        specificDepth = o.kind() == Kind.NONE ? 1 : o.depth();
        sectionLabel = o.label().isEmpty() ? null : o.label();
        sectionDeadline = deadline;
        subDeadline = null;
        pillar = null;
        pillarLabel = null;
        itemNumber = 0;
        report.info(l.line(), "GOAL_SECTION", "Mục tiêu cụ thể" + (deadline == null ? "" : " đến năm " + deadline) + ".",
                l.text());
        if (deadline == null) {
            report.warn(l.line(), "GOAL_NO_DEADLINE", "Không xác định được năm của các mục tiêu trong phần này.", l.text());
        }
    }

    /** A heading inside a specific-goal section: a pillar ("a) Về chính quyền số") or a deadline. */
    private void subHeading(TextLine l, OutlineLine o, String bf) {
        Matcher d = DEADLINE_HEADING.matcher(bf);
        if (d.find()) {
            sectionDeadline = year(d);
            pillar = null;
            pillarLabel = null;
            subDeadline = null;
            return;
        }
        setPillar(o.body(), o.label());
    }

    private void setPillar(String text, String label) {
        Pillar p = Pillar.detect(text);
        pillar = p == null ? Pillar.FOUNDATION : p;
        pillarLabel = label == null || label.isEmpty() ? null : label;
        subDeadline = null;
        itemNumber = 0;
    }

    private void specificLine(TextLine l, OutlineLine o, String bf, boolean quantity) {
        String body = o.body();
        switch (o.kind()) {
            case LETTER, NUMBERED, ROMAN -> {
                String prefix = beforeColon(body);
                String rest = afterColon(body);
                if (prefix != null && prefix.length() <= 80 && rest.length() >= 10
                        && !TargetSentenceParser.hasQuantity(prefix)
                        && (Pillar.detect(prefix) != null || VietText.fold(prefix).startsWith("ve "))) {
                    setPillar(prefix, o.label());
                    addItem(l, rest, true);
                } else if (!quantity && body.length() <= 160 && (Pillar.detect(body) != null
                        || bf.startsWith("ve ") || o.endsWithColon() || o.marked())) {
                    Matcher d = DEADLINE_HEADING.matcher(bf);
                    if (d.find()) {
                        sectionDeadline = year(d); // "a) Đến năm 2025:": the deadline of everything under it
                        pillar = null;
                        pillarLabel = null;
                        subDeadline = null;
                    } else {
                        setPillar(body, o.label());
                    }
                } else {
                    addItem(l, body, false);
                }
            }
            case BULLET -> {
                if (!quantity && (o.endsWithColon() || body.length() <= 60) && TargetSentenceParser.deadline(body) != null
                        && body.length() <= 120) {
                    subDeadline = TargetSentenceParser.deadline(body);
                } else if (!quantity && o.endsWithColon() && body.length() <= 80 && Pillar.detect(body) != null) {
                    setPillar(body, null);
                } else if (!quantity && o.endsWithColon()) {
                    return; // an introduction to the bullets that follow ("- Tập trung vào các lĩnh vực sau:")
                } else {
                    addItem(l, body, false);
                }
            }
            case NONE -> {
                GoalItem last = items.isEmpty() ? null : items.get(items.size() - 1);
                if (last != null && !body.isEmpty() && Character.isLowerCase(body.charAt(0))
                        && !last.text.endsWith(".") && !last.text.endsWith(";")) {
                    last.text = last.text + " " + body; // a bullet broken across lines
                } else if (!quantity && body.length() <= 100 && TargetSentenceParser.deadline(body) != null) {
                    if (o.marked()) {
                        sectionDeadline = TargetSentenceParser.deadline(body);
                        pillar = null;
                    } else {
                        subDeadline = TargetSentenceParser.deadline(body);
                    }
                } else if (!quantity && body.length() <= 120 && Pillar.detect(body) != null
                        && (o.marked() || body.endsWith(":"))) {
                    setPillar(body, null);
                } else if (quantity) {
                    addItem(l, body, false);
                }
            }
            default -> { }
        }
    }

    private void addItem(TextLine l, String text, boolean clauseList) {
        itemNumber++;
        Integer deadline = subDeadline != null ? subDeadline : sectionDeadline;
        StringBuilder code = new StringBuilder();
        if (sectionLabel != null) {
            code.append(sectionLabel);
        } else if (sectionDeadline != null) {
            code.append(sectionDeadline);
        }
        if (pillarLabel != null) {
            code.append(code.length() == 0 ? "" : ".").append(pillarLabel);
        }
        if (!clauseList) {
            code.append(code.length() == 0 ? "" : ".").append(itemNumber); // a clause list numbers its clauses
        }
        items.add(new GoalItem(l.line(), l.text(), text, clauseList, deadline, pillar == null ? Pillar.FOUNDATION : pillar,
                code.toString()));
    }

    // ------------------------------------------------------------------ helpers

    private static Integer headingYear(String bf) {
        Matcher m = HEADING_YEAR.matcher(bf);
        if (m.find()) {
            String y = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            return Integer.valueOf(y);
        }
        return null;
    }

    private static Integer year(Matcher d) {
        String y = d.group(1) != null ? d.group(1) : d.group(2) != null ? d.group(2) : d.group(3);
        return Integer.valueOf(y);
    }

    static String beforeColon(String s) {
        int i = s.indexOf(':');
        return i < 0 ? null : s.substring(0, i).strip();
    }

    static String afterColon(String s) {
        int i = s.indexOf(':');
        return i < 0 ? "" : s.substring(i + 1).strip();
    }

    static String capitalise(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
