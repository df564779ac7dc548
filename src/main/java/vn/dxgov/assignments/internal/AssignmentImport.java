package vn.dxgov.assignments.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.assignments.Assignments.Decision;
import vn.dxgov.assignments.Assignments.ImportRequest;
import vn.dxgov.assignments.Assignments.ImportResult;
import vn.dxgov.assignments.Assignments.Tranche;
import vn.dxgov.security.AuditLog;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.units.AdminUnit;

/**
 * Imports an assignment decision from its CSV ({@link AssignmentCsv}): checks the request and every row, matches the
 * unit names to units of the province, then writes the decision, its tranches and the named units
 * ({@link DecisionRepository}). Every problem is named by row and nothing is saved when there is one (400); an
 * existing decision (province, number) is 409 unless replaced, and a replacement may not drop a tranche that has
 * units assigned (409).
 */
@Service
class AssignmentImport {

    private final DecisionRepository decisions;
    private final UnitNames names;
    private final TargetCatalog targets;
    private final AuditLog audit;

    AssignmentImport(DecisionRepository decisions, UnitNames names, TargetCatalog targets, AuditLog audit) {
        this.decisions = decisions;
        this.names = names;
        this.targets = targets;
        this.audit = audit;
    }

    @Transactional
    ImportResult importCsv(ImportRequest req, String filename, byte[] content) {
        AssignmentAccess.requireEdit();
        if (req == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "error.badRequest");
        }
        List<String> problems = new ArrayList<>();
        String province = province(req, problems);
        if (province != null && !vn.dxgov.security.CurrentUser.maySteer(province)) {
            // another province's decision is its own steering department's to import
            throw new ApiException(org.springframework.http.HttpStatus.FORBIDDEN, "error.forbidden");
        }
        AssignmentCsv.Parsed parsed = AssignmentCsv.parse(content);
        problems.addAll(parsed.problems());
        Map<AssignmentCsv.Row, List<AdminUnit>> named = province == null ? Map.of()
                : namedUnits(province, parsed.rows(), problems);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "assignments.import.invalid");
        }
        String number = VietText.clean(req.number());
        Decision before = decisions.find(province, number).orElse(null);
        if (before != null && !req.replace()) {
            throw new ApiException(HttpStatus.CONFLICT, "assignments.import.exists", number);
        }
        long decisionId;
        if (before == null) {
            decisionId = decisions.insertDecision(province, number, VietText.clean(req.title()), req.issuedOn(), filename,
                    req.targetId(), AssignmentAccess.actor());
        } else {
            decisionId = before.id();
            replace(before, req, filename, parsed.rows());
        }
        int namedUnits = saveTranches(decisionId, parsed.rows(), named);
        Decision after = decisions.find(decisionId).orElseThrow();
        audit.record("assignment.import", "assignment_decision", decisionId, before,
                Map.of("decision", after, "file", filename == null ? "" : filename, "namedUnits", namedUnits));
        return new ImportResult(after, before == null, parsed.rows().size(), namedUnits);
    }

    /** The request's fields; the province's code, or null with a problem. */
    private String province(ImportRequest req, List<String> problems) {
        String province = null;
        if (req.provinceCode() == null || req.provinceCode().isBlank()) {
            problems.add("provinceCode: chọn tỉnh");
        } else {
            province = names.provinceCode(req.provinceCode()).orElse(null);
            if (province == null) {
                problems.add("provinceCode: không có tỉnh \"" + req.provinceCode() + "\"");
            }
        }
        if (req.number() == null || req.number().isBlank()) {
            problems.add("number: thiếu số, ký hiệu văn bản giao chỉ tiêu (ví dụ 969/QĐ-UBND)");
        }
        if (req.title() == null || req.title().isBlank()) {
            problems.add("title: thiếu trích yếu văn bản");
        }
        if (req.targetId() != null && targets.find(req.targetId()).isEmpty()) {
            problems.add("targetId: không có chỉ tiêu " + req.targetId());
        }
        return province;
    }

    /**
     * The units each row names: pre-2025 districts of the province (or communes), matched without diacritics; a name
     * that matches no unit, several units or a unit named on another row is a problem.
     */
    private Map<AssignmentCsv.Row, List<AdminUnit>> namedUnits(String province, List<AssignmentCsv.Row> rows,
                                                               List<String> problems) {
        Map<AssignmentCsv.Row, List<AdminUnit>> named = new LinkedHashMap<>();
        Map<Long, Integer> unitLine = new HashMap<>();
        for (AssignmentCsv.Row row : rows) {
            List<AdminUnit> found = new ArrayList<>();
            for (String name : row.names()) {
                List<AdminUnit> match = names.match(province, row.level(), row.year(), name);
                String at = "dòng " + row.line() + ", cột unit_names: ";
                if (match.isEmpty()) {
                    problems.add(at + "không tìm thấy " + JdbcAssignments.levelName(row.level()) + " \"" + name
                            + "\" của tỉnh " + province);
                } else if (match.size() > 1) {
                    problems.add(at + "\"" + name + "\" ứng với nhiều đơn vị: "
                            + String.join(", ", match.stream().map(AdminUnit::name).toList()));
                } else {
                    AdminUnit u = match.get(0);
                    Integer other = unitLine.putIfAbsent(u.id(), row.line());
                    if (other != null) {
                        problems.add(at + u.name() + " đã được giao ở dòng " + other);
                    } else {
                        found.add(u);
                    }
                }
            }
            named.put(row, found);
        }
        return named;
    }

    /**
     * A decision imported again: tranches missing from the new file go, unless units are assigned to them (409);
     * the decision's fields are updated and the units its old file named are taken off (the new file names them).
     */
    private void replace(Decision before, ImportRequest req, String filename, List<AssignmentCsv.Row> rows) {
        List<String> blocked = new ArrayList<>();
        for (Tranche t : before.tranches()) {
            boolean kept = rows.stream().anyMatch(r -> r.level() == t.level() && r.year() == t.year());
            if (!kept) {
                int n = decisions.assignedCount(t.id());
                if (n > 0) {
                    blocked.add(JdbcAssignments.levelName(t.level()) + " " + t.year() + ": " + n
                            + " đơn vị đã được giao, tệp mới không còn dòng này");
                } else {
                    decisions.deleteTranche(t.id());
                }
            }
        }
        if (!blocked.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, blocked, "assignments.import.blocked");
        }
        decisions.updateDecision(before.id(), VietText.clean(req.title()), req.issuedOn(), filename, req.targetId());
        decisions.deleteNamedAssignments(before.id());
    }

    /** Each row's tranche, and the units it names; 409 when a tranche would hold more units than its count. */
    private int saveTranches(long decisionId, List<AssignmentCsv.Row> rows, Map<AssignmentCsv.Row, List<AdminUnit>> named) {
        int namedUnits = 0;
        List<String> conflicts = new ArrayList<>();
        for (AssignmentCsv.Row row : rows) {
            long trancheId = decisions.saveTranche(decisionId, row.level(), row.year(), row.count(), !row.names().isEmpty(),
                    row.source());
            List<AdminUnit> found = named.getOrDefault(row, List.of());
            int already = decisions.assignedCount(trancheId);
            if (already + found.size() > row.count()) {
                conflicts.add("dòng " + row.line() + ": " + (already + found.size()) + " đơn vị đã giao, vượt chỉ tiêu " + row.count());
            }
            for (int i = 0; i < found.size(); i++) {
                AdminUnit u = found.get(i);
                if (decisions.assignNamed(decisionId, trancheId, u, row.names().get(i), AssignmentAccess.actor())) {
                    namedUnits++;
                } else {
                    conflicts.add("dòng " + row.line() + ": " + u.name() + " đã được giao cho năm khác của văn bản này");
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, conflicts, "assignments.import.blocked");
        }
        return namedUnits;
    }
}
