package vn.dxgov.plans.internal;

import java.util.List;
import java.util.Map;
import vn.dxgov.plans.importing.ReadingInfo;

/**
 * What an import recognised and what it did not, line by line: shown on the import page and returned by the API.
 *
 * @param summary  counts of what was recognised
 * @param notes    one entry per recognised or doubtful thing, with its line in the document
 * @param agencies how each agency name written in the document was matched
 * @param reading  how a paged document was read (pages, OCR and its confidence), or null for a document without
 *                 pages (text, Word, OpenDocument) and for reports stored before it existed
 * @param version  when the document is a new version of a plan already here: that plan and the differences; else null
 */
record ImportReport(Summary summary, List<Note> notes, List<AgencyNote> agencies, Reading reading,
                    VersionReport version) {

    ImportReport(Summary summary, List<Note> notes, List<AgencyNote> agencies) {
        this(summary, notes, agencies, null, null);
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

    /**
     * How the document was read.
     *
     * @param pages          pages in the document
     * @param ocrPages       pages read by OCR (scanned)
     * @param meanConfidence mean OCR confidence, 0–100, or null when no page needed OCR
     * @param lowConfidence  lines OCR read with low confidence, to be checked against the original ("Cần kiểm tra")
     */
    record Reading(int pages, int ocrPages, Double meanConfidence, List<LowConfidenceLine> lowConfidence) {

        Reading {
            lowConfidence = lowConfidence == null ? List.of() : List.copyOf(lowConfidence);
        }

        /** The reading of a document, or null when there is nothing to tell (a document without pages). */
        static Reading of(ReadingInfo info) {
            if (info == null || info.pages() == 0 && info.ocrPages() == 0 && info.lowConfidence().isEmpty()) {
                return null;
            }
            return new Reading(info.pages(), info.ocrPages(), info.meanConfidence(), info.lowConfidence().stream()
                    .map(l -> new LowConfidenceLine(l.line(), l.page(), l.text(), l.confidence())).toList());
        }
    }

    /** A line OCR read with low confidence: its line in the document, its page, the text as read, 0–100. */
    record LowConfidenceLine(int line, int page, String text, double confidence) {
    }
}
