package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.plans.importing.ParsedTarget.Origin;
import vn.dxgov.plans.importing.TargetSentenceParser.Reading;
import vn.dxgov.shared.VietText;
import vn.dxgov.targets.TargetKind;

/**
 * Reads a goal item (a bullet, a paragraph, a clause list) into its targets. An item that commits to several
 * quantities is split, each target with its own value: into sentences ("…xuất khẩu đạt tối thiểu 50%. Quy mô kinh tế
 * số đạt tối thiểu 30% GDP"), into clauses at ";" ("A đạt 100%; B đạt 80%"), and at a comma before a clause that has
 * its own subject and verb ("A đạt 100%, B đạt tối thiểu 80%"). A quantity that only qualifies the target stays with
 * it: a baseline ("tăng 10% so với năm 2020"), a share ("…, trong đó …"), per-level values ("90% cấp tỉnh, 80% cấp
 * xã"). A year a part states ("Cụ thể, tới năm 2025, …") is the deadline of the parts after it. Part of
 * {@link GoalSectionParser}.
 */
final class GoalItemReader {

    /** The end of a sentence: ". " before a capital, not after a short abbreviation ("TP. Hồ Chí Minh"). */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<![\\s.]\\p{Lu}\\p{L}?|^\\p{Lu}\\p{L}?)\\.\\s+(?=\\p{Lu})");
    /** A part that qualifies the one before it rather than committing to something of its own (folded). */
    private static final Pattern QUALIFIER = Pattern.compile("^(?:trong do|trong so do|tuong ung|tuong duong|so voi|gap|bao gom|gom)(?![a-z])");
    /** A comma part with its own subject and verb before its quantity: "B đạt tối thiểu 80%" (folded). */
    private static final Pattern OWN_CLAUSE = Pattern.compile("^[a-z][^,;%\\d]*?\\s(?:dat|chiem|o muc)\\s");

    private GoalItemReader() {
    }

    /** Adds the targets of an item to {@code targets}. */
    static void read(GoalItem item, List<ParsedTarget> targets, ImportReport report) {
        List<String> parts = parts(item);
        Integer deadline = item.deadline;
        for (int n = 1; n <= parts.size(); n++) {
            String clause = GoalSectionParser.capitalise(TargetSentenceParser.tidy(parts.get(n - 1)));
            if (clause.isEmpty()) {
                continue;
            }
            Reading r = TargetSentenceParser.read(clause);
            if (r.deadlineYear() != null) {
                deadline = r.deadlineYear(); // "Cụ thể, tới năm 2025, …; …": the year holds for the parts after it
            }
            String code = parts.size() > 1 ? item.code + "." + n : item.code;
            targets.add(new ParsedTarget(item.line, code, item.source, clause, r.kind(), r.comparison(), r.value(),
                    r.unit(), deadline, r.baseline(), r.baselineYear(), r.splits(), item.pillar, null, null,
                    Origin.GOAL_SECTION));
            if (r.numberUnread()) {
                report.warn(item.line, "TARGET_NUMBER_UNREAD",
                        "Không đọc được số liệu của chỉ tiêu; tạm coi là chỉ tiêu có/không, cần kiểm tra.", clause);
            } else if (r.kind() == TargetKind.YES_NO) {
                report.info(item.line, "TARGET_YES_NO", "Chỉ tiêu định tính (đạt/không đạt).", clause);
            }
            if (deadline == null) {
                report.warn(item.line, "TARGET_NO_DEADLINE", "Chỉ tiêu chưa có năm hoàn thành.", clause);
            }
        }
    }

    /** The parts of an item that are targets of their own. */
    static List<String> parts(GoalItem item) {
        String text = item.text;
        if (item.clauseList) {
            return TargetSentenceParser.clauses(text);
        }
        List<String> sentences = sentences(text);
        if (sentences.size() < 2 || sentences.stream().filter(TargetSentenceParser::hasQuantity).count() < 2) {
            return clausesOf(text);
        }
        List<String> out = new ArrayList<>();
        for (String s : sentences) {
            out.addAll(clausesOf(s));
        }
        return out;
    }

    /** The sentences of a text ("… đạt tối thiểu 50%. Quy mô kinh tế số …"), outside parentheses. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = SENTENCE_END.matcher(text);
        int start = 0;
        int depth = 0;
        int scanned = 0;
        while (m.find()) {
            for (; scanned < m.start(); scanned++) {
                char c = text.charAt(scanned);
                depth = c == '(' ? depth + 1 : c == ')' && depth > 0 ? depth - 1 : depth;
            }
            if (depth == 0) {
                add(out, text.substring(start, m.start()));
                start = m.end();
            }
        }
        add(out, text.substring(start));
        return out;
    }

    /** The ";" clauses of a sentence when two or more commit to a quantity, each split at commas too. */
    private static List<String> clausesOf(String sentence) {
        if (TargetSentenceParser.isLevelSplit(sentence)) {
            return List.of(TargetSentenceParser.tidy(sentence));
        }
        List<String> clauses = joinQualifiers(TargetSentenceParser.clauses(sentence), "; ");
        if (clauses.stream().filter(TargetSentenceParser::hasQuantity).count() < 2) {
            return commas(TargetSentenceParser.tidy(sentence), false);
        }
        List<String> parts = new ArrayList<>(clauses);
        String first = parts.get(0);
        String lead = GoalSectionParser.beforeColon(first);
        String afterLead = GoalSectionParser.afterColon(first);
        if (lead != null && !TargetSentenceParser.hasQuantity(lead) && TargetSentenceParser.hasQuantity(afterLead)) {
            parts.set(0, afterLead); // "Phát triển ...: 100% A; 100% B" → the clauses
        }
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            out.addAll(commas(p, true));
        }
        return out;
    }

    /**
     * "A đạt 100%, B đạt tối thiểu 80%" → two parts; a comma part without its own subject and verb stays. Linear in
     * the clause: what the current part has (a quantity, a subject and verb, a "trong đó") is kept as it grows.
     */
    private static List<String> commas(String clause, boolean checkLevels) {
        if (checkLevels && TargetSentenceParser.isLevelSplit(clause)) {
            return List.of(clause);
        }
        List<String> pieces = TargetSentenceParser.splitOutsideParens(clause, ',');
        List<String> folded = pieces.stream().map(p -> VietText.fold(p.strip())).toList();
        if (folded.stream().filter(f -> OWN_CLAUSE.matcher(f).find()).limit(2).count() < 2) {
            return List.of(clause); // fewer than two parts with a subject and verb: nothing to split
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean currentQuantity = false;
        boolean currentOwn = false;
        boolean currentShare = false;
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            String f = folded.get(i);
            boolean own = OWN_CLAUSE.matcher(f).find();
            boolean quantity = TargetSentenceParser.hasQuantity(piece);
            if (current.length() > 0 && currentQuantity && currentOwn && !currentShare && quantity && own
                    && !QUALIFIER.matcher(f).find()) {
                out.add(current.toString());
                current.setLength(0);
            }
            if (current.length() == 0) {
                currentQuantity = false;
                currentOwn = own;
                currentShare = false;
            } else {
                current.append(',');
            }
            current.append(piece);
            currentQuantity |= quantity;
            currentShare |= f.contains("trong do"); // "…; trong đó vùng sâu, vùng xa đạt 24%": one target
        }
        out.add(current.toString());
        return out.stream().map(TargetSentenceParser::tidy).filter(s -> !s.isEmpty()).toList();
    }

    /** Joins a part that only qualifies the one before it ("; trong đó …") back to it. */
    private static List<String> joinQualifiers(List<String> parts, String separator) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (!out.isEmpty() && QUALIFIER.matcher(VietText.fold(p)).find()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + separator + p);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static void add(List<String> out, String s) {
        String t = TargetSentenceParser.tidy(s);
        if (!t.isEmpty()) {
            out.add(t);
        }
    }
}
