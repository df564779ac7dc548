package vn.dxgov.assignments.internal;

import java.util.List;
import java.util.stream.Collectors;
import vn.dxgov.assignments.Assignments.Assignment;
import vn.dxgov.assignments.Assignments.Figure;

/** CSV exports of assignments and figures (UTF-8, comma separated, quoted when needed). */
final class AssignmentCsvExport {

    private AssignmentCsvExport() {
    }

    static String units(List<Assignment> list) {
        StringBuilder b = new StringBuilder("level,year,unit_code,unit_name,named_as,status,completed_year,via_successor,valid_to,successors\n");
        for (Assignment a : list) {
            row(b, a.level(), a.year(), a.unitCode(), a.unitName(), a.namedAs(), a.status(), a.completedYear(),
                    a.viaSuccessor(), a.unitValidTo(),
                    a.successors().stream().map(s -> s.code() + " " + s.name()).collect(Collectors.joining("; ")));
        }
        return b.toString();
    }

    static String figures(List<Figure> list) {
        StringBuilder b = new StringBuilder("level,year,required,assigned,done,pending,overdue,completed_late,cumulative_required,cumulative_done,completed_in_rounds\n");
        for (Figure f : list) {
            row(b, f.level(), f.year(), f.required(), f.assigned(), f.done(), f.pending(), f.overdue(), f.completedLate(),
                    f.cumulativeRequired(), f.cumulativeDone(), f.completedInRounds());
        }
        return b.toString();
    }

    private static void row(StringBuilder b, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            String s = cells[i] == null ? "" : cells[i].toString();
            if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
                s = "\"" + s.replace("\"", "\"\"") + "\"";
            }
            b.append(s);
        }
        b.append('\n');
    }
}
