package vn.dxgov.assignments.internal;

import java.util.List;
import java.util.stream.Collectors;
import vn.dxgov.assignments.Assignments.Assignment;
import vn.dxgov.assignments.Assignments.Figure;
import vn.dxgov.shared.Csv;

/** CSV exports of assignments and figures, written by {@link Csv} (UTF-8 with BOM, CRLF, formulas neutralised). */
final class AssignmentCsvExport {

    private AssignmentCsvExport() {
    }

    static byte[] units(List<Assignment> list) {
        return Csv.write(List.of("level", "year", "unit_code", "unit_name", "named_as", "status", "completed_year",
                        "via_successor", "valid_to", "successors"),
                list.stream().map(a -> cells(a.level(), a.year(), a.unitCode(), a.unitName(), a.namedAs(), a.status(),
                        a.completedYear(), a.viaSuccessor(), a.unitValidTo(),
                        a.successors().stream().map(s -> s.code() + " " + s.name()).collect(Collectors.joining("; ")))).toList());
    }

    static byte[] figures(List<Figure> list) {
        return Csv.write(List.of("level", "year", "required", "assigned", "done", "pending", "overdue", "completed_late",
                        "cumulative_required", "cumulative_done", "completed_in_rounds"),
                list.stream().map(f -> cells(f.level(), f.year(), f.required(), f.assigned(), f.done(), f.pending(),
                        f.overdue(), f.completedLate(), f.cumulativeRequired(), f.cumulativeDone(),
                        f.completedInRounds())).toList());
    }

    /** A row whose cells may be null (Arrays.asList, as List.of refuses null). */
    private static List<Object> cells(Object... cells) {
        return java.util.Arrays.asList(cells);
    }
}
