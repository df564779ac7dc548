package vn.dxgov.plans.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.shared.VietText;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.SplitLevel;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.targets.TargetSplit;
import vn.dxgov.plans.importing.QuantityScanner.Mention;
import vn.dxgov.plans.importing.QuantityScanner.Type;

/**
 * Reads one target sentence (a bullet or a clause): its kind, comparison, value, unit, per-level splits, baseline and
 * the deadline it states itself.
 */
final class TargetSentenceParser {

    /** What a target sentence commits to. {@code numberUnread}: it has a number that could not be interpreted. */
    record Reading(TargetKind kind, Comparison comparison, BigDecimal value, String unit, List<TargetSplit> splits,
                   BigDecimal baseline, Integer baselineYear, Integer deadlineYear, boolean numberUnread) {
    }

    /** "nhóm 10 tỉnh ... dẫn đầu", "top 5": a group of leading provinces (folded text). */
    private static final Pattern RANK_GROUP = Pattern.compile(
            "(?:^|[^a-z])(?:nhom|top)\\s+(\\d{1,3})(?!\\s*%)(?=[^;]{0,90}(?:tinh|thanh pho|dia phuong|dan dau|dung dau|ca nuoc|quoc gia))");
    /** "thứ 15/63", "xếp hạng thứ 10": a rank position (folded text). */
    private static final Pattern RANK_POSITION = Pattern.compile(
            "(?:^|[^a-z])(?:xep\\s+(?:hang\\s+)?)?thu\\s+(\\d{1,3})(?:\\s*/\\s*\\d{2,3})?(?![\\d%])");
    /** The context a "thứ N" needs to be a rank rather than an ordinal ("lần thứ 7"). */
    private static final Pattern RANK_CONTEXT = Pattern.compile("xep|hang|chi so|dti|tinh, thanh pho|ca nuoc|/\\s*\\d{2}");
    /** "từ 45% năm 2020 lên 80%": a baseline then the target (folded text). */
    private static final Pattern BASELINE = Pattern.compile(
            "(?:^|[^a-z])tu\\s+(\\d[\\d.,]*)\\s*%?\\s*(?:\\(?\\s*(?:vao\\s+|cua\\s+)?nam\\s+(\\d{4})\\s*\\)?\\s*)?,?\\s*"
                    + "(?:len|den|toi)\\s+(?:muc\\s+)?(?:tren\\s+)?(\\d[\\d.,]*)");
    /** A deadline the sentence states: "đến hết năm 2021", "vào năm 2025", "năm 2022," at the start (folded). */
    private static final Pattern DEADLINE = Pattern.compile(
            "(?:^|[^a-z])(?:den|toi|truoc|vao|trong|cuoi)\\s+(?:het\\s+|cuoi\\s+)?nam\\s+(\\d{4})(?!\\d)|^(?:phan dau\\s+)?nam\\s+(\\d{4})(?!\\d)");
    /** Yearly growth markers (folded). */
    private static final Pattern YEARLY = Pattern.compile("binh quan|hang nam|moi nam|/\\s*nam|tang truong|hang nam");
    private static final Pattern INCREASE = Pattern.compile("(?:^|[^a-z])tang(?![a-z])");
    private static final Pattern MORE_THAN = Pattern.compile("(?:^|[^a-z])(?:tren|hon|vuot)\\s*$");
    private static final Pattern LESS_THAN = Pattern.compile("(?:^|[^a-z])(?:duoi|it hon|thap hon)\\s*$");
    private static final Pattern AT_MOST = Pattern.compile("(?:^|[^a-z])(?:toi da|khong qua|khong vuot qua|khong cao hon)\\s*$");
    /** Level phrases (folded). */
    private static final Pattern LEVEL_PROVINCE = Pattern.compile("cap tinh");
    private static final Pattern LEVEL_DISTRICT = Pattern.compile("cap huyen|cap quan|cap thanh pho|cap thi xa");
    private static final Pattern LEVEL_COMMUNE = Pattern.compile("cap xa|cap phuong|cap co so");
    /** "cấp tỉnh", "cấp xã, phường": the level phrase used as a split's label (folded). */
    private static final Pattern LEVEL_PHRASE = Pattern.compile(
            "cap (tinh|huyen|quan|thanh pho|thi xa|xa|phuong|co so)(?:, (?:phuong|thi tran|thi xa|thanh pho))*");
    private static final Pattern LEADING_FILLER = Pattern.compile("^[\\s,;:]*(?:(?:tro len|tro xuong|cac|so|tong so|toan bo)\\s+)*");

    private TargetSentenceParser() {
    }

    /** Splits a list of clauses on ";" outside parentheses, each tidied, empty ones dropped. */
    static List<String> clauses(String text) {
        List<String> out = new ArrayList<>();
        for (String piece : splitOutsideParens(text, ';')) {
            add(out, piece);
        }
        return out;
    }

