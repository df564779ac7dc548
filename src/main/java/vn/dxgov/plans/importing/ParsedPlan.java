package vn.dxgov.plans.importing;

import java.time.LocalDate;
import java.util.List;
import vn.dxgov.plans.PlanType;

/**
 * What the parser recognised in a plan document. Everything may be null when the document does not say it; the
 * {@link #notes()} are the import report (what was recognised, what is missing or guessed, with line numbers).
 * {@code level} is the level of government that issued it (null when unknown); a NATIONAL document has no province.
 */
public record ParsedPlan(PlanType type, String number, String title, String issuer, LocalDate issuedOn,
                         String issuedOnText, DocumentLevel level, String provinceName, Integer periodStart, Integer periodEnd,
                         Integer visionYear, DocumentReference implementsRef, List<ParsedTarget> targets,
                         List<ParsedTask> tasks, List<ReportingDuty> reportingDuties, List<ImportNote> notes) {

    public ParsedPlan {
        targets = List.copyOf(targets);
        tasks = List.copyOf(tasks);
        reportingDuties = List.copyOf(reportingDuties);
        notes = List.copyOf(notes);
    }
}
