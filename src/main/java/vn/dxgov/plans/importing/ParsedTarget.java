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
 */
public record ParsedTarget(int line, String code, String sourceText, String text, TargetKind kind,
                           Comparison comparison, BigDecimal value, String unit, Integer deadlineYear,
                           BigDecimal baseline, Integer baselineYear, List<TargetSplit> splits, Pillar pillar,
                           String leadText, String cooperatingText, Origin origin) {

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
}
