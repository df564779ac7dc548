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
}
