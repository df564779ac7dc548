package vn.dxgov.tasks;

import java.util.List;
import vn.dxgov.shared.Pillar;

/** The content of a task, to create one or to replace an existing one's content. */
public record TaskDraft(String code, String section, String sectionTitle, String groupTitle, String title,
                        String timeFrameText, Integer startYear, Integer endYear, Recurrence recurrence, String scope,
                        String legalBasis, Pillar pillar, List<Long> leadAgencyIds, List<Long> cooperatingAgencyIds,
                        Integer sourceLine) {

    public TaskDraft {
        leadAgencyIds = leadAgencyIds == null ? List.of() : List.copyOf(leadAgencyIds);
        cooperatingAgencyIds = cooperatingAgencyIds == null ? List.of() : List.copyOf(cooperatingAgencyIds);
    }

    public static TaskDraft of(Task t) {
        return new TaskDraft(t.code(), t.section(), t.sectionTitle(), t.groupTitle(), t.title(), t.timeFrameText(),
                t.startYear(), t.endYear(), t.recurrence(), t.scope(), t.legalBasis(), t.pillar(), t.leadAgencyIds(),
                t.cooperatingAgencyIds(), t.sourceLine());
    }
}
