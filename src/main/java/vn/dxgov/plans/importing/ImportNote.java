package vn.dxgov.plans.importing;

/**
 * One line of the import report.
 *
 * @param line     the source line it is about, 0 when it is about the whole document
 * @param code     a stable code for the kind of note ("NUMBER_BLANK", "TASK_TABLE", ...)
 * @param message  the message in Vietnamese
 * @param excerpt  the source text it is about (shortened), may be null
 */
public record ImportNote(int line, Severity severity, String code, String message, String excerpt) {

    /** How much attention the note needs from the reviewer. */
    public enum Severity {
        INFO, WARNING, ERROR
    }
}
