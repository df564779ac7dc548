package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.List;
import vn.dxgov.plans.importing.ImportNote.Severity;

/** Collects the notes of one import. */
final class ImportReport {

    private static final int EXCERPT = 160;

    private final List<ImportNote> notes = new ArrayList<>();

    void info(int line, String code, String message, String excerpt) {
        add(line, Severity.INFO, code, message, excerpt);
    }

    void warn(int line, String code, String message, String excerpt) {
        add(line, Severity.WARNING, code, message, excerpt);
    }

    private void add(int line, Severity severity, String code, String message, String excerpt) {
        notes.add(new ImportNote(line, severity, code, message, shorten(excerpt)));
    }

    List<ImportNote> notes() {
        return List.copyOf(notes);
    }

    static String shorten(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip().replace('\n', ' ');
        return t.length() <= EXCERPT ? t : t.substring(0, EXCERPT - 1) + "…";
    }
}
