package vn.dxgov.plans.internal;

import java.util.List;
import java.util.Map;

/**
 * What an import recognised and what it did not, line by line: shown on the import page and returned by the API.
 *
 * @param summary  counts of what was recognised
 * @param notes    one entry per recognised or doubtful thing, with its line in the document
 * @param agencies how each agency name written in the document was matched
 * @param version  when the document is a new version of a plan already here: that plan and the differences; else null
 */
record ImportReport(Summary summary, List<Note> notes, List<AgencyNote> agencies, VersionReport version) {

    ImportReport(Summary summary, List<Note> notes, List<AgencyNote> agencies) {
        this(summary, notes, agencies, null);
    }

    record Summary(String type, String number, String issuer, String issuedOn, String province, int targets,
                   Map<String, Integer> targetsByDeadline, int tasks, Map<String, Integer> tasksBySection,
                   int agenciesMatched, int agenciesCreated, int warnings) {
    }

    /** severity is INFO, WARNING or ERROR. */
    record Note(int line, String severity, String code, String message, String excerpt) {
    }

    /** how: NAME, ALIAS, STANDARD or CREATED (new, flagged for review). */
    record AgencyNote(int line, String text, long agencyId, String agency, String how, boolean needsReview) {
    }
}
