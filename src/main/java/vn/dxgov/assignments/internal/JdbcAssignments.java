package vn.dxgov.assignments.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.assignments.Assignments;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;
import vn.dxgov.units.UnitLink;

/**
 * The assignments service: roll-ups and statuses, assigning and unassigning units, linking a target (tables
 * assignment_decision, assignment_tranche, assignment). Decisions are read through {@link DecisionRepository}; the CSV
 * import is {@link AssignmentImport}.
 */
@Service
class JdbcAssignments implements Assignments {

    /** The last day of the district level (the reform of 1/7/2025). */
    static final LocalDate LAST_DISTRICT_DAY = LocalDate.of(2025, 6, 30);

    private final JdbcClient jdbc;
    private final DecisionRepository decisions;
    private final AssignmentImport importer;
    private final UnitNames names;
    private final AdminUnits units;
    private final TargetCatalog targets;
    private final Completions completions;
    private final RoundFeed feed;
    private final AuditLog audit;
    private final Clock clock;

    JdbcAssignments(JdbcClient jdbc, DecisionRepository decisions, AssignmentImport importer, UnitNames names,
                    AdminUnits units, TargetCatalog targets, Completions completions, RoundFeed feed, AuditLog audit,
                    Clock clock) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.importer = importer;
        this.names = names;
        this.units = units;
        this.targets = targets;
        this.completions = completions;
        this.feed = feed;
        this.audit = audit;
        this.clock = clock;
    }

    // ================================================================ reading

    @Override
    @Transactional(readOnly = true)
    public List<Decision> decisions() {
        return decisions.all().stream().filter(d -> CurrentUser.mayRead(d.provinceCode())).toList();
    }

    /** A decision of a province the user may read (another province's does not exist for the user: 404). */
    @Override
    @Transactional(readOnly = true)
    public Decision decision(long id) {
        return decisions.find(id).filter(d -> CurrentUser.mayRead(d.provinceCode()))
                .orElseThrow(() -> ApiException.notFound("assignment decision", id));
    }

    /** A decision the user may change: its province's steering department (or a national one); 404, else 403. */
    private Decision steered(long id) {
        Decision d = decision(id);
        if (!CurrentUser.maySteer(d.provinceCode())) {
            throw new ApiException(org.springframework.http.HttpStatus.FORBIDDEN, "error.forbidden");
        }
        return d;
    }

    @Override
    @Transactional(readOnly = true)
    public Rollup rollup(long id) {
        Decision d = decision(id);
        Completions.Snapshot snapshot = completions.read();
        List<Assignment> all = assignmentsOf(d, snapshot);
        Map<UnitLevel, SortedMap<Integer, Integer>> rounds = new HashMap<>();
        List<Figure> figures = new ArrayList<>();
        for (Tranche t : d.tranches()) {
            List<Assignment> mine = all.stream().filter(a -> a.trancheId() == t.id()).toList();
            int done = count(mine, Status.DONE);
            int pending = count(mine, Status.PENDING);
            int overdue = count(mine, Status.OVERDUE);
            int late = (int) mine.stream().filter(a -> a.status() == Status.OVERDUE && a.completedYear() != null).count();
            int cumRequired = d.tranches().stream().filter(x -> x.level() == t.level() && x.year() <= t.year())
                    .mapToInt(Tranche::required).sum();
            int cumDone = (int) all.stream().filter(a -> a.level() == t.level() && a.completedYear() != null
                    && a.completedYear() <= t.year()).count();
            SortedMap<Integer, Integer> byYear = rounds.computeIfAbsent(t.level(),
                    l -> Completions.cumulative(snapshot, d.provinceCode(), l));
            figures.add(new Figure(t.id(), t.level(), t.year(), t.required(), mine.size(), done, pending, overdue, late,
                    cumRequired, cumDone, Completions.upTo(byYear, t.year())));
        }
        boolean visible = AssignmentAccess.readsUnits();
        return new Rollup(d, figures, visible, visible ? all : List.of());
    }

    private static int count(List<Assignment> list, Status s) {
        return (int) list.stream().filter(a -> a.status() == s).count();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Assignment> assignments(long decisionId) {
        AssignmentAccess.requireUnits();
        return assignmentsOf(decision(decisionId), completions.read());
    }

    private List<Assignment> assignmentsOf(Decision d, Completions.Snapshot snapshot) {
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = jdbc.sql("""
                        select a.*, t.level, t.year from assignment a join assignment_tranche t on t.id = a.tranche_id
                        where a.decision_id = ?""").param(d.id())
                .query((rs, i) -> new Row(rs.getLong("id"), rs.getLong("tranche_id"), UnitLevel.valueOf(rs.getString("level")),
                        rs.getInt("year"), rs.getLong("unit_id"), rs.getString("unit_code"), rs.getString("unit_name"),
                        rs.getString("named_as"), rs.getString("assigned_by"), rs.getTimestamp("assigned_at"))).list();
        List<Assignment> out = new ArrayList<>();
        for (Row r : rows) {
            AdminUnit unit = units.find(r.unitId()).orElse(null);
            LocalDate validTo = unit == null ? null : unit.validTo();
            List<Successor> successors = new ArrayList<>();
            Completions.Done own = snapshot.of(r.unitId()).orElse(null);
            Completions.Done viaSuccessor = null;
            if (validTo != null) {
                for (UnitLink l : units.successors(r.unitId())) {
                    AdminUnit s = l.successor();
                    successors.add(new Successor(s.id(), s.code(), s.name(), l.share().name()));
                    Completions.Done sd = snapshot.of(s.id()).orElse(null);
                    if (sd != null && (viaSuccessor == null || sd.year() < viaSuccessor.year())) {
                        viaSuccessor = sd;
                    }
                }
            }
            Completions.Done first = own;
            boolean via = false;
            if (viaSuccessor != null && (own == null || viaSuccessor.year() < own.year())) {
                first = viaSuccessor;
                via = true;
            }
            Status status;
            if (first != null && first.year() <= r.year()) {
                status = Status.DONE;
            } else if (today.isAfter(LocalDate.of(r.year(), 12, 31))) {
                status = Status.OVERDUE;
            } else {
                status = Status.PENDING;
            }
            out.add(new Assignment(r.id(), d.id(), r.trancheId(), r.level(), r.year(), r.unitId(), r.unitCode(),
                    r.unitName(), r.namedAs(), status, first == null ? null : first.year(),
                    first == null ? null : first.roundId(), via, validTo, successors, r.assignedBy(),
                    r.assignedAt() == null ? null : r.assignedAt().toInstant()));
        }
        out.sort(Comparator.comparing(Assignment::level).thenComparingInt(Assignment::year)
                .thenComparing(Assignment::unitName, VietText.collator()));
        return out;
    }

    private record Row(long id, long trancheId, UnitLevel level, int year, long unitId, String unitCode, String unitName,
                       String namedAs, String assignedBy, Timestamp assignedAt) {
    }

    @Override
    @Transactional(readOnly = true)
    public SortedMap<Integer, Integer> completions(String provinceCode, UnitLevel level) {
        String code = names.provinceCode(provinceCode).orElseThrow(() -> ApiException.notFound("province", provinceCode));
        return Completions.cumulative(completions.read(), code, level);
    }

    @Override
    public List<FeedWrite> feedTargets() {
        AssignmentAccess.requireEdit();
        return feed.run();
    }

    // ================================================================ import

    @Override
    public ImportResult importCsv(ImportRequest req, String filename, byte[] content) {
        return importer.importCsv(req, filename, content);
    }

    static String levelName(UnitLevel level) {
        return level == UnitLevel.DISTRICT ? "huyện" : level == UnitLevel.COMMUNE ? "xã" : "tỉnh";
    }

    // ================================================================ assigning

    @Override
    @Transactional
    public List<Assignment> assign(long decisionId, UnitLevel level, int year, List<Long> unitIds) {
        AssignmentAccess.requireEdit();
        Decision d = steered(decisionId);
        Tranche t = d.tranches().stream().filter(x -> x.level() == level && x.year() == year).findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "assignments.tranche.notFound",
                        levelName(level), year));
        if (unitIds == null || unitIds.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("unitIds: chọn ít nhất một đơn vị"), "assignments.assign.invalid");
        }
        List<String> problems = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        List<AdminUnit> adding = unitsToAdd(d, level, year, unitIds, problems, conflicts);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "assignments.assign.invalid");
        }
        int already = decisions.assignedCount(t.id());
        if (already + adding.size() > t.required()) {
            conflicts.add("chỉ tiêu " + levelName(level) + " năm " + year + " là " + t.required() + " đơn vị, đã giao "
                    + already + ", không thể giao thêm " + adding.size());
        }
        if (!conflicts.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, conflicts, "assignments.assign.conflict");
        }
        for (AdminUnit u : adding) {
            jdbc.sql("""
                            insert into assignment (decision_id, tranche_id, unit_id, unit_code, unit_name, assigned_by)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(decisionId, t.id(), u.id(), u.code(), u.name(), AssignmentAccess.actor()).update();
        }
        List<Long> ids = adding.stream().map(AdminUnit::id).toList();
        List<Assignment> added = assignmentsOf(d, completions.read()).stream().filter(a -> ids.contains(a.unitId())).toList();
        audit.record("assignment.assign", "assignment_tranche", t.id(), null,
                Map.of("decision", d.number(), "level", level, "year", year,
                        "units", adding.stream().map(u -> u.code() + " " + u.name()).toList()));
        return added;
    }

    /**
     * The units of {@code unitIds} to add to the tranche of a level and year, each once; a unit that does not exist,
     * is of another level or province or not valid in the year is a problem, one assigned in the decision already a
     * conflict.
     */
    private List<AdminUnit> unitsToAdd(Decision d, UnitLevel level, int year, List<Long> unitIds, List<String> problems,
                                       List<String> conflicts) {
        Map<Long, Long> parents = units.parentIds();
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<AdminUnit> adding = new ArrayList<>();
        for (Long id : unitIds) {
            AdminUnit u = id == null ? null : units.find(id).orElse(null);
            if (u == null) {
                problems.add("unitIds: không có đơn vị " + id);
                continue;
            }
            if (u.level() != level) {
                problems.add("unitIds: " + u.name() + " không phải đơn vị cấp " + levelName(level));
                continue;
            }
            if (!d.provinceCode().equals(provinceOf(u.id(), parents))) {
                problems.add("unitIds: " + u.name() + " không thuộc tỉnh " + d.provinceName());
                continue;
            }
            if (u.validFrom().isAfter(last) || (u.validTo() != null && u.validTo().isBefore(first))) {
                problems.add("unitIds: " + u.name() + " không còn hoặc chưa có hiệu lực trong năm " + year);
                continue;
            }
            Optional<Integer> other = jdbc.sql("""
                            select t.year from assignment a join assignment_tranche t on t.id = a.tranche_id
                            where a.decision_id = ? and a.unit_id = ?""").params(d.id(), u.id())
                    .query(Integer.class).optional();
            if (other.isPresent()) {
                conflicts.add(u.name() + " đã được giao năm " + other.get());
                continue;
            }
            if (adding.stream().noneMatch(x -> x.id() == u.id())) {
                adding.add(u);
            }
        }
        return adding;
    }

    @Override
    @Transactional
    public void unassign(long decisionId, long unitId) {
        AssignmentAccess.requireEdit();
        Decision d = steered(decisionId);
        List<Map<String, Object>> rows = jdbc.sql("""
                        select a.id, a.unit_code, a.unit_name, a.named_as, t.level, t.year from assignment a
                        join assignment_tranche t on t.id = a.tranche_id where a.decision_id = ? and a.unit_id = ?""")
                .params(decisionId, unitId).query().listOfRows();
        if (rows.isEmpty()) {
            throw ApiException.notFound("assignment", unitId);
        }
        Map<String, Object> row = rows.get(0);
        jdbc.sql("delete from assignment where id = ?").param(row.get("id")).update();
        audit.record("assignment.unassign", "assignment", row.get("id"), Map.of("decision", d.number(), "assignment", row), null);
    }

    @Override
    @Transactional
    public Decision linkTarget(long decisionId, Long targetId) {
        AssignmentAccess.requireEdit();
        Decision before = steered(decisionId);
        if (targetId != null && targets.find(targetId).isEmpty()) {
            throw ApiException.notFound("target", targetId);
        }
        jdbc.sql("update assignment_decision set target_id = ? where id = ?").params(targetId, decisionId).update();
        Decision after = decision(decisionId);
        audit.record("assignment.linkTarget", "assignment_decision", decisionId, before.targetId(), after.targetId());
        return after;
    }

    String provinceOf(long unitId, Map<Long, Long> parents) {
        long root = unitId;
        for (int i = 0; i < 6 && parents.get(root) != null; i++) {
            root = parents.get(root);
        }
        return units.find(root).map(AdminUnit::code).orElse(null);
    }
}
