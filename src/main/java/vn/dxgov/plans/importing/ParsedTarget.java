package vn.dxgov.plans.importing;

import java.math.BigDecimal;
import java.util.List;
import vn.dxgov.shared.Pillar;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.targets.TargetSplit;

/**
 * A target (chỉ tiêu) read from a goal section, a general-goal sentence or an appendix target table.
 *
 * @param line       the source line (1-based)
 * @param code       its code in the document when it has one ("1.2" in a table, "2.2.a.1" for a goal bullet)
 * @param sourceText the bullet, clause or cell as written
 * @param text       the cleaned text of this target (no bullet marker)
 * @param value      the committed value; for split targets the first split's value
 * @param splits     per-level values ("90% cấp tỉnh, 80% cấp huyện, 60% cấp xã"), empty when not split
 * @param leadText   the lead agency cell as written (appendix tables only)
 * @param valueText  the value as the document writes it when it stands apart from the target's words (the value
 *                   cell of a target table: "≥ 30", "≤ 3 Đông Nam Á", "20% - 50%", "Đạt mức trên trung bình của thế
 *                   giới"); null when the value is read from the target's own sentence. A qualitative value is kept
 *                   here (and in {@code text}) as written, never turned into a number.
 * @param valueMax   the upper end of a range ("40 - 50", "từ 30 đến 40%"): {@code value} is its lower end; null
 *                   when the value is not a range
 * @param group      the heading row a table target belongs to ("11 | Chỉ tiêu về thực hiện thủ tục hành chính…"
 *                   above 11.1 … 11.12), as written; null when none
 */
public record ParsedTarget(int line, String code, String sourceText, String text, TargetKind kind,
                           Comparison comparison, BigDecimal value, String unit, Integer deadlineYear,
                           BigDecimal baseline, Integer baselineYear, List<TargetSplit> splits, Pillar pillar,
                           String leadText, String cooperatingText, Origin origin, String valueText,
                           BigDecimal valueMax, String group) {

    /** Where in the document the target was found. */
    public enum Origin {
        /** a bullet or clause under a "Mục tiêu cụ thể" heading */
        GOAL_SECTION,
        /** a row of an appendix target table ("Phụ lục ... chỉ tiêu") */
        APPENDIX_TABLE,
        /** a ranking commitment in the general goal ("đến năm 2025 ... trong nhóm 10 tỉnh dẫn đầu") */
        GENERAL_GOAL
    }

    public ParsedTarget {
        splits = splits == null ? List.of() : List.copyOf(splits);
    }

    /** A target whose value is read from its own sentence (no separate value, no range, no group). */
    public ParsedTarget(int line, String code, String sourceText, String text, TargetKind kind, Comparison comparison,
                        BigDecimal value, String unit, Integer deadlineYear, BigDecimal baseline, Integer baselineYear,
                        List<TargetSplit> splits, Pillar pillar, String leadText, String cooperatingText, Origin origin) {
        this(line, code, sourceText, text, kind, comparison, value, unit, deadlineYear, baseline, baselineYear, splits,
                pillar, leadText, cooperatingText, origin, null, null, null);
    }
}
