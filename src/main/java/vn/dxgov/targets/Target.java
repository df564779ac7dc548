package vn.dxgov.targets;

import java.math.BigDecimal;
import java.util.List;
import vn.dxgov.shared.Pillar;

/**
 * A target (chỉ tiêu) of a plan.
 *
 * @param code         the numbering in the document (e.g. "1.2" of an appendix table), may be null
 * @param sourceText   the sentence as written in the document
 * @param text         the target as dxgov shows it (cleaned, editable)
 * @param value        the committed value; for split targets the first split's value
 * @param splits       per-level values ("90% cấp tỉnh, 80% cấp huyện, 60% cấp xã"), empty when not split
 * @param sourceLine   line of the document the target was read from
 * @param indicatorId  the indicator that measures the target (chỉ số), once linked
 */
public record Target(long id, long planId, int position, String code, String sourceText, String text, TargetKind kind,
                     Comparison comparison, BigDecimal value, String unit, Integer deadlineYear, BigDecimal baseline,
                     Integer baselineYear, Pillar pillar, List<TargetSplit> splits, List<Long> leadAgencyIds,
                     List<Long> cooperatingAgencyIds, Integer sourceLine, Long indicatorId) {

    /**
     * A compound count target: a COUNT whose splits are counts of district and of commune units for the province
     * ("06 huyện, thị xã, thành phố trở lên và 300 xã, phường, thị trấn trở lên hoàn thành chuyển đổi số"). Each
     * split is measured by its own indicator ({@link #splitIndicatorId(int)}) and judged on its own for a province.
     */
    public boolean compoundCount() {
        if (kind != TargetKind.COUNT || splits == null || splits.size() < 2) {
            return false;
        }
        return splits.stream().allMatch(s -> s.value() != null
                && (s.level() == SplitLevel.DISTRICT || s.level() == SplitLevel.COMMUNE))
                && splits.stream().map(TargetSplit::level).distinct().count() == splits.size();
    }

    /** The indicator measuring a split (0-based) of a compound count target: the target's for the first split. */
    public Long splitIndicatorId(int index) {
        return index == 0 ? indicatorId : splits.get(index).indicatorId();
    }
}
