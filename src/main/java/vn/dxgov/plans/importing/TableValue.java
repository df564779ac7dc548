package vn.dxgov.plans.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.shared.VietText;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.TargetKind;

/**
 * The value cell of a target table read with the row's unit cell, as the Government's action programmes write them
 * ({@code Quy mô kinh tế số | % GDP | ≥ 30}): a comparison sign or word ("≥", ">=", "tối thiểu", "trên", "dưới",
 * "không quá", "khoảng"), a number or a range ("40 - 50", "20% - 50%", "từ 30 đến 40%"), and a qualifier ("Đông Nam
 * Á", "và tăng dần theo yêu cầu phát triển"). Values joined by ";" ("≤ 3 Đông Nam Á; ≤ 50 Thế giới") are separate
 * targets. A value without a leading number ("Đạt mức trên trung bình của thế giới", "Hoàn thành") is qualitative: kept
 * as written, never turned into a number.
 */
final class TableValue {

    /**
     * One value of a cell.
     *
     * @param written    the value as written ("≤ 3 Đông Nam Á")
     * @param value      the number, the lower end of a range; 1 for a qualitative value
     * @param max        the upper end of a range, else null
     * @param unit       "% GDP", "hạng" for ranks, the counted noun, or null
     * @param qualitative the value is words, not a number
     */
    record Part(String written, TargetKind kind, Comparison comparison, BigDecimal value, BigDecimal max, String unit,
                boolean qualitative) {
    }

    /** A comparison sign or word, then a number, an optional range end and the rest (folded text, aligned). */
    private static final Pattern VALUE = Pattern.compile(
            "^(≥|>=|=>|≤|<=|=<|>|<|=)?\\s*(toi thieu|it nhat|tu|tren|hon|vuot|duoi|toi da|khong qua|khong vuot qua"
                    + "|khong cao hon|khoang|dat|phan dau dat|xep thu|thu)?\\s*"
                    + "(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?|\\d+\\.\\d+)\\s*(%)?"
                    + "(?:\\s*(?:-|–|den|toi)\\s*(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?|\\d+\\.\\d+)\\s*(%)?)?"
                    + "(?![\\d.,]*\\d)(.*)$");
    /** Units of a rank: "Thứ bậc", "Thứ hạng", "Xếp hạng", "Hạng" (folded). */
    private static final Pattern RANK_UNIT = Pattern.compile("^(thu bac|thu hang|xep hang|hang|vi tri|vi thu)$");
    private static final Pattern MONEY_UNIT = Pattern.compile("^(nghin ty|ngan ty|ty|trieu|nghin|ngan)?\\s*(dong|vnd|usd)$");

    private TableValue() {
    }

    /** The values of a cell with the row's unit cell ("" when the table has none) and the target's words. */
    static List<Part> read(String cell, String unitCell, String content) {
        String written = TargetSentenceParser.tidy(cell);
        List<String> pieces = TargetSentenceParser.clauses(written);
        List<Part> out = new ArrayList<>();
        if (pieces.size() > 1 && pieces.stream().allMatch(p -> VALUE.matcher(VietText.foldAligned(p)).matches())) {
            for (String p : pieces) {
                out.add(part(p, unitCell, content));
            }
            return out;
        }
        out.add(part(written, unitCell, content));
        return out;
    }

    private static Part part(String written, String unitCell, String content) {
        String folded = VietText.foldAligned(written);
        String unitFolded = VietText.fold(unitCell == null ? "" : unitCell).strip();
        Matcher m = VALUE.matcher(folded);
        if (!m.matches()) {
            return fromWords(written, unitCell, content);
        }
        BigDecimal value = NumberParser.parse(m.group(3));
        BigDecimal max = m.group(5) == null ? null : NumberParser.parse(m.group(5));
        if (value == null) {
            return fromWords(written, unitCell, content);
        }
        boolean percent = m.group(4) != null || m.group(6) != null;
        TargetKind kind = kind(unitFolded, percent, content);
        String rest = m.group(7).strip();
        Comparison comparison = comparison(m.group(1), m.group(2), rest, kind);
        String unit = unit(kind, unitCell, percent);
        return new Part(written, kind, comparison, value, max, unit, false);
    }

    /** A value cell that does not start with a number: a rank or quantity phrase, or a qualitative value. */
    private static Part fromWords(String written, String unitCell, String content) {
        TargetSentenceParser.Reading r = TargetSentenceParser.read(written);
        if (r.kind() != TargetKind.YES_NO) {
            String unit = unitCell == null || unitCell.isBlank() || r.kind() == TargetKind.RANK ? r.unit() : unitCell;
            return new Part(written, r.kind(), r.comparison(), r.value(), null, unit, false);
        }
        return new Part(written, TargetKind.YES_NO, Comparison.EQUAL, BigDecimal.ONE, null, null, true);
    }

    private static TargetKind kind(String unitFolded, boolean percent, String content) {
        String u = unitFolded.replaceAll("\\s+", " ");
        if (RANK_UNIT.matcher(u).matches()
                || u.isEmpty() && !percent && VietText.fold(content).startsWith("xep hang")) {
            return TargetKind.RANK;
        }
        if (u.startsWith("%")) {
            return u.matches("%\\s*/\\s*nam.*") ? TargetKind.GROWTH_RATE : TargetKind.PERCENT;
        }
        if (MONEY_UNIT.matcher(u).matches()) {
            return TargetKind.MONEY;
        }
        if (u.isEmpty() && percent) {
            return TargetKind.PERCENT;
        }
        return TargetKind.COUNT;
    }

    private static Comparison comparison(String sign, String word, String rest, TargetKind kind) {
        String s = sign == null ? "" : sign;
        String w = word == null ? "" : word;
        if (s.equals("≥") || s.equals(">=") || s.equals("=>") || w.equals("toi thieu") || w.equals("it nhat")) {
            return Comparison.AT_LEAST;
        }
        if (s.equals("≤") || s.equals("<=") || s.equals("=<") || w.startsWith("toi da") || w.startsWith("khong")) {
            return Comparison.AT_MOST;
        }
        if (s.equals(">") || w.equals("tren") || w.equals("hon") || w.equals("vuot")) {
            return Comparison.MORE_THAN;
        }
        if (s.equals("<") || w.equals("duoi")) {
            return Comparison.LESS_THAN;
        }
        if (s.equals("=")) {
            return Comparison.EQUAL;
        }
        if (rest.startsWith("tro xuong")) {
            return Comparison.AT_MOST;
        }
        if (rest.startsWith("tro len")) {
            return Comparison.AT_LEAST;
        }
        // a bare rank is the rank to reach or beat; a bare amount ("90", "khoảng 30") is to reach at least
        return kind == TargetKind.RANK ? Comparison.AT_MOST : Comparison.AT_LEAST;
    }

    private static String unit(TargetKind kind, String unitCell, boolean percent) {
        String u = unitCell == null ? "" : unitCell.strip();
        return switch (kind) {
            case RANK -> "hạng";
            case PERCENT -> u.isEmpty() ? "%" : u;
            default -> u.isEmpty() ? (percent ? "%" : null) : u;
        };
    }
}