    /** The pieces of {@code text} between the separators that stand outside parentheses, as written. */
    static List<String> splitOutsideParens(String text, char separator) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (c == separator && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    private static void add(List<String> out, String clause) {
        String c = tidy(clause);
        if (!c.isEmpty()) {
            out.add(c);
        }
    }

    /** Trims spaces and trailing separators. */
    static String tidy(String s) {
        String t = s.strip();
        while (!t.isEmpty() && ";,.:".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).strip();
        }
        while (!t.isEmpty() && ";,.".indexOf(t.charAt(0)) >= 0) {
            t = t.substring(1).strip();
        }
        return t;
    }

    /** True when the text commits to a quantity or a rank (as opposed to a yes/no target or a heading). */
    static boolean hasQuantity(String text) {
        String folded = VietText.foldAligned(text);
        return !QuantityScanner.scan(text).isEmpty() || rank(folded) != null;
    }

    /** True when the text's quantities are split per administrative level (two or more with a level). */
    static boolean isLevelSplit(String text) {
        return levelSplits(text, QuantityScanner.scan(text)).size() >= 2;
    }

    static Integer deadline(String text) {
        Matcher m = DEADLINE.matcher(VietText.foldAligned(text));
        if (m.find()) {
            return Integer.valueOf(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return null;
    }

    static Reading read(String text) {
        String folded = VietText.foldAligned(text);
        Integer deadline = deadline(text);
        Integer rank = rank(folded);
        if (rank != null) {
            return new Reading(TargetKind.RANK, Comparison.AT_MOST, BigDecimal.valueOf(rank), "hạng", List.of(),
                    null, null, deadline, false);
        }
        List<Mention> mentions = QuantityScanner.scan(text);
        if (mentions.stream().anyMatch(m -> !m.inParens())) {
            mentions = mentions.stream().filter(m -> !m.inParens()).toList();
        }
        if (mentions.isEmpty()) {
            return new Reading(TargetKind.YES_NO, Comparison.EQUAL, BigDecimal.ONE, null, List.of(), null, null,
                    deadline, QuantityScanner.hasStandaloneNumber(text));
        }
        BigDecimal baseline = null;
        Integer baselineYear = null;
        Mention main = mentions.get(0);
        Matcher b = BASELINE.matcher(folded);
        if (b.find()) {
            int targetAt = b.start(3);
            for (Mention m : mentions) {
                if (m.start() == targetAt) {
                    baseline = NumberParser.parse(trimNumber(b.group(1)));
                    baselineYear = b.group(2) == null ? null : Integer.valueOf(b.group(2));
                    main = m;
                }
            }
        }
        final Mention chosen = main;
        List<Mention> sameType = mentions.stream().filter(m -> m.type() == chosen.type() && m.start() >= chosen.start()).toList();
        int at = mentions.indexOf(chosen);
        Comparison comparison = comparison(folded, at > 0 ? mentions.get(at - 1).end() : 0, chosen,
                at + 1 < mentions.size() ? mentions.get(at + 1).start() : folded.length());
        TargetKind kind = switch (chosen.type()) {
            case PERCENT -> isGrowth(folded, chosen) ? TargetKind.GROWTH_RATE : TargetKind.PERCENT;
            case MONEY -> TargetKind.MONEY;
            case COUNT -> TargetKind.COUNT;
        };
        List<TargetSplit> splits = kind == TargetKind.GROWTH_RATE ? List.of() : levelSplits(text, sameType);
        String unit = chosen.unit();
        BigDecimal value = chosen.value();
        return new Reading(kind, comparison, value, unit, splits, baseline, baselineYear, deadline, false);
    }

    private static String trimNumber(String s) {
        String t = s;
        while (!t.isEmpty() && !Character.isDigit(t.charAt(t.length() - 1))) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    static Integer rank(String folded) {
        Matcher g = RANK_GROUP.matcher(folded);
        if (g.find()) {
            return Integer.valueOf(g.group(1));
        }
        Matcher p = RANK_POSITION.matcher(folded);
        while (p.find()) {
            String around = folded.substring(Math.max(0, p.start() - 30), Math.min(folded.length(), p.end() + 40));
            if (RANK_CONTEXT.matcher(around).find() && !around.contains("lan thu") && !around.contains("khoa")) {
                return Integer.valueOf(p.group(1));
            }
        }
        return null;
    }

    /** The comparison of a mention from the words just before its number and after its unit. */
    private static Comparison comparison(String folded, int previousEnd, Mention m, int nextStart) {
        String before = folded.substring(Math.min(previousEnd, m.start()), m.start()).stripTrailing();
        if (MORE_THAN.matcher(before).find()) {
            return Comparison.MORE_THAN;
        }
        if (LESS_THAN.matcher(before).find()) {
            return Comparison.LESS_THAN;
        }
        if (AT_MOST.matcher(before).find()) {
            return Comparison.AT_MOST;
        }
        String after = folded.substring(m.end(), Math.max(m.end(), nextStart));
        if (after.contains("tro xuong")) {
            return Comparison.AT_MOST;
        }
        return Comparison.AT_LEAST;
    }

    private static boolean isGrowth(String folded, Mention m) {
        String before = folded.substring(0, m.start());
        String after = folded.substring(m.end(), Math.min(folded.length(), m.end() + 8));
        if (after.matches("^\\s*/\\s*nam.*")) {
            return true;
        }
        if (before.contains("dong gop") || before.contains("vao tang truong")) {
            return false; // "đóng góp của TFP vào tăng trưởng ở mức trên 55%": a share of growth, not a growth rate
        }
        return (INCREASE.matcher(before).find() || before.contains("tang truong")) && YEARLY.matcher(folded).find();
    }

    /**
     * Per-level splits: two or more quantities of the same kind of which at least one names an administrative level
     * ("cấp tỉnh", "huyện, thị xã", "xã, phường"); the others are kept as OTHER with their noun as label.
     */
    static List<TargetSplit> levelSplits(String text, List<Mention> mentions) {
        if (mentions.size() < 2) {
            return List.of();
        }
        String folded = VietText.foldAligned(text);
        List<TargetSplit> splits = new ArrayList<>();
        int levelled = 0;
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            if (i > 0 && m.type() != mentions.get(0).type()) {
                continue;
            }
            int until = i + 1 < mentions.size() ? mentions.get(i + 1).start() : text.length();
            String segment = folded.substring(m.end(), Math.max(m.end(), until));
            // a count's own noun may be the level ("06 huyện, thị xã", "300 xã, phường")
            SplitLevel level = m.type() == Type.COUNT ? level(VietText.foldAligned(m.unit())) : null;
            if (level == null) {
                level = level(segment);
            }
            String label;
            if (level != null && m.type() == Type.COUNT) {
                levelled++;
                label = m.unit();
            } else if (level != null) {
                levelled++;
                label = levelLabel(text, folded, m.end(), until, level);
            } else {
                level = SplitLevel.OTHER;
                label = m.type() == Type.COUNT ? m.unit() : nounAfter(text, folded, m.end());
            }
            int previousEnd = i > 0 ? mentions.get(i - 1).end() : 0;
            splits.add(new TargetSplit(level, label, comparison(folded, previousEnd, m, until), m.value()));
        }
        if (splits.size() < 2) {
            return List.of();
        }
        if (levelled >= 1) {
            return splits;
        }
        // no level: split only "X% A và Y% B" where every value has its own noun joined by "và" or a comma
        for (int i = 0; i + 1 < mentions.size(); i++) {
            Mention m = mentions.get(i);
            String label = splits.get(Math.min(i, splits.size() - 1)).label();
            int labelEnd = m.type() == Type.COUNT ? m.end() : m.end() + (label == null ? 0 : folded.indexOf(VietText.foldAligned(label), m.end()) - m.end() + label.length());
            String between = folded.substring(Math.min(labelEnd, mentions.get(i + 1).start()), mentions.get(i + 1).start());
            if (label == null || between.length() > 30 || !(between.contains(" va ") || between.contains(","))
                    || between.contains(";")) {
                return List.of();
            }
        }
        return splits.get(splits.size() - 1).label() == null ? List.of() : splits;
    }

    static SplitLevel level(String segmentFolded) {
        String s = segmentFolded;
        int stop = indexOfAny(s, ";(");
        if (stop >= 0) {
            s = s.substring(0, stop);
        }
        if (LEVEL_PROVINCE.matcher(s).find()) {
            return SplitLevel.PROVINCE;
        }
        if (LEVEL_DISTRICT.matcher(s).find()) {
            return SplitLevel.DISTRICT;
        }
        if (LEVEL_COMMUNE.matcher(s).find()) {
            return SplitLevel.COMMUNE;
        }
        String head = LEADING_FILLER.matcher(s).replaceFirst("");
        if (head.matches("^(huyen|quan|thi xa|thanh pho)(?![a-z]).*")) {
            return SplitLevel.DISTRICT;
        }
        if (head.matches("^(xa|phuong|thi tran|don vi hanh chinh cap xa)(?![a-z]).*")) {
            return SplitLevel.COMMUNE;
        }
        if (head.matches("^tinh(?![a-z]).*")) {
            return SplitLevel.PROVINCE;
        }
        return null;
    }

    private static String levelLabel(String text, String folded, int from, int until, SplitLevel level) {
        String seg = folded.substring(from, Math.max(from, until));
        Matcher m = LEVEL_PHRASE.matcher(seg);
        if (m.find()) {
            return text.substring(from + m.start(), from + m.end());
        }
        String noun = nounAfter(text, folded, from);
        return noun == null ? level.name().toLowerCase() : noun;
    }

    private static String nounAfter(String text, String folded, int from) {
        Matcher f = QuantityScanner.after(LEADING_FILLER, folded, from);
        int i = f.lookingAt() ? f.end() : from;
        QuantityScanner.Noun noun = QuantityScanner.nounPhrase(text, folded, i);
        return noun == null ? null : noun.text();
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
