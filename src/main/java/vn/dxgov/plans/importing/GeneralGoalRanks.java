package vn.dxgov.plans.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.plans.importing.ParsedTarget.Origin;
import vn.dxgov.shared.Pillar;
import vn.dxgov.shared.VietText;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.TargetKind;

/**
 * The ranking commitments of a general goal ("đến năm 2025 ... trong nhóm 10 tỉnh ... dẫn đầu về chuyển đổi số"): each
 * becomes a RANK target of its year, once per year, rank and pillar. Part of {@link GoalSectionParser}, which finds
 * the general-goal sentences.
 */
final class GeneralGoalRanks {

    /** Year phrases in a general-goal sentence (folded). */
    private static final Pattern YEAR_PHRASE = Pattern.compile("(?:den|toi|vao)\\s+(?:het\\s+|cuoi\\s+)?nam\\s+(\\d{4})");
    /** A ranking commitment: "nhóm 10 tỉnh ...", "top 5", "thứ 15/63" (folded). */
    private static final Pattern RANK = Pattern.compile(
            "(?:^|[^a-z])(?:nhom|top)\\s+(\\d{1,3})(?!\\s*%)(?=[^;]{0,90}(?:tinh|thanh pho|dia phuong|dan dau|dung dau))"
                    + "|(?:^|[^a-z])xep\\s+(?:hang\\s+)?thu\\s+(\\d{1,3})");
    /** Where a ranking phrase ends: "... dẫn đầu (cả nước) về chuyển đổi số" (folded). */
    private static final Pattern RANK_END = Pattern.compile(
            "(?:dan dau|dung dau)(?:\\s+ca nuoc)?(?:\\s+ve\\s+[^,;.]+?(?=\\s+va\\s|\\s*[,;.]|$))?");

    private final List<ParsedTarget> targets;
    private final ImportReport report;
    private final Set<String> rankKeys = new HashSet<>();

    /** Adds the targets it reads to {@code targets}. */
    GeneralGoalRanks(List<ParsedTarget> targets, ImportReport report) {
        this.targets = targets;
        this.report = report;
    }

    /** The ranking commitments of a general-goal sentence ("đến năm 2025 ... trong nhóm 10 tỉnh ... dẫn đầu"). */
    void read(String text, int line, Integer contextYear) {
        String folded = VietText.foldAligned(text);
        List<int[]> years = new ArrayList<>();
        Matcher y = YEAR_PHRASE.matcher(folded);
        while (y.find()) {
            years.add(new int[] {y.start(), Integer.parseInt(y.group(1))});
        }
        Matcher m = RANK.matcher(folded);
        int previousEnd = 0;
        while (m.find()) {
            int at = m.group(1) != null ? m.start(1) : m.start(2);
            int value = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            Integer year = contextYear;
            int yearAt = -1;
            for (int[] yy : years) {
                if (yy[0] < at) {
                    year = yy[1];
                    yearAt = yy[0];
                }
            }
            if (year == null) {
                continue;
            }
            int end = rankEnd(folded, at);
            // the clause starts at its year phrase, or after the last ";" or the previous commitment before it
            int start = Math.max(Math.max(previousEnd, yearAt), folded.lastIndexOf(';', at) + 1);
            String clause = TargetSentenceParser.tidy(text.substring(start, end)).replaceFirst("^(và|va)\\s+", "");
            if (start != yearAt) {
                clause = "Đến năm " + year + ", " + clause;
            }
            previousEnd = end;
            Pillar p = Pillar.detect(text.substring(at, end));
            Pillar pillarOf = p == null ? Pillar.FOUNDATION : p;
            String key = year + "|" + value + "|" + pillarOf;
            if (!rankKeys.add(key)) {
                continue;
            }
            targets.add(new ParsedTarget(line, null, text, GoalSectionParser.capitalise(clause), TargetKind.RANK, Comparison.AT_MOST,
                    BigDecimal.valueOf(value), "hạng", year, null, null, List.of(), pillarOf, null, null,
                    Origin.GENERAL_GOAL));
            report.info(line, "GENERAL_GOAL_RANK", "Mục tiêu xếp hạng: nhóm " + value + " đến năm " + year + ".", clause);
        }
    }

    private static int rankEnd(String folded, int at) {
        int limit = Math.min(folded.length(), at + 160);
        Matcher e = RANK_END.matcher(folded);
        e.region(at, limit);
        if (e.find()) {
            return e.end();
        }
        for (int i = at; i < limit; i++) {
            char c = folded.charAt(i);
            if (c == ';' || c == '.' && (i + 1 >= folded.length() || folded.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return limit;
    }
}
