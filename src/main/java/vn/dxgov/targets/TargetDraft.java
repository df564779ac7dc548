package vn.dxgov.targets;

import java.math.BigDecimal;
import java.util.List;
import vn.dxgov.shared.Pillar;

/** The content of a target, to create one or to replace an existing one's content. */
public record TargetDraft(String code, String sourceText, String text, TargetKind kind, Comparison comparison,
                          BigDecimal value, String unit, Integer deadlineYear, BigDecimal baseline, Integer baselineYear,
                          Pillar pillar, List<TargetSplit> splits, List<Long> leadAgencyIds,
                          List<Long> cooperatingAgencyIds, Integer sourceLine) {

    public TargetDraft {
        splits = splits == null ? List.of() : List.copyOf(splits);
        leadAgencyIds = leadAgencyIds == null ? List.of() : List.copyOf(leadAgencyIds);
        cooperatingAgencyIds = cooperatingAgencyIds == null ? List.of() : List.copyOf(cooperatingAgencyIds);
    }

    /** The content of an existing target, as a starting point for an edit. */
    public static TargetDraft of(Target t) {
        return new TargetDraft(t.code(), t.sourceText(), t.text(), t.kind(), t.comparison(), t.value(), t.unit(),
                t.deadlineYear(), t.baseline(), t.baselineYear(), t.pillar(), t.splits(), t.leadAgencyIds(),
                t.cooperatingAgencyIds(), t.sourceLine());
    }
}
